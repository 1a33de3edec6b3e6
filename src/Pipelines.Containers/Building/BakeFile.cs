using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipelines.Containers;

/// <summary>Renders bake targets as a <c>docker-bake.json</c> definition (one <c>default</c> group with every target). Pure.</summary>
internal static class BakeFile
{
    public static string Render(IReadOnlyList<BakeTarget> targets)
    {
        var targetNodes = new JsonObject();
        foreach (var target in targets)
        {
            var node = new JsonObject
            {
                ["context"] = target.Context,
                ["dockerfile"] = target.Dockerfile,
            };
            if (target.Stage is not null)
            {
                node["target"] = target.Stage;
            }

            if (target.Platforms.Count > 0)
            {
                node["platforms"] = Array(target.Platforms.Select(p => p.ToString()));
            }

            if (target.Args.Count > 0)
            {
                node["args"] = Object(target.Args.Select(a => new KeyValuePair<string, string>(a.Name, a.Value ?? System.Environment.GetEnvironmentVariable(a.Name) ?? "")));
            }

            if (target.Labels.Count > 0)
            {
                node["labels"] = Object(target.Labels);
            }

            if (target.Secrets.Count > 0)
            {
                node["secret"] = Array(target.Secrets.Select(s => s.ToString()));
            }

            if (target.Contexts.Count > 0)
            {
                node["contexts"] = Object(target.Contexts.Select(c => new KeyValuePair<string, string>(c.Name, c.Source)));
            }

            if (target.CacheFrom.Count > 0)
            {
                node["cache-from"] = Array(target.CacheFrom.Select(c => c.ToString()));
            }

            if (target.CacheTo.Count > 0)
            {
                node["cache-to"] = Array(target.CacheTo.Select(c => c.ToString()));
            }

            node["output"] = Array(target.Outputs.Select(o => o.ToString()));
            targetNodes[target.Name] = node;
        }

        var root = new JsonObject
        {
            ["group"] = new JsonObject { ["default"] = new JsonObject { ["targets"] = Array(targets.Select(t => t.Name)) } },
            ["target"] = targetNodes,
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    private static JsonObject Object(IEnumerable<KeyValuePair<string, string>> values)
    {
        var node = new JsonObject();
        foreach (var (key, value) in values)
        {
            node[key] = value;
        }

        return node;
    }
}
