using Pipelines.Docker;

namespace Pipelines.Containers;

/// <summary>What the pipeline read from one platform's built image (its manifest, config and layer file lists).</summary>
public sealed record ImageFacts
{
    /// <summary>The platform.</summary>
    public required Platform Platform { get; init; }

    /// <summary>The platform manifest digest.</summary>
    public required string ManifestDigest { get; init; }

    /// <summary>Config plus layers as stored in a registry.</summary>
    public long CompressedSize { get; init; }

    /// <summary>Sum of the file sizes across all layers (what <c>docker save</c> would hold).</summary>
    public long UncompressedSize { get; init; }

    /// <summary>The configured user (empty means root).</summary>
    public string User { get; init; } = "";

    /// <summary>The HEALTHCHECK test, or null when none (or <c>NONE</c>).</summary>
    public IReadOnlyList<string>? Healthcheck { get; init; }

    /// <summary>Environment variables, <c>NAME=value</c>.</summary>
    public IReadOnlyList<string> Environment { get; init; } = [];

    /// <summary>Image labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The <c>created_by</c> lines of the history.</summary>
    public IReadOnlyList<string> History { get; init; } = [];

    /// <summary>The layers, base first.</summary>
    public IReadOnlyList<LayerInfo> Layers { get; init; } = [];

    /// <summary>Paths (no leading slash) present in the final file system.</summary>
    public IReadOnlySet<string> Files { get; init; } = new HashSet<string>();

    /// <summary>Bytes in layers that later layers overwrite or delete.</summary>
    public long WastedBytes => Layers.Sum(layer => layer.WastedBytes);
}
