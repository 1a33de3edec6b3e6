namespace Pipelines.Docker;

/// <summary>One of BuildKit's own Dockerfile check warnings (<c>--call check</c>).</summary>
/// <param name="RuleName">E.g. <c>StageNameCasing</c>.</param>
/// <param name="Description">The rule's description.</param>
/// <param name="Detail">What is wrong here.</param>
/// <param name="Url">The rule's documentation.</param>
/// <param name="Line">1-based line, 0 when unknown.</param>
public sealed record BuildCheckWarning(string RuleName, string Description, string Detail, string? Url, int Line);
