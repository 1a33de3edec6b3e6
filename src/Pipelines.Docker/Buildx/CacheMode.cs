namespace Pipelines.Docker;

/// <summary>How much a cache export writes.</summary>
public enum CacheMode
{
    /// <summary>Only the layers of the exported stage (buildx default).</summary>
    Min,

    /// <summary>The layers of every stage, so builder stages are cached too.</summary>
    Max,
}
