namespace Pipelines.Docker;

/// <summary>Checks a <c>--target</c> against the Dockerfile before BuildKit starts (seam over Pipelines.Dockerfile).</summary>
internal interface IDockerfileTargetValidator
{
    /// <summary>Throws a <see cref="PipelinesException"/> naming the available stages when <paramref name="target"/> is not a stage of <paramref name="dockerfilePath"/>.</summary>
    void Validate(string dockerfilePath, string target);
}
