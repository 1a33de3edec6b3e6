using System.Diagnostics;
using System.Text.Json;

namespace Pipelines.Dockerfile.Tests;

/// <summary>Runs the real <c>pipelines</c> executable (built through the project reference) as a process.</summary>
public sealed class ToolEndToEndTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string ToolPath()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0
        var root = FindRepositoryRoot();
        var path = Path.Combine(root, "src", "Pipelines.Tool", "bin", configuration, "net10.0", "Pipelines.Tool.dll");
        File.Exists(path).ShouldBeTrue($"the tool should have been built at {path}");
        return path;
    }

    internal static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(ToolPath());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(60_000).ShouldBeTrue("the tool should finish within a minute");
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void Lint_of_a_clean_dockerfile_exits_zero()
    {
        var dockerfile = _dir.Write("Dockerfile", "FROM busybox:1\nUSER 1000\nHEALTHCHECK CMD [\"true\"]\nENTRYPOINT [\"sh\"]\n");
        _dir.Write(".dockerignore", ".git\n");

        var (exit, output, error) = Run("lint", dockerfile);

        exit.ShouldBe(0, error);
        output.ShouldBeEmpty();
        error.ShouldContain("0 error(s), 0 warning(s)");
    }

    [Fact]
    public void Lint_with_an_error_finding_exits_one_and_prints_human_lines()
    {
        var dockerfile = _dir.Write("Dockerfile", "FROM busybox:1\nARG NPM_TOKEN\nWORKDIR app\n");

        var (exit, output, _) = Run("lint", dockerfile);

        exit.ShouldBe(1);
        output.ShouldContain($"{dockerfile}:2:5: PL004 error: ARG NPM_TOKEN looks like a secret");
        output.ShouldContain($"{dockerfile}:3:9: PL016 warning: WORKDIR 'app' is relative (fix: use an absolute path: WORKDIR /app)");
    }

    [Fact]
    public void Lint_with_only_warnings_exits_zero()
    {
        var dockerfile = _dir.Write("Dockerfile", "FROM busybox\n");

        Run("lint", dockerfile).ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Lint_of_an_unparsable_dockerfile_exits_two_with_the_position()
    {
        var bad = _dir.Write("bad.Dockerfile", "FROM busybox:1\nCOPY --form=x a b\n");
        var good = _dir.Write("good.Dockerfile", "FROM busybox\n");

        var (exit, output, error) = Run("lint", bad, good);

        exit.ShouldBe(2);
        error.ShouldContain($"{bad}:2:6: unknown flag --form for COPY");
        output.ShouldContain("PL003", customMessage: "the parsable file is still linted");
    }

    [Fact]
    public void Lint_reports_an_unparsable_file_as_a_PL000_sarif_result_and_exits_two()
    {
        var bad = _dir.Write("Dockerfile", "FROM busybox:1\nRUNN make\n");

        var (exit, output, _) = Run("lint", bad, "--format", "sarif");

        exit.ShouldBe(2);
        using var sarif = JsonDocument.Parse(output);
        var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single();
        result.GetProperty("ruleId").GetString().ShouldBe("PL000");
        result.GetProperty("level").GetString().ShouldBe("error");
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32()).ShouldBe((2, 1));
    }

    [Fact]
    public void Lint_writes_sarif_for_several_files()
    {
        var a = _dir.Write("a/Dockerfile", "FROM debian\n");
        var b = _dir.Write("b/Dockerfile", "FROM busybox:1\nCMD run\n");

        var (exit, output, _) = Run("lint", a, b, "--format", "sarif", "--disable", "PL001,PL002,PL010");

        exit.ShouldBe(0);
        using var sarif = JsonDocument.Parse(output);
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("ruleId").GetString(), r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32()))
            .ToList();
        results.ShouldBe([("PL003", 1), ("PL012", 2)]);
    }

    [Fact]
    public void Lint_writes_json_and_github_annotations()
    {
        var dockerfile = _dir.Write("Dockerfile", "FROM busybox:1\nWORKDIR app\n");

        var json = Run("lint", dockerfile, "--format=json", "--disable=PL001", "--disable=PL002", "--disable=PL010");
        using (var document = JsonDocument.Parse(json.Output))
        {
            document.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).ShouldBe(["PL016"]);
        }

        var github = Run("lint", dockerfile, "--format", "github", "--disable", "PL001,PL002,PL010");
        github.Output.ShouldBe($"::warning file={dockerfile},line=2,col=9,title=PL016 RelativeWorkdir::WORKDIR 'app' is relative (fix: use an absolute path: WORKDIR /app)\n");
    }

    [Fact]
    public void Stages_prints_the_graph_and_what_a_target_needs()
    {
        var dockerfile = _dir.Write("Dockerfile", "FROM busybox:1 AS deps\nFROM deps AS build\nFROM deps AS test\nFROM scratch AS production\nCOPY --from=build /a /a\n");

        var (exit, output, _) = Run("stages", dockerfile, "--target", "production");

        exit.ShouldBe(0);
        output.ShouldContain("4 stage(s), final stage 'production'");
        output.ShouldContain("target 'production' needs 3 stage(s): deps -> build -> production");
        output.ShouldContain("not built: test");
    }

    [Fact]
    public void Stages_with_an_unknown_target_exits_two_with_did_you_mean()
    {
        var dockerfile = _dir.Write("Dockerfile", "FROM busybox:1 AS test\nFROM scratch AS production\n");

        var (exit, _, error) = Run("stages", dockerfile, "--target", "tets");

        exit.ShouldBe(2);
        error.ShouldContain("Target stage 'tets' is not defined");
        error.ShouldContain("Did you mean 'test'?");
    }

    [Fact]
    public void Unknown_command_or_option_exits_two_with_usage()
    {
        var command = Run("frobnicate");
        command.ExitCode.ShouldBe(2);
        command.Error.ShouldContain("unknown command 'frobnicate'");

        var option = Run("lint", "--colour", "x");
        option.ExitCode.ShouldBe(2);
        option.Error.ShouldContain("Usage:");
    }

    [Fact]
    public void Rules_lists_every_rule()
    {
        var (exit, output, _) = Run("rules");

        exit.ShouldBe(0);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(DockerfileLinter.Rules.Count);
        output.ShouldContain("PL001 warning FinalStageRunsAsRoot");
    }
}
