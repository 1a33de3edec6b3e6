namespace Pipelines.Docker;

/// <summary>Where one image of a running build or bake stands, for the live display.</summary>
/// <param name="Image">The image (bake target) name.</param>
/// <param name="Total">Dockerfile steps scheduled so far (all steps run, once finished).</param>
/// <param name="Done">Steps completed, executed or cached.</param>
/// <param name="Cached">Steps taken from the cache.</param>
internal sealed record ImageProgress(string Image, int Total, int Done, int Cached)
{
    /// <summary>The latest step still running.</summary>
    public string? Current { get; init; }

    /// <summary>The latest output line of a running step (e.g. a RUN's compiler output).</summary>
    public string? LastLog { get; init; }

    public ImageProgressState State { get; init; }
}

internal enum ImageProgressState
{
    Waiting,
    Running,
    Done,
    Failed,
}
