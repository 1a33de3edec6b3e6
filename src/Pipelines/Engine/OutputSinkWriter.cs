using System.Runtime.CompilerServices;
using System.Text;
using Pipelines.Output;

namespace Pipelines.Engine;

/// <summary>
/// Installed as <see cref="Console.Out"/>/<see cref="Console.Error"/> by <see cref="PipelineBuild"/>, so that
/// <c>Console.WriteLine</c> in target code goes through the current <see cref="OutputSink"/> like
/// <see cref="Log"/> does: prefixed with the target name in parallel builds and redacted. Outside targets
/// (no sink set) it writes to the original stream, redacted.
/// </summary>
internal sealed class OutputSinkWriter(TextWriter original, bool isError) : TextWriter
{
    private readonly ConditionalWeakTable<Action<OutputLine>, StringBuilder> _partialLines = [];

    public override Encoding Encoding => original.Encoding;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var sink = OutputSink.Current;
        var buffer = _partialLines.GetOrCreateValue(sink);
        string[] lines;
        lock (buffer)
        {
            buffer.Append(value);
            var text = buffer.ToString();
            var last = text.LastIndexOf('\n');
            if (last < 0)
            {
                return;
            }

            lines = text[..last].Split('\n');
            buffer.Clear().Append(text, last + 1, text.Length - last - 1);
        }

        foreach (var line in lines)
        {
            Emit(sink, line.TrimEnd('\r'));
        }
    }

    public override void WriteLine(string? value) => Write((value ?? string.Empty) + "\n");

    public override void WriteLine() => Write("\n");

    public override void Flush()
    {
        var sink = OutputSink.Current;
        if (_partialLines.TryGetValue(sink, out var buffer))
        {
            string rest;
            lock (buffer)
            {
                rest = buffer.ToString();
                buffer.Clear();
            }

            if (rest.Length > 0)
            {
                Emit(sink, rest);
            }
        }

        original.Flush();
    }

    private void Emit(Action<OutputLine> sink, string line)
    {
        var redacted = SecretMasker.Redact(line);
        if (ReferenceEquals(sink, OutputSink.ConsoleSink))
        {
            // no engine sink in this flow: write straight through (ConsoleSink itself writes to Console.Out, i.e. here)
            original.WriteLine(redacted);
        }
        else
        {
            sink(new OutputLine(redacted, isError));
        }
    }
}
