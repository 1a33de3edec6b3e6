namespace Pipelines.Output;

/// <summary>Log lines from target code; they go to the current <see cref="OutputSink"/> (prefixed with the target name in parallel builds) with secrets redacted.</summary>
public static class Log
{
    /// <summary>The current verbosity (set by the engine from <c>--verbosity</c>).</summary>
    public static Verbosity Verbosity { get; set; } = Verbosity.Normal;

    /// <summary>Writes a line shown only with <c>--verbosity verbose</c>.</summary>
    public static void Debug(string message)
    {
        if (Verbosity >= Verbosity.Verbose)
        {
            OutputSink.Write(message);
        }
    }

    /// <summary>Writes a line.</summary>
    public static void Information(string message) => OutputSink.Write(message);

    /// <summary>Writes a line prefixed with <c>warning: </c>.</summary>
    public static void Warning(string message) => OutputSink.Write("warning: " + message);

    /// <summary>Writes a line prefixed with <c>error: </c> to the error stream.</summary>
    public static void Error(string message) => OutputSink.Write("error: " + message, isError: true);
}
