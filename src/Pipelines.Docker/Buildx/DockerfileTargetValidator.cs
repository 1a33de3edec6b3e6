using Pipelines.Dockerfile;

namespace Pipelines.Docker;

/// <summary>The validator used by <see cref="Buildx.BuildAsync(BuildxBuildSettings, CancellationToken)"/>: parses the Dockerfile with Pipelines.Dockerfile.</summary>
internal sealed class DockerfileTargetValidator : IDockerfileTargetValidator
{
    public static IDockerfileTargetValidator Instance { get; } = new DockerfileTargetValidator();

    /// <inheritdoc />
    /// <exception cref="UnknownStageException">the Dockerfile has no such stage (with the stages and a did-you-mean).</exception>
    public void Validate(string dockerfilePath, string target) => DockerfileDocument.Load(dockerfilePath).ValidateTarget(target);
}
