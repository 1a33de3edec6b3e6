using System.Diagnostics.Contracts;
using System.Text;
using System.Text.Json;

namespace Pipelines.Docker;

/// <summary>
/// A typed bake file: targets and groups written as <c>docker-bake.json</c>. Building several targets in one
/// bake runs one BuildKit solve, so stages they share are built once.
/// </summary>
public sealed record BakeDefinition
{
    /// <summary>The targets, in order.</summary>
    public IReadOnlyList<BakeTarget> Targets { get; init; } = [];

    /// <summary>The groups. When none is named <c>default</c>, the JSON gets a <c>default</c> group of all targets.</summary>
    public IReadOnlyList<BakeGroup> Groups { get; init; } = [];

    /// <summary>Returns a copy with <paramref name="target"/> added (replacing one of the same name).</summary>
    [Pure]
    public BakeDefinition AddTarget(BakeTarget target) => this with { Targets = [.. Targets.Where(t => t.Name != target.Name), target] };

    /// <summary>Returns a copy with a group added.</summary>
    [Pure]
    public BakeDefinition AddGroup(string name, params IEnumerable<string> targets) => this with { Groups = [.. Groups.Where(g => g.Name != name), new BakeGroup(name, [.. targets])] };

    /// <summary>The <c>docker-bake.json</c> text.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("group");
            var groups = Groups.Any(g => g.Name == "default") ? Groups : [new BakeGroup("default", [.. Targets.Select(t => t.Name)]), .. Groups];
            foreach (var group in groups)
            {
                json.WriteStartObject(group.Name);
                Strings(json, "targets", group.Targets);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteStartObject("target");
            foreach (var target in Targets)
            {
                json.WriteStartObject(target.Name);
                String(json, "context", target.Context);
                String(json, "dockerfile", target.Dockerfile);
                String(json, "target", target.Target);
                Strings(json, "platforms", target.Platforms.Select(p => p.ToString()));
                Strings(json, "tags", target.Tags);
                Map(json, "args", target.Args.Select(a => new KeyValuePair<string, string?>(a.Name, a.Value)));
                Map(json, "labels", target.Labels.Select(l => new KeyValuePair<string, string?>(l.Key, l.Value)));
                Strings(json, "annotations", target.Annotations);
                Map(json, "contexts", target.Contexts.Select(c => new KeyValuePair<string, string?>(c.Name, c.Source)));
                Strings(json, "secret", target.Secrets.Select(s => s.ToString()));
                Strings(json, "ssh", target.Ssh.Select(s => s.ToString()));
                Strings(json, "cache-from", target.CacheFrom.Select(c => c.ToString()));
                Strings(json, "cache-to", target.CacheTo.Select(c => c.ToString()));
                Strings(json, "output", target.Outputs.Select(o => o.ToString()));
                Strings(json, "attest", target.Attestations);
                Strings(json, "inherits", target.Inherits);
                Strings(json, "no-cache-filter", target.NoCacheFilters);
                Bool(json, "no-cache", target.NoCache);
                Bool(json, "pull", target.Pull);
                String(json, "network", target.Network);
                String(json, "shm-size", target.ShmSize);
                Strings(json, "ulimits", target.Ulimits);
                Strings(json, "entitlements", target.Entitlements);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void String(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void Bool(Utf8JsonWriter json, string name, bool? value)
    {
        if (value is not null)
        {
            json.WriteBoolean(name, value.Value);
        }
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        var list = values.ToList();
        if (list.Count == 0)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var value in list)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void Map(Utf8JsonWriter json, string name, IEnumerable<KeyValuePair<string, string?>> pairs)
    {
        var list = pairs.ToList();
        if (list.Count == 0)
        {
            return;
        }

        json.WriteStartObject(name);
        foreach (var (key, value) in list)
        {
            if (value is null)
            {
                json.WriteNull(key);
            }
            else
            {
                json.WriteString(key, value);
            }
        }

        json.WriteEndObject();
    }
}
