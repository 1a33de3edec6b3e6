namespace Pipelines.Docker;

/// <summary>One BuildKit vertex of a build, from the <c>rawjson</c> progress stream.</summary>
/// <param name="Name">The vertex name, e.g. <c>[linux/amd64 build 2/3] RUN make</c>.</param>
/// <param name="Cached">True when BuildKit took the result from the cache.</param>
/// <param name="Duration">Time from start to completion; zero when it never started.</param>
/// <param name="Error">BuildKit's error for a failed vertex, or null.</param>
public sealed record BuildStep(string Name, bool Cached, TimeSpan Duration, string? Error)
{
    /// <summary>True once BuildKit reported the vertex complete (cached or executed).</summary>
    public bool Completed { get; init; } = true;

    /// <summary>True for Dockerfile instructions (<c>[stage n/m] …</c>) as opposed to internal vertices (context transfer, export).</summary>
    public bool IsInstruction => RawJsonProgress.InstructionPattern.IsMatch(Name);

    /// <summary>True for <c>FROM</c> instructions (resolved, never executed).</summary>
    public bool IsFrom => IsInstruction && Name.Contains("] FROM ", StringComparison.Ordinal);
}
