namespace Pipelines.Dockerfile.Tests;

/// <summary>The parser and linter over the real multi-stage examples in <c>examples/</c>.</summary>
public class ExampleDockerfilesTests
{
    public static TheoryData<string> Examples() => new(ExampleNames());

    private static List<string> ExampleNames()
    {
        var examples = Path.Combine(ToolEndToEndTests.FindRepositoryRoot(), "examples");
        return Directory.EnumerateFiles(examples, "*Dockerfile*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".dockerignore", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(examples, f))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string PathOf(string example) => Path.Combine(ToolEndToEndTests.FindRepositoryRoot(), "examples", example);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_parses_into_a_consistent_graph(string example)
    {
        var document = DockerfileDocument.Load(PathOf(example));

        document.Stages.ShouldNotBeEmpty();
        document.Graph.Errors.ShouldBeEmpty();
        document.Instructions.ShouldAllBe(i => i.Location.File == document.Path && i.Location.Line >= 1 && i.EndLine >= i.Location.Line);
        document.StagesNeededFor("").Last().ShouldBe(document.FinalStage);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_has_no_error_severity_lint_findings(string example)
    {
        var document = DockerfileDocument.Load(PathOf(example));
        var targets = document.Stages.Where(s => s.Name is "test" or "debug" or "development").Select(s => s.Name!).ToList();

        var findings = DockerfileLinter.Lint(document, LintOptions.Default.AddTargets(targets));

        findings.Where(f => f.Severity == LintSeverity.Error).ShouldBeEmpty();
    }

    [Fact]
    public void Multi_stage_examples_validate_their_test_and_production_targets()
    {
        var multiStage = ExampleNames().Where(e => Path.GetFileName(e) == "Dockerfile").ToList();

        multiStage.ShouldNotBeEmpty();
        foreach (var example in multiStage)
        {
            var document = DockerfileDocument.Load(PathOf(example));
            document.ValidateTarget("production").Name.ShouldBe("production", example);
            document.ValidateTarget("test").Name.ShouldBe("test", example);
            document.StagesNeededFor("production").ShouldNotContain(s => s.Name == "test", example);
        }
    }
}
