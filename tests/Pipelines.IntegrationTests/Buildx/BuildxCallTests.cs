using Pipelines.Docker;
using Pipelines.Dockerfile;
using Pipelines.IntegrationTests.Engine;
using BuildxCli = Pipelines.Docker.Buildx;

namespace Pipelines.IntegrationTests.Buildx;

[Collection(EngineCollection.Name)]
public sealed class BuildxCallTests
{
    [Fact]
    public async Task Call_targets_lists_the_stages_buildkit_sees_and_they_match_the_dockerfile_parser()
    {
        var settings = new BuildxBuildSettings().SetContext(BuildxTestScope.Fixture("app"));

        var stages = await BuildxCli.ListTargetsAsync(settings);

        stages.Select(s => s.Name).ShouldBe(["base", "build", "test", "production"]);
        stages.Single(s => s.IsDefault).Name.ShouldBe("production");
        stages[0].Platform.ShouldBe("$BUILDPLATFORM");
        stages[1].Description.ShouldNotBeNull().ShouldContain("app for the target architecture");
        var parsed = DockerfileDocument.Load(Path.Combine(BuildxTestScope.Fixture("app"), "Dockerfile"));
        parsed.Stages.Select(s => s.Name).ShouldBe(stages.Select(s => s.Name));
    }

    [Fact]
    public async Task Call_outline_reports_build_args_with_defaults_and_descriptions()
    {
        var outline = await BuildxCli.OutlineAsync(new BuildxBuildSettings().SetContext(BuildxTestScope.Fixture("app")).SetTarget("test"));

        outline.Name.ShouldBe("test");
        var version = outline.Args.Single(a => a.Name == "VERSION");
        version.Value.ShouldBe("1.0");
        version.Description.ShouldBe("the app version");
        version.Line.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Call_check_returns_buildkit_warnings_and_none_for_a_clean_dockerfile()
    {
        await using var scope = new BuildxTestScope();
        File.WriteAllText(Path.Combine(scope.WorkDirectory, "Dockerfile"), "from busybox as Base\nRUN echo hi\nFROM Base\n");

        var warnings = await BuildxCli.CheckAsync(new BuildxBuildSettings().SetContext(scope.WorkDirectory));
        var clean = await BuildxCli.CheckAsync(new BuildxBuildSettings().SetContext(BuildxTestScope.Fixture("app")));

        warnings.Select(w => w.RuleName).ShouldContain("StageNameCasing");
        warnings.Single(w => w.RuleName == "StageNameCasing").Line.ShouldBe(1);
        clean.ShouldBeEmpty();
    }
}
