namespace Pipelines.Engine;

internal enum TargetStatus
{
    NotRun,
    Succeeded,
    Failed,
    Skipped,
    Cancelled,
}

internal sealed class TargetResult(string name)
{
    public string Name { get; } = name;

    public TargetStatus Status { get; set; } = TargetStatus.NotRun;

    public TimeSpan Duration { get; set; }

    public string Note { get; set; } = string.Empty;

    public DateTimeOffset? StartedAt { get; set; }
}
