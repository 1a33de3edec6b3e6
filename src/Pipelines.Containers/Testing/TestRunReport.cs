namespace Pipelines.Containers;

/// <summary>The test results of one image's test stage, exported to <see cref="ResultsDirectory"/>.</summary>
public sealed record TestRunReport
{
    /// <summary>The image.</summary>
    public required string Image { get; init; }

    /// <summary>The directory the test stage was exported to (<c>artifacts/test-results/IMAGE</c>).</summary>
    public required string ResultsDirectory { get; init; }

    /// <summary>Every test case from every result file.</summary>
    public IReadOnlyList<TestCaseResult> Cases { get; init; } = [];

    /// <summary>The result files read.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>The test runner's exit code (from the <c>exit-code</c> file), when the stage wrote one.</summary>
    public int? ExitCode { get; init; }

    /// <summary>Failed test cases.</summary>
    public IReadOnlyList<TestCaseResult> Failed => [.. Cases.Where(c => c.Outcome == TestOutcome.Failed)];

    /// <summary>True when the <c>exit-code</c> file says 0 and no case failed. A missing <c>exit-code</c> is a failure (examples/README.md convention).</summary>
    public bool Succeeded => Failed.Count == 0 && ExitCode == 0;

    /// <summary>One line: <c>api: 12 tests, 1 failed (items.TestCreate), 0 skipped</c>.</summary>
    public string Summary
    {
        get
        {
            var skipped = Cases.Count(c => c.Outcome == TestOutcome.Skipped);
            var failed = Failed;
            var names = failed.Count == 0 ? "" : $" ({string.Join(", ", failed.Take(10).Select(c => c.FullName))}{(failed.Count > 10 ? ", …" : "")})";
            var exit = ExitCode switch
            {
                null => ", no exit-code file",
                0 => "",
                var code => $", exit code {code}",
            };
            return $"{Image}: {Cases.Count} tests, {failed.Count} failed{names}, {skipped} skipped{exit}";
        }
    }
}
