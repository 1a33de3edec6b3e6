using Pipelines.Tooling;

namespace Pipelines;

/// <summary>An external program exited with a non-zero code (or timed out). Secrets are already redacted.</summary>
public sealed class ProcessFailedException : PipelinesException
{
    internal ProcessFailedException(string commandLine, string workingDirectory, int exitCode, string standardErrorTail, string? fixHint, bool timedOut)
        : base(BuildMessage(commandLine, workingDirectory, exitCode, standardErrorTail, fixHint, timedOut))
    {
        CommandLine = commandLine;
        WorkingDirectory = workingDirectory;
        ExitCode = exitCode;
        StandardErrorTail = standardErrorTail;
        FixHint = fixHint;
        TimedOut = timedOut;
    }

    /// <summary>The command line as it was run, shell-quoted, with secret values replaced by <c>***</c>.</summary>
    public string CommandLine { get; }

    /// <summary>The directory the program ran in.</summary>
    public string WorkingDirectory { get; }

    /// <summary>The program's exit code (-1 when it was killed after a timeout).</summary>
    public int ExitCode { get; }

    /// <summary>The last lines the program wrote to standard error, redacted.</summary>
    public string StandardErrorTail { get; }

    /// <summary>A one-line suggestion for the most likely fix, when one is known.</summary>
    public string? FixHint { get; }

    /// <summary>True when the process was killed because it ran longer than its timeout.</summary>
    public bool TimedOut { get; }

    private static string BuildMessage(string commandLine, string workingDirectory, int exitCode, string tail, string? fixHint, bool timedOut)
    {
        var what = timedOut ? "timed out and was killed" : $"exited with code {exitCode}";
        var message = $"Command {what}: {commandLine}{Environment.NewLine}  in {workingDirectory}";
        if (tail.Length > 0)
        {
            message += $"{Environment.NewLine}  last lines of stderr:{Environment.NewLine}{Indent(tail)}";
        }

        if (fixHint is not null)
        {
            message += $"{Environment.NewLine}  fix: {fixHint}";
        }

        return message;
    }

    private static string Indent(string text) =>
        string.Join(Environment.NewLine, text.Split('\n').Select(line => "    " + line.TrimEnd('\r')));
}
