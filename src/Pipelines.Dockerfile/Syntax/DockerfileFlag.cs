namespace Pipelines.Dockerfile;

/// <summary>A <c>--name=value</c> flag of an instruction, e.g. <c>--platform=$BUILDPLATFORM</c>.</summary>
/// <param name="Name">The flag name without dashes, e.g. <c>from</c>.</param>
/// <param name="Value">The unquoted value (variables not expanded), or <c>null</c> for a bare flag such as <c>--link</c>.</param>
/// <param name="Location">Where the flag starts.</param>
public sealed record DockerfileFlag(string Name, string? Value, SourceLocation Location);
