namespace Pipelines.Docker;

/// <summary>What a bake produced: one <see cref="BuildResult"/> per target, plus the shared step stream.</summary>
public sealed record BakeResult
{
    /// <summary>Results by target name, read from the metadata file.</summary>
    public IReadOnlyDictionary<string, BuildResult> Targets { get; init; } = new Dictionary<string, BuildResult>();

    /// <summary>BuildKit vertices of the whole bake (one solve: shared stages appear once); only for rawjson progress.</summary>
    public IReadOnlyList<BuildStep> Steps { get; init; } = [];

    /// <summary>Wall-clock time of the bake.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The result of target <paramref name="name"/>.</summary>
    public BuildResult this[string name] => Targets[name];
}
