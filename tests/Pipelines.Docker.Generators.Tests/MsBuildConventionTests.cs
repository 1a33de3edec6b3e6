using System.Diagnostics;

namespace Pipelines.Docker.Generators.Tests;

/// <summary>
/// The documented project-file convention end to end: a real <c>dotnet build</c> of a small project that imports
/// <c>build/Pipelines.Docker.Generators.targets</c> and lists a Dockerfile with <c>&lt;PipelinesDockerfile&gt;</c>.
/// </summary>
public sealed class MsBuildConventionTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "pipelines-gen-" + Guid.NewGuid().ToString("N"));

    public MsBuildConventionTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private void WriteProject(string dockerfile, string program)
    {
        var root = RepositoryRoot();
        var generator = Path.Combine(AppContext.BaseDirectory, "Pipelines.Docker.Generators.dll");
        Write("Sample.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Exe</OutputType>
                <RootNamespace>Sample</RootNamespace>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <Analyzer Include="{generator}" />
                <PipelinesDockerfile Include="app/Dockerfile" PipelinesName="App" />
              </ItemGroup>
              <Import Project="{Path.Combine(root, "src", "Pipelines.Docker.Generators", "build", "Pipelines.Docker.Generators.targets")}" />
            </Project>
            """);
        // keep the repository's Directory.Build.props / central package management out of this project
        Write("Directory.Build.props", "<Project />");
        Write("Directory.Build.targets", "<Project />");
        Write("Directory.Packages.props", "<Project />");
        Write("app/Dockerfile", dockerfile);
        Write("Program.cs", program);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }

    private (int ExitCode, string Output) Build()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _dir };
        foreach (var arg in new[] { "build", "Sample.csproj", "-nologo", "-v:q", "-p:UseSharedCompilation=false", "-nodeReuse:false" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(300_000).ShouldBeTrue("dotnet build should finish within five minutes");
        return (process.ExitCode, output.Result + error.Result);
    }

    [Fact]
    public void A_listed_dockerfile_gives_typed_stage_names_and_a_typo_or_a_bad_dockerfile_fails_the_build()
    {
        // Given a project that lists a Dockerfile and uses its stages
        WriteProject(
            "ARG VERSION=dev\nFROM busybox:1 AS build\nFROM scratch AS production\nCOPY --from=build /bin/busybox /busybox\n",
            "System.Console.WriteLine(Sample.AppStages.Production + \" \" + Sample.AppStages.Args.Version);\n");

        // When it builds, Then the constants exist
        var good = Build();
        good.ExitCode.ShouldBe(0, good.Output);

        // Given a misspelt stage, Then the compiler rejects it
        Write("Program.cs", "System.Console.WriteLine(Sample.AppStages.Prodution);\n");
        var typo = Build();
        typo.ExitCode.ShouldNotBe(0);
        typo.Output.ShouldContain("CS0117");

        // Given a Dockerfile that does not parse, Then the build fails pointing at its line
        Write("Program.cs", "System.Console.WriteLine();\n");
        Write("app/Dockerfile", "FROM busybox:1 AS build\nRUNN make\n");
        var bad = Build();
        bad.ExitCode.ShouldNotBe(0);
        bad.Output.ShouldContain("PLGEN001");
        bad.Output.ShouldContain("Dockerfile(2,1)");
    }
}
