using System.Text;

namespace Pipelines.Dockerfile;

/// <summary>Physical lines joined at continuation characters, remembering where each piece came from.</summary>
internal sealed class LogicalLine
{
    private readonly List<(int Offset, int Line, int Column)> _segments = new(1);
    private StringBuilder? _text;
    private int _length;

    public LogicalLine(string file) => File = file;

    public string File { get; }

    public int FirstLine => _segments[0].Line;

    public int LastLine => _segments[^1].Line;

    private string? _cached;

    public string Text => _cached ??= _text?.ToString() ?? "";

    public void Append(string piece, int line, int column)
    {
        _segments.Add((_length, line, column));
        _length += piece.Length;
        if (_segments.Count == 1)
        {
            // a single physical line is its own text
            _cached = piece;
            return;
        }

        if (_text is null)
        {
            _text = new StringBuilder(_cached);
        }

        _cached = null;
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
