using System.Text;
using System.Text.Json;

namespace Pipelines.Dockerfile;

/// <summary>Renders lint findings as human text, JSON, SARIF 2.1.0 or GitHub annotations.</summary>
public static class LintReportWriter
{
    /// <summary>The SARIF schema URI written to <c>$schema</c>.</summary>
    public const string SarifSchema = "https://json.schemastore.org/sarif-2.1.0.json";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true };

    /// <summary>Renders <paramref name="findings"/> in <paramref name="format"/>; text ends with a newline.</summary>
    public static string Write(IEnumerable<LintFinding> findings, LintOutputFormat format) => format switch
    {
        LintOutputFormat.Json => ToJson(findings),
        LintOutputFormat.Sarif => ToSarif(findings),
        LintOutputFormat.GitHub => ToGitHubAnnotations(findings),
        _ => ToHuman(findings),
    };

    /// <summary>Parses <c>human</c>, <c>json</c>, <c>sarif</c> or <c>github</c> (case-insensitive).</summary>
    public static bool TryParseFormat(string text, out LintOutputFormat format)
        => Enum.TryParse(text, ignoreCase: true, out format) && Enum.IsDefined(format);

    /// <summary>The lower-case word for a severity: error, warning, info.</summary>
    public static string Word(this LintSeverity severity) => severity switch
    {
        LintSeverity.Error => "error",
        LintSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>One line per finding: <c>file:line:col: PL001 warning: message (fix: …)</c>.</summary>
    public static string ToHuman(IEnumerable<LintFinding> findings)
    {
        var sb = new StringBuilder();
        foreach (var f in findings)
        {
            sb.Append(f.Location).Append(": ").Append(f.RuleId).Append(' ').Append(f.Severity.Word()).Append(": ")
              .Append(f.Message).Append(" (fix: ").Append(f.FixHint).Append(')').Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>A JSON object <c>{ "findings": [...], "summary": { "errors", "warnings", "infos" } }</c>.</summary>
    public static string ToJson(IEnumerable<LintFinding> findings)
    {
        var list = findings.ToList();
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteStartArray("findings");
            foreach (var f in list)
            {
                w.WriteStartObject();
                w.WriteString("file", f.Location.File);
                w.WriteNumber("line", f.Location.Line);
                w.WriteNumber("column", f.Location.Column);
                w.WriteString("ruleId", f.RuleId);
                w.WriteString("rule", f.RuleName);
                w.WriteString("severity", f.Severity.Word());
                w.WriteString("message", f.Message);
                w.WriteString("fix", f.FixHint);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("summary");
            w.WriteNumber("errors", list.Count(f => f.Severity == LintSeverity.Error));
            w.WriteNumber("warnings", list.Count(f => f.Severity == LintSeverity.Warning));
            w.WriteNumber("infos", list.Count(f => f.Severity == LintSeverity.Info));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>A SARIF 2.1.0 log with one run: every rule in <c>tool.driver.rules</c>, one result per finding.</summary>
    public static string ToSarif(IEnumerable<LintFinding> findings)
    {
        var rules = DockerfileLinter.Rules;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("$schema", SarifSchema);
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();
            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "pipelines");
            w.WriteString("informationUri", "https://github.com/pipelines-build/pipelines");
            w.WriteString("version", typeof(LintReportWriter).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");
            w.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                w.WriteStartObject();
                w.WriteString("id", rule.Id);
                w.WriteString("name", rule.Name);
                WriteText(w, "shortDescription", rule.Description);
                WriteText(w, "fullDescription", rule.Description);
                WriteText(w, "help", "Fix: " + rule.FixHint);
                w.WriteStartObject("defaultConfiguration");
                w.WriteString("level", SarifLevel(rule.DefaultSeverity));
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("results");
            foreach (var f in findings)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", f.RuleId);
                var index = rules.ToList().FindIndex(r => r.Id == f.RuleId);
                if (index >= 0)
                {
                    w.WriteNumber("ruleIndex", index);
                }

                w.WriteString("level", SarifLevel(f.Severity));
                WriteText(w, "message", $"{f.Message} (fix: {f.FixHint})");
                w.WriteStartArray("locations");
                w.WriteStartObject();
                w.WriteStartObject("physicalLocation");
                w.WriteStartObject("artifactLocation");
                w.WriteString("uri", ToUri(f.Location.File));
                w.WriteEndObject();
                w.WriteStartObject("region");
                w.WriteNumber("startLine", f.Location.Line);
                w.WriteNumber("startColumn", f.Location.Column);
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>GitHub Actions workflow commands, one per finding (<c>::error</c>, <c>::warning</c> or <c>::notice</c>).</summary>
    public static string ToGitHubAnnotations(IEnumerable<LintFinding> findings)
    {
        var sb = new StringBuilder();
        foreach (var f in findings)
        {
            var command = f.Severity switch
            {
                LintSeverity.Error => "error",
                LintSeverity.Warning => "warning",
                _ => "notice",
            };
            sb.Append("::").Append(command)
              .Append(" file=").Append(EscapeProperty(f.Location.File.Replace('\\', '/')))
              .Append(",line=").Append(f.Location.Line)
              .Append(",col=").Append(f.Location.Column)
              .Append(",title=").Append(EscapeProperty($"{f.RuleId} {f.RuleName}"))
              .Append("::").Append(EscapeData($"{f.Message} (fix: {f.FixHint})"))
              .Append('\n');
        }

        return sb.ToString();
    }

    private static void WriteText(Utf8JsonWriter w, string name, string text)
    {
        w.WriteStartObject(name);
        w.WriteString("text", text);
        w.WriteEndObject();
    }

    private static string SarifLevel(LintSeverity severity) => severity switch
    {
        LintSeverity.Error => "error",
        LintSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>A relative path with forward slashes stays relative (resolved against the repository root by code scanning); an absolute path becomes a file URI.</summary>
    private static string ToUri(string path)
        => Path.IsPathRooted(path) ? new Uri(Path.GetFullPath(path)).AbsoluteUri : Uri.EscapeDataString(path.Replace('\\', '/')).Replace("%2F", "/", StringComparison.Ordinal);

    private static string EscapeData(string value)
        => value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string value)
        => EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
