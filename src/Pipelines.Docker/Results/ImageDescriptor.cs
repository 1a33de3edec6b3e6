namespace Pipelines.Docker;

/// <summary>An OCI content descriptor: what a digest points to.</summary>
/// <param name="MediaType">E.g. <c>application/vnd.oci.image.index.v1+json</c>.</param>
/// <param name="Digest">The content digest, <c>sha256:…</c>.</param>
/// <param name="Size">The size of the manifest or index in bytes.</param>
public sealed record ImageDescriptor(string MediaType, string Digest, long Size)
{
    /// <summary>True when the descriptor is a multi-platform index (OCI index or Docker manifest list).</summary>
    public bool IsIndex => MediaType.Contains("index", StringComparison.Ordinal) || MediaType.Contains("manifest.list", StringComparison.Ordinal);
}
