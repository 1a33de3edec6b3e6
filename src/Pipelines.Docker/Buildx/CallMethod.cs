namespace Pipelines.Docker;

/// <summary>The <c>--call</c> evaluation method.</summary>
public enum CallMethod
{
    /// <summary><c>build</c>: build (buildx default).</summary>
    Build,

    /// <summary><c>check</c>: run BuildKit's Dockerfile checks only.</summary>
    Check,

    /// <summary><c>outline</c>: list the build arguments and secrets the target uses.</summary>
    Outline,

    /// <summary><c>targets</c>: list the stages.</summary>
    Targets,
}
