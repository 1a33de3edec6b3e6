// Temporary first version of this repository's build, until the target engine lands
// (helper converts it to `class Build : PipelineBuild` with the same targets and behaviour).
using System.Xml.Linq;
using Pipelines.Tooling;

static class Build
{
    static readonly string Root = Directory.GetCurrentDirectory();
    static readonly string TestResults = Path.Combine(Root, "artifacts", "test-results");

    public static async Task<int> Main(string[] args)
    {
        var target = args.FirstOrDefault() ?? "Default";
        try
        {
            switch (target.ToLowerInvariant())
            {
                case "provisionengine": await ProvisionEngine(); break;
                case "compile": await Compile(); break;
                case "test": await ProvisionEngine(); await Compile(); return await Test();
                case "default": await ProvisionEngine(); await Compile(); return await Test("FullyQualifiedName~Slice");
                default: Console.Error.WriteLine($"Unknown target '{target}'. Targets: ProvisionEngine, Compile, Test, Default"); return 2;
            }

            return 0;
        }
        catch (Pipelines.PipelinesException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 1;
        }
    }

    // Provisions dockerd + buildx + registry + base images when they are not reachable (root on Debian only).
    static Task ProvisionEngine() => Tool.RunAsync("bash", [Path.Combine(Root, "build", "engine", "provision.sh")]);

    static Task Compile() => Tool.RunAsync("dotnet", ["build", Path.Combine(Root, "Pipelines.sln"), "--nologo", "-clp:NoSummary"]);

    // Runs every test project once; prints the totals from the TRX files as "N passed, N failed".
    static async Task<int> Test(string? filter = null)
    {
        if (Directory.Exists(TestResults))
        {
            Directory.Delete(TestResults, recursive: true);
        }

        string[] arguments = ["test", Path.Combine(Root, "Pipelines.sln"), "--no-build", "--nologo",
            "--logger", "trx", "--logger", "console;verbosity=normal", "--results-directory", TestResults];
        if (filter is not null)
        {
            arguments = [.. arguments, "--filter", filter];
        }

        var run = await Tool.RunAsync(new ToolCommand("dotnet", arguments) { ThrowOnFailure = false });
        var (passed, failed) = CountResults(TestResults);
        Console.WriteLine($"{passed} passed, {failed} failed");
        return run.ExitCode == 0 && failed == 0 && passed > 0 ? 0 : 1;
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
