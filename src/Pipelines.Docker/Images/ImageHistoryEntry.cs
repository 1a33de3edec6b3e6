namespace Pipelines.Docker;

/// <summary>One entry of <c>docker image history</c>, newest first.</summary>
/// <param name="Id">Layer image id, or <c>&lt;missing&gt;</c>.</param>
/// <param name="CreatedBy">The instruction that created it (build args appear here: never pass secrets as build args).</param>
/// <param name="Size">Bytes the instruction added.</param>
/// <param name="Comment">E.g. <c>buildkit.dockerfile.v0</c>.</param>
public sealed record ImageHistoryEntry(string Id, string CreatedBy, long Size, string Comment);
