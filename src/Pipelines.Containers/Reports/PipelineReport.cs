namespace Pipelines.Containers;

/// <summary>The result of a pipeline run, rendered by <see cref="ReportRenderer"/> as a console table, Markdown and JSON.</summary>
public sealed record PipelineReport
{
    /// <summary>When the report was made.</summary>
    public DateTimeOffset Created { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>One entry per image, in declaration order.</summary>
    public IReadOnlyList<ImageReport> Images { get; init; } = [];
}
