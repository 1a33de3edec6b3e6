using System.Text.Json;

namespace Pipelines.Docker;

public static partial class Buildx
{
    /// <summary>Creates a builder (or appends/removes a node) with <c>buildx create</c>; returns the builder name buildx prints.</summary>
    public static async Task<string> CreateBuilderAsync(BuildxCreateSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var result = await RunBuildxAsync(settings.Render(), null, cancellationToken).ConfigureAwait(false);
        return result.StandardOutput.Trim().Split('\n').LastOrDefault()?.Trim() ?? settings.Name ?? "";
    }

    /// <summary>Makes <paramref name="name"/> the current builder (<c>buildx use</c>); <paramref name="makeDefault"/> also for the docker context.</summary>
    public static Task UseBuilderAsync(string name, bool makeDefault = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return RunBuildxAsync(["buildx", "use", .. makeDefault ? new[] { "--default" } : [], name], null, cancellationToken);
    }

    /// <summary>Lists builders (<c>buildx ls --format json</c>).</summary>
    public static async Task<IReadOnlyList<BuilderInfo>> ListBuildersAsync(CancellationToken cancellationToken = default)
    {
        var result = await RunBuildxAsync(["buildx", "ls", "--format", "json"], null, cancellationToken, stream: false).ConfigureAwait(false);
        return ParseBuilders(result.StandardOutput);
    }

    /// <summary>
    /// Inspects a builder (the current one when <paramref name="name"/> is null); with <paramref name="bootstrap"/> starts it first
    /// (<c>buildx inspect --bootstrap</c>), which is how to find out early that a builder cannot start.
    /// </summary>
    public static async Task<BuilderInfo> InspectBuilderAsync(string? name = null, bool bootstrap = false, CancellationToken cancellationToken = default)
    {
        await RunBuildxAsync(["buildx", "inspect", .. bootstrap ? new[] { "--bootstrap" } : [], .. name is null ? Array.Empty<string>() : [name]], null, cancellationToken, stream: false).ConfigureAwait(false);
        var builders = await ListBuildersAsync(cancellationToken).ConfigureAwait(false);
        return builders.FirstOrDefault(builder => name is null ? builder.Current : builder.Name == name)
            ?? throw new InvalidOperationException($"buildx inspect succeeded but `buildx ls` does not list builder '{name ?? "(current)"}'.");
    }

    /// <summary>Removes builders (<c>buildx rm</c>).</summary>
    public static Task RemoveBuilderAsync(string name, bool keepState = false, bool keepDaemon = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return RunBuildxAsync(["buildx", "rm", "--force", .. keepState ? new[] { "--keep-state" } : [], .. keepDaemon ? new[] { "--keep-daemon" } : [], name], null, cancellationToken);
    }

    /// <summary>Stops a builder (<c>buildx stop</c>).</summary>
    public static Task StopBuilderAsync(string? name = null, CancellationToken cancellationToken = default) =>
        RunBuildxAsync(["buildx", "stop", .. name is null ? Array.Empty<string>() : [name]], null, cancellationToken);

    /// <summary>The builder's cache records (<c>buildx du --format json</c>).</summary>
    public static async Task<IReadOnlyList<CacheRecord>> DiskUsageAsync(string? builder = null, IEnumerable<string>? filters = null, CancellationToken cancellationToken = default)
    {
        var result = await RunBuildxAsync(
            ["buildx", "du", "--format", "json", .. builder is null ? Array.Empty<string>() : ["--builder", builder], .. (filters ?? []).SelectMany(filter => new[] { "--filter", filter })],
            null, cancellationToken, stream: false).ConfigureAwait(false);
        var records = new List<CacheRecord>();
        foreach (var line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            records.Add(new CacheRecord(
                Text(root, "ID"), Text(root, "Type"), Text(root, "Description"), HumanSize.Parse(Text(root, "Size")),
                root.TryGetProperty("Reclaimable", out var r) && r.ValueKind == JsonValueKind.True,
                root.TryGetProperty("Shared", out var s) && s.ValueKind == JsonValueKind.True));
        }

        return records;
    }

    /// <summary>Removes build cache (<c>buildx prune</c>); returns the bytes reclaimed as buildx reports them.</summary>
    public static async Task<long> PruneAsync(BuildxPruneSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var result = await RunBuildxAsync(settings.Render(), null, cancellationToken, stream: false).ConfigureAwait(false);
        var total = (result.StandardOutput + "\n" + result.StandardError).Split('\n')
            .Select(line => line.Trim())
            .LastOrDefault(line => line.StartsWith("Total:", StringComparison.Ordinal));
        return total is null ? 0 : HumanSize.Parse(total["Total:".Length..]);
    }

    internal static IReadOnlyList<BuilderInfo> ParseBuilders(string jsonLines)
    {
        var builders = new List<BuilderInfo>();
        foreach (var line in jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var nodes = new List<BuilderNode>();
            if (root.TryGetProperty("Nodes", out var nodeArray) && nodeArray.ValueKind == JsonValueKind.Array)
            {
                foreach (var node in nodeArray.EnumerateArray())
                {
                    var platforms = node.TryGetProperty("Platforms", out var p) && p.ValueKind == JsonValueKind.Array
                        ? p.EnumerateArray().Select(e => e.GetString()).Where(s => Platform.TryParse(s, out _)).Select(s => Platform.Parse(s!)).ToList()
                        : [];
                    nodes.Add(new BuilderNode(Text(node, "Name"), Text(node, "Endpoint"), Text(node, "Status"), platforms, Text(node, "Version")));
                }
            }

            builders.Add(new BuilderInfo(Text(root, "Name"), Text(root, "Driver"), root.TryGetProperty("Current", out var c) && c.ValueKind == JsonValueKind.True, nodes));
        }

        return builders;
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
