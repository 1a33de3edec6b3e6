namespace Pipelines.Docker;

/// <summary>What <c>docker buildx imagetools inspect</c> reports about an image in a registry.</summary>
/// <param name="Name">The inspected reference.</param>
/// <param name="Descriptor">The top-level descriptor (index or single manifest).</param>
/// <param name="Manifests">For an index, every entry (platform images and attestations); for a single manifest, that manifest.</param>
public sealed record ImageIndex(string Name, ImageDescriptor Descriptor, IReadOnlyList<PlatformManifest> Manifests)
{
    /// <summary>The index (or manifest) digest.</summary>
    public string Digest => Descriptor.Digest;

    /// <summary>The platform images, without attestation entries.</summary>
    public IReadOnlyList<PlatformManifest> PlatformImages => [.. Manifests.Where(manifest => !manifest.IsAttestation)];

    /// <summary>The platforms the image is available for.</summary>
    public IReadOnlyList<Platform> Platforms => [.. PlatformImages.Select(manifest => manifest.Platform)];
}
