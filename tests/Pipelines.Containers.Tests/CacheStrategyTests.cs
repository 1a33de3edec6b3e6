using Pipelines.Containers;
using Pipelines.Docker;

namespace Pipelines.Containers.Tests;

public sealed class CacheStrategyTests
{
    private static readonly Platform[] _both = [Platform.LinuxAmd64, Platform.LinuxArm64];

    private static CachePlan Select(CacheBackend backend, string? repository, Dictionary<string, string?>? environment = null, bool localExists = false) =>
        CacheStrategy.Select(backend, "api", _both, repository, "/repo/.pipelines/cache/api", environment ?? [], _ => localExists);

    [Fact]
    public void On_GitHub_Actions_auto_uses_gha_with_a_scope_per_image_and_platforms()
    {
        var plan = Select(CacheBackend.Auto, "127.0.0.1:5000/api", new() { ["GITHUB_ACTIONS"] = "true" });

        plan.Backend.ShouldBe(CacheBackend.Gha);
        plan.From.Select(c => c.ToString()).ShouldBe(["type=gha,scope=api-linux-amd64-linux-arm64"]);
        plan.To.Select(c => c.ToString()).ShouldBe(["type=gha,scope=api-linux-amd64-linux-arm64,mode=max,ignore-error=true"]);
    }

    [Fact]
    public void With_a_registry_auto_uses_a_max_mode_registry_cache_read_and_written_at_the_same_ref()
    {
        var plan = Select(CacheBackend.Auto, "127.0.0.1:5000/acme/api");

        plan.Backend.ShouldBe(CacheBackend.Registry);
        plan.From.Select(c => c.ToString()).ShouldBe(["type=registry,ref=127.0.0.1:5000/acme/api:buildcache"]);
        plan.To.Select(c => c.ToString()).ShouldBe(["type=registry,ref=127.0.0.1:5000/acme/api:buildcache,mode=max,ignore-error=true"]);
    }

    [Fact]
    public void Without_a_registry_auto_uses_a_local_directory_and_reads_it_only_once_it_exists()
    {
        var first = Select(CacheBackend.Auto, null);
        var second = Select(CacheBackend.Auto, null, localExists: true);

        first.Backend.ShouldBe(CacheBackend.Local);
        first.From.ShouldBeEmpty();
        first.To.Select(c => c.ToString()).ShouldBe(["type=local,dest=/repo/.pipelines/cache/api,mode=max,ignore-error=true"]);
        second.From.Select(c => c.ToString()).ShouldBe(["type=local,src=/repo/.pipelines/cache/api"]);
    }

    [Fact]
    public void Explicit_choice_overrides_the_environment()
    {
        Select(CacheBackend.Local, "127.0.0.1:5000/api", new() { ["GITHUB_ACTIONS"] = "true" }).Backend.ShouldBe(CacheBackend.Local);
        var none = Select(CacheBackend.None, "127.0.0.1:5000/api");
        none.From.ShouldBeEmpty();
        none.To.ShouldBeEmpty();
    }

    [Fact]
    public void Registry_cache_without_a_registry_is_a_configuration_error()
    {
        Should.Throw<ContainerPipelineException>(() => Select(CacheBackend.Registry, null)).Message.ShouldContain("--registry");
    }
}
