using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipelines.Output;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Pipelines.Containers;

/// <summary>Renders a <see cref="PipelineReport"/>: a console table (Spectre.Console), Markdown (summaries, PR comments) and JSON.</summary>
public static class ReportRenderer
{
    private static readonly string[] _columns = ["Image", "Platform", "Size", "Budget", "Baseline", "Saving", "Digest", "Cache hits", "Duration"];

    /// <summary>Writes the table to the current output sink, and <c>pipeline-report.md</c> and <c>pipeline-report.json</c> to <paramref name="artifactsDirectory"/>.</summary>
    public static void WriteAll(PipelineReport report, string artifactsDirectory)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(artifactsDirectory);
        foreach (var line in RenderTable(report, width: 160).Split('\n'))
        {
            OutputSink.Write(line.TrimEnd('\r'));
        }

        File.WriteAllText(Path.Combine(artifactsDirectory, "pipeline-report.md"), RenderMarkdown(report));
        File.WriteAllText(Path.Combine(artifactsDirectory, "pipeline-report.json"), RenderJson(report));
    }

    /// <summary>The console table as text (no colours), <paramref name="width"/> columns wide.</summary>
    public static string RenderTable(PipelineReport report, int width = 160)
    {
        ArgumentNullException.ThrowIfNull(report);
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        var table = new Table().Border(TableBorder.Rounded).Title("Container pipeline");
        foreach (var column in _columns)
        {
            table.AddColumn(new TableColumn(column));
        }

        foreach (var row in Rows(report))
        {
            table.AddRow(row.Select(cell => (IRenderable)new Text(cell)).ToArray());
        }

        console.Write(table);
        var failures = report.Images.SelectMany(i => i.Findings).ToList();
        foreach (var finding in failures)
        {
            console.WriteLine($"FAIL {finding}");
        }

        foreach (var tests in report.Images.Select(i => i.Tests).OfType<TestRunReport>())
        {
            console.WriteLine($"tests {tests.Summary}");
        }

        return writer.ToString();
    }

    /// <summary>A Markdown summary: the same table, then tests, tags and findings.</summary>
    public static string RenderMarkdown(PipelineReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.AppendLine("## Container pipeline").AppendLine();
        text.AppendLine("| " + string.Join(" | ", _columns) + " |");
        text.AppendLine("|" + string.Concat(_columns.Select(c => c is "Image" or "Platform" or "Digest" ? " --- |" : " ---: |")));
        foreach (var row in Rows(report))
        {
            text.AppendLine("| " + string.Join(" | ", row.Select(cell => cell.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
        }

        foreach (var image in report.Images)
        {
            if (image.Tests is { } tests)
            {
                text.AppendLine().Append(tests.Succeeded ? "✅ " : "❌ ").AppendLine(tests.Summary);
            }

            if (image.Tags.Count > 0)
            {
                text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"**{image.Image}** published as {string.Join(", ", image.Tags.Select(t => $"`{t}`"))} (`{image.Digest}`)");
            }

            foreach (var finding in image.Findings)
            {
                text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"❌ **{finding.Image}** ({finding.Platform}) `{finding.Rule}`: {finding.Message}");
            }

            foreach (var platform in image.Platforms.Where(p => p.Layers.Count > 0))
            {
                text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"<details><summary>Layers of {image.Image} ({platform.Platform}): {platform.CompressedSize} compressed, {platform.UncompressedSize} uncompressed, {platform.WastedSize} wasted</summary>")
                    .AppendLine().AppendLine("| # | Compressed | Uncompressed | Wasted | Created by |").AppendLine("| ---: | ---: | ---: | ---: | --- |");
                for (var i = 0; i < platform.Layers.Count; i++)
                {
                    var layer = platform.Layers[i];
                    var createdBy = layer.CreatedBy.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
                    createdBy = createdBy.Length > 80 ? createdBy[..77] + "…" : createdBy;
                    text.AppendLine(CultureInfo.InvariantCulture,
                        $"| {i + 1} | {new ByteSize(layer.CompressedSize)} | {(layer.UncompressedSize is { } u ? new ByteSize(u).ToString() : "?")} | {new ByteSize(layer.WastedBytes)} | `{createdBy}` |");
                }

                text.AppendLine().AppendLine("</details>");
            }
        }

        return SecretMasker.Redact(text.ToString());
    }

    /// <summary>The report as indented JSON (sizes in bytes, durations in seconds).</summary>
    public static string RenderJson(PipelineReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var images = new JsonArray();
        foreach (var image in report.Images)
        {
            var platforms = new JsonArray();
            foreach (var platform in image.Platforms)
            {
                platforms.Add(new JsonObject
                {
                    ["platform"] = platform.Platform.ToString(),
                    ["digest"] = platform.ManifestDigest,
                    ["compressedBytes"] = platform.CompressedSize.Bytes,
                    ["uncompressedBytes"] = platform.UncompressedSize.Bytes,
                    ["wastedBytes"] = platform.WastedSize.Bytes,
                    ["user"] = platform.User,
                    ["healthcheck"] = platform.HasHealthcheck,
                    ["saving"] = image.Saving(platform) is { } saving ? Math.Round(saving, 4) : null,
                    ["layers"] = new JsonArray([.. platform.Layers.Select(layer => (JsonNode)new JsonObject
                    {
                        ["digest"] = layer.Digest,
                        ["compressedBytes"] = layer.CompressedSize,
                        ["uncompressedBytes"] = layer.UncompressedSize,
                        ["files"] = layer.Files,
                        ["wastedBytes"] = layer.WastedBytes,
                        ["createdBy"] = layer.CreatedBy,
                    })]),
                });
            }

            images.Add(new JsonObject
            {
                ["image"] = image.Image,
                ["repository"] = image.Repository,
                ["digest"] = image.Digest,
                ["budgetBytes"] = image.Budget?.Bytes,
                ["baselineBytes"] = image.Baseline?.Bytes,
                ["baselineSource"] = image.BaselineSource,
                ["tags"] = new JsonArray([.. image.Tags.Select(t => (JsonNode)JsonValue.Create(t))]),
                ["published"] = image.Published,
                ["cachedSteps"] = image.CachedSteps,
                ["totalSteps"] = image.TotalSteps,
                ["buildSeconds"] = Math.Round(image.BuildDuration.TotalSeconds, 2),
                ["tests"] = image.Tests is { } tests ? new JsonObject
                {
                    ["total"] = tests.Cases.Count,
                    ["failed"] = new JsonArray([.. tests.Failed.Select(f => (JsonNode)JsonValue.Create(f.FullName))]),
                    ["exitCode"] = tests.ExitCode,
                    ["succeeded"] = tests.Succeeded,
                } : null,
                ["findings"] = new JsonArray([.. image.Findings.Select(f => (JsonNode)new JsonObject
                {
                    ["platform"] = f.Platform.ToString(),
                    ["rule"] = f.Rule,
                    ["message"] = f.Message,
                })]),
                ["platforms"] = platforms,
            });
        }

        var root = new JsonObject { ["created"] = report.Created.ToString("O", CultureInfo.InvariantCulture), ["images"] = images };
        return SecretMasker.Redact(root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    /// <summary>The table rows: one per image and platform (one row for an image not yet verified).</summary>
    internal static IEnumerable<string[]> Rows(PipelineReport report)
    {
        foreach (var image in report.Images)
        {
            var cache = image.TotalSteps > 0 ? $"{image.CachedSteps}/{image.TotalSteps}" : "-";
            var duration = image.BuildDuration > TimeSpan.Zero ? $"{image.BuildDuration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s" : "-";
            if (image.Platforms.Count == 0)
            {
                yield return [image.Image, "-", "-", image.Budget?.ToString() ?? "-", image.Baseline?.ToString() ?? "-", "-", Short(image.Digest), cache, duration];
                continue;
            }

            foreach (var platform in image.Platforms)
            {
                var saving = image.Saving(platform) is { } s ? $"{image.Baseline} → {platform.CompressedSize} ({Percent(s).Replace("-", "−", StringComparison.Ordinal)}%)" : "-";
                var size = platform.CompressedSize.ToString() + (image.Budget is { } b && platform.CompressedSize > b ? " OVER" : "");
                yield return [image.Image, platform.Platform.ToString(), size, image.Budget?.ToString() ?? "-", image.Baseline?.ToString() ?? "-", saving, Short(platform.ManifestDigest), cache, duration];
            }
        }
    }

    /// <summary>The saving as a negative percentage, with more decimals near 100 so a tiny image never reads −100%.</summary>
    private static string Percent(double saving)
    {
        var percent = Math.Min(saving * 100, 99.99);
        return (-percent).ToString(percent >= 99.95 ? "0.00" : "0.#", CultureInfo.InvariantCulture);
    }

    private static string Short(string? digest) => digest is null ? "-" : digest.StartsWith("sha256:", StringComparison.Ordinal) && digest.Length > 19 ? digest[..19] : digest;
}
