using Pipelines.Docker;
using Pipelines.IntegrationTests.Engine;
using BuildxCli = Pipelines.Docker.Buildx;

namespace Pipelines.IntegrationTests.Buildx;

[Collection(EngineCollection.Name)]
public sealed class BuildxBakeTests
{
    [Fact]
    public async Task A_bake_of_two_targets_sharing_stages_builds_the_shared_stages_once()
    {
        await using var scope = new BuildxTestScope();
        var results = Path.Combine(scope.WorkDirectory, "results");
        var definition = new BakeDefinition()
            .AddTarget(BakeTarget.FromBuild("test", scope.Settings("app").SetTarget("test").AddOutput(BuildOutput.Local(results))))
            .AddTarget(BakeTarget.FromBuild("production", scope.Settings("app").SetTarget("production")
                .AddTag($"{scope.Repository}:1").EnablePush().SetProvenance(false)));

        var bake = await BuildxCli.BakeAsync(definition, new BuildxBakeSettings().SetProgress(ProgressMode.RawJson));

        bake.Targets.Keys.ShouldBe(["production", "test"], ignoreOrder: true);
        bake["production"].Digest.ShouldStartWith("sha256:");
        bake["production"].ImageNames.ShouldBe([$"{scope.Repository}:1"]);
        File.ReadAllText(Path.Combine(results, "out", "results.txt")).ShouldContain("ok 1");
        var sharedSteps = bake.Steps.Where(step => step.Name.Contains("RUN echo \"base", StringComparison.Ordinal)).ToList();
        sharedSteps.ShouldHaveSingleItem("one vertex for the shared base stage across both targets").Cached.ShouldBeFalse("the nonce makes it run");
        bake.Steps.Count(step => step.Name.Contains("RUN echo \"app", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Bake_print_resolves_the_definition_with_set_overrides_without_building()
    {
        await using var scope = new BuildxTestScope();
        var definition = new BakeDefinition()
            .AddTarget(BakeTarget.FromBuild("production", scope.Settings("app").SetTarget("production").AddTag($"{scope.Repository}:1")))
            .AddGroup("release", "production");

        var printed = await BuildxCli.BakePrintAsync(definition, new BuildxBakeSettings().AddTargets("release").AddSet("*", "platform", "linux/arm64"));

        var target = printed.GetProperty("target").GetProperty("production");
        target.GetProperty("platforms").EnumerateArray().Select(p => p.GetString()).ShouldBe(["linux/arm64"]);
        target.GetProperty("target").GetString().ShouldBe("production");
        target.GetProperty("args").GetProperty("NONCE").GetString().ShouldBe(scope.Nonce);
    }

    [Fact]
    public async Task Bake_with_a_mistyped_target_stage_fails_before_buildkit_starts()
    {
        await using var scope = new BuildxTestScope();
        var definition = new BakeDefinition().AddTarget(BakeTarget.FromBuild("x", scope.Settings("app").SetTarget("tests")));

        var exception = await Should.ThrowAsync<Pipelines.Dockerfile.UnknownStageException>(() => BuildxCli.BakeAsync(definition));

        exception.Suggestion.ShouldBe("test");
    }
}
