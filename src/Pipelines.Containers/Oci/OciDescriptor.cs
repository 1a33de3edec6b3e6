using System.Text.Json;

namespace Pipelines.Containers;

/// <summary>An OCI descriptor: media type, digest and size.</summary>
internal sealed record OciDescriptor(string MediaType, string Digest, long Size)
{
    public bool IsIndex => MediaType.Contains("index", StringComparison.Ordinal) || MediaType.Contains("manifest.list", StringComparison.Ordinal);

    public static OciDescriptor From(JsonElement element) => new(
        element.TryGetProperty("mediaType", out var type) ? type.GetString() ?? "" : "",
        element.GetProperty("digest").GetString() ?? "",
        element.TryGetProperty("size", out var size) ? size.GetInt64() : 0);
}
