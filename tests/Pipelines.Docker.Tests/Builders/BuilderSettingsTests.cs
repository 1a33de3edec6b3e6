namespace Pipelines.Docker.Tests.Builders;

public sealed class BuilderSettingsTests
{
    [Fact]
    public void A_multi_node_builder_appends_one_node_per_platform()
    {
        var first = new BuildxCreateSettings().SetName("multi").SetDriver(BuildxDriver.Remote).SetEndpoint("tcp://amd64-node:1234").AddPlatform(Platform.LinuxAmd64).EnableUse();
        var second = new BuildxCreateSettings().SetName("multi").SetDriver(BuildxDriver.Remote).SetEndpoint("tcp://arm64-node:1234").AddPlatform(Platform.LinuxArm64).EnableAppend();

        first.Render().ShouldBe(["buildx", "create", "--name", "multi", "--driver", "remote", "--platform", "linux/amd64", "--use", "tcp://amd64-node:1234"]);
        second.Render().ShouldBe(["buildx", "create", "--name", "multi", "--driver", "remote", "--platform", "linux/arm64", "--append", "tcp://arm64-node:1234"]);
    }

    [Fact]
    public void Container_and_kubernetes_drivers_render_driver_options_and_buildkitd_config()
    {
        new BuildxCreateSettings().SetDriver(BuildxDriver.DockerContainer).AddDriverOption("image", "moby/buildkit:v0.18.0").AddDriverOption("network", "host")
            .SetBuildkitdConfig("buildkitd.toml").EnableBootstrap()
            .Render().ShouldBe(["buildx", "create", "--driver", "docker-container", "--driver-opt", "image=moby/buildkit:v0.18.0", "--driver-opt", "network=host", "--buildkitd-config", "buildkitd.toml", "--bootstrap"]);
        new BuildxCreateSettings().SetDriver(BuildxDriver.Kubernetes).AddDriverOption("replicas", "2").AddDriverOption("nodeselector", "kubernetes.io/arch=arm64,pool=ci")
            .Render().ShouldBe(["buildx", "create", "--driver", "kubernetes", "--driver-opt", "replicas=2", "--driver-opt", "\"nodeselector=kubernetes.io/arch=arm64,pool=ci\""]);
    }

    [Fact]
    public void Prune_is_non_interactive_by_default()
    {
        new BuildxPruneSettings().Render().ShouldBe(["buildx", "prune", "--force"]);
        new BuildxPruneSettings().EnableAll().AddFilter("until=24h").Render().ShouldBe(["buildx", "prune", "--all", "--force", "--filter", "until=24h"]);
        new BuildxPruneSettings { MaxUsedSpace = "10gb" }.Render().ShouldBe(["buildx", "prune", "--force", "--max-used-space", "10gb"]);
    }

    [Theory]
    [InlineData("4.096kB", 4096)]
    [InlineData("786.6MB", 786_600_000)]
    [InlineData("1.216GB", 1_216_000_000)]
    [InlineData("3GiB", 3L * 1024 * 1024 * 1024)]
    [InlineData("0B", 0)]
    [InlineData("1234", 1234)]
    public void Human_sizes_from_docker_are_parsed(string text, long bytes) => HumanSize.Parse(text).ShouldBe(bytes);

    [Fact]
    public void Buildx_ls_json_lines_become_builders_with_platforms()
    {
        var builders = Pipelines.Docker.Buildx.ParseBuilders("""
            {"Current":true,"Driver":"docker","Name":"default","Nodes":[{"Endpoint":"default","Name":"default","Platforms":["linux/amd64","linux/arm64","linux/arm/v7"],"Status":"running","Version":"v0.25.0"}]}
            {"Current":false,"Driver":"docker-container","Name":"ci","Nodes":[{"Endpoint":"unix:///var/run/docker.sock","Name":"ci0","Status":"inactive"}]}
            """);

        builders.Select(b => (b.Name, b.Driver, b.Current)).ShouldBe([("default", "docker", true), ("ci", "docker-container", false)]);
        builders[0].Platforms.ShouldBe([Platform.LinuxAmd64, Platform.LinuxArm64, Platform.LinuxArmV7]);
        builders[1].Nodes[0].Status.ShouldBe("inactive");
    }
}
