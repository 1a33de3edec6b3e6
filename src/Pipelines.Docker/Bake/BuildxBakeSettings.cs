namespace Pipelines.Docker;

/// <summary>Every option of <c>docker buildx bake</c>. <see cref="Buildx.BakeAsync(BakeDefinition, BuildxBakeSettings?, CancellationToken)"/> adds the generated file and a metadata file.</summary>
public sealed record BuildxBakeSettings
{
    /// <summary>Targets or groups to build (positional); the <c>default</c> group when empty.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>Bake files (<c>--file</c>, repeated).</summary>
    [BuildxFlag("--file")]
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>Overrides (<c>--set targetpattern.key=value</c>, repeated), e.g. <c>*.platform=linux/arm64</c>.</summary>
    [BuildxFlag("--set")]
    public IReadOnlyList<string> Sets { get; init; } = [];

    /// <summary>Print the resolved definition as JSON instead of building (<c>--print</c>).</summary>
    [BuildxFlag("--print")]
    public bool Print { get; init; }

    /// <summary>List targets or variables (<c>--list targets|variables</c>).</summary>
    [BuildxFlag("--list")]
    public string? List { get; init; }

    /// <summary>Result metadata file (<c>--metadata-file</c>): one entry per target.</summary>
    [BuildxFlag("--metadata-file")]
    public string? MetadataFile { get; init; }

    /// <summary>Push every target (<c>--push</c>).</summary>
    [BuildxFlag("--push")]
    public bool Push { get; init; }

    /// <summary>Load every target (<c>--load</c>).</summary>
    [BuildxFlag("--load")]
    public bool Load { get; init; }

    /// <summary>Ignore the cache (<c>--no-cache</c>).</summary>
    [BuildxFlag("--no-cache")]
    public bool NoCache { get; init; }

    /// <summary>Always pull (<c>--pull</c>).</summary>
    [BuildxFlag("--pull")]
    public bool Pull { get; init; }

    /// <summary>Progress output (<c>--progress</c>).</summary>
    [BuildxFlag("--progress")]
    public ProgressMode? Progress { get; init; }

    /// <summary>Builder (<c>--builder</c>).</summary>
    [BuildxFlag("--builder")]
    public string? Builder { get; init; }

    /// <summary>Provenance shorthand (<c>--provenance</c>).</summary>
    [BuildxFlag("--provenance")]
    public string? Provenance { get; init; }

    /// <summary>SBOM shorthand (<c>--sbom</c>).</summary>
    [BuildxFlag("--sbom")]
    public string? Sbom { get; init; }

    /// <summary>Resources the build may access (<c>--allow</c>, repeated), e.g. <c>fs.read=..</c>.</summary>
    [BuildxFlag("--allow")]
    public IReadOnlyList<string> Allow { get; init; } = [];

    /// <summary>Evaluation method (<c>--call</c>).</summary>
    [BuildxFlag("--call")]
    public string? Call { get; init; }

    /// <summary>Run checks only (<c>--check</c>).</summary>
    [BuildxFlag("--check")]
    public bool Check { get; init; }

    /// <summary>Debug logging (<c>--debug</c>).</summary>
    [BuildxFlag("--debug")]
    public bool Debug { get; init; }

    /// <summary>Environment variables of the buildx process (bake variables, <c>env=</c> secret values); values are masked.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Arguments appended verbatim before the targets.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>The arguments after <c>docker</c>. Pure.</summary>
    public IReadOnlyList<string> Render() =>
        new Argv("buildx", "bake")
            .Repeat("--file", Files)
            .Repeat("--set", Sets)
            .Flag("--print", Print)
            .Option("--list", List)
            .Option("--metadata-file", MetadataFile)
            .Flag("--push", Push)
            .Flag("--load", Load)
            .Flag("--no-cache", NoCache)
            .Flag("--pull", Pull)
            .Option("--progress", Progress is { } progress ? Argv.Lower(progress) : null)
            .Option("--builder", Builder)
            .Joined("--provenance", Provenance)
            .Joined("--sbom", Sbom)
            .Repeat("--allow", Allow)
            .Option("--call", Call)
            .Flag("--check", Check)
            .Flag("--debug", Debug)
            .Add(ExtraArguments)
            .Add(Targets)
            .ToList();
}
