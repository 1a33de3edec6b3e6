namespace Pipelines.Dockerfile;

/// <summary>How one stage uses another stage or an image.</summary>
public enum StageEdgeKind
{
    /// <summary><c>FROM other</c>.</summary>
    Base,

    /// <summary><c>COPY --from=other</c>.</summary>
    CopyFrom,

    /// <summary><c>RUN --mount=…,from=other</c>.</summary>
    MountFrom,
}
