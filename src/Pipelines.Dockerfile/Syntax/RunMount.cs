namespace Pipelines.Dockerfile;

/// <summary>A <c>RUN --mount=…</c> option, e.g. <c>type=cache,target=/root/.cache</c>.</summary>
public sealed record RunMount
{
    /// <summary>bind (default), cache, secret, ssh or tmpfs.</summary>
    public required string Type { get; init; }

    /// <summary>Mount point inside the container (<c>target</c>/<c>dst</c>/<c>destination</c>).</summary>
    public string? Target { get; init; }

    /// <summary>Path in the source (<c>source</c>/<c>src</c>).</summary>
    public string? Source { get; init; }

    /// <summary>Stage name, index or image the mount reads from (<c>from=</c>), unexpanded.</summary>
    public string? From { get; init; }

    /// <summary>Secret/ssh/cache id.</summary>
    public string? Id { get; init; }

    /// <summary>Every key=value pair as written, keys lower-cased; bare keys map to an empty string.</summary>
    public required IReadOnlyDictionary<string, string> Options { get; init; }

    /// <summary>Where the <c>--mount</c> flag starts.</summary>
    public required SourceLocation Location { get; init; }
}
