using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pipelines.Docker;

public static partial class Buildx
{
    /// <summary>
    /// Reads an image's index (or manifest) from its registry with <c>imagetools inspect</c>: digest, media type and
    /// per-platform manifests. With <paramref name="includeSizes"/>, also each platform image's compressed size (one more call per platform).
    /// </summary>
    public static async Task<ImageIndex> ImagetoolsInspectAsync(string reference, bool includeSizes = false, string? builder = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var result = await RunBuildxAsync(InspectArguments(reference, builder, "--format", "{{json .Manifest}}"), null, cancellationToken, stream: false).ConfigureAwait(false);
        var index = ParseManifest(reference, result.StandardOutput);
        if (!index.Descriptor.IsIndex)
        {
            var config = await RunBuildxAsync(InspectArguments(reference, builder, "--format", "{{json .Image}}"), null, cancellationToken, stream: false).ConfigureAwait(false);
            using var image = JsonDocument.Parse(config.StandardOutput);
            var platform = PlatformOf(image.RootElement) ?? new Platform("unknown", "unknown");
            index = index with { Manifests = [new PlatformManifest(platform, index.Descriptor.Digest, index.Descriptor.MediaType, index.Descriptor.Size, false)] };
        }

        if (includeSizes)
        {
            var repository = ImageReference.Repository(reference);
            var sized = new List<PlatformManifest>();
            foreach (var manifest in index.Manifests)
            {
                if (manifest.IsAttestation)
                {
                    sized.Add(manifest);
                    continue;
                }

                var raw = await RunBuildxAsync(InspectArguments($"{repository}@{manifest.Digest}", builder, "--raw"), null, cancellationToken, stream: false).ConfigureAwait(false);
                sized.Add(manifest with { ImageSize = ImageSizeOf(raw.StandardOutput) });
            }

            index = index with { Manifests = sized };
        }

        return index;
    }

    /// <summary>
    /// Creates an image from existing ones with <c>imagetools create</c>. Returns the written index (inspected from the first tag),
    /// or with <see cref="ImagetoolsCreateSettings.DryRun"/> the index buildx would write.
    /// </summary>
    public static async Task<ImageIndex> ImagetoolsCreateAsync(ImagetoolsCreateSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Sources.Count == 0 && settings.Files.Count == 0)
        {
            throw new ArgumentException("imagetools create needs at least one source image.", nameof(settings));
        }

        if (!settings.DryRun && settings.Tags.Count == 0)
        {
            throw new ArgumentException("imagetools create needs at least one --tag unless it is a dry run.", nameof(settings));
        }

        var result = await RunBuildxAsync(settings.Render(), settings.Progress, cancellationToken, stream: !settings.DryRun).ConfigureAwait(false);
        if (settings.DryRun)
        {
            var json = result.StandardOutput.Trim();
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var mediaType = root.TryGetProperty("mediaType", out var m) ? m.GetString() ?? "" : "";
            var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
            return new ImageIndex(settings.Tags.FirstOrDefault() ?? "", new ImageDescriptor(mediaType, digest, Encoding.UTF8.GetByteCount(json)), ManifestsOf(root));
        }

        return await ImagetoolsInspectAsync(settings.Tags[0], includeSizes: false, settings.Builder, cancellationToken).ConfigureAwait(false);
    }

    private static string[] InspectArguments(string reference, string? builder, params string[] format) =>
        ["buildx", "imagetools", "inspect", .. builder is null ? Array.Empty<string>() : ["--builder", builder], .. format, reference];

    internal static ImageIndex ParseManifest(string reference, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var descriptor = new ImageDescriptor(
            root.TryGetProperty("mediaType", out var m) ? m.GetString() ?? "" : "",
            root.TryGetProperty("digest", out var d) ? d.GetString() ?? "" : "",
            root.TryGetProperty("size", out var s) && s.TryGetInt64(out var size) ? size : 0);
        return new ImageIndex(reference, descriptor, ManifestsOf(root));
    }

    private static List<PlatformManifest> ManifestsOf(JsonElement root)
    {
        var manifests = new List<PlatformManifest>();
        if (root.TryGetProperty("manifests", out var entries) && entries.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in entries.EnumerateArray())
            {
                var platform = entry.TryGetProperty("platform", out var p) ? PlatformOf(p) : null;
                var attestation = entry.TryGetProperty("annotations", out var annotations)
                    && annotations.TryGetProperty("vnd.docker.reference.type", out var type)
                    && type.GetString() == "attestation-manifest";
                manifests.Add(new PlatformManifest(
                    platform ?? new Platform("unknown", "unknown"),
                    entry.GetProperty("digest").GetString() ?? "",
                    entry.TryGetProperty("mediaType", out var mt) ? mt.GetString() ?? "" : "",
                    entry.TryGetProperty("size", out var sz) && sz.TryGetInt64(out var bytes) ? bytes : 0,
                    attestation || platform is { Os: "unknown" }));
            }
        }

        return manifests;
    }

    private static Platform? PlatformOf(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("os", out var os) || !element.TryGetProperty("architecture", out var architecture)
            || os.GetString() is not { Length: > 0 } osName || architecture.GetString() is not { Length: > 0 } arch)
        {
            return null;
        }

        var variant = element.TryGetProperty("variant", out var v) ? v.GetString() : null;
        return new Platform(osName, arch, variant);
    }

    internal static long ImageSizeOf(string rawManifest)
    {
        using var document = JsonDocument.Parse(rawManifest);
        var root = document.RootElement;
        long total = 0;
        if (root.TryGetProperty("config", out var config) && config.TryGetProperty("size", out var configSize))
        {
            total += configSize.GetInt64();
        }

        if (root.TryGetProperty("layers", out var layers) && layers.ValueKind == JsonValueKind.Array)
        {
            total += layers.EnumerateArray().Sum(layer => layer.TryGetProperty("size", out var size) ? size.GetInt64() : 0);
        }

        return total;
    }
}
