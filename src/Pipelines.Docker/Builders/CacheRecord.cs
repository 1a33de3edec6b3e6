namespace Pipelines.Docker;

/// <summary>One build cache record from <c>docker buildx du</c>.</summary>
/// <param name="Id">Record id.</param>
/// <param name="Type">E.g. <c>regular</c>, <c>source.local</c>, <c>exec.cachemount</c>.</param>
/// <param name="Description">What created it.</param>
/// <param name="Size">Size in bytes (parsed from buildx's human-readable size).</param>
/// <param name="Reclaimable">True when prune may remove it.</param>
/// <param name="Shared">True when shared with other records.</param>
public sealed record CacheRecord(string Id, string Type, string Description, long Size, bool Reclaimable, bool Shared);
