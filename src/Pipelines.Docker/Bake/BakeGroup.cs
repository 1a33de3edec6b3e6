namespace Pipelines.Docker;

/// <summary>A named group of bake targets (<c>group</c> entry); <c>default</c> is built when no target is named.</summary>
/// <param name="Name">The group name.</param>
/// <param name="Targets">Target (or group) names.</param>
public sealed record BakeGroup(string Name, IReadOnlyList<string> Targets);
