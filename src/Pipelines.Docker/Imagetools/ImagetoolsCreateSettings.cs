namespace Pipelines.Docker;

/// <summary>
/// <c>docker buildx imagetools create</c>: a new image (usually a multi-platform index) from existing ones in a
/// registry, without pulling or rebuilding (e.g. merging per-platform CI builds, or re-tagging by digest).
/// </summary>
public sealed record ImagetoolsCreateSettings
{
    /// <summary>Source images (positional): references or digests.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>References to write (<c>--tag</c>, repeated).</summary>
    [BuildxFlag("--tag")]
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Annotations (<c>--annotation</c>, repeated), e.g. <c>index:org.opencontainers.image.source=…</c>.</summary>
    [BuildxFlag("--annotation")]
    public IReadOnlyList<string> Annotations { get; init; } = [];

    /// <summary>Append to the existing manifest of the first tag (<c>--append</c>).</summary>
    [BuildxFlag("--append")]
    public bool Append { get; init; }

    /// <summary>Print the resulting index instead of pushing (<c>--dry-run</c>).</summary>
    [BuildxFlag("--dry-run")]
    public bool DryRun { get; init; }

    /// <summary>Files holding source descriptors (<c>--file</c>, repeated).</summary>
    [BuildxFlag("--file")]
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Keep only these platforms of the sources (<c>--platform</c>, repeated).</summary>
    [BuildxFlag("--platform")]
    public IReadOnlyList<Platform> Platforms { get; init; } = [];

    /// <summary>With one source, write an index rather than a carbon copy (<c>--prefer-index</c>, buildx default true).</summary>
    [BuildxFlag("--prefer-index")]
    public bool? PreferIndex { get; init; }

    /// <summary>Progress output (<c>--progress</c>).</summary>
    [BuildxFlag("--progress")]
    public ProgressMode? Progress { get; init; }

    /// <summary>Builder instance (<c>--builder</c>).</summary>
    [BuildxFlag("--builder")]
    public string? Builder { get; init; }

    /// <summary>Debug logging (<c>--debug</c>).</summary>
    [BuildxFlag("--debug")]
    public bool Debug { get; init; }

    /// <summary>Arguments appended verbatim before the sources.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>The arguments after <c>docker</c>. Pure.</summary>
    public IReadOnlyList<string> Render() =>
        new Argv("buildx", "imagetools", "create")
            .Repeat("--tag", Tags)
            .Repeat("--annotation", Annotations)
            .Flag("--append", Append)
            .Flag("--dry-run", DryRun)
            .Repeat("--file", Files)
            .Repeat("--platform", Platforms)
            .Joined("--prefer-index", PreferIndex is { } preferIndex ? (preferIndex ? "true" : "false") : null)
            .Option("--progress", Progress is { } progress ? Argv.Lower(progress) : null)
            .Option("--builder", Builder)
            .Flag("--debug", Debug)
            .Add(ExtraArguments)
            .Add(Sources)
            .ToList();
}
