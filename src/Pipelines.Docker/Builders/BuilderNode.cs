namespace Pipelines.Docker;

/// <summary>One node of a builder.</summary>
/// <param name="Name">The node name.</param>
/// <param name="Endpoint">Its endpoint.</param>
/// <param name="Status">E.g. <c>running</c>, <c>inactive</c>.</param>
/// <param name="Platforms">Platforms it builds for (native and emulated).</param>
/// <param name="Version">BuildKit version.</param>
public sealed record BuilderNode(string Name, string Endpoint, string Status, IReadOnlyList<Platform> Platforms, string Version);
