using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

namespace Pipelines.Containers;

/// <summary>Reads <see cref="ImageFacts"/> from an OCI layout: config, history and every layer's file list.</summary>
internal static class ImageInspector
{
    public static IReadOnlyList<ImageFacts> Inspect(OciLayout layout, CancellationToken cancellationToken = default) =>
        [.. layout.PlatformManifests().Select(entry => InspectManifest(layout, entry.Platform, entry.Manifest, cancellationToken))];

    private static ImageFacts InspectManifest(OciLayout layout, Docker.Platform platform, OciDescriptor manifest, CancellationToken cancellationToken)
    {
        using var manifestJson = layout.ReadJson(manifest.Digest);
        var config = OciDescriptor.From(manifestJson.RootElement.GetProperty("config"));
        var layers = manifestJson.RootElement.GetProperty("layers").EnumerateArray().Select(OciDescriptor.From).ToList();
        using var configJson = layout.ReadJson(config.Digest);
        var root = configJson.RootElement;
        var settings = root.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;

        var history = new List<(string CreatedBy, bool Empty)>();
        if (root.TryGetProperty("history", out var h) && h.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in h.EnumerateArray())
            {
                history.Add((
                    entry.TryGetProperty("created_by", out var by) ? by.GetString() ?? "" : "",
                    entry.TryGetProperty("empty_layer", out var empty) && empty.ValueKind == JsonValueKind.True));
            }
        }

        var layerHistory = history.Where(x => !x.Empty).Select(x => x.CreatedBy).ToList();

        // path -> (size, layer index) of the live entry; wasted bytes per layer
        var live = new Dictionary<string, (long Size, int Layer)>(StringComparer.Ordinal);
        var wasted = new long[layers.Count];
        var infos = new List<LayerInfo>();
        long uncompressed = 0;
        for (var i = 0; i < layers.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (entries, readable) = ReadLayer(layout, layers[i]);
            long layerBytes = 0;
            foreach (var (path, size, whiteout, opaque) in entries)
            {
                if (opaque)
                {
                    Remove(live, wasted, path, includeSelf: false);
                    continue;
                }

                if (whiteout)
                {
                    Remove(live, wasted, path, includeSelf: true);
                    continue;
                }

                if (live.TryGetValue(path, out var previous) && previous.Layer != i)
                {
                    wasted[previous.Layer] += previous.Size;
                }

                live[path] = (size, i);
                layerBytes += size;
            }

            uncompressed += layerBytes;
            infos.Add(new LayerInfo(layers[i].Digest, layers[i].Size, readable ? layerBytes : null, entries.Count, 0, i < layerHistory.Count ? layerHistory[i] : ""));
        }

        infos = [.. infos.Select((info, i) => info with { WastedBytes = wasted[i] })];
        var healthcheck = settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty("Healthcheck", out var hc) && hc.TryGetProperty("Test", out var test) && test.ValueKind == JsonValueKind.Array
            ? test.EnumerateArray().Select(x => x.GetString() ?? "").ToList()
            : null;
        if (healthcheck is ["NONE", ..] or [])
        {
            healthcheck = null;
        }

        return new ImageFacts
        {
            Platform = platform,
            ManifestDigest = manifest.Digest,
            CompressedSize = config.Size + layers.Sum(l => l.Size),
            UncompressedSize = uncompressed,
            User = settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty("User", out var user) ? user.GetString() ?? "" : "",
            Healthcheck = healthcheck,
            Environment = settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty("Env", out var env) && env.ValueKind == JsonValueKind.Array
                ? [.. env.EnumerateArray().Select(x => x.GetString() ?? "")]
                : [],
            Labels = settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty("Labels", out var labels) && labels.ValueKind == JsonValueKind.Object
                ? labels.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "")
                : new Dictionary<string, string>(),
            History = [.. history.Select(x => x.CreatedBy)],
            Layers = infos,
            Files = live.Keys.ToHashSet(StringComparer.Ordinal),
        };
    }

    private static void Remove(Dictionary<string, (long Size, int Layer)> live, long[] wasted, string path, bool includeSelf)
    {
        var prefix = path.Length == 0 ? "" : path + "/";
        foreach (var key in live.Keys.Where(k => (includeSelf && k == path) || k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            wasted[live[key].Layer] += live[key].Size;
            live.Remove(key);
        }
    }

    private static (List<(string Path, long Size, bool Whiteout, bool Opaque)> Entries, bool Readable) ReadLayer(OciLayout layout, OciDescriptor layer)
    {
        var entries = new List<(string, long, bool, bool)>();
        using var blob = layout.OpenBlob(layer.Digest);
        Stream stream;
        if (layer.MediaType.EndsWith("gzip", StringComparison.Ordinal))
        {
            stream = new GZipStream(blob, CompressionMode.Decompress);
        }
        else if (layer.MediaType.EndsWith(".tar", StringComparison.Ordinal) || layer.MediaType.EndsWith("tar", StringComparison.Ordinal))
        {
            stream = blob;
        }
        else
        {
            return (entries, false); // zstd and others: sizes from the manifest only
        }

        using (stream)
        {
            using var reader = new TarReader(stream);
            while (reader.GetNextEntry() is { } entry)
            {
                var path = Normalize(entry.Name);
                var name = Path.GetFileName(path);
                var directory = Path.GetDirectoryName(path)?.Replace('\\', '/') ?? "";
                if (name == ".wh..wh..opq")
                {
                    entries.Add((directory, 0, false, true));
                }
                else if (name.StartsWith(".wh.", StringComparison.Ordinal))
                {
                    entries.Add(((directory.Length == 0 ? "" : directory + "/") + name[4..], 0, true, false));
                }
                else if (path.Length > 0)
                {
                    entries.Add((path, entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile ? entry.Length : 0, false, false));
                }
            }
        }

        return (entries, true);
    }

    private static string Normalize(string name)
    {
        var path = name.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        return path.Trim('/');
    }
}
