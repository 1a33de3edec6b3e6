using System.Text;

namespace Pipelines.Dockerfile;

/// <summary>Physical lines joined at continuation characters, remembering where each piece came from.</summary>
internal sealed class LogicalLine
{
    private readonly StringBuilder _text = new();
    private readonly List<(int Offset, int Line, int Column)> _segments = [];

    public LogicalLine(string file) => File = file;

    public string File { get; }

    public int FirstLine => _segments[0].Line;

    public int LastLine => _segments[^1].Line;

    private string? _cached;

    public string Text => _cached ??= _text.ToString();

    public void Append(string piece, int line, int column)
    {
        _cached = null;
        _segments.Add((_text.Length, line, column));
        _text.Append(piece);
    }

    /// <summary>The file position of a character offset in <see cref="Text"/>.</summary>
    public SourceLocation Locate(int offset)
    {
        var segment = _segments[0];
        foreach (var s in _segments)
        {
            if (s.Offset > offset)
            {
                break;
            }

            segment = s;
        }

        return new SourceLocation(File, segment.Line, segment.Column + (offset - segment.Offset));
    }
}
