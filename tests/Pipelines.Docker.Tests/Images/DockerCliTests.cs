using Pipelines.Tooling;

namespace Pipelines.Docker.Tests.Images;

public sealed class DockerCliTests
{
    [Fact]
    public async Task Login_passes_the_password_on_standard_input_never_in_argv()
    {
        var runner = new RecordingRunner();
        using var _ = Tool.Use(runner);

        await DockerCli.LoginAsync("registry.example:5000", "ci", "hunter2-password");

        var command = runner.Commands.ShouldHaveSingleItem();
        command.Arguments.ShouldBe(["login", "--username", "ci", "--password-stdin", "registry.example:5000"]);
        command.StandardInput.ShouldBe("hunter2-password");
        command.ToDisplayString().ShouldNotContain("hunter2-password");
        Pipelines.Output.SecretMasker.Redact("token hunter2-password").ShouldBe("token ***");
    }

    [Fact]
    public async Task A_refused_login_is_classified_as_unauthorized()
    {
        using var _ = Tool.Use(new RecordingRunner(_ => (1, "", "Error response from daemon: login attempt to http://127.0.0.1:5001/v2/ failed with status: 401 Unauthorized")));

        var exception = await Should.ThrowAsync<BuildxFailedException>(() => DockerCli.LoginAsync("127.0.0.1:5001", "ci", "bad-password"));

        exception.Kind.ShouldBe(BuildxFailureKind.RegistryUnauthorized);
    }

    [Fact]
    public void Run_settings_default_to_a_throw_away_container_of_the_local_image()
    {
        new DockerRunSettings("api:dev") { Arguments = ["--version"] }.Render().ShouldBe(["run", "--rm", "--pull", "never", "api:dev", "--version"]);
        new DockerRunSettings("api:dev") { Platform = Platform.LinuxArm64, User = "65532", Network = "none", ReadOnly = true, Environment = [new("A", "1")] }
            .Render().ShouldBe(["run", "--rm", "--platform", "linux/arm64", "--user", "65532", "--env", "A=1", "--network", "none", "--read-only", "--pull", "never", "api:dev"]);
    }

    [Fact]
    public void Imagetools_create_renders_tags_annotations_and_sources_last()
    {
        new ImagetoolsCreateSettings().AddTag("r/app:1").AddAnnotation("index:org.opencontainers.image.version", "1").EnableDryRun().AddSources("r/app:amd64", "r/app:arm64")
            .Render().ShouldBe(["buildx", "imagetools", "create", "--tag", "r/app:1", "--annotation", "index:org.opencontainers.image.version=1", "--dry-run", "r/app:amd64", "r/app:arm64"]);
    }

    [Fact]
    public void An_imagetools_manifest_is_read_into_an_index_without_attestations()
    {
        var index = Pipelines.Docker.Buildx.ParseManifest("r/app:1", """
            { "mediaType": "application/vnd.oci.image.index.v1+json", "digest": "sha256:i", "size": 10,
              "manifests": [
                { "mediaType": "m", "digest": "sha256:a", "size": 1, "platform": { "os": "linux", "architecture": "arm", "variant": "v7" } },
                { "mediaType": "m", "digest": "sha256:b", "size": 2, "platform": { "os": "unknown", "architecture": "unknown" } } ] }
            """);

        index.Digest.ShouldBe("sha256:i");
        index.Descriptor.IsIndex.ShouldBeTrue();
        index.Manifests.Count.ShouldBe(2);
        index.Platforms.ShouldBe([Platform.LinuxArmV7]);
    }
}
