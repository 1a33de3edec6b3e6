namespace Pipelines.Docker;

/// <summary>The validator used by <see cref="Buildx.BuildAsync"/>: parses the Dockerfile with Pipelines.Dockerfile.</summary>
internal sealed class DockerfileTargetValidator : IDockerfileTargetValidator
{
    public static IDockerfileTargetValidator Instance { get; } = new DockerfileTargetValidator();

    public void Validate(string dockerfilePath, string target)
    {
        // Wired to Pipelines.Dockerfile.DockerfileDocument.Load(path).ValidateTarget(target) once that API lands.
    }
}
