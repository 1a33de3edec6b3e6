using System.Diagnostics.Contracts;

namespace Pipelines.Tooling;

/// <summary>An external program invocation: arguments are a list, never a shell string.</summary>
public sealed record ToolCommand
{
    /// <summary>Creates a command for <paramref name="fileName"/> (a name on PATH or a path).</summary>
    public ToolCommand(string fileName, IEnumerable<string>? arguments = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        FileName = fileName;
        Arguments = arguments?.ToArray() ?? [];
    }

    /// <summary>The program to start.</summary>
    public string FileName { get; init; }

    /// <summary>The argument list, passed to the program as is (no shell).</summary>
    public IReadOnlyList<string> Arguments { get; init; }

    /// <summary>Working directory; the current directory when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Environment variables to set (a null value removes the variable).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Text written to the program's standard input, then closed; treated as a secret (never logged).</summary>
    public string? StandardInput { get; init; }

    /// <summary>Values masked in echoed command lines, streamed output and exceptions (in addition to the registered secrets).</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>Kill the program (whole process tree) after this long; no limit when null.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>When true (default) a non-zero exit code throws <see cref="ProcessFailedException"/>.</summary>
    public bool ThrowOnFailure { get; init; } = true;

    /// <summary>When true (default) output lines are streamed to <see cref="Output.OutputSink.Current"/> as they arrive.</summary>
    public bool StreamOutput { get; init; } = true;

    /// <summary>A hint added to the failure message, e.g. how to install the program.</summary>
    public string? FixHint { get; init; }

    /// <summary>Returns a copy with more arguments appended.</summary>
    [Pure]
    public ToolCommand AddArguments(params IEnumerable<string> arguments) => this with { Arguments = [.. Arguments, .. arguments] };

    /// <summary>Returns a copy that also sets <paramref name="name"/>=<paramref name="value"/> in the environment.</summary>
    [Pure]
    public ToolCommand SetEnvironmentVariable(string name, string? value) =>
        this with { Environment = new Dictionary<string, string?>(Environment) { [name] = value } };

    /// <summary>Returns a copy that masks <paramref name="secret"/> everywhere.</summary>
    [Pure]
    public ToolCommand AddSecret(string secret) => this with { Secrets = [.. Secrets, secret] };

    /// <summary>The command line shell-quoted for display, with secrets masked.</summary>
    public string ToDisplayString() =>
        Output.SecretMasker.Redact(string.Join(' ', new[] { FileName }.Concat(Arguments).Select(Quote)), Secrets);

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:=,@%+".Contains(c))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
