using Pipelines.Output;
using Spectre.Console;

namespace Pipelines.Engine;

/// <summary>
/// Everything the engine writes. Lines go straight to the console's writer (no wrapping, no markup, cheap at
/// start-up); Spectre renders only the summary table, and only when output is an interactive terminal.
/// Every line is redacted.
/// </summary>
internal sealed class EngineOutput(TextWriter writer, Func<IAnsiConsole> console, bool plain, bool colors)
{
    private readonly Lock _gate = new();
    private IAnsiConsole? _console;

    public Verbosity Verbosity { get; set; } = Verbosity.Normal;

    public bool Plain => plain;

    /// <summary>The Spectre console for live displays, or null when output is plain (CI, redirected) or without colours.</summary>
    public IAnsiConsole? LiveConsole => plain || !colors ? null : _console ??= console();

    public void Line(string text = "")
    {
        lock (_gate)
        {
            writer.WriteLine(SecretMasker.Redact(text));
        }
    }

    public void TargetLine(string text) => Line(text);

    public void Error(string text) => Styled(text, "31");

    public void Success(string text) => Styled(text, "32");

    public void Dim(string text) => Styled(text, "2");

    public void Group(Host host, string name, bool begin)
    {
        lock (_gate)
        {
            if (begin)
            {
                host.BeginGroup(writer, name);
            }
            else
            {
                host.EndGroup(writer, name);
            }
        }
    }

    public void HostFailure(Host host, string targetName, string message)
    {
        lock (_gate)
        {
            host.WriteTargetFailure(writer, targetName, SecretMasker.Redact(message));
        }
    }

    public void Flush()
    {
        lock (_gate)
        {
            writer.Flush();
        }
    }

    public void Summary(IReadOnlyList<TargetResult> results)
    {
        if (plain || !colors)
        {
            var nameWidth = Math.Max(6, results.Max(r => r.Name.Length));
            Line($"{"Target".PadRight(nameWidth)}  {"Status",-9}  {"Duration",8}  Note");
            foreach (var result in results)
            {
                Line($"{result.Name.PadRight(nameWidth)}  {result.Status,-9}  {Duration(result),8}  {result.Note}".TrimEnd());
            }

            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Target").AddColumn("Status").AddColumn(new TableColumn("Duration").RightAligned()).AddColumn("Note");
        foreach (var result in results)
        {
            var color = result.Status switch
            {
                TargetStatus.Succeeded => "green",
                TargetStatus.Failed => "red",
                TargetStatus.Cancelled => "yellow",
                _ => "grey",
            };
            table.AddRow(
                Markup.Escape(result.Name),
                $"[{color}]{result.Status}[/]",
                Duration(result),
                Markup.Escape(SecretMasker.Redact(result.Note)));
        }

        var ansiConsole = _console ??= console(); // created outside the lock: Spectre's detection may touch Console
        lock (_gate)
        {
            writer.Flush();
            ansiConsole.Write(table);
        }
    }

    private static string Duration(TargetResult result) =>
        result.Status is TargetStatus.Succeeded or TargetStatus.Failed or TargetStatus.Cancelled ? Text.FormatDuration(result.Duration) : "-";

    private void Styled(string text, string sgr)
    {
        if (colors)
        {
            Line($"\u001b[{sgr}m{text}\u001b[0m");
        }
        else
        {
            Line(text);
        }
    }
}
