using Pipelines.Docker;
using Pipelines.IntegrationTests.Engine;
using BuildxCli = Pipelines.Docker.Buildx;

namespace Pipelines.IntegrationTests.Buildx;

[Collection(EngineCollection.Name)]
public sealed class BuildxBuilderTests
{
    [Fact]
    public async Task The_default_builder_is_listed_inspected_and_builds_for_both_test_platforms()
    {
        var builders = await BuildxCli.ListBuildersAsync();
        var inspected = await BuildxCli.InspectBuilderAsync("default", bootstrap: true);

        builders.ShouldContain(b => b.Name == "default" && b.Driver == "docker");
        inspected.Nodes.ShouldNotBeEmpty();
        inspected.Nodes[0].Status.ShouldBe("running");
        inspected.Platforms.ShouldContain(Platform.LinuxAmd64);
        inspected.Platforms.ShouldContain(Platform.LinuxArm64);
    }

    [Fact]
    public async Task Disk_usage_lists_cache_records_and_a_filtered_prune_reports_what_it_reclaimed()
    {
        await using var scope = new BuildxTestScope();
        await BuildxCli.BuildAsync(scope.Settings("app").SetTarget("test").AddOutput(BuildOutput.CacheOnly()));

        var records = await BuildxCli.DiskUsageAsync();
        var reclaimed = await BuildxCli.PruneAsync(new BuildxPruneSettings().AddFilter("type=source.local"));

        records.ShouldNotBeEmpty();
        records.ShouldContain(r => r.Size > 0);
        records.ShouldContain(r => r.Type == "source.local");
        reclaimed.ShouldBeGreaterThanOrEqualTo(0);
        (await BuildxCli.DiskUsageAsync(filters: ["type=source.local"])).ShouldBeEmpty();
    }

    [Fact]
    public async Task Creating_a_docker_container_builder_that_cannot_start_fails_with_a_classified_error_and_is_removed()
    {
        // the moby/buildkit image cannot be pulled on these machines, so bootstrapping fails: the error must be typed
        var name = $"it-buildx-{Guid.NewGuid():N}"[..20];
        try
        {
            var created = await BuildxCli.CreateBuilderAsync(new BuildxCreateSettings().SetName(name).SetDriver(BuildxDriver.DockerContainer)
                .AddDriverOption("image", $"{EngineFixture.Registry}/does-not-exist/buildkit:none"));
            created.ShouldBe(name);

            var exception = await Should.ThrowAsync<BuildxFailedException>(() => BuildxCli.InspectBuilderAsync(name, bootstrap: true));
            exception.Kind.ShouldBeOneOf(BuildxFailureKind.NotFound, BuildxFailureKind.RegistryUnreachable, BuildxFailureKind.Unknown);
            exception.CommandLine.ShouldContain("--bootstrap");
        }
        finally
        {
            await BuildxCli.RemoveBuilderAsync(name);
        }

        (await BuildxCli.ListBuildersAsync()).ShouldNotContain(b => b.Name == name);
    }
}
