namespace Pipelines.Containers;

/// <summary>One test case read from a JUnit XML or TRX file.</summary>
/// <param name="Suite">The suite (JUnit <c>testsuite</c>/<c>classname</c>, TRX class).</param>
/// <param name="Name">The test name.</param>
/// <param name="Outcome">passed, failed, skipped.</param>
/// <param name="Message">The failure message, when failed.</param>
/// <param name="Duration">The duration, when reported.</param>
public sealed record TestCaseResult(string Suite, string Name, TestOutcome Outcome, string? Message, TimeSpan? Duration)
{
    /// <summary><c>Suite.Name</c>, or just the name when there is no suite.</summary>
    public string FullName => Suite.Length == 0 ? Name : $"{Suite}.{Name}";
}
