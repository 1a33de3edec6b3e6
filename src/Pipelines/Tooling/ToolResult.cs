namespace Pipelines.Tooling;

/// <summary>What a finished program returned. Output is redacted.</summary>
/// <param name="Command">The command that ran.</param>
/// <param name="ExitCode">The exit code.</param>
/// <param name="StandardOutput">Everything written to standard output.</param>
/// <param name="StandardError">Everything written to standard error.</param>
/// <param name="Duration">Wall-clock time from start to exit.</param>
public sealed record ToolResult(ToolCommand Command, int ExitCode, string StandardOutput, string StandardError, TimeSpan Duration)
{
    /// <summary>True when the exit code is 0.</summary>
    public bool Succeeded => ExitCode == 0;
}
