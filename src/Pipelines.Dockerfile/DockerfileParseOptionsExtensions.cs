using System.Diagnostics.Contracts;

namespace Pipelines.Dockerfile;

/// <summary>Fluent helpers for <see cref="DockerfileParseOptions"/>.</summary>
public static class DockerfileParseOptionsExtensions
{
    /// <summary>Sets one build argument.</summary>
    [Pure]
    public static DockerfileParseOptions SetBuildArgument(this DockerfileParseOptions options, string name, string value)
        => options with { BuildArguments = new Dictionary<string, string>(options.BuildArguments) { [name] = value } };

    /// <summary>Sets the build platform (e.g. <c>linux/amd64</c>).</summary>
    [Pure]
    public static DockerfileParseOptions SetBuildPlatform(this DockerfileParseOptions options, string platform)
        => options with { BuildPlatform = platform };

    /// <summary>Sets the target platform (e.g. <c>linux/arm64</c>).</summary>
    [Pure]
    public static DockerfileParseOptions SetTargetPlatform(this DockerfileParseOptions options, string? platform)
        => options with { TargetPlatform = platform };
}
