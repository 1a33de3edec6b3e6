using System.Diagnostics;
using Pipelines.Tooling;

namespace Pipelines.Benchmarks.EndToEnd;

/// <summary>Wall-clock samples of one variant; min and median are what the report compares.</summary>
internal sealed record Samples(string Name, IReadOnlyList<TimeSpan> Times)
{
    public TimeSpan Min => Times.Min();

    public TimeSpan Median => Times.Order().ElementAt(Times.Count / 2);

    public static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var stopwatch = Stopwatch.StartNew();
        await action();
        return stopwatch.Elapsed;
    }

    /// <summary>Runs a program quietly; a failure aborts the benchmark (a wrong measurement is worse than none).</summary>
    public static Task<ToolResult> Run(string fileName, IEnumerable<string> arguments, string? workingDirectory = null) =>
        ProcessToolRunner.Instance.RunAsync(new ToolCommand(fileName, arguments) { StreamOutput = false, WorkingDirectory = workingDirectory });
}

/// <summary>One ratio of the report: <c>numerator ÷ denominator</c> (medians) against its goal.</summary>
internal sealed record Ratio(string Title, Samples Numerator, Samples Denominator, string Goal)
{
    public double Value => Numerator.Median.TotalMilliseconds / Denominator.Median.TotalMilliseconds;
}
