using Pipelines.Docker;
using Pipelines.IntegrationTests.Engine;
using BuildxCli = Pipelines.Docker.Buildx;

namespace Pipelines.IntegrationTests.Buildx;

[Collection(EngineCollection.Name)]
public sealed class DockerCliTests
{
    [Fact]
    public async Task Login_via_stdin_lets_buildx_push_to_a_registry_with_htpasswd_auth()
    {
        await using var registry = await AuthRegistry.StartAsync();
        await using var scope = new BuildxTestScope();
        var push = scope.Settings("app").SetTarget("production").AddTag($"{registry.Address}/it-login-{scope.Nonce}:1").EnablePush().SetProvenance(false);

        // Given no credentials, the push is refused with a login hint
        var refused = await Should.ThrowAsync<BuildxFailedException>(() => BuildxCli.BuildAsync(push));
        refused.Kind.ShouldBe(BuildxFailureKind.RegistryUnauthorized, refused.Message);

        // A wrong password is refused by docker login itself
        var wrong = await Should.ThrowAsync<BuildxFailedException>(() => DockerCli.LoginAsync(registry.Address, AuthRegistry.User, "wrong-password"));
        wrong.Kind.ShouldBe(BuildxFailureKind.RegistryUnauthorized, wrong.Message);

        try
        {
            // When logging in with the password on stdin
            await DockerCli.LoginAsync(registry.Address, AuthRegistry.User, registry.Password);

            // Then the push succeeds and the image is in that registry
            var pushed = await BuildxCli.BuildAsync(push);
            pushed.Digest.ShouldStartWith("sha256:");
            var index = await BuildxCli.ImagetoolsInspectAsync($"{registry.Address}/it-login-{scope.Nonce}:1");
            index.Digest.ShouldBe(pushed.Digest);
        }
        finally
        {
            await DockerCli.LogoutAsync(registry.Address);
        }
    }

    [Fact]
    public async Task A_loaded_image_can_be_inspected_run_saved_and_removed()
    {
        await using var scope = new BuildxTestScope();
        var image = scope.RemoveAfterwards($"it-buildx-local-{scope.Nonce}:1");
        await BuildxCli.BuildAsync(scope.Settings("app").SetTarget("production").AddTag(image).EnableLoad().AddLabel("org.opencontainers.image.title", "it"));

        var inspection = await DockerCli.ImageInspectAsync(image);
        var history = await DockerCli.ImageHistoryAsync(image);
        var run = await DockerCli.RunAsync(image);
        var tarball = Path.Combine(scope.WorkDirectory, "image.tar");
        await DockerCli.SaveAsync([image], tarball);
        await DockerCli.RemoveImagesAsync([image]);

        inspection.RepoTags.ShouldContain(image);
        inspection.Cmd.ShouldBe(["cat", "/app.txt"]);
        inspection.Labels["org.opencontainers.image.title"].ShouldBe("it");
        inspection.Platform.ShouldNotBeNull();
        history.ShouldContain(entry => entry.CreatedBy.Contains("COPY /app.txt", StringComparison.Ordinal) || entry.CreatedBy.Contains("app.txt", StringComparison.Ordinal));
        run.StandardOutput.ShouldContain($"base {scope.Nonce}");
        new FileInfo(tarball).Length.ShouldBeGreaterThan(1000);
        (await DockerCli.ImageExistsAsync(image)).ShouldBeFalse();
    }
}
