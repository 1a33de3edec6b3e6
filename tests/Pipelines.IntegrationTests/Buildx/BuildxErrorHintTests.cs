using Pipelines.Docker;
using Pipelines.IntegrationTests.Engine;
using BuildxCli = Pipelines.Docker.Buildx;

namespace Pipelines.IntegrationTests.Buildx;

[Collection(EngineCollection.Name)]
public sealed class BuildxErrorHintTests
{
    [Fact]
    public async Task The_preflight_passes_on_a_provisioned_engine()
    {
        (await BuildxCli.EnsureAvailableAsync()).ShouldContain("buildx");
    }

    [Fact]
    public async Task A_push_to_a_registry_that_is_not_listening_is_classified_as_unreachable()
    {
        await using var scope = new BuildxTestScope();

        var exception = await Should.ThrowAsync<BuildxFailedException>(() => BuildxCli.BuildAsync(
            scope.Settings("app").SetTarget("production").AddTag($"127.0.0.1:9/it-buildx-{scope.Nonce}:1").EnablePush().SetProvenance(false)));

        exception.Kind.ShouldBe(BuildxFailureKind.RegistryUnreachable, exception.Message);
        exception.Fix.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_dockerfile_syntax_error_is_classified_with_its_line()
    {
        await using var scope = new BuildxTestScope();
        File.WriteAllText(Path.Combine(scope.WorkDirectory, "Dockerfile"), "FROM busybox\nFOOBAR x\n");

        var exception = await Should.ThrowAsync<BuildxFailedException>(() =>
            BuildxCli.BuildAsync(new BuildxBuildSettings().SetContext(scope.WorkDirectory).AddOutput(BuildOutput.CacheOnly())));

        exception.Kind.ShouldBe(BuildxFailureKind.DockerfileParseError, exception.Message);
        exception.Fix.ShouldNotBeNull().ShouldContain("line 2");
    }
}
