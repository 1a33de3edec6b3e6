using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Pipelines.Tests.EndToEnd;

/// <summary>Output and exit code of one run of the sample build.</summary>
public sealed record ProcessRun(int ExitCode, string Output, string StandardError)
{
    public string All => Output + StandardError;
}

/// <summary>
/// The sample build (tests/Pipelines.Tests.SampleBuild), built once: the test project's ProjectReference builds it
/// before the tests; when its assembly is missing anyway, the fixture runs <c>dotnet build</c> once.
/// </summary>
public sealed class SampleBuildFixture
{
    public SampleBuildFixture()
    {
        var metadata = typeof(SampleBuildFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        AssemblyPath = Path.GetFullPath(metadata["SampleBuildAssembly"]!);
        if (!File.Exists(AssemblyPath))
        {
            var build = Process.Start(new ProcessStartInfo("dotnet", ["build", Path.GetFullPath(metadata["SampleBuildProject"]!), "--nologo", "-v", "q"]))!;
            build.WaitForExit();
            build.ExitCode.ShouldBe(0);
        }
    }

    public string AssemblyPath { get; }

    /// <summary>Starts <c>dotnet sample.dll args</c> in a fresh root directory (with <c>.nuke/</c>), colours off, no CI variables.</summary>
    public Process Start(string[] args, Dictionary<string, string>? environment, StringBuilder output, StringBuilder error, string? root = null)
    {
        root ??= Engine.Harness.NewRoot();
        var info = new ProcessStartInfo("dotnet", [AssemblyPath, .. args])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var name in new[] { "GITHUB_ACTIONS", "CI", "TF_BUILD" })
        {
            info.Environment.Remove(name);
        }

        info.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? [])
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (error)
                {
                    error.AppendLine(e.Data);
                }
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public async Task<ProcessRun> RunAsync(string[] args, Dictionary<string, string>? environment = null)
    {
        var output = new StringBuilder();
        var error = new StringBuilder();
        using var process = Start(args, environment, output, error);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet sample {string.Join(' ', args)} did not exit within 120 s. Output so far:\n{output}\n{error}");
        }

        process.WaitForExit(); // drains the asynchronous output readers
        return new ProcessRun(process.ExitCode, output.ToString(), error.ToString());
    }
}

[CollectionDefinition(Name)]
public sealed class SampleBuildCollection : ICollectionFixture<SampleBuildFixture>
{
    public const string Name = "Sample build";
}
