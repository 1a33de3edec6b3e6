namespace Pipelines.Dockerfile;

/// <summary>How serious a lint finding is; <see cref="Error"/> fails <c>pipelines lint</c> and the Lint target.</summary>
public enum LintSeverity
{
    /// <summary>A suggestion (SARIF <c>note</c>, GitHub <c>notice</c>).</summary>
    Info,

    /// <summary>A likely problem (SARIF and GitHub <c>warning</c>).</summary>
    Warning,

    /// <summary>A defect: the build or the image is wrong or unsafe (SARIF and GitHub <c>error</c>).</summary>
    Error,
}
