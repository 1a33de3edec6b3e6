namespace Pipelines.Docker;

/// <summary>A build argument the target uses (<c>--call outline</c>).</summary>
/// <param name="Name">The ARG name.</param>
/// <param name="Value">Its default, or null.</param>
/// <param name="Description">The comment above the ARG (without the leading name).</param>
/// <param name="Line">1-based line of the ARG.</param>
public sealed record BuildOutlineArg(string Name, string? Value, string? Description, int Line);
