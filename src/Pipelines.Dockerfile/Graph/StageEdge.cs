namespace Pipelines.Dockerfile;

/// <summary>One reference from a stage to an earlier stage or to an external image.</summary>
/// <param name="StageIndex">The stage that holds the reference.</param>
/// <param name="TargetStageIndex">The referenced stage, or <c>null</c> for an external image.</param>
/// <param name="ExternalImage">The referenced image (variables expanded), or <c>null</c> for a stage.</param>
/// <param name="Kind">FROM, COPY --from or RUN --mount from=.</param>
/// <param name="Reference">The reference as written.</param>
/// <param name="Location">Where the reference is.</param>
public sealed record StageEdge(int StageIndex, int? TargetStageIndex, string? ExternalImage, StageEdgeKind Kind, string Reference, SourceLocation Location);
