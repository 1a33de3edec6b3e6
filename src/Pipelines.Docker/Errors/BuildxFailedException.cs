namespace Pipelines.Docker;

/// <summary>
/// A buildx (or docker) command failed. <see cref="Kind"/> says why when the output matched a known
/// failure, <see cref="Fix"/> says what to do in one line, <see cref="Output"/> carries the relevant
/// output (for a failed step: that step's log). Secrets are already redacted.
/// </summary>
public sealed class BuildxFailedException : PipelinesException
{
    internal BuildxFailedException(BuildxFailureKind kind, string summary, string? fix, string commandLine, int exitCode, string output)
        : base(BuildMessage(summary, fix, commandLine, exitCode, output))
    {
        Kind = kind;
        Summary = summary;
        Fix = fix;
        CommandLine = commandLine;
        ExitCode = exitCode;
        Output = output;
    }

    /// <summary>The recognised cause.</summary>
    public BuildxFailureKind Kind { get; }

    /// <summary>The one-line error (buildx's <c>ERROR:</c> line when there is one).</summary>
    public string Summary { get; }

    /// <summary>A one-line suggestion for the fix, when one is known.</summary>
    public string? Fix { get; }

    /// <summary>The command line, shell-quoted, secrets masked.</summary>
    public string CommandLine { get; }

    /// <summary>The exit code.</summary>
    public int ExitCode { get; }

    /// <summary>The tail of the command's output (decoded step logs for rawjson progress).</summary>
    public string Output { get; }

    private static string BuildMessage(string summary, string? fix, string commandLine, int exitCode, string output)
    {
        var nl = Environment.NewLine;
        var message = $"{summary}{nl}  command (exit {exitCode}): {commandLine}";
        if (output.Length > 0)
        {
            message += $"{nl}  output:{nl}" + string.Join(nl, output.Split('\n').Select(line => "    " + line.TrimEnd('\r')));
        }

        if (fix is not null)
        {
            message += $"{nl}  fix: {fix}";
        }

        return message;
    }
}
