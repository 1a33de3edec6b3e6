namespace Pipelines.Docker.Tests.Buildx;

public sealed class ErrorClassifierTests
{
    [Theory]
    [InlineData("ERROR: failed to build: failed to solve: target stage \"nope\" could not be found", BuildxFailureKind.TargetNotFound, "nope")]
    [InlineData("Dockerfile2:2\n--------------------\nERROR: failed to build: failed to solve: dockerfile parse error on line 2: unknown instruction: FOOBAR", BuildxFailureKind.DockerfileParseError, "line 2")]
    [InlineData("ERROR: failed to build: Multi-platform build is not supported for the docker driver.\nSwitch to a different driver, or turn on the containerd image store, and try again.", BuildxFailureKind.MultiPlatformUnsupported, "containerd")]
    [InlineData("#7 0.1 exec /bin/sh: exec format error\nERROR: failed to build: failed to solve: process \"/bin/sh -c true\" did not complete successfully: exit code: 1", BuildxFailureKind.EmulatorMissing, "QEMU")]
    [InlineData("ERROR: failed to build: failed to solve: failed to push r:5000/x:y: failed to do request: Head \"https://r:5000/v2/x/blobs/sha256:1\": http: server gave HTTP response to HTTPS client", BuildxFailureKind.RegistryHttpOnly, "insecure")]
    [InlineData("ERROR: failed to build: failed to solve: failed to push 127.0.0.1:5001/x:y: failed to do request: Head \"https://127.0.0.1:5001/v2/x/blobs/sha256:6a\": dial tcp 127.0.0.1:5001: connect: connection refused", BuildxFailureKind.RegistryUnreachable, "reachable")]
    [InlineData("ERROR: failed to build: failed to solve: failed to push 127.0.0.1:5002/x:y: unexpected status from HEAD request: 401 Unauthorized", BuildxFailureKind.RegistryUnauthorized, "login")]
    [InlineData("ERROR: failed to build: failed to solve: write /var/lib/docker/x: no space left on device", BuildxFailureKind.NoSpaceLeft, "prune")]
    [InlineData("ERROR: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?", BuildxFailureKind.EngineUnavailable, "ProvisionEngine")]
    [InlineData("docker: 'buildx' is not a docker command.\nSee 'docker --help'", BuildxFailureKind.BuildxMissing, "buildx")]
    [InlineData("ERROR: failed to build: failed to solve: process \"/bin/sh -c make\" did not complete successfully: exit code: 2", BuildxFailureKind.StepFailed, "RUN step")]
    [InlineData("ERROR: 127.0.0.1:5000/nope:1: not found", BuildxFailureKind.NotFound, "exists")]
    [InlineData("ERROR: failed to build: failed to solve: busybox: failed to resolve source metadata for docker.io/library/busybox:latest: no match for platform in manifest: not found", BuildxFailureKind.PlatformUnavailable, "variant")]
    [InlineData("something odd happened", BuildxFailureKind.Unknown, null)]
    public void Known_failures_map_to_a_kind_and_a_one_line_fix(string output, BuildxFailureKind kind, string? fixContains)
    {
        var (actualKind, summary, fix) = BuildxErrorClassifier.Classify(output);

        actualKind.ShouldBe(kind);
        summary.ShouldNotBeNullOrWhiteSpace();
        if (fixContains is null)
        {
            fix.ShouldBeNull();
        }
        else
        {
            fix.ShouldNotBeNull().ShouldContain(fixContains);
            fix.ShouldNotContain("\n");
        }
    }
}
