using Pipelines.Docker;

namespace Pipelines.Containers;

/// <summary>One platform's image in the report.</summary>
public sealed record PlatformReport
{
    /// <summary>The platform.</summary>
    public required Platform Platform { get; init; }

    /// <summary>The platform manifest digest.</summary>
    public required string ManifestDigest { get; init; }

    /// <summary>Compressed size (config plus layers).</summary>
    public ByteSize CompressedSize { get; init; }

    /// <summary>Sum of file sizes across the layers.</summary>
    public ByteSize UncompressedSize { get; init; }

    /// <summary>Bytes overwritten or deleted by later layers.</summary>
    public ByteSize WastedSize { get; init; }

    /// <summary>The configured user (empty: root).</summary>
    public string User { get; init; } = "";

    /// <summary>True when the image has a HEALTHCHECK.</summary>
    public bool HasHealthcheck { get; init; }

    /// <summary>The layer table.</summary>
    public IReadOnlyList<LayerInfo> Layers { get; init; } = [];
}
