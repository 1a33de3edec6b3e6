namespace Pipelines.Dockerfile;

/// <summary>A comment line (<c># …</c>) outside instructions; parser directives are not comments.</summary>
/// <param name="Text">The text after <c>#</c>, trimmed.</param>
/// <param name="Location">Where the <c>#</c> is.</param>
public sealed record DockerfileComment(string Text, SourceLocation Location);
