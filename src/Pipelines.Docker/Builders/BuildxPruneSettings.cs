using System.Diagnostics.Contracts;

namespace Pipelines.Docker;

/// <summary><c>docker buildx prune</c>: remove build cache. Always non-interactive (<c>--force</c> is rendered by default).</summary>
public sealed record BuildxPruneSettings
{
    /// <summary>Include internal/frontend images and all cache, not only dangling (<c>--all</c>).</summary>
    [BuildxFlag("--all")]
    public bool All { get; init; }

    /// <summary>Do not prompt (<c>--force</c>); true by default because Pipelines never runs interactively.</summary>
    [BuildxFlag("--force")]
    public bool Force { get; init; } = true;

    /// <summary>Filters (<c>--filter</c>, repeated), e.g. <c>until=24h</c>, <c>type=exec.cachemount</c>.</summary>
    [BuildxFlag("--filter")]
    public IReadOnlyList<string> Filters { get; init; } = [];

    /// <summary>Keep at most this much cache (<c>--max-used-space</c>), e.g. <c>10gb</c>.</summary>
    [BuildxFlag("--max-used-space")]
    public string? MaxUsedSpace { get; init; }

    /// <summary>Prune until this much disk is free (<c>--min-free-space</c>).</summary>
    [BuildxFlag("--min-free-space")]
    public string? MinFreeSpace { get; init; }

    /// <summary>Always keep this much cache (<c>--reserved-space</c>).</summary>
    [BuildxFlag("--reserved-space")]
    public string? ReservedSpace { get; init; }

    /// <summary>Builder instance (<c>--builder</c>).</summary>
    [BuildxFlag("--builder")]
    public string? Builder { get; init; }

    /// <summary>List what was removed (<c>--verbose</c>).</summary>
    [BuildxFlag("--verbose")]
    public bool Verbose { get; init; }

    /// <summary>Debug logging (<c>--debug</c>).</summary>
    [BuildxFlag("--debug")]
    public bool Debug { get; init; }

    /// <summary>The arguments after <c>docker</c>. Pure.</summary>
    public IReadOnlyList<string> Render() =>
        new Argv("buildx", "prune")
            .Flag("--all", All)
            .Flag("--force", Force)
            .Repeat("--filter", Filters)
            .Option("--max-used-space", MaxUsedSpace)
            .Option("--min-free-space", MinFreeSpace)
            .Option("--reserved-space", ReservedSpace)
            .Option("--builder", Builder)
            .Flag("--verbose", Verbose)
            .Flag("--debug", Debug)
            .ToList();

    /// <summary>Returns a copy that prunes everything (<c>--all</c>).</summary>
    [Pure]
    public BuildxPruneSettings EnableAll() => this with { All = true };

    /// <summary>Returns a copy with a filter added.</summary>
    [Pure]
    public BuildxPruneSettings AddFilter(string filter) => this with { Filters = [.. Filters, filter] };
}
