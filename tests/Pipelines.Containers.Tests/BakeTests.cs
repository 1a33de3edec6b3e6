using System.Text.Json;
using Pipelines.Containers;
using Pipelines.Docker;

namespace Pipelines.Containers.Tests;

public sealed class BakeTests
{
    [Fact]
    public void Bake_file_has_one_group_and_every_target_setting()
    {
        var text = BakeFile.Render([
            new BakeTarget
            {
                Name = "api", Context = "/repo/api", Dockerfile = "/repo/api/Dockerfile", Stage = "production",
                Platforms = [Platform.LinuxAmd64, Platform.LinuxArm64], Args = [new BuildArg("VERSION", "1")],
                Labels = [new("org.opencontainers.image.title", "api")], Secrets = [SecretSource.FromEnvironment("npm_token", "NPM_TOKEN")],
                CacheFrom = [CacheEntry.Registry("r/api:buildcache")], CacheTo = [CacheEntry.Registry("r/api:buildcache", CacheMode.Max, ignoreError: true)],
                Outputs = [BuildOutput.Oci("/repo/artifacts/oci/api").With("tar", "false")],
            },
            new BakeTarget { Name = "api-test", Context = "/repo/api", Dockerfile = "/repo/api/Dockerfile", Stage = "test", Outputs = [BuildOutput.Local("/repo/artifacts/test-results/api")] },
        ]);

        using var json = JsonDocument.Parse(text);
        json.RootElement.GetProperty("group").GetProperty("default").GetProperty("targets").EnumerateArray().Select(t => t.GetString()).ShouldBe(["api", "api-test"]);
        var api = json.RootElement.GetProperty("target").GetProperty("api");
        api.GetProperty("target").GetString().ShouldBe("production");
        api.GetProperty("platforms").EnumerateArray().Select(p => p.GetString()).ShouldBe(["linux/amd64", "linux/arm64"]);
        api.GetProperty("args").GetProperty("VERSION").GetString().ShouldBe("1");
        api.GetProperty("secret")[0].GetString().ShouldBe("id=npm_token,env=NPM_TOKEN");
        api.GetProperty("cache-to")[0].GetString().ShouldBe("type=registry,ref=r/api:buildcache,mode=max,ignore-error=true");
        api.GetProperty("output")[0].GetString().ShouldBe("type=oci,dest=/repo/artifacts/oci/api,tar=false");
        json.RootElement.GetProperty("target").GetProperty("api-test").TryGetProperty("platforms", out _).ShouldBeFalse();
    }

    [Fact]
    public void Cache_hits_are_counted_per_target_from_plain_progress_without_FROM_steps()
    {
        const string output = """
            #7 [api build 1/3] FROM docker.io/library/busybox:latest@sha256:9daf
            #10 [api build 2/3] WORKDIR /src
            #10 CACHED
            #11 [api build 3/3] RUN make
            #11 DONE 1.2s
            #12 [api-test test 1/1] COPY --from=test-run /out /test-results
            #12 CACHED
            #13 [api linux/arm64 production 2/2] COPY --from=build /out /app
            #13 CACHED
            """;

        var hits = BakeRunner.CountCacheHits(output);

        hits["api"].ShouldBe((2, 3));
        hits["api-test"].ShouldBe((1, 1));
    }

    [Fact]
    public void Failure_summary_keeps_the_failing_step_and_drops_cache_import_noise()
    {
        const string output = """
            #26 ERROR: failed to configure registry cache importer: r/api:buildcache: not found
             > [api] importing cache manifest from r/api:buildcache:
            ERROR: (*service).Write failed: rpc error: code = Unavailable desc = ref layer-sha256:1b locked for 428µs: unavailable
             > [api linux/amd64 runtime 2/4] RUN make:
            ERROR: target api: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2
            """;

        BakeRunner.FailureLines(output).ShouldBe([
            " > [api linux/amd64 runtime 2/4] RUN make:",
            "ERROR: target api: failed to solve: process \"/bin/sh -c make\" did not complete successfully: exit code: 2"]);
    }
}
