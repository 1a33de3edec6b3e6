namespace Pipelines.Docker;

/// <summary>A live snapshot of a running build (from the rawjson stream), for progress displays.</summary>
/// <param name="Total">Dockerfile instructions (not FROM) BuildKit has scheduled so far.</param>
/// <param name="Done">Of those, completed (cached or executed).</param>
/// <param name="Cached">Of those, taken from the cache.</param>
/// <param name="Current">The most recently started instruction still running, or null.</param>
public sealed record BuildProgress(int Total, int Done, int Cached, string? Current);
