using Pipelines.Docker;

namespace Pipelines.Containers;

/// <summary>One target of a generated bake file.</summary>
internal sealed record BakeTarget
{
    public required string Name { get; init; }

    public required string Context { get; init; }

    public required string Dockerfile { get; init; }

    public string? Stage { get; init; }

    public IReadOnlyList<Platform> Platforms { get; init; } = [];

    public IReadOnlyList<BuildArg> Args { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; init; } = [];

    public IReadOnlyList<SecretSource> Secrets { get; init; } = [];

    public IReadOnlyList<BuildContext> Contexts { get; init; } = [];

    public IReadOnlyList<CacheEntry> CacheFrom { get; init; } = [];

    public IReadOnlyList<CacheEntry> CacheTo { get; init; } = [];

    public IReadOnlyList<BuildOutput> Outputs { get; init; } = [];
}
