using Pipelines.Docker;
using Pipelines.IntegrationTests.Engine;
using BuildxCli = Pipelines.Docker.Buildx;

namespace Pipelines.IntegrationTests.Buildx;

[Collection(EngineCollection.Name)]
public sealed class BuildxPublishTests
{
    private static readonly Platform[] _bothPlatforms = [Platform.LinuxAmd64, Platform.LinuxArm64];

    [Fact]
    public async Task Production_for_two_platforms_is_pushed_with_registry_cache_and_a_pruned_builder_rebuilds_from_that_cache()
    {
        await using var scope = new BuildxTestScope();
        var cache = $"{scope.Repository}:buildcache";
        var production = scope.Settings("app")
            .SetTarget("production")
            .AddPlatforms(_bothPlatforms)
            .AddTag($"{scope.Repository}:1")
            .EnablePush()
            .SetProvenance(false)
            .AddCacheFrom(CacheEntry.Registry(cache))
            .SetProgress(ProgressMode.RawJson);

        // Given a first build that really runs and exports a max-mode cache
        var first = await BuildxCli.BuildAsync(production.AddCacheTo(CacheEntry.Registry(cache, CacheMode.Max)));

        first.Digest.ShouldStartWith("sha256:");
        first.Descriptor.ShouldNotBeNull().IsIndex.ShouldBeTrue();
        first.Platforms.Select(p => p.Platform).ShouldBe(_bothPlatforms, ignoreOrder: true);
        first.Platforms.ShouldAllBe(p => p.Digest.StartsWith("sha256:") && p.ImageSize > 0);
        first.ExecutedSteps.ShouldBeGreaterThanOrEqualTo(3, "the nonce makes base and build steps run");
        first.Steps.ShouldContain(step => step.IsInstruction && step.Duration > TimeSpan.Zero);

        var index = await BuildxCli.ImagetoolsInspectAsync($"{scope.Repository}:1");
        index.Digest.ShouldBe(first.Digest);
        index.Platforms.ShouldBe(_bothPlatforms, ignoreOrder: true);
        index.PlatformImages.Select(p => p.Digest).ShouldBe(first.Platforms.Select(p => p.Digest), ignoreOrder: true);

        // When the builder's local cache is wiped (this is the only test that prunes everything)
        await BuildxCli.PruneAsync(new BuildxPruneSettings().EnableAll());
        var rebuilt = await BuildxCli.BuildAsync(production);

        // Then most steps come from the registry cache
        rebuilt.CachedSteps.ShouldBeGreaterThanOrEqualTo(4, string.Join('\n', rebuilt.Steps.Select(s => $"{s.Cached} {s.Name}")));
        rebuilt.CachedSteps.ShouldBeGreaterThan(rebuilt.ExecutedSteps);
        rebuilt.Platforms.Select(p => p.Platform).ShouldBe(_bothPlatforms, ignoreOrder: true);
    }

    [Fact]
    public async Task Imagetools_create_merges_per_platform_images_into_one_index()
    {
        await using var scope = new BuildxTestScope();
        foreach (var platform in _bothPlatforms)
        {
            await BuildxCli.BuildAsync(scope.Settings("app").SetTarget("production").AddPlatform(platform)
                .AddTag($"{scope.Repository}:{platform.Architecture}").EnablePush().SetProvenance(false));
        }

        var create = new ImagetoolsCreateSettings()
            .AddSources($"{scope.Repository}:amd64", $"{scope.Repository}:arm64")
            .AddTag($"{scope.Repository}:merged")
            .AddAnnotation("index:org.opencontainers.image.title", "it-buildx");

        var dryRun = await BuildxCli.ImagetoolsCreateAsync(create.EnableDryRun());
        var merged = await BuildxCli.ImagetoolsCreateAsync(create);

        dryRun.Platforms.ShouldBe(_bothPlatforms, ignoreOrder: true);
        merged.Descriptor.IsIndex.ShouldBeTrue();
        merged.Platforms.ShouldBe(_bothPlatforms, ignoreOrder: true);
        var amd64 = await BuildxCli.ImagetoolsInspectAsync($"{scope.Repository}:amd64", includeSizes: true);
        amd64.Manifests.ShouldHaveSingleItem().Platform.ShouldBe(Platform.LinuxAmd64);
        amd64.Manifests[0].ImageSize.ShouldNotBeNull().ShouldBeGreaterThan(0);
        merged.PlatformImages.ShouldContain(p => p.Digest == amd64.Digest);
    }
}
