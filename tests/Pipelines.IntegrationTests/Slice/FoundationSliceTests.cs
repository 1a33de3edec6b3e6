using System.Text.Json;
using Pipelines.IntegrationTests.Engine;
using Pipelines.Tooling;

namespace Pipelines.IntegrationTests.Slice;

/// <summary>
/// The first vertical slice, driven with raw <c>docker buildx</c> argv through the Tool runner: a
/// multi-stage Dockerfile's test stage runs in BuildKit, and its production stage is built for two
/// platforms, pushed with a registry cache and inspected in the registry.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class FoundationSliceTests
{
    private static async Task<ToolResult> Buildx(TestContextDirectory context, params string[] arguments) =>
        await ProcessToolRunner.Instance.RunAsync(
            new ToolCommand("docker", ["buildx", "build", "--progress=plain", .. arguments, context.Path]) { StreamOutput = false });

    [Fact]
    public async Task Test_stage_runs_the_tests_inside_buildkit()
    {
        using var context = TestContextDirectory.CopyOf("Slice");

        var result = await Buildx(context, "--target", "test", "--no-cache-filter", "test", "--output", "type=cacheonly");

        result.ExitCode.ShouldBe(0);
        result.StandardError.ShouldContain("PASS greets_world");
        result.StandardError.ShouldContain("PASS greets_by_name");
    }

    [Fact]
    public async Task Failing_test_in_the_test_stage_fails_the_build_with_the_test_output()
    {
        using var context = TestContextDirectory.CopyOf("Slice");

        var failure = await Should.ThrowAsync<ProcessFailedException>(() =>
            Buildx(context, "--target", "test", "--build-arg", "BREAK_TEST=1", "--output", "type=cacheonly"));

        failure.ExitCode.ShouldNotBe(0);
        failure.StandardErrorTail.ShouldContain("FAIL greets_by_name");
        failure.CommandLine.ShouldContain("--target test");
    }

    [Fact]
    public async Task Production_stage_is_pushed_for_amd64_and_arm64_with_a_registry_cache_and_is_far_smaller_than_the_builder()
    {
        using var context = TestContextDirectory.CopyOf("Slice");
        var repository = TestRegistry.UniqueRepository("slice");
        var image = $"{EngineFixture.Registry}/{repository}:1";
        var cache = $"{EngineFixture.Registry}/{repository}:buildcache";
        var builderTag = $"{repository}-builder:1";
        var metadata = context.File("metadata.json");
        try
        {
            // When
            await Buildx(context,
                "--target", "production", "--platform", "linux/amd64,linux/arm64", "--provenance=false",
                "--cache-from", $"type=registry,ref={cache}", "--cache-to", $"type=registry,ref={cache},mode=max",
                "--metadata-file", metadata, "--tag", image, "--push");
            await Buildx(context, "--target", "build", "--platform", "linux/amd64", "--load", "--tag", builderTag);

            // Then: one index with both platforms, whose digest the metadata file reports
            var pushed = (await TestRegistry.GetManifestAsync(repository, "1")).ShouldNotBeNull();
            using var index = pushed.Document;
            var manifests = index.RootElement.GetProperty("manifests").EnumerateArray()
                .ToDictionary(m => m.GetProperty("platform").GetProperty("architecture").GetString()!, m => m.GetProperty("digest").GetString()!);
            manifests.Keys.Order().ShouldBe(["amd64", "arm64"]);
            using (var meta = JsonDocument.Parse(await File.ReadAllTextAsync(metadata)))
            {
                meta.RootElement.GetProperty("containerimage.digest").GetString().ShouldBe(pushed.Digest);
            }

            // the registry cache was exported next to the image
            (await TestRegistry.GetManifestAsync(repository, "buildcache")).ShouldNotBeNull().Document.Dispose();

            // production is a small fraction of the Debian builder stage
            var production = await TestRegistry.CompressedSizeAsync(repository, manifests["amd64"]);
            var builder = long.Parse((await Docker("image", "inspect", "--format", "{{.Size}}", builderTag)).Trim());
            production.ShouldBeLessThan(builder / 10, $"production {production} B vs builder {builder} B");

            // each platform's image carries its own architecture's build output and runs
            (await Docker("run", "--rm", "--platform", "linux/arm64", "--entrypoint", "cat", image, "/app/arch")).Trim().ShouldBe("arm64");
            (await Docker("run", "--rm", "--platform", "linux/amd64", image, "slice")).Trim().ShouldBe("hello, slice");
        }
        finally
        {
            await TestRegistry.DeleteRepositoryAsync(repository);
            await ProcessToolRunner.Instance.RunAsync(new ToolCommand("docker", ["image", "rm", "--force", image, builderTag]) { ThrowOnFailure = false, StreamOutput = false });
        }
    }

    private static async Task<string> Docker(params string[] arguments) =>
        (await ProcessToolRunner.Instance.RunAsync(new ToolCommand("docker", arguments) { StreamOutput = false })).StandardOutput;
}
