namespace Pipelines.Dockerfile;

/// <summary>One <c>name[=value]</c> of ARG, ENV or LABEL.</summary>
/// <param name="Name">The name.</param>
/// <param name="Value">The unquoted value (variables not expanded), or <c>null</c> for an ARG without default.</param>
/// <param name="Location">Where the name starts.</param>
public sealed record KeyValue(string Name, string? Value, SourceLocation Location);
