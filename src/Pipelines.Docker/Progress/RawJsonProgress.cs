using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pipelines.Docker;

/// <summary>
/// Reads BuildKit's <c>--progress=rawjson</c> stream (one SolveStatus JSON object per line) into steps and logs.
/// Feed it line by line (<see cref="Feed"/>) for live progress, or parse a whole stream (<see cref="Parse"/>).
/// </summary>
internal sealed partial class RawJsonProgress
{
    private readonly Dictionary<string, VertexState> _vertices = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly List<string> _logs = [];
    private readonly List<string> _other = [];

    [GeneratedRegex(@"^\[[^\]]*\d+/\d+\] ")]
    internal static partial Regex InstructionPattern { get; }

    public sealed record Parsed(IReadOnlyList<BuildStep> Steps, IReadOnlyList<string> Logs, IReadOnlyList<string> OtherLines);

    public static Parsed Parse(string text)
    {
        var progress = new RawJsonProgress();
        foreach (var line in text.Split('\n'))
        {
            progress.Feed(line);
        }

        return progress.Snapshot();
    }

    /// <summary>Consumes one line; returns the decoded log lines it carried (RUN output), for streaming.</summary>
    public IReadOnlyList<string> Feed(string rawLine)
    {
        var line = rawLine.Trim();
        if (line.Length == 0)
        {
            return [];
        }

        if (line[0] != '{')
        {
            _other.Add(line);
            return [line];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            _other.Add(line);
            return [line];
        }

        var decodedLogs = new List<string>();
        using (document)
        {
            var root = document.RootElement;
            if (root.TryGetProperty("vertexes", out var vertexes) && vertexes.ValueKind == JsonValueKind.Array)
            {
                foreach (var vertex in vertexes.EnumerateArray())
                {
                    Update(vertex);
                }
            }

            if (root.TryGetProperty("logs", out var logEntries) && logEntries.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in logEntries.EnumerateArray())
                {
                    if (entry.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.String)
                    {
                        var decoded = Encoding.UTF8.GetString(data.GetBytesFromBase64());
                        var vertex = entry.TryGetProperty("vertex", out var v) ? v.GetString() ?? "" : "";
                        var prefix = _vertices.TryGetValue(vertex, out var state) ? state.Name : "";
                        foreach (var logLine in decoded.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                        {
                            var text = prefix.Length > 0 ? $"{prefix}: {logLine.TrimEnd('\r')}" : logLine.TrimEnd('\r');
                            _logs.Add(text);
                            decodedLogs.Add(text);
                        }
                    }
                }
            }
        }

        return decodedLogs;
    }

    /// <summary>The steps and logs seen so far.</summary>
    public Parsed Snapshot()
    {
        var steps = _order.Select(digest => _vertices[digest])
            .Select(v => new BuildStep(
                v.Name,
                v.Cached,
                v.Started is { } start && v.Completed is { } end && end > start ? end - start : TimeSpan.Zero,
                v.Error)
            {
                Completed = v.Completed is not null,
            })
            .ToList();
        return new Parsed(steps, [.. _logs], [.. _other]);
    }

    private void Update(JsonElement vertex)
    {
        var digest = vertex.TryGetProperty("digest", out var d) ? d.GetString() ?? "" : "";
        if (!_vertices.TryGetValue(digest, out var state))
        {
            state = new VertexState();
            _vertices[digest] = state;
            _order.Add(digest);
        }

        if (vertex.TryGetProperty("name", out var name))
        {
            state.Name = name.GetString() ?? state.Name;
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

    private sealed class VertexState
    {
        public string Name { get; set; } = "";

        public DateTimeOffset? Started { get; set; }

        public DateTimeOffset? Completed { get; set; }

        public bool Cached { get; set; }

        public string? Error { get; set; }
    }
}
