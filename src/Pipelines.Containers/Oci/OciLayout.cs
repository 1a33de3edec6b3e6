using System.Text.Json;
using Pipelines.Docker;

namespace Pipelines.Containers;

/// <summary>A read-only OCI image layout directory (<c>oci-layout</c>, <c>index.json</c>, <c>blobs/sha256/…</c>), as buildx writes with <c>type=oci,tar=false</c>.</summary>
internal sealed class OciLayout(string directory)
{
    public string Directory { get; } = directory;

    /// <summary>The descriptor of the image the layout holds (the first entry of <c>index.json</c>).</summary>
    public OciDescriptor Root()
    {
        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "index.json")));
        var first = index.RootElement.GetProperty("manifests").EnumerateArray().FirstOrDefault();
        if (first.ValueKind != JsonValueKind.Object)
        {
            throw new ContainerPipelineException($"OCI layout {Directory} has an empty index.json.");
        }

        return OciDescriptor.From(first);
    }

    /// <summary>The platform manifests of the root (one for a single-platform image), without attestation entries.</summary>
    public IReadOnlyList<(Platform Platform, OciDescriptor Manifest)> PlatformManifests()
    {
        var root = Root();
        if (!root.IsIndex)
        {
            using var manifest = ReadJson(root.Digest);
            var config = OciDescriptor.From(manifest.RootElement.GetProperty("config"));
            using var configJson = ReadJson(config.Digest);
            var os = configJson.RootElement.TryGetProperty("os", out var o) ? o.GetString() ?? "linux" : "linux";
            var arch = configJson.RootElement.TryGetProperty("architecture", out var a) ? a.GetString() ?? "amd64" : "amd64";
            var variant = configJson.RootElement.TryGetProperty("variant", out var v) ? v.GetString() : null;
            return [(new Platform(os, arch, variant), root)];
        }

        using var index = ReadJson(root.Digest);
        var result = new List<(Platform, OciDescriptor)>();
        foreach (var entry in index.RootElement.GetProperty("manifests").EnumerateArray())
        {
            if (!entry.TryGetProperty("platform", out var platform))
            {
                continue;
            }

            var os = platform.GetProperty("os").GetString() ?? "";
            var arch = platform.GetProperty("architecture").GetString() ?? "";
            if (os == "unknown" || arch == "unknown")
            {
                continue;
            }

            var variant = platform.TryGetProperty("variant", out var v) ? v.GetString() : null;
            result.Add((new Platform(os, arch, variant), OciDescriptor.From(entry)));
        }

        return result;
    }

    public string BlobPath(string digest)
    {
        var parts = digest.Split(':', 2);
        if (parts.Length != 2)
        {
            throw new ContainerPipelineException($"Invalid digest '{digest}' in OCI layout {Directory}.");
        }

        return Path.Combine(Directory, "blobs", parts[0], parts[1]);
    }

    public JsonDocument ReadJson(string digest) => JsonDocument.Parse(File.ReadAllBytes(BlobPath(digest)));

    public Stream OpenBlob(string digest) => File.OpenRead(BlobPath(digest));
}
