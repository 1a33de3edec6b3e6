using System.Xml.Linq;
using Pipelines;
using Pipelines.Containers;
using Pipelines.Output;
using Pipelines.Tooling;

/// <summary>
/// This repository's own build (dogfooding src/Pipelines). <c>./build.sh</c> runs <see cref="Default"/>;
/// <c>./build.sh Test</c> builds the solution and runs every test; <c>./build.sh --help</c> lists the rest.
/// </summary>
internal sealed class Build : PipelineBuild
{
    [Parameter("Extra dotnet test --filter expression for Test (default: every test)")]
    readonly string? TestFilter = null;

    [Parameter("Repetitions of each end-to-end benchmark measurement (cold builds run once)")]
    readonly int BenchmarkRepetitions = 3;

    AbsolutePath Solution => RootDirectory / "Pipelines.sln";

    AbsolutePath TestResults => RootDirectory / "artifacts" / "test-results";

    AbsolutePath Packages => RootDirectory / "artifacts" / "packages";

    /// <summary><c>./build.sh examples &lt;Target&gt;</c> runs the examples' own container pipeline build; anything else is this build.</summary>
    public static int Main(string[] args) => args is ["examples", .. var rest]
        ? Execute<ExamplesBuild, IContainerPipeline>(rest, x => x.Publish)
        : Execute<Build>(args, x => x.Default);

    Target ProvisionEngine => _ => _
        .Description("Provisions dockerd + buildx + registry + base images when they are not reachable (root on Debian only)")
        .Executes(cancellationToken => Tool.RunAsync("bash", [RootDirectory / "build" / "engine" / "provision.sh"], cancellationToken));

    Target Compile => _ => _
        .Description("Builds Pipelines.sln")
        .Executes(cancellationToken => Tool.RunAsync("dotnet", ["build", Solution, "--nologo", "-clp:NoSummary"], cancellationToken));

    Target Test => _ => _
        .Description("Runs every test project once (unit and integration) with TRX logs; prints the totals")
        .DependsOn(ProvisionEngine, Compile)
        .Executes(cancellationToken => RunTestsAsync(TestFilter, cancellationToken));

    Target Pack => _ => _
        .Description("Packs the packable projects into artifacts/packages")
        .DependsOn(Compile)
        .Executes(cancellationToken => Tool.RunAsync("dotnet", ["pack", Solution, "--no-build", "--nologo", "-o", Packages], cancellationToken));

    Target Default => _ => _
        .Description("The container pipeline over examples/: lint, test stages, amd64+arm64 images, verify, publish to the registry, report")
        .DependsOn(ProvisionEngine)
        .Executes(cancellationToken => Tool.RunAsync("dotnet", [typeof(Build).Assembly.Location, "examples", "Publish"], cancellationToken));

    Target Format => _ => _
        .Description("Checks formatting against .editorconfig (dotnet format --verify-no-changes)")
        .Executes(cancellationToken => Tool.RunAsync("dotnet", ["format", Solution, "--verify-no-changes", "--severity", "warn"], cancellationToken));

    Target Benchmark => _ => _
        .Description("End-to-end ratios against the real engine, side by side; appends to benchmarks/results/<date>.md")
        .DependsOn(ProvisionEngine)
        .Executes(cancellationToken => Tool.RunAsync("dotnet",
            ["run", "-c", "Release", "--project", RootDirectory / "benchmarks" / "Pipelines.Benchmarks", "--", "e2e", "--reps", $"{BenchmarkRepetitions}"], cancellationToken));

    /// <summary>Runs <c>dotnet test</c> over the solution and prints "N passed, N failed" from the TRX files; fails unless all passed and at least one ran.</summary>
    async Task RunTestsAsync(string? filter, CancellationToken cancellationToken)
    {
        if (TestResults.DirectoryExists())
        {
            Directory.Delete(TestResults, recursive: true);
        }

        string[] arguments = ["test", Solution, "--no-build", "--nologo",
            "--logger", "trx", "--logger", "console;verbosity=normal", "--results-directory", TestResults];
        if (filter is not null)
        {
            arguments = [.. arguments, "--filter", filter];
        }

        var run = await Tool.RunAsync(new ToolCommand("dotnet", arguments) { ThrowOnFailure = false }, cancellationToken);
        var (passed, failed) = CountResults(TestResults);
        Log.Information($"{passed} passed, {failed} failed");
        if (run.ExitCode != 0 || failed > 0 || passed == 0)
        {
            throw new InvalidOperationException($"Tests failed: {passed} passed, {failed} failed, dotnet test exit code {run.ExitCode}.");
        }
    }

    static (int Passed, int Failed) CountResults(string directory)
    {
        int passed = 0, failed = 0;
        foreach (var trx in Directory.Exists(directory) ? Directory.EnumerateFiles(directory, "*.trx", SearchOption.AllDirectories) : [])
        {
            var counters = XDocument.Load(trx).Descendants().First(e => e.Name.LocalName == "Counters");
            passed += (int?)counters.Attribute("passed") ?? 0;
            failed += ((int?)counters.Attribute("failed") ?? 0) + ((int?)counters.Attribute("error") ?? 0) + ((int?)counters.Attribute("timeout") ?? 0);
        }

        return (passed, failed);
    }
}
