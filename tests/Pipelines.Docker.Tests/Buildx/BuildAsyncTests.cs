using Pipelines.Dockerfile;
using Pipelines.Tooling;

namespace Pipelines.Docker.Tests.Buildx;

public sealed class BuildAsyncTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pipelines-docker-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Build_with_unknown_target_fails_before_buildkit_starts()
    {
        // Given
        File.WriteAllText(Path.Combine(_directory, "Dockerfile"), "FROM busybox AS build\nFROM build AS test\nFROM busybox AS production\n");
        var runner = new RecordingRunner();
        using var _ = Tool.Use(runner);

        // When
        var exception = await Should.ThrowAsync<UnknownStageException>(() =>
            Pipelines.Docker.Buildx.BuildAsync(new BuildxBuildSettings().SetContext(_directory).SetTarget("tset")));

        // Then
        runner.Commands.ShouldBeEmpty();
        exception.AvailableStages.ShouldBe(["build", "test", "production"]);
        exception.Message.ShouldContain("test");
    }

    [Fact]
    public async Task Provenance_is_left_out_of_our_own_metadata_file_but_kept_in_one_the_caller_asked_for()
    {
        var runner = new RecordingRunner();
        using var _ = Tool.Use(runner);
        var callerFile = Path.Combine(_directory, "metadata.json");

        await Pipelines.Docker.Buildx.BuildAsync(new BuildxBuildSettings().SetContext(_directory));
        await Pipelines.Docker.Buildx.BuildAsync(new BuildxBuildSettings().SetContext(_directory).SetMetadataFile(callerFile));

        runner.Commands[0].Environment.ShouldContainKeyAndValue("BUILDX_METADATA_PROVENANCE", "disabled");
        runner.Commands[0].Secrets.ShouldNotContain("disabled", "a plain switch must not mask the word 'disabled' in logs");
        runner.Commands[1].Environment.ShouldNotContainKey("BUILDX_METADATA_PROVENANCE");
    }

    [Fact]
    public async Task Build_always_writes_a_metadata_file_and_reads_the_result_from_it()
    {
        var runner = new RecordingRunner(command =>
        {
            File.WriteAllText(RecordingRunner.ValueOf(command, "--metadata-file"), """
                {
                  "buildx.build.ref": "default/default/abc",
                  "containerimage.descriptor": { "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:1111", "size": 480 },
                  "containerimage.digest": "sha256:1111",
                  "image.name": "127.0.0.1:5000/app:1,127.0.0.1:5000/app:latest"
                }
                """);
            return (0, "", "");
        });
        using var _ = Tool.Use(runner);

        var result = await Pipelines.Docker.Buildx.BuildAsync(new BuildxBuildSettings().AddTag("127.0.0.1:5000/app:1").AddTag("127.0.0.1:5000/app:latest"));

        runner.Commands.Count.ShouldBe(1);
        var command = runner.Commands[0];
        command.FileName.ShouldBe("docker");
        command.Arguments.ShouldContain("--metadata-file");
        File.Exists(RecordingRunner.ValueOf(command, "--metadata-file")).ShouldBeFalse("the temp metadata file is deleted");
        result.Digest.ShouldBe("sha256:1111");
        result.Descriptor.ShouldBe(new ImageDescriptor("application/vnd.oci.image.manifest.v1+json", "sha256:1111", 480));
        result.ImageNames.ShouldBe(["127.0.0.1:5000/app:1", "127.0.0.1:5000/app:latest"]);
        result.BuildRef.ShouldBe("default/default/abc");
        result.Platforms.ShouldBeEmpty();
    }

    [Fact]
    public async Task Pushed_multi_platform_build_reads_per_platform_digests_and_sizes_from_the_registry()
    {
        var runner = new RecordingRunner(command =>
        {
            var arguments = string.Join(' ', command.Arguments);
            if (command.Arguments[1] == "build")
            {
                File.WriteAllText(RecordingRunner.ValueOf(command, "--metadata-file"), """
                    { "containerimage.descriptor": { "mediaType": "application/vnd.oci.image.index.v1+json", "digest": "sha256:index", "size": 600 },
                      "containerimage.digest": "sha256:index", "image.name": "127.0.0.1:5000/app:1" }
                    """);
                return (0, "", "");
            }

            if (arguments.Contains("{{json .Manifest}}", StringComparison.Ordinal))
            {
                return (0, """
                    { "mediaType": "application/vnd.oci.image.index.v1+json", "digest": "sha256:index", "size": 600,
                      "manifests": [
                        { "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:amd", "size": 500, "platform": { "os": "linux", "architecture": "amd64" } },
                        { "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:arm", "size": 501, "platform": { "os": "linux", "architecture": "arm64" } },
                        { "mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": "sha256:att", "size": 50, "platform": { "os": "unknown", "architecture": "unknown" },
                          "annotations": { "vnd.docker.reference.type": "attestation-manifest" } } ] }
                    """, "");
            }

            var size = arguments.Contains("sha256:amd", StringComparison.Ordinal) ? 1000 : 2000;
            return (0, $$"""{ "config": { "size": 100 }, "layers": [ { "size": {{size}} }, { "size": 5 } ] }""", "");
        });
        using var _ = Tool.Use(runner);

        var result = await Pipelines.Docker.Buildx.BuildAsync(new BuildxBuildSettings()
            .AddPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64).AddTag("127.0.0.1:5000/app:1").EnablePush());

        result.Platforms.Select(p => (p.Platform, p.Digest, p.ImageSize)).ShouldBe([
            (Platform.LinuxAmd64, "sha256:amd", (long?)1105),
            (Platform.LinuxArm64, "sha256:arm", (long?)2105),
        ]);
        runner.Commands[1].Arguments.ShouldContain("127.0.0.1:5000/app@sha256:index");
    }

    [Fact]
    public async Task A_failed_step_throws_a_classified_exception_carrying_the_step_output()
    {
        var stderr = """
            #5 [test 2/2] RUN ./run-tests
            #5 0.301 FAIL: expected 2, got 3
            #5 ERROR: process "/bin/sh -c ./run-tests" did not complete successfully: exit code: 1
            ------
            ERROR: failed to build: failed to solve: process "/bin/sh -c ./run-tests" did not complete successfully: exit code: 1
            """;
        using var _ = Tool.Use(new RecordingRunner(_ => (1, "", stderr)));

        var exception = await Should.ThrowAsync<BuildxFailedException>(() => Pipelines.Docker.Buildx.BuildAsync(new BuildxBuildSettings()));

        exception.Kind.ShouldBe(BuildxFailureKind.StepFailed);
        exception.ExitCode.ShouldBe(1);
        exception.Output.ShouldContain("FAIL: expected 2, got 3");
        exception.Message.ShouldContain("FAIL: expected 2, got 3");
        exception.Summary.ShouldStartWith("failed to build: failed to solve: process");
    }

    [Fact]
    public async Task Secret_values_reach_buildx_through_its_environment_and_are_masked()
    {
        var runner = new RecordingRunner();
        using var _ = Tool.Use(runner);

        await Pipelines.Docker.Buildx.BuildAsync(new BuildxBuildSettings().AddSecret("token", "very-secret"));

        var command = runner.Commands.ShouldHaveSingleItem();
        command.Environment["PIPELINES_SECRET_TOKEN"].ShouldBe("very-secret");
        command.Secrets.ShouldContain("very-secret");
        command.Arguments.ShouldNotContain(argument => argument.Contains("very-secret", StringComparison.Ordinal));
    }
}
