using System.Text.Json;

namespace Pipelines.Dockerfile.Tests;

public class LintReportWriterTests
{
    private static readonly LintFinding Warning = new("PL016", "RelativeWorkdir", LintSeverity.Warning, "WORKDIR 'app' is relative", "use an absolute path: WORKDIR /app", new SourceLocation("examples/api/Dockerfile", 4, 9));
    private static readonly LintFinding Error = new("PL004", "SecretInArgOrEnv", LintSeverity.Error, "ARG NPM_TOKEN looks like a secret", "use a secret mount", new SourceLocation("examples/api/Dockerfile", 2, 5));
    private static readonly LintFinding Info = new("PL014", "UnusedStage", LintSeverity.Info, "stage 'docs' is unused, 100%", "remove it,\nor build it", new SourceLocation("Dockerfile", 1, 1));

    [Fact]
    public void Human_format_is_file_line_col_rule_severity_message_and_fix()
    {
        LintReportWriter.Write([Warning, Error], LintOutputFormat.Human).ShouldBe(
            "examples/api/Dockerfile:4:9: PL016 warning: WORKDIR 'app' is relative (fix: use an absolute path: WORKDIR /app)\n" +
            "examples/api/Dockerfile:2:5: PL004 error: ARG NPM_TOKEN looks like a secret (fix: use a secret mount)\n");
    }

    [Fact]
    public void Json_format_lists_findings_and_a_summary()
    {
        using var json = JsonDocument.Parse(LintReportWriter.Write([Warning, Error, Info], LintOutputFormat.Json));

        var first = json.RootElement.GetProperty("findings")[0];
        first.GetProperty("file").GetString().ShouldBe("examples/api/Dockerfile");
        first.GetProperty("line").GetInt32().ShouldBe(4);
        first.GetProperty("column").GetInt32().ShouldBe(9);
        first.GetProperty("ruleId").GetString().ShouldBe("PL016");
        first.GetProperty("rule").GetString().ShouldBe("RelativeWorkdir");
        first.GetProperty("severity").GetString().ShouldBe("warning");
        first.GetProperty("fix").GetString().ShouldBe("use an absolute path: WORKDIR /app");
        var summary = json.RootElement.GetProperty("summary");
        (summary.GetProperty("errors").GetInt32(), summary.GetProperty("warnings").GetInt32(), summary.GetProperty("infos").GetInt32()).ShouldBe((1, 1, 1));
    }

    [Fact]
    public void Sarif_has_the_2_1_0_structure_code_scanning_needs()
    {
        using var sarif = JsonDocument.Parse(LintReportWriter.Write([Warning, Error, Info], LintOutputFormat.Sarif));
        var root = sarif.RootElement;

        root.GetProperty("version").GetString().ShouldBe("2.1.0");
        root.GetProperty("$schema").GetString().ShouldBe("https://json.schemastore.org/sarif-2.1.0.json");
        var run = root.GetProperty("runs").EnumerateArray().Single();
        var driver = run.GetProperty("tool").GetProperty("driver");
        driver.GetProperty("name").GetString().ShouldBe("pipelines");
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        rules.Select(r => r.GetProperty("id").GetString()).ShouldBe(DockerfileLinter.Rules.Select(r => r.Id));
        rules.ShouldAllBe(r => r.GetProperty("shortDescription").GetProperty("text").GetString()!.Length > 0
            && r.GetProperty("help").GetProperty("text").GetString()!.StartsWith("Fix: ")
            && new[] { "error", "warning", "note" }.Contains(r.GetProperty("defaultConfiguration").GetProperty("level").GetString()));

        var results = run.GetProperty("results").EnumerateArray().ToList();
        results.Select(r => r.GetProperty("level").GetString()).ShouldBe(["warning", "error", "note"]);
        var result = results[0];
        result.GetProperty("ruleId").GetString().ShouldBe("PL016");
        rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString().ShouldBe("PL016");
        result.GetProperty("message").GetProperty("text").GetString().ShouldBe("WORKDIR 'app' is relative (fix: use an absolute path: WORKDIR /app)");
        var physical = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        physical.GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe("examples/api/Dockerfile");
        physical.GetProperty("region").GetProperty("startLine").GetInt32().ShouldBe(4);
        physical.GetProperty("region").GetProperty("startColumn").GetInt32().ShouldBe(9);
    }

    [Fact]
    public void Sarif_uses_file_uris_for_absolute_paths_and_escapes_relative_ones()
    {
        var absolute = Warning with { Location = new SourceLocation("/work/app/Dockerfile", 1, 1) };
        var spaced = Warning with { Location = new SourceLocation("my app\\Dockerfile", 1, 1) };

        using var sarif = JsonDocument.Parse(LintReportWriter.ToSarif([absolute, spaced]));

        var uris = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        uris.ShouldBe(["file:///work/app/Dockerfile", "my%20app/Dockerfile"]);
    }

    [Fact]
    public void Github_annotations_are_workflow_commands_with_escaped_values()
    {
        LintReportWriter.Write([Warning, Error, Info], LintOutputFormat.GitHub).ShouldBe(
            "::warning file=examples/api/Dockerfile,line=4,col=9,title=PL016 RelativeWorkdir::WORKDIR 'app' is relative (fix: use an absolute path: WORKDIR /app)\n" +
            "::error file=examples/api/Dockerfile,line=2,col=5,title=PL004 SecretInArgOrEnv::ARG NPM_TOKEN looks like a secret (fix: use a secret mount)\n" +
            "::notice file=Dockerfile,line=1,col=1,title=PL014 UnusedStage::stage 'docs' is unused, 100%25 (fix: remove it,%0Aor build it)\n");
    }

    [Theory]
    [InlineData("human", LintOutputFormat.Human)]
    [InlineData("JSON", LintOutputFormat.Json)]
    [InlineData("sarif", LintOutputFormat.Sarif)]
    [InlineData("github", LintOutputFormat.GitHub)]
    public void Format_names_parse(string text, LintOutputFormat expected)
    {
        LintReportWriter.TryParseFormat(text, out var format).ShouldBeTrue();
        format.ShouldBe(expected);
    }

    [Fact]
    public void Unknown_format_names_do_not_parse()
    {
        LintReportWriter.TryParseFormat("xml", out _).ShouldBeFalse();
        LintReportWriter.TryParseFormat("7", out _).ShouldBeFalse();
    }
}

public class RulesDocumentationTests
{
    [Fact]
    public void Rules_md_matches_the_rule_catalogue()
    {
        var path = Path.Combine(ToolEndToEndTests.FindRepositoryRoot(), "src", "Pipelines.Dockerfile", "RULES.md");

        File.ReadAllText(path).ShouldBe(LintReportWriter.RulesMarkdown(), "regenerate with: dotnet run --project src/Pipelines.Tool -- rules --format markdown > src/Pipelines.Dockerfile/RULES.md");
    }

    [Fact]
    public void Rules_markdown_has_one_row_per_rule()
    {
        LintReportWriter.RulesMarkdown().Split('\n').Count(l => l.StartsWith("| PL", StringComparison.Ordinal)).ShouldBe(DockerfileLinter.Rules.Count);
    }
}
