using Pipelines.Tooling;

namespace Pipelines.Docker;

public static partial class Buildx
{
    /// <summary>
    /// Checks that the docker CLI, a reachable engine and the buildx plugin are there, before any real work.
    /// Returns the buildx version line; throws <see cref="BuildxFailedException"/> (<see cref="BuildxFailureKind.EngineUnavailable"/>
    /// or <see cref="BuildxFailureKind.BuildxMissing"/>) or <see cref="ToolNotFoundException"/> with the provisioning hint.
    /// </summary>
    public static async Task<string> EnsureAvailableAsync(CancellationToken cancellationToken = default)
    {
        foreach (var (arguments, kind) in new (string[], BuildxFailureKind)[]
        {
            (["version", "--format", "{{.Server.Version}}"], BuildxFailureKind.EngineUnavailable),
            (["buildx", "version"], BuildxFailureKind.BuildxMissing),
        })
        {
            var result = await Tool.RunAsync(
                new ToolCommand("docker", arguments) { ThrowOnFailure = false, StreamOutput = false, FixHint = DockerFixHint, Timeout = TimeSpan.FromSeconds(30) },
                cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                var classified = Failure(result, rawJson: false);
                var fix = classified.Kind == kind ? classified.Fix : BuildxErrorClassifier.Classify(kind == BuildxFailureKind.BuildxMissing ? "'buildx' is not a docker command" : "Cannot connect to the Docker daemon").Fix;
                throw new BuildxFailedException(kind, classified.Summary, fix, classified.CommandLine, classified.ExitCode, classified.Output);
            }

            if (kind == BuildxFailureKind.BuildxMissing)
            {
                return result.StandardOutput.Trim();
            }
        }

        return "";
    }
}
