using System.Text.Json;

namespace Pipelines.Docker;

/// <summary>
/// What one build produced, read from buildx's <c>--metadata-file</c> (and, for pushed multi-platform
/// images, the registry; for <c>--progress=rawjson</c> builds, BuildKit's step stream).
/// </summary>
public sealed record BuildResult
{
    /// <summary>The image (or index) digest (<c>containerimage.digest</c>); null when nothing was exported as an image.</summary>
    public string? Digest { get; init; }

    /// <summary>The exported image's descriptor (<c>containerimage.descriptor</c>).</summary>
    public ImageDescriptor? Descriptor { get; init; }

    /// <summary>The image names written (<c>image.name</c>, split on commas).</summary>
    public IReadOnlyList<string> ImageNames { get; init; } = [];

    /// <summary>The build record reference (<c>buildx.build.ref</c>: builder/node/id), for <c>docker buildx history</c>.</summary>
    public string? BuildRef { get; init; }

    /// <summary>Per-platform manifests of a pushed multi-platform image (empty otherwise).</summary>
    public IReadOnlyList<PlatformManifest> Platforms { get; init; } = [];

    /// <summary>BuildKit vertices with cache state and timing; only for <see cref="ProgressMode.RawJson"/> builds.</summary>
    public IReadOnlyList<BuildStep> Steps { get; init; } = [];

    /// <summary>Dockerfile instructions (not FROM) taken from the cache.</summary>
    public int CachedSteps => Steps.Count(step => step.IsInstruction && !step.IsFrom && step.Cached);

    /// <summary>Dockerfile instructions (not FROM) that actually ran.</summary>
    public int ExecutedSteps => Steps.Count(step => step.IsInstruction && !step.IsFrom && !step.Cached);

    /// <summary>Wall-clock time of the buildx process.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The raw metadata file entries.</summary>
    public IReadOnlyDictionary<string, JsonElement> Metadata { get; init; } = new Dictionary<string, JsonElement>();

    /// <summary>Reads one metadata object (a build's, or one bake target's) into a result.</summary>
    internal static BuildResult FromMetadata(JsonElement metadata)
    {
        var entries = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (metadata.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in metadata.EnumerateObject())
            {
                entries[property.Name] = property.Value.Clone();
            }
        }

        ImageDescriptor? descriptor = null;
        if (entries.TryGetValue("containerimage.descriptor", out var d) && d.ValueKind == JsonValueKind.Object)
        {
            descriptor = new ImageDescriptor(
                d.TryGetProperty("mediaType", out var mediaType) ? mediaType.GetString() ?? "" : "",
                d.TryGetProperty("digest", out var digest) ? digest.GetString() ?? "" : "",
                d.TryGetProperty("size", out var size) && size.TryGetInt64(out var bytes) ? bytes : 0);
        }

        return new BuildResult
        {
            Digest = String(entries, "containerimage.digest"),
            Descriptor = descriptor,
            ImageNames = String(entries, "image.name") is { } names ? names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [],
            BuildRef = String(entries, "buildx.build.ref"),
            Metadata = entries,
        };
    }

    private static string? String(Dictionary<string, JsonElement> entries, string key) =>
        entries.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
