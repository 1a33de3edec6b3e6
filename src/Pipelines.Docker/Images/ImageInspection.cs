using System.Text.Json;

namespace Pipelines.Docker;

/// <summary>An image in the engine's store (<c>docker image inspect</c>).</summary>
public sealed record ImageInspection
{
    /// <summary>The image id (config digest; with the containerd store, the manifest/index digest).</summary>
    public required string Id { get; init; }

    /// <summary>Local names.</summary>
    public IReadOnlyList<string> RepoTags { get; init; } = [];

    /// <summary>Registry digests (<c>name@sha256:…</c>).</summary>
    public IReadOnlyList<string> RepoDigests { get; init; } = [];

    /// <summary>The platform of the inspected variant.</summary>
    public Platform? Platform { get; init; }

    /// <summary>Size in bytes as the engine reports it (compressed with the containerd image store).</summary>
    public long Size { get; init; }

    /// <summary>The user the container runs as (empty means root).</summary>
    public string User { get; init; } = "";

    /// <summary>Entrypoint.</summary>
    public IReadOnlyList<string> Entrypoint { get; init; } = [];

    /// <summary>Default command.</summary>
    public IReadOnlyList<string> Cmd { get; init; } = [];

    /// <summary>Environment (<c>NAME=value</c>).</summary>
    public IReadOnlyList<string> Env { get; init; } = [];

    /// <summary>Working directory.</summary>
    public string WorkingDir { get; init; } = "";

    /// <summary>Labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Exposed ports, e.g. <c>8080/tcp</c>.</summary>
    public IReadOnlyList<string> ExposedPorts { get; init; } = [];

    /// <summary>The HEALTHCHECK test, empty when none.</summary>
    public IReadOnlyList<string> Healthcheck { get; init; } = [];

    /// <summary>Number of filesystem layers.</summary>
    public int LayerCount { get; init; }

    /// <summary>The raw inspect JSON.</summary>
    public JsonElement Raw { get; init; }

    internal static ImageInspection Parse(JsonElement root)
    {
        var config = root.TryGetProperty("Config", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        Platform? platform = root.TryGetProperty("Os", out var os) && root.TryGetProperty("Architecture", out var arch) && os.GetString() is { Length: > 0 } o && arch.GetString() is { Length: > 0 } a
            ? new Platform(o, a, root.TryGetProperty("Variant", out var v) ? v.GetString() : null)
            : null;
        return new ImageInspection
        {
            Id = Str(root, "Id"),
            RepoTags = Strings(root, "RepoTags"),
            RepoDigests = Strings(root, "RepoDigests"),
            Platform = platform,
            Size = root.TryGetProperty("Size", out var size) && size.TryGetInt64(out var bytes) ? bytes : 0,
            User = config.ValueKind == JsonValueKind.Object ? Str(config, "User") : "",
            Entrypoint = config.ValueKind == JsonValueKind.Object ? Strings(config, "Entrypoint") : [],
            Cmd = config.ValueKind == JsonValueKind.Object ? Strings(config, "Cmd") : [],
            Env = config.ValueKind == JsonValueKind.Object ? Strings(config, "Env") : [],
            WorkingDir = config.ValueKind == JsonValueKind.Object ? Str(config, "WorkingDir") : "",
            Labels = config.ValueKind == JsonValueKind.Object && config.TryGetProperty("Labels", out var labels) && labels.ValueKind == JsonValueKind.Object
                ? labels.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "")
                : new Dictionary<string, string>(),
            ExposedPorts = config.ValueKind == JsonValueKind.Object && config.TryGetProperty("ExposedPorts", out var ports) && ports.ValueKind == JsonValueKind.Object
                ? [.. ports.EnumerateObject().Select(p => p.Name)]
                : [],
            Healthcheck = config.ValueKind == JsonValueKind.Object && config.TryGetProperty("Healthcheck", out var health) && health.ValueKind == JsonValueKind.Object
                ? Strings(health, "Test")
                : [],
            LayerCount = root.TryGetProperty("RootFS", out var rootfs) ? Strings(rootfs, "Layers").Count : 0,
            Raw = root.Clone(),
        };
    }

    private static string Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(e => e.GetString() ?? "")]
            : [];
}
