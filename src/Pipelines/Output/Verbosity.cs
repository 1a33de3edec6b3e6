namespace Pipelines.Output;

/// <summary>How much the engine writes (<c>--verbosity</c>).</summary>
public enum Verbosity
{
    /// <summary>Target output, errors and the final result line only.</summary>
    Quiet,

    /// <summary>Also target headers and the summary table (the default).</summary>
    Normal,

    /// <summary>Also <see cref="Log.Debug"/> lines, the plan and stack traces.</summary>
    Verbose,
}
