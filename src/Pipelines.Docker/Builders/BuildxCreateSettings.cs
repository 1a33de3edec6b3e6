namespace Pipelines.Docker;

/// <summary><c>docker buildx create</c>: a builder instance, or (with <see cref="Append"/>) another node of one, e.g. one node per platform.</summary>
public sealed record BuildxCreateSettings
{
    /// <summary>Docker context or endpoint (positional), e.g. <c>tcp://buildkitd:1234</c> for the remote driver.</summary>
    public string? Endpoint { get; init; }

    /// <summary>Builder name (<c>--name</c>); buildx generates one when null.</summary>
    [BuildxFlag("--name")]
    public string? Name { get; init; }

    /// <summary>Driver (<c>--driver</c>).</summary>
    [BuildxFlag("--driver")]
    public BuildxDriver? Driver { get; init; }

    /// <summary>Driver options (<c>--driver-opt key=value</c>, repeated), e.g. <c>image=moby/buildkit:v0.18</c>, <c>network=host</c>.</summary>
    [BuildxFlag("--driver-opt")]
    public IReadOnlyList<KeyValuePair<string, string>> DriverOptions { get; init; } = [];

    /// <summary>BuildKit daemon config file (<c>--buildkitd-config</c>), e.g. with <c>[registry."host:5000"] http = true</c>.</summary>
    [BuildxFlag("--buildkitd-config")]
    public string? BuildkitdConfig { get; init; }

    /// <summary>BuildKit daemon flags (<c>--buildkitd-flags</c>).</summary>
    [BuildxFlag("--buildkitd-flags")]
    public string? BuildkitdFlags { get; init; }

    /// <summary>Fixed platforms of this node (<c>--platform</c>, repeated).</summary>
    [BuildxFlag("--platform")]
    public IReadOnlyList<Platform> Platforms { get; init; } = [];

    /// <summary>Append a node to the builder (<c>--append</c>).</summary>
    [BuildxFlag("--append")]
    public bool Append { get; init; }

    /// <summary>Remove a node from the builder (<c>--leave</c>).</summary>
    [BuildxFlag("--leave")]
    public bool Leave { get; init; }

    /// <summary>Node name (<c>--node</c>).</summary>
    [BuildxFlag("--node")]
    public string? Node { get; init; }

    /// <summary>Make it the current builder (<c>--use</c>).</summary>
    [BuildxFlag("--use")]
    public bool Use { get; init; }

    /// <summary>Start it now (<c>--bootstrap</c>).</summary>
    [BuildxFlag("--bootstrap")]
    public bool Bootstrap { get; init; }

    /// <summary>Debug logging (<c>--debug</c>).</summary>
    [BuildxFlag("--debug")]
    public bool Debug { get; init; }

    /// <summary>Arguments appended verbatim before the endpoint.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>The arguments after <c>docker</c>. Pure.</summary>
    public IReadOnlyList<string> Render() =>
        new Argv("buildx", "create")
            .Option("--name", Name)
            .Option("--driver", Driver is { } driver ? DriverName(driver) : null)
            .Repeat("--driver-opt", DriverOptions.Select(option => KeyValueCsv.QuoteField($"{option.Key}={option.Value}")))
            .Option("--buildkitd-config", BuildkitdConfig)
            .Option("--buildkitd-flags", BuildkitdFlags)
            .Repeat("--platform", Platforms)
            .Flag("--append", Append)
            .Flag("--leave", Leave)
            .Option("--node", Node)
            .Flag("--use", Use)
            .Flag("--bootstrap", Bootstrap)
            .Flag("--debug", Debug)
            .Add(ExtraArguments)
            .Add(Endpoint is null ? [] : [Endpoint])
            .ToList();

    internal static string DriverName(BuildxDriver driver) => driver switch
    {
        BuildxDriver.Docker => "docker",
        BuildxDriver.DockerContainer => "docker-container",
        BuildxDriver.Remote => "remote",
        BuildxDriver.Kubernetes => "kubernetes",
        _ => throw new ArgumentOutOfRangeException(nameof(driver), driver, null),
    };
}
