namespace Pipelines.Dockerfile;

/// <summary>When the production stage must declare a HEALTHCHECK (rule PL002).</summary>
public enum HealthcheckPolicy
{
    /// <summary>Required, except for images on scratch or a static distroless base, which usually have no tool to probe with.</summary>
    ExceptStatic,

    /// <summary>Required for every production stage.</summary>
    Always,

    /// <summary>Never required (PL002 off).</summary>
    Never,
}
