namespace Pipelines.Docker;

/// <summary>
/// One target of a bake definition (a <c>target</c> entry of <c>docker-bake.json</c>). Build the same options as
/// <see cref="BuildxBuildSettings"/>; <see cref="FromBuild"/> converts one.
/// </summary>
public sealed record BakeTarget
{
    /// <summary>Creates a target named <paramref name="name"/>.</summary>
    public BakeTarget(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            throw new ArgumentException($"Invalid bake target name '{name}': use letters, digits, '-' and '_'.", nameof(name));
        }

        Name = name;
    }

    /// <summary>The target name (the key in the definition).</summary>
    public string Name { get; }

    /// <summary>Build context (<c>context</c>).</summary>
    public string? Context { get; init; }

    /// <summary>Dockerfile path, relative to the context (<c>dockerfile</c>).</summary>
    public string? Dockerfile { get; init; }

    /// <summary>Stage to build (<c>target</c>).</summary>
    public string? Target { get; init; }

    /// <summary>Platforms (<c>platforms</c>).</summary>
    public IReadOnlyList<Platform> Platforms { get; init; } = [];

    /// <summary>Image names (<c>tags</c>).</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Build args (<c>args</c>).</summary>
    public IReadOnlyList<BuildArg> Args { get; init; } = [];

    /// <summary>Labels (<c>labels</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; init; } = [];

    /// <summary>Annotations (<c>annotations</c>).</summary>
    public IReadOnlyList<string> Annotations { get; init; } = [];

    /// <summary>Named contexts (<c>contexts</c>); <c>target:other</c> makes another bake target a context.</summary>
    public IReadOnlyList<BuildContext> Contexts { get; init; } = [];

    /// <summary>Secrets (<c>secret</c>).</summary>
    public IReadOnlyList<SecretSource> Secrets { get; init; } = [];

    /// <summary>SSH (<c>ssh</c>).</summary>
    public IReadOnlyList<SshSource> Ssh { get; init; } = [];

    /// <summary>Cache sources (<c>cache-from</c>).</summary>
    public IReadOnlyList<CacheEntry> CacheFrom { get; init; } = [];

    /// <summary>Cache destinations (<c>cache-to</c>).</summary>
    public IReadOnlyList<CacheEntry> CacheTo { get; init; } = [];

    /// <summary>Outputs (<c>output</c>).</summary>
    public IReadOnlyList<BuildOutput> Outputs { get; init; } = [];

    /// <summary>Attestations (<c>attest</c>), e.g. <c>type=provenance,disabled=true</c>.</summary>
    public IReadOnlyList<string> Attestations { get; init; } = [];

    /// <summary>Targets to inherit from (<c>inherits</c>).</summary>
    public IReadOnlyList<string> Inherits { get; init; } = [];

    /// <summary>Stages not to cache (<c>no-cache-filter</c>).</summary>
    public IReadOnlyList<string> NoCacheFilters { get; init; } = [];

    /// <summary>Ignore the cache (<c>no-cache</c>).</summary>
    public bool? NoCache { get; init; }

    /// <summary>Always pull (<c>pull</c>).</summary>
    public bool? Pull { get; init; }

    /// <summary>RUN network mode (<c>network</c>).</summary>
    public string? Network { get; init; }

    /// <summary>Shared memory size (<c>shm-size</c>).</summary>
    public string? ShmSize { get; init; }

    /// <summary>Ulimits (<c>ulimits</c>).</summary>
    public IReadOnlyList<string> Ulimits { get; init; } = [];

    /// <summary>Entitlements (<c>entitlements</c>).</summary>
    public IReadOnlyList<string> Entitlements { get; init; } = [];

    /// <summary>
    /// A bake target with the options of <paramref name="build"/>. The Dockerfile path is made relative to the context, as bake expects.
    /// Provenance/SBOM shorthands become <c>attest</c> entries; push/load become outputs.
    /// </summary>
    public static BakeTarget FromBuild(string name, BuildxBuildSettings build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var outputs = build.Outputs.ToList();
        if (build.Push)
        {
            outputs.Add(BuildOutput.Registry());
        }

        if (build.Load)
        {
            outputs.Add(BuildOutput.Docker());
        }

        var attest = build.Attestations.ToList();
        if (build.Provenance is { } provenance)
        {
            attest.Add(provenance == "false" ? "type=provenance,disabled=true" : provenance == "true" ? "type=provenance" : $"type=provenance,{provenance}");
        }

        if (build.Sbom is { } sbom)
        {
            attest.Add(sbom == "false" ? "type=sbom,disabled=true" : sbom == "true" ? "type=sbom" : $"type=sbom,{sbom}");
        }

        return new BakeTarget(name)
        {
            Context = build.Context,
            Dockerfile = build.File is null ? null : Path.GetRelativePath(build.Context, build.File),
            Target = build.Target,
            Platforms = build.Platforms,
            Tags = build.Tags,
            Args = build.BuildArgs,
            Labels = build.Labels,
            Annotations = build.Annotations,
            Contexts = build.BuildContexts,
            Secrets = build.Secrets,
            Ssh = build.Ssh,
            CacheFrom = build.CacheFrom,
            CacheTo = build.CacheTo,
            Outputs = outputs,
            Attestations = attest,
            NoCacheFilters = build.NoCacheFilters,
            NoCache = build.NoCache ? true : null,
            Pull = build.Pull ? true : null,
            Network = build.Network,
            ShmSize = build.ShmSize,
            Ulimits = build.Ulimits,
            Entitlements = build.Allow,
        };
    }
}
