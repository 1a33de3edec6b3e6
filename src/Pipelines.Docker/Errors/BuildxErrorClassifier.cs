using System.Text.RegularExpressions;

namespace Pipelines.Docker;

/// <summary>Maps buildx/docker error output to a <see cref="BuildxFailureKind"/> and a one-line fix.</summary>
internal static partial class BuildxErrorClassifier
{
    internal const string ProvisionHint = "start the engine with `./build.sh ProvisionEngine` (installs dockerd, buildx, QEMU and the local registry), or start Docker Desktop";

    // Anywhere: the cause may show up in any output line (a step's own output included), not only in buildx's ERROR line.
    private static readonly (Regex Pattern, BuildxFailureKind Kind, bool Anywhere, Func<Match, string> Fix)[] _rules =
    [
        (new(@"target stage ""?([^""\s]+)""? could not be found"), BuildxFailureKind.TargetNotFound, false,
            m => $"the Dockerfile has no stage named '{m.Groups[1].Value}'; list the stages with `docker buildx build --call targets` and fix --target"),
        (new(@"dockerfile parse error on line (\d+)[:]?\s*(.*)", RegexOptions.IgnoreCase), BuildxFailureKind.DockerfileParseError, false,
            m => $"fix the Dockerfile at line {m.Groups[1].Value}: {m.Groups[2].Value.Trim()}"),
        (new(@"Multi-platform build is not supported|multiple platforms feature is currently not supported", RegexOptions.IgnoreCase), BuildxFailureKind.MultiPlatformUnsupported, true,
            _ => "turn on the containerd image store (daemon.json: {\"features\":{\"containerd-snapshotter\":true}}) or create a builder with `docker buildx create --driver docker-container --use`"),
        (new(@"no match for platform in manifest"), BuildxFailureKind.PlatformUnavailable, false,
            _ => "a base image has no variant for the requested platform: use a multi-platform base (an index), or drop that platform"),
        (new(@"exec format error|failed to get emulator", RegexOptions.IgnoreCase), BuildxFailureKind.EmulatorMissing, true,
            _ => "install QEMU binfmt handlers for the target platforms (`./build.sh ProvisionEngine`, or `docker run --privileged --rm tonistiigi/binfmt --install all`), or cross-compile in a `FROM --platform=$BUILDPLATFORM` stage"),
        (new(@"server gave HTTP response to HTTPS client", RegexOptions.IgnoreCase), BuildxFailureKind.RegistryHttpOnly, false,
            _ => "the registry speaks plain HTTP: add it to the engine's insecure-registries (daemon.json) or, for a buildkit container builder, to buildkitd.toml `[registry.\"host:port\"] http = true`"),
        (new(@"401 Unauthorized|403 Forbidden|unauthorized: |authentication required|denied: |insufficient_scope|no basic auth credentials", RegexOptions.IgnoreCase), BuildxFailureKind.RegistryUnauthorized, false,
            _ => "log in to the registry first (`docker login --password-stdin`, or Docker.LoginAsync) with an account allowed to push/pull this repository"),
        (new(@"connection refused|no such host|i/o timeout|dial tcp|TLS handshake timeout|network is unreachable", RegexOptions.IgnoreCase), BuildxFailureKind.RegistryUnreachable, false,
            _ => "the registry is not reachable: check the host and port in the image/cache reference and that the registry is running"),
        (new(@"no space left on device", RegexOptions.IgnoreCase), BuildxFailureKind.NoSpaceLeft, true,
            _ => "free disk space: `docker buildx prune -af` (build cache) and `docker image prune -a`"),
        (new(@"Cannot connect to the Docker daemon|Is the docker daemon running|error during connect", RegexOptions.IgnoreCase), BuildxFailureKind.EngineUnavailable, true,
            _ => ProvisionHint),
        (new(@"'buildx' is not a docker command|unknown command: docker buildx|unknown command ""buildx""", RegexOptions.IgnoreCase), BuildxFailureKind.BuildxMissing, true,
            _ => "install the buildx plugin (`./build.sh ProvisionEngine` does it; Debian package docker-buildx)"),
        (new(@"did not complete successfully: exit code: \d+", RegexOptions.IgnoreCase), BuildxFailureKind.StepFailed, false,
            _ => "a RUN step failed: read its output above"),
        (new(@"not found|manifest unknown|name unknown", RegexOptions.IgnoreCase), BuildxFailureKind.NotFound, false,
            _ => "check the image or cache reference exists (and is spelled right)"),
    ];

    [GeneratedRegex(@"^ERROR:?\s*(.*)$", RegexOptions.Multiline)]
    private static partial Regex ErrorLine { get; }

    public static (BuildxFailureKind Kind, string Summary, string? Fix) Classify(string output)
    {
        var errorLine = ErrorLine.Matches(output).LastOrDefault()?.Groups[1].Value.Trim();
        var summary = string.IsNullOrEmpty(errorLine)
            ? output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "buildx failed"
            : errorLine;

        foreach (var (pattern, kind, anywhere, fix) in _rules)
        {
            var match = pattern.Match(summary);
            if (!match.Success && anywhere)
            {
                match = pattern.Match(output);
            }

            if (match.Success)
            {
                return (kind, summary, fix(match));
            }
        }

        return (BuildxFailureKind.Unknown, summary, null);
    }
}
