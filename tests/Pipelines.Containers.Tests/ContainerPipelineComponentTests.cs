using Pipelines.Containers;
using Pipelines.Docker;

namespace Pipelines.Containers.Tests;

public sealed class ContainerPipelineComponentTests
{
    private sealed class FakeBuild(Dictionary<string, object?> values) : IContainerPipeline
    {
        public AbsolutePath RootDirectory { get; } = AbsolutePath.Create("/repo");

        public Host Host { get; } = new TerminalHost();

        public CancellationToken CancellationToken => default;

        public IEnumerable<ContainerImage> Images => [new ContainerImage("api")];

        public T? ParameterValue<T>(string name) => values.TryGetValue(name, out var value) && value is T typed ? typed : default;
    }

    [Fact]
    public void Parameters_default_to_the_local_registry_both_platforms_automatic_cache_and_push()
    {
        IContainerPipeline build = new FakeBuild([]);

        var settings = build.ContainerSettings;

        settings.Registry.ShouldBe("127.0.0.1:5000");
        settings.Repository.ShouldBeNull();
        settings.Platforms.Select(p => p.ToString()).ShouldBe(["linux/amd64", "linux/arm64"]);
        settings.Cache.ShouldBe(CacheBackend.Auto);
        settings.Push.ShouldBeTrue();
        settings.RootDirectory.ShouldBe("/repo");
    }

    [Fact]
    public void Parameter_values_flow_into_the_settings()
    {
        IContainerPipeline build = new FakeBuild(new()
        {
            ["Registry"] = "ghcr.io",
            ["Repository"] = "acme",
            ["Platforms"] = (IReadOnlyList<string>)["linux/arm64"],
            ["CacheMode"] = (CacheBackend?)CacheBackend.Local,
            ["Push"] = (bool?)false,
        });

        var settings = build.ContainerSettings;

        settings.RepositoryOf(build.Images.Single()).ShouldBe("ghcr.io/acme/api");
        settings.Platforms.ShouldBe([Platform.LinuxArm64]);
        settings.Cache.ShouldBe(CacheBackend.Local);
        settings.Push.ShouldBeFalse();
    }

    [Fact]
    public void Bad_platform_parameter_fails_naming_the_parameter()
    {
        IContainerPipeline build = new FakeBuild(new() { ["Platforms"] = (IReadOnlyList<string>)["linux"] });

        Should.Throw<ContainerPipelineException>(() => build.ContainerSettings).Message.ShouldContain("--platforms");
    }

    [Fact]
    public void Targets_and_the_image_helper_are_default_members()
    {
        IContainerPipeline build = new FakeBuild([]);

        build.Image("web").Context.ShouldBe("web");
        new[] { build.Lint, build.Test, build.Build, build.Verify, build.Publish, build.Dev, build.Debug, build.Report }.ShouldAllBe(target => target != null);
        build.ContainerPipeline.ShouldBeSameAs(build.ContainerPipeline);
    }
}
