namespace Pipelines.Docker;

/// <summary>The recognised causes of a failed buildx (or docker) command.</summary>
public enum BuildxFailureKind
{
    /// <summary>Not recognised; see the output.</summary>
    Unknown,

    /// <summary>A <c>RUN</c> step exited non-zero (tests failed, compiler error…).</summary>
    StepFailed,

    /// <summary>The <c>--target</c> stage is not in the Dockerfile.</summary>
    TargetNotFound,

    /// <summary>The Dockerfile does not parse.</summary>
    DockerfileParseError,

    /// <summary>The builder's driver cannot build for several platforms at once.</summary>
    MultiPlatformUnsupported,

    /// <summary>No QEMU/binfmt handler for a target platform (<c>exec format error</c>).</summary>
    EmulatorMissing,

    /// <summary>A base image has no variant for a requested platform.</summary>
    PlatformUnavailable,

    /// <summary>The registry did not answer (connection refused, DNS, timeout).</summary>
    RegistryUnreachable,

    /// <summary>The registry refused the credentials (401/403, denied).</summary>
    RegistryUnauthorized,

    /// <summary>The registry speaks plain HTTP but was contacted over HTTPS.</summary>
    RegistryHttpOnly,

    /// <summary>An image or cache reference does not exist.</summary>
    NotFound,

    /// <summary>The engine's disk is full.</summary>
    NoSpaceLeft,

    /// <summary>The Docker engine is not running or not reachable.</summary>
    EngineUnavailable,

    /// <summary>The buildx plugin is not installed.</summary>
    BuildxMissing,
}
