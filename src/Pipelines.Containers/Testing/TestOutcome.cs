namespace Pipelines.Containers;

/// <summary>The outcome of one test case.</summary>
public enum TestOutcome
{
    /// <summary>Passed.</summary>
    Passed,

    /// <summary>Failed or errored.</summary>
    Failed,

    /// <summary>Skipped / not executed.</summary>
    Skipped,
}
