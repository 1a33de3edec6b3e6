namespace Pipelines.Docker.Tests.Buildx;

public sealed class PreflightTests
{
    [Fact]
    public async Task A_missing_engine_fails_the_preflight_with_the_provisioning_hint()
    {
        using var _ = Pipelines.Tooling.Tool.Use(new RecordingRunner(_ => (1, "", "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?")));

        var exception = await Should.ThrowAsync<BuildxFailedException>(() => Pipelines.Docker.Buildx.EnsureAvailableAsync());

        exception.Kind.ShouldBe(BuildxFailureKind.EngineUnavailable);
        exception.Fix.ShouldNotBeNull().ShouldContain("./build.sh ProvisionEngine");
    }

    [Fact]
    public async Task A_missing_buildx_plugin_fails_the_preflight_with_an_install_hint()
    {
        using var _ = Pipelines.Tooling.Tool.Use(new RecordingRunner(command =>
            command.Arguments[0] == "buildx" ? (1, "", "docker: unknown command: docker buildx\n\nRun 'docker --help' for more information") : (0, "28.5.2", "")));

        var exception = await Should.ThrowAsync<BuildxFailedException>(() => Pipelines.Docker.Buildx.EnsureAvailableAsync());

        exception.Kind.ShouldBe(BuildxFailureKind.BuildxMissing);
        exception.Fix.ShouldNotBeNull().ShouldContain("buildx");
    }

    [Fact]
    public async Task A_working_engine_reports_the_buildx_version()
    {
        using var _ = Pipelines.Tooling.Tool.Use(new RecordingRunner(command => (0, command.Arguments[0] == "buildx" ? "github.com/docker/buildx 0.29.1" : "28.5.2", "")));

        (await Pipelines.Docker.Buildx.EnsureAvailableAsync()).ShouldContain("0.29.1");
    }
}
