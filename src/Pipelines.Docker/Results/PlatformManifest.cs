namespace Pipelines.Docker;

/// <summary>One entry of a multi-platform index: the image manifest for one platform.</summary>
/// <param name="Platform">The platform; <c>unknown/unknown</c> for attestation manifests.</param>
/// <param name="Digest">The manifest digest (pull by <c>name@digest</c>).</param>
/// <param name="MediaType">The manifest media type.</param>
/// <param name="ManifestSize">The size of the manifest itself in bytes.</param>
/// <param name="IsAttestation">True for the provenance/SBOM attestation entries buildx adds.</param>
public sealed record PlatformManifest(Platform Platform, string Digest, string MediaType, long ManifestSize, bool IsAttestation)
{
    /// <summary>Compressed image size in bytes (config plus layers as stored in the registry), when it was read.</summary>
    public long? ImageSize { get; init; }
}
