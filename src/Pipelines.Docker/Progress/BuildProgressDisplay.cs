using System.Diagnostics;
using Pipelines.Output;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Pipelines.Docker;

/// <summary>
/// Shows a live table of per-image progress (steps done/total, cached, the running step) while buildx builds, when
/// <see cref="LiveConsole.Current"/> is an interactive terminal. Otherwise (CI, redirected output, parallel targets)
/// it does nothing and buildx's plain log streams as usual.
/// </summary>
/// <remarks>
/// While the table is live, buildx's log goes to a file instead of the screen (it would tear the table); the file is
/// named when the build ends, and a failure still carries the failing step's output in its exception.
/// </remarks>
public static partial class BuildProgressDisplay
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Runs <paramref name="build"/>, which must run buildx with <c>--progress=plain</c> through the <c>Tool</c> runner,
    /// drawing one row per name in <paramref name="images"/> (bake target names; any name for a single build) and
    /// writing the full log to <paramref name="logFile"/>.
    /// </summary>
    public static async Task<T> RunAsync<T>(IReadOnlyList<string> images, string logFile, Func<Task<T>> build)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(logFile);
        ArgumentNullException.ThrowIfNull(build);
        if (LiveConsole.Current is not { } console || images.Count == 0)
        {
            return await build().ConfigureAwait(false);
        }

        var outer = OutputSink.Current;
        var tracker = new PlainProgressTracker(images);
        var gate = new Lock();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logFile))!);
        var stopwatch = Stopwatch.StartNew();
        Task<T> running;
        var log = new StreamWriter(logFile, append: false);
        await using (log.ConfigureAwait(false))
        {
            using (OutputSink.Use(line =>
            {
                lock (gate)
                {
                    var text = SecretMasker.Redact(line.Text);
                    log.WriteLine(text);
                    tracker.Feed(text);
                }
            }))
            using (LiveConsole.Use(null))
            {
                // started inside these scopes, the build's async flow keeps them however long it runs: its output goes
                // to the log file, and a build step nested in it streams there too instead of opening a second display
                running = Task.Run(build);
            }

            await console.Live(Render(Snapshot(), stopwatch.Elapsed))
                .AutoClear(false)
                .Overflow(VerticalOverflow.Ellipsis)
                .StartAsync(async context =>
                {
                    while (!running.IsCompleted)
                    {
                        await Task.WhenAny(running, Task.Delay(RefreshInterval)).ConfigureAwait(false);
                        context.UpdateTarget(Render(Snapshot(), stopwatch.Elapsed));
                    }

                    lock (gate)
                    {
                        tracker.Complete(running.IsCompletedSuccessfully);
                    }

                    context.UpdateTarget(Render(Snapshot(), stopwatch.Elapsed));
                    context.Refresh();
                }).ConfigureAwait(false);
        }

        outer(new OutputLine($"buildx log: {logFile}", IsError: false));
        return await running.ConfigureAwait(false);

        IReadOnlyList<ImageProgress> Snapshot()
        {
            lock (gate)
            {
                return tracker.Snapshot();
            }
        }
    }

    /// <summary>The table for one frame.</summary>
    internal static IRenderable Render(IReadOnlyList<ImageProgress> images, TimeSpan elapsed)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"buildx [grey]{elapsed.TotalSeconds:0.0}s[/]")
            .AddColumn("Image")
            .AddColumn(new TableColumn("Steps").RightAligned())
            .AddColumn(new TableColumn("Cached").RightAligned())
            .AddColumn(new TableColumn("Progress").NoWrap())
            .AddColumn(new TableColumn("Now").NoWrap());
        foreach (var image in images)
        {
            var (color, now) = image.State switch
            {
                ImageProgressState.Done => ("green", "done"),
                ImageProgressState.Failed => ("red", "failed"),
                ImageProgressState.Waiting => ("grey", "waiting"),
                _ => ("yellow", Describe(image)),
            };
            table.AddRow(
                Markup.Escape(image.Image),
                $"{image.Done}/{image.Total}",
                $"{image.Cached}",
                $"[{color}]{Bar(image.Done, image.Total)}[/]",
                $"[{color}]{Markup.Escape(now)}[/]");
        }

        return table;
    }

    private static string Describe(ImageProgress image)
    {
        var step = Instruction(image.Current ?? "");
        var text = image.LastLog is { Length: > 0 } log ? $"{step} · {log}" : step;
        return text.Length > 60 ? text[..59] + "…" : text;
    }

    /// <summary>The step as a reader knows it: <c>RUN go build</c>, without the <c>--mount</c>/<c>--network</c> flags and line-continuation spaces that fill the column.</summary>
    internal static string Instruction(string step) => Whitespace.Replace(RunFlags.Replace(step, ""), " ").Trim();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=^(RUN|COPY|ADD)\s(?:--\S+\s+)*)--\S+\s+")]
    private static partial System.Text.RegularExpressions.Regex RunFlags { get; }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s{2,}")]
    private static partial System.Text.RegularExpressions.Regex Whitespace { get; }

    private static string Bar(int done, int total)
    {
        const int width = 20;
        var filled = total == 0 ? 0 : (int)Math.Round(width * Math.Clamp((double)done / total, 0, 1));
        return new string('━', filled) + new string('─', width - filled);
    }
}
