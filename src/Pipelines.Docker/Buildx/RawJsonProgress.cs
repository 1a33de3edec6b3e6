using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pipelines.Docker;

/// <summary>Reads BuildKit's <c>--progress=rawjson</c> stream (one SolveStatus JSON object per line) into steps and logs.</summary>
internal static partial class RawJsonProgress
{
    [GeneratedRegex(@"^\[[^\]]*\d+/\d+\] ")]
    internal static partial Regex InstructionPattern { get; }

    public sealed record Parsed(IReadOnlyList<BuildStep> Steps, IReadOnlyList<string> Logs, IReadOnlyList<string> OtherLines);

    public static Parsed Parse(string text)
    {
        var vertices = new Dictionary<string, VertexState>(StringComparer.Ordinal);
        var order = new List<string>();
        var logs = new List<string>();
        var other = new List<string>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] != '{')
            {
                other.Add(line);
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException)
            {
                other.Add(line);
                continue;
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.TryGetProperty("vertexes", out var vertexes) && vertexes.ValueKind == JsonValueKind.Array)
                {
                    foreach (var vertex in vertexes.EnumerateArray())
                    {
                        var digest = vertex.TryGetProperty("digest", out var d) ? d.GetString() ?? "" : "";
                        if (!vertices.TryGetValue(digest, out var state))
                        {
                            state = new VertexState();
                            vertices[digest] = state;
                            order.Add(digest);
                        }

                        if (vertex.TryGetProperty("name", out var name))
                        {
                            state.Name = name.GetString() ?? state.Name;
                            names[digest] = state.Name;
                        }

                        if (vertex.TryGetProperty("started", out var started) && started.TryGetDateTimeOffset(out var s))
                        {
                            state.Started = s;
                        }

                        if (vertex.TryGetProperty("completed", out var completed) && completed.TryGetDateTimeOffset(out var c))
                        {
                            state.Completed = c;
                        }

                        if (vertex.TryGetProperty("cached", out var cached) && cached.ValueKind == JsonValueKind.True)
                        {
                            state.Cached = true;
                        }

                        if (vertex.TryGetProperty("error", out var error) && error.GetString() is { Length: > 0 } message)
                        {
                            state.Error = message;
                        }
                    }
                }

                if (root.TryGetProperty("logs", out var logEntries) && logEntries.ValueKind == JsonValueKind.Array)
                {
                    foreach (var entry in logEntries.EnumerateArray())
                    {
                        if (entry.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.String)
                        {
                            var decoded = System.Text.Encoding.UTF8.GetString(data.GetBytesFromBase64());
                            var vertex = entry.TryGetProperty("vertex", out var v) ? v.GetString() ?? "" : "";
                            var prefix = names.TryGetValue(vertex, out var vertexName) ? vertexName : "";
                            foreach (var logLine in decoded.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                            {
                                logs.Add(prefix.Length > 0 ? $"{prefix}: {logLine.TrimEnd('\r')}" : logLine.TrimEnd('\r'));
                            }
                        }
                    }
                }
            }
        }

        var steps = order.Select(digest => vertices[digest])
            .Select(v => new BuildStep(
                v.Name,
                v.Cached,
                v.Started is { } start && v.Completed is { } end && end > start ? end - start : TimeSpan.Zero,
                v.Error))
            .ToList();
        return new Parsed(steps, logs, other);
    }

    private sealed class VertexState
    {
        public string Name { get; set; } = "";

        public DateTimeOffset? Started { get; set; }

        public DateTimeOffset? Completed { get; set; }

        public bool Cached { get; set; }

        public string? Error { get; set; }
    }
}
