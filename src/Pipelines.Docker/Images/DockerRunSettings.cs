namespace Pipelines.Docker;

/// <summary><c>docker run</c> for smoke tests: a throw-away container (<c>--rm</c> by default) running the image's command or <see cref="Arguments"/>.</summary>
public sealed record DockerRunSettings
{
    /// <summary>Creates settings to run <paramref name="image"/>.</summary>
    public DockerRunSettings(string image)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        Image = image;
    }

    /// <summary>The image to run.</summary>
    public string Image { get; init; }

    /// <summary>Arguments after the image (the command, or arguments to the entrypoint).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Remove the container afterwards (<c>--rm</c>), true by default.</summary>
    public bool Remove { get; init; } = true;

    /// <summary>Platform variant to run (<c>--platform</c>), emulated when foreign.</summary>
    public Platform? Platform { get; init; }

    /// <summary>Entrypoint override (<c>--entrypoint</c>).</summary>
    public string? Entrypoint { get; init; }

    /// <summary>User override (<c>--user</c>).</summary>
    public string? User { get; init; }

    /// <summary>Environment variables (<c>--env NAME=value</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment { get; init; } = [];

    /// <summary>Network (<c>--network</c>), e.g. <c>none</c>.</summary>
    public string? Network { get; init; }

    /// <summary>Read-only root filesystem (<c>--read-only</c>).</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Container name (<c>--name</c>).</summary>
    public string? Name { get; init; }

    /// <summary>Pull policy (<c>--pull</c>): <c>never</c> by default, so a smoke test runs the image just built.</summary>
    public string? Pull { get; init; } = "never";

    /// <summary>Arguments inserted before the image verbatim.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>The arguments after <c>docker</c>. Pure.</summary>
    public IReadOnlyList<string> Render() =>
        new Argv("run")
            .Flag("--rm", Remove)
            .Option("--platform", Platform?.ToString())
            .Option("--entrypoint", Entrypoint)
            .Option("--user", User)
            .Repeat("--env", Environment.Select(pair => $"{pair.Key}={pair.Value}"))
            .Option("--network", Network)
            .Flag("--read-only", ReadOnly)
            .Option("--name", Name)
            .Option("--pull", Pull)
            .Add(ExtraArguments)
            .Add(Image)
            .Add(Arguments)
            .ToList();
}
