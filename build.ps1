#!/usr/bin/env pwsh
# Bootstrap for this repository's build (build/_build.csproj), NUKE style: finds the .NET SDK,
# compiles the build project only when its sources changed, then runs it with all arguments.
$ErrorActionPreference = 'Stop'
$Root = $PSScriptRoot
$Project = Join-Path $Root 'build/_build.csproj'
$Out = Join-Path $Root 'build/bin'
$Stamp = Join-Path $Out '.inputs-stamp'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'; $env:DOTNET_NOLOGO = '1'; $env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    Write-Error "build.ps1: the .NET SDK was not found on PATH. Install the .NET 10 SDK: https://dot.net/install (dotnet-install.ps1 -Channel 10.0), then rerun."
    exit 1
}

function Test-NeedsBuild {
    if (-not (Test-Path $Stamp) -or -not (Test-Path (Join-Path $Out '_build.dll'))) { return $true }
    $since = (Get-Item $Stamp).LastWriteTimeUtc
    $inputs = @(Get-ChildItem (Join-Path $Root 'build'), (Join-Path $Root 'src') -Recurse |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)([\\/]|$)' })
    $inputs += Get-ChildItem $Root -Filter 'Directory.*.props'
    $inputs += Get-Item (Join-Path $Root 'global.json')
    return [bool]($inputs | Where-Object { $_.LastWriteTimeUtc -gt $since } | Select-Object -First 1)
}

if (Test-NeedsBuild) {
    New-Item -ItemType Directory -Force $Out | Out-Null
    $started = Get-Date
    & dotnet build $Project --nologo --verbosity quiet -clp:ErrorsOnly
    if ($LASTEXITCODE -ne 0) { Write-Error "build.ps1: compiling build/_build.csproj failed"; exit $LASTEXITCODE }
    New-Item -ItemType File -Force $Stamp | Out-Null
    (Get-Item $Stamp).LastWriteTimeUtc = $started.ToUniversalTime()
}
Set-Location $Root
& dotnet (Join-Path $Out '_build.dll') @args
exit $LASTEXITCODE
