using Pipelines.Docker;
using Pipelines.Dockerfile;
using Pipelines.IntegrationTests.Engine;
using BuildxCli = Pipelines.Docker.Buildx;

namespace Pipelines.IntegrationTests.Buildx;

/// <summary>BuildKit's own view of each Dockerfile (<c>--call targets</c>) cross-checks the Pipelines.Dockerfile parser.</summary>
[Collection(EngineCollection.Name)]
public sealed class DockerfileParserCrossCheckTests
{
    [Fact]
    public async Task Named_stages_lines_and_the_default_stage_agree_with_buildkit_for_every_example_and_fixture()
    {
        var dockerfiles = ExampleDockerfiles().Append(Path.Combine(BuildxTestScope.Fixture("app"), "Dockerfile")).ToList();
        dockerfiles.Count.ShouldBeGreaterThan(1);

        foreach (var dockerfile in dockerfiles)
        {
            var buildkit = await BuildxCli.ListTargetsAsync(new BuildxBuildSettings().SetContext(Path.GetDirectoryName(dockerfile)!).SetFile(dockerfile));
            var parsed = DockerfileDocument.Load(dockerfile);

            var expected = buildkit.Where(s => !string.IsNullOrEmpty(s.Name) && !int.TryParse(s.Name, out _)).Select(s => (s.Name, s.Line));
            var actual = parsed.Stages.Where(s => s.Name is not null).Select(s => (s.Name!, s.Line));
            actual.ShouldBe(expected, $"{dockerfile}: named stages (name, FROM line)");
            buildkit.Where(s => s.IsDefault).Select(s => s.Line).ShouldBe([parsed.FinalStage.Line], $"{dockerfile}: default stage");
        }
    }

    private static IEnumerable<string> ExampleDockerfiles()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Pipelines.sln")))
        {
            directory = directory.Parent;
        }

        var examples = directory is null ? null : Path.Combine(directory.FullName, "examples");
        return examples is not null && Directory.Exists(examples)
            ? Directory.EnumerateFiles(examples, "Dockerfile*", SearchOption.AllDirectories).Where(path => !path.Contains("node_modules", StringComparison.Ordinal)).Order()
            : [];
    }
}
