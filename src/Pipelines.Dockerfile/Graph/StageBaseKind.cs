namespace Pipelines.Dockerfile;

/// <summary>What a stage's FROM refers to.</summary>
public enum StageBaseKind
{
    /// <summary>An image from a registry, e.g. <c>debian:bookworm-slim</c>.</summary>
    Image,

    /// <summary>An earlier stage of the same Dockerfile.</summary>
    Stage,

    /// <summary>The empty image <c>scratch</c>.</summary>
    Scratch,
}
