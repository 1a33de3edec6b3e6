namespace Pipelines.Docker;

/// <summary>
/// Every option of <c>docker buildx build</c> as an immutable record. Change it with the fluent helpers in
/// <see cref="BuildxBuildSettingsExtensions"/>; <see cref="Render"/> is the one place it becomes argv.
/// </summary>
public sealed record BuildxBuildSettings
{
    /// <summary>The build context (positional): a directory, URL or <c>-</c>. Defaults to <c>.</c>.</summary>
    public string Context { get; init; } = ".";

    /// <summary>The Dockerfile path (<c>--file</c>); <c>CONTEXT/Dockerfile</c> when null.</summary>
    [BuildxFlag("--file")]
    public string? File { get; init; }

    /// <summary>The stage to build (<c>--target</c>); the last stage when null. Validated against the Dockerfile before buildx runs.</summary>
    [BuildxFlag("--target")]
    public string? Target { get; init; }

    /// <summary>Target platforms (<c>--platform</c>, repeated); the engine's platform when empty.</summary>
    [BuildxFlag("--platform")]
    public IReadOnlyList<Platform> Platforms { get; init; } = [];

    /// <summary>Image names (<c>--tag</c>, repeated).</summary>
    [BuildxFlag("--tag")]
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Build-time variables (<c>--build-arg</c>, repeated). They land in the image history: never pass secrets here.</summary>
    [BuildxFlag("--build-arg")]
    public IReadOnlyList<BuildArg> BuildArgs { get; init; } = [];

    /// <summary>Image labels (<c>--label key=value</c>, repeated), in insertion order.</summary>
    [BuildxFlag("--label")]
    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; init; } = [];

    /// <summary>Image annotations (<c>--annotation</c>, repeated), e.g. <c>index:org.opencontainers.image.title=app</c>.</summary>
    [BuildxFlag("--annotation")]
    public IReadOnlyList<string> Annotations { get; init; } = [];

    /// <summary>Additional named contexts (<c>--build-context</c>, repeated).</summary>
    [BuildxFlag("--build-context")]
    public IReadOnlyList<BuildContext> BuildContexts { get; init; } = [];

    /// <summary>Secrets exposed to <c>RUN --mount=type=secret</c> (<c>--secret</c>, repeated).</summary>
    [BuildxFlag("--secret")]
    public IReadOnlyList<SecretSource> Secrets { get; init; } = [];

    /// <summary>SSH agents or keys exposed to <c>RUN --mount=type=ssh</c> (<c>--ssh</c>, repeated).</summary>
    [BuildxFlag("--ssh")]
    public IReadOnlyList<SshSource> Ssh { get; init; } = [];

    /// <summary>Cache sources (<c>--cache-from</c>, repeated).</summary>
    [BuildxFlag("--cache-from")]
    public IReadOnlyList<CacheEntry> CacheFrom { get; init; } = [];

    /// <summary>Cache destinations (<c>--cache-to</c>, repeated).</summary>
    [BuildxFlag("--cache-to")]
    public IReadOnlyList<CacheEntry> CacheTo { get; init; } = [];

    /// <summary>Outputs (<c>--output</c>, repeated).</summary>
    [BuildxFlag("--output")]
    public IReadOnlyList<BuildOutput> Outputs { get; init; } = [];

    /// <summary>Push the result (<c>--push</c>, shorthand for <c>--output=type=registry</c>).</summary>
    [BuildxFlag("--push")]
    public bool Push { get; init; }

    /// <summary>Load the result into the engine's image store (<c>--load</c>).</summary>
    [BuildxFlag("--load")]
    public bool Load { get; init; }

    /// <summary>Where buildx writes result metadata (<c>--metadata-file</c>). <see cref="Buildx.BuildAsync(BuildxBuildSettings, CancellationToken)"/> uses a temp file when null.</summary>
    [BuildxFlag("--metadata-file")]
    public string? MetadataFile { get; init; }

    /// <summary>Provenance attestation (<c>--provenance</c>): <c>false</c>, <c>true</c>, <c>mode=min|max</c>. Buildx adds one by default, which changes the digest every build.</summary>
    [BuildxFlag("--provenance")]
    public string? Provenance { get; init; }

    /// <summary>SBOM attestation (<c>--sbom</c>): <c>false</c>, <c>true</c> or generator options.</summary>
    [BuildxFlag("--sbom")]
    public string? Sbom { get; init; }

    /// <summary>Attestations (<c>--attest</c>, repeated), e.g. <c>type=sbom,generator=image</c>.</summary>
    [BuildxFlag("--attest")]
    public IReadOnlyList<string> Attestations { get; init; } = [];

    /// <summary>Always pull referenced images (<c>--pull</c>).</summary>
    [BuildxFlag("--pull")]
    public bool Pull { get; init; }

    /// <summary>Ignore the cache (<c>--no-cache</c>).</summary>
    [BuildxFlag("--no-cache")]
    public bool NoCache { get; init; }

    /// <summary>Stages not to take from the cache (<c>--no-cache-filter</c>, repeated).</summary>
    [BuildxFlag("--no-cache-filter")]
    public IReadOnlyList<string> NoCacheFilters { get; init; } = [];

    /// <summary>Network mode of RUN steps (<c>--network</c>): <c>default</c>, <c>none</c>, <c>host</c>.</summary>
    [BuildxFlag("--network")]
    public string? Network { get; init; }

    /// <summary>Progress output (<c>--progress</c>). <see cref="ProgressMode.RawJson"/> gives step timings and cache hits in <see cref="BuildResult"/>.</summary>
    [BuildxFlag("--progress")]
    public ProgressMode? Progress { get; init; }

    /// <summary>The builder instance (<c>--builder</c>); the current one when null.</summary>
    [BuildxFlag("--builder")]
    public string? Builder { get; init; }

    /// <summary>File to write the image ID to (<c>--iidfile</c>).</summary>
    [BuildxFlag("--iidfile")]
    public string? IidFile { get; init; }

    /// <summary>Shared memory size of RUN containers (<c>--shm-size</c>), e.g. <c>128m</c>.</summary>
    [BuildxFlag("--shm-size")]
    public string? ShmSize { get; init; }

    /// <summary>Ulimits of RUN containers (<c>--ulimit</c>, repeated), e.g. <c>nofile=1024:1024</c>.</summary>
    [BuildxFlag("--ulimit")]
    public IReadOnlyList<string> Ulimits { get; init; } = [];

    /// <summary>Extra privileged entitlements (<c>--allow</c>, repeated), e.g. <c>network.host</c>, <c>security.insecure</c>.</summary>
    [BuildxFlag("--allow")]
    public IReadOnlyList<string> Allow { get; init; } = [];

    /// <summary>Run BuildKit's Dockerfile checks instead of building (<c>--check</c>).</summary>
    [BuildxFlag("--check")]
    public bool Check { get; init; }

    /// <summary>Evaluation method (<c>--call</c>) with options, e.g. <c>outline,format=json</c>; build when null.</summary>
    [BuildxFlag("--call")]
    public string? Call { get; init; }

    /// <summary>Custom host-to-IP mappings for RUN steps (<c>--add-host host:ip</c>, repeated).</summary>
    [BuildxFlag("--add-host")]
    public IReadOnlyList<string> AddHosts { get; init; } = [];

    /// <summary>Parent cgroup of RUN steps (<c>--cgroup-parent</c>).</summary>
    [BuildxFlag("--cgroup-parent")]
    public string? CgroupParent { get; init; }

    /// <summary>Print only the image ID (<c>--quiet</c>).</summary>
    [BuildxFlag("--quiet")]
    public bool Quiet { get; init; }

    /// <summary>Debug logging (<c>--debug</c>).</summary>
    [BuildxFlag("--debug")]
    public bool Debug { get; init; }

    /// <summary>
    /// Environment variables for the buildx process (not argv), e.g. the values of <c>env=</c> secrets.
    /// Every value is masked in logs and exceptions.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Arguments appended verbatim before the context: the escape hatch for flags newer than this library.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>The arguments after <c>docker</c>: <c>buildx build … CONTEXT</c>. Pure.</summary>
    public IReadOnlyList<string> Render() =>
        new Argv("buildx", "build")
            .Option("--file", File)
            .Option("--target", Target)
            .Repeat("--platform", Platforms)
            .Repeat("--tag", Tags)
            .Repeat("--build-arg", BuildArgs)
            .Repeat("--label", Labels.Select(label => $"{label.Key}={label.Value}"))
            .Repeat("--annotation", Annotations)
            .Repeat("--build-context", BuildContexts)
            .Repeat("--secret", Secrets)
            .Repeat("--ssh", Ssh)
            .Repeat("--cache-from", CacheFrom)
            .Repeat("--cache-to", CacheTo)
            .Repeat("--output", Outputs)
            .Flag("--push", Push)
            .Flag("--load", Load)
            .Option("--metadata-file", MetadataFile)
            .Joined("--provenance", Provenance)
            .Joined("--sbom", Sbom)
            .Repeat("--attest", Attestations)
            .Flag("--pull", Pull)
            .Flag("--no-cache", NoCache)
            .Repeat("--no-cache-filter", NoCacheFilters)
            .Option("--network", Network)
            .Option("--progress", Progress is { } progress ? Argv.Lower(progress) : null)
            .Option("--builder", Builder)
            .Option("--iidfile", IidFile)
            .Option("--shm-size", ShmSize)
            .Repeat("--ulimit", Ulimits)
            .Repeat("--allow", Allow)
            .Flag("--check", Check)
            .Option("--call", Call)
            .Repeat("--add-host", AddHosts)
            .Option("--cgroup-parent", CgroupParent)
            .Flag("--quiet", Quiet)
            .Flag("--debug", Debug)
            .Add(ExtraArguments)
            .Add(Context)
            .ToList();

    /// <summary>True when the result is pushed to a registry (by <see cref="Push"/> or an output).</summary>
    public bool Pushes => Push || Outputs.Any(output => output.Pushes);
}
