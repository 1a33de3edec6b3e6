using System.Runtime.InteropServices;

namespace Pipelines.Dockerfile;

/// <summary>
/// Values the build supplies when a Dockerfile is read: build arguments (<c>--build-arg</c>) and the platforms that
/// define BuildKit's automatic arguments (<c>BUILDPLATFORM</c>, <c>TARGETARCH</c>, …) used to expand FROM and <c>COPY --from</c>.
/// </summary>
public sealed record DockerfileParseOptions
{
    /// <summary>The defaults: no build arguments, build and target platform = this machine's (linux/&lt;arch&gt;).</summary>
    public static DockerfileParseOptions Default { get; } = new();

    /// <summary>Build arguments by name, overriding ARG defaults.</summary>
    public IReadOnlyDictionary<string, string> BuildArguments { get; init; } = new Dictionary<string, string>();

    /// <summary>The platform BuildKit runs on, e.g. <c>linux/amd64</c>; defaults to this machine.</summary>
    public string BuildPlatform { get; init; } = "linux/" + RuntimeInformation.OSArchitecture switch
    {
        Architecture.Arm64 => "arm64",
        Architecture.Arm => "arm/v7",
        _ => "amd64",
    };

    /// <summary>The platform being built for; <c>null</c> means the build platform.</summary>
    public string? TargetPlatform { get; init; }

    /// <summary>The automatic platform arguments BuildKit defines for these platforms.</summary>
    public IReadOnlyDictionary<string, string> AutomaticArguments()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string prefix, string platform)
        {
            var parts = platform.Split('/');
            result[prefix + "PLATFORM"] = platform;
            result[prefix + "OS"] = parts[0];
            result[prefix + "ARCH"] = parts.Length > 1 ? parts[1] : "";
            result[prefix + "VARIANT"] = parts.Length > 2 ? parts[2] : "";
        }

        Add("BUILD", BuildPlatform);
        Add("TARGET", TargetPlatform ?? BuildPlatform);
        return result;
    }
}
