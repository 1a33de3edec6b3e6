using BenchmarkDotNet.Attributes;
using Pipelines.Docker;

namespace Pipelines.Benchmarks;

/// <summary>Rendering a realistic multi-platform, cached, pushed <c>buildx build</c> to argv (runs once per build call).</summary>
[MemoryDiagnoser]
public class ArgvRenderingBenchmarks
{
    private readonly BuildxBuildSettings _settings = new BuildxBuildSettings()
        .SetContext("examples/go-api")
        .SetFile("examples/go-api/Dockerfile")
        .SetTarget("production")
        .AddPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64)
        .AddTag("127.0.0.1:5000/examples/go-api:1.2.3")
        .AddTag("127.0.0.1:5000/examples/go-api:latest")
        .AddBuildArg("VERSION", "1.2.3")
        .AddLabel("org.opencontainers.image.source", "https://github.com/acme/app")
        .AddCacheFrom(CacheEntry.Registry("127.0.0.1:5000/examples/go-api:buildcache"))
        .AddCacheTo(CacheEntry.Registry("127.0.0.1:5000/examples/go-api:buildcache", CacheMode.Max, ignoreError: true))
        .SetMetadataFile("/tmp/metadata.json")
        .EnablePush();

    [Benchmark]
    public int RenderBuild() => _settings.Render().Count;
}
