using Pipelines.Docker;

namespace Pipelines.Containers;

/// <summary>Pipeline-wide settings (the <see cref="IContainerPipeline"/> parameters, resolved and validated).</summary>
public sealed record ContainerPipelineSettings
{
    /// <summary>The repository root: relative image contexts resolve against it; <c>artifacts/</c> and <c>.pipelines/</c> live in it.</summary>
    public required string RootDirectory { get; init; }

    /// <summary>The registry (<c>host[:port]</c>) images are published to and the registry cache lives in. Default <c>127.0.0.1:5000</c>; empty disables publication.</summary>
    public string? Registry { get; init; } = "127.0.0.1:5000";

    /// <summary>A repository prefix, e.g. <c>acme</c> → <c>REGISTRY/acme/IMAGE</c>.</summary>
    public string? Repository { get; init; }

    /// <summary>Platforms of images that declare none. Default linux/amd64 and linux/arm64.</summary>
    public IReadOnlyList<Platform> Platforms { get; init; } = [Platform.LinuxAmd64, Platform.LinuxArm64];

    /// <summary>The cache backend (default automatic).</summary>
    public CacheBackend Cache { get; init; } = CacheBackend.Auto;

    /// <summary>Whether <c>Publish</c> pushes (default true).</summary>
    public bool Push { get; init; } = true;

    /// <summary>Registry user for login (with <see cref="RegistryPassword"/>).</summary>
    public string? RegistryUsername { get; init; }

    /// <summary>Registry password or token; given to <c>docker login</c> on standard input only.</summary>
    public string? RegistryPassword { get; init; }

    /// <summary>The OCI <c>licenses</c> label (SPDX expression), when known.</summary>
    public string? Licenses { get; init; }

    /// <summary>Environment variables consulted for the cache strategy and GitHub context; the process environment when null.</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <summary>Where artifacts go: <c>ROOT/artifacts</c> when null.</summary>
    public string? ArtifactsDirectory { get; init; }

    internal string Artifacts => ArtifactsDirectory ?? Path.Combine(RootDirectory, "artifacts");

    internal IReadOnlyDictionary<string, string?> Env => Environment ?? System.Environment.GetEnvironmentVariables()
        .Cast<System.Collections.DictionaryEntry>()
        .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);

    /// <summary>The full repository of <paramref name="image"/>, e.g. <c>127.0.0.1:5000/acme/api</c>; null without a registry.</summary>
    public string? RepositoryOf(ContainerImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return string.IsNullOrWhiteSpace(Registry) ? null : $"{Registry}/{RepositoryPathOf(image)}";
    }

    /// <summary>The repository path of <paramref name="image"/> inside the registry, e.g. <c>acme/api</c>.</summary>
    public string RepositoryPathOf(ContainerImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var prefix = ImageNames.ValidateRepository(Repository);
        return prefix.Length == 0 ? image.Name : $"{prefix}/{image.Name}";
    }
}
