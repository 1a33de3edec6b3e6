namespace Pipelines.Docker;

/// <summary>A builder instance as <c>docker buildx ls --format json</c> reports it.</summary>
/// <param name="Name">The builder name.</param>
/// <param name="Driver">The driver name (<c>docker</c>, <c>docker-container</c>, …).</param>
/// <param name="Current">True for the builder used when none is named.</param>
/// <param name="Nodes">Its nodes.</param>
public sealed record BuilderInfo(string Name, string Driver, bool Current, IReadOnlyList<BuilderNode> Nodes)
{
    /// <summary>Every platform any node can build for.</summary>
    public IReadOnlyList<Platform> Platforms => [.. Nodes.SelectMany(node => node.Platforms).Distinct()];
}
