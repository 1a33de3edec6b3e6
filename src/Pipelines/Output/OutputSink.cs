namespace Pipelines.Output;

/// <summary>
/// Where program and target output goes. The current sink flows with the async context, so the
/// engine can give each target its own (prefixed) sink while targets run in parallel.
/// </summary>
public static class OutputSink
{
    private static readonly AsyncLocal<Action<OutputLine>?> _current = new();

    /// <summary>Writes to the process's standard output and error; used when no sink was set.</summary>
    public static Action<OutputLine> ConsoleSink { get; } = line =>
    {
        if (line.IsError)
        {
            Console.Error.WriteLine(line.Text);
        }
        else
        {
            Console.Out.WriteLine(line.Text);
        }
    };

    /// <summary>The sink for the current async flow (defaults to <see cref="ConsoleSink"/>).</summary>
    public static Action<OutputLine> Current => _current.Value ?? ConsoleSink;

    /// <summary>Sends output of the current async flow (and flows started from it) to <paramref name="sink"/> until disposed.</summary>
    public static IDisposable Use(Action<OutputLine> sink) => Engine.AsyncLocalScope.Set(_current, sink);

    /// <summary>Writes a line, redacting secrets first.</summary>
    public static void Write(string text, bool isError = false) => Current(new OutputLine(SecretMasker.Redact(text), isError));
}
