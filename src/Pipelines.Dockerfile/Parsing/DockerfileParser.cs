namespace Pipelines.Dockerfile;

/// <summary>
/// A line scanner for Dockerfiles: parser directives, comments, continuation lines with either escape character,
/// heredocs, flags, JSON and shell forms. Mirrors BuildKit's parser; every error carries file:line:col.
/// </summary>
internal sealed partial class DockerfileParser
{
    internal static readonly string[] Keywords =
    [
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL",
        "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    ];

    private static readonly Dictionary<string, string[]> AllowedFlags = new(StringComparer.Ordinal)
    {
        ["FROM"] = ["platform"],
        ["RUN"] = ["mount", "network", "security", "device"],
        ["COPY"] = ["from", "chown", "chmod", "link", "exclude", "parents"],
        ["ADD"] = ["chown", "chmod", "link", "exclude", "keep-git-dir", "checksum", "unpack"],
        ["HEALTHCHECK"] = ["interval", "timeout", "start-period", "start-interval", "retries"],
    };

    private static readonly HashSet<string> MountTypes = new(StringComparer.Ordinal) { "bind", "cache", "secret", "ssh", "tmpfs" };

    private readonly string _file;
    private readonly string[] _lines;
    private readonly List<DockerfileInstruction> _instructions = [];
    private readonly List<DockerfileComment> _comments = [];
    private ParserDirectives _directives = new();
    private int _next;
    private int _stageIndex = -1;

    private DockerfileParser(string text, string file)
    {
        _file = file;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        _lines = text.Split('\n');
        for (var i = 0; i < _lines.Length; i++)
        {
            if (_lines[i].EndsWith('\r'))
            {
                _lines[i] = _lines[i][..^1];
            }
        }

        if (_lines.Length > 0 && _lines[^1].Length == 0)
        {
            _lines = _lines[..^1];
        }
    }

    private char Escape => _directives.Escape;

    public static ParsedDockerfile Parse(string text, string file)
    {
        var parser = new DockerfileParser(text, file);
        parser.ParseDirectives();
        parser.ParseBody();
        if (parser._stageIndex < 0)
        {
            throw new DockerfileParseException(new SourceLocation(file, Math.Max(1, parser._lines.Length), 1), "the Dockerfile has no FROM instruction", "at least one FROM <image>");
        }

        return new ParsedDockerfile(parser._directives, parser._instructions, parser._comments);
    }

    private void ParseDirectives()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (_next < _lines.Length)
        {
            var line = _lines[_next];
            if (!TryReadDirective(line, out var key, out var value))
            {
                return;
            }

            var location = new SourceLocation(_file, _next + 1, line.IndexOf('#', StringComparison.Ordinal) + 1);
            if (!seen.Add(key))
            {
                throw new DockerfileParseException(location, $"only one '{key}' parser directive can be used", "each directive at most once");
            }

            switch (key)
            {
                case "escape":
                    if (value is not ("\\" or "`"))
                    {
                        throw new DockerfileParseException(location, $"invalid escape character '{value}'", "'\\' or '`'");
                    }

                    _directives = _directives with { Escape = value[0] };
                    break;
                case "syntax":
                    _directives = _directives with { Syntax = value };
                    break;
                default:
                    _directives = _directives with { Check = value };
                    break;
            }

            _next++;
        }
    }

    /// <summary>A directive is <c># key=value</c> with a known key; anything else ends the directive block.</summary>
    private static bool TryReadDirective(string line, out string key, out string value)
    {
        key = value = "";
        var i = 0;
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }

        if (i >= line.Length || line[i] != '#')
        {
            return false;
        }

        i++;
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }

        var start = i;
        while (i < line.Length && char.IsAsciiLetterOrDigit(line[i]))
        {
            i++;
        }

        if (i == start || !char.IsAsciiLetter(line[start]))
        {
            return false;
        }

        key = line[start..i].ToLowerInvariant();
        while (i < line.Length && line[i] is ' ' or '\t')
        {
            i++;
        }

        if (i >= line.Length || line[i] != '=')
        {
            return false;
        }

        value = line[(i + 1)..].Trim();
        return value.Length > 0 && key is "syntax" or "escape" or "check";
    }

    private static bool IsBlank(string line) => string.IsNullOrWhiteSpace(line);

    private static bool IsComment(string line)
    {
        foreach (var c in line)
        {
            if (c is not (' ' or '\t'))
            {
                return c == '#';
            }
        }

        return false;
    }

    private void ParseBody()
    {
        while (_next < _lines.Length)
        {
            var line = _lines[_next];
            if (IsBlank(line))
            {
                _next++;
                continue;
            }

            if (IsComment(line))
            {
                var hash = line.IndexOf('#', StringComparison.Ordinal);
                _comments.Add(new DockerfileComment(line[(hash + 1)..].Trim(), new SourceLocation(_file, _next + 1, hash + 1)));
                _next++;
                continue;
            }

            var logical = ReadLogicalLine();
            if (string.IsNullOrWhiteSpace(logical.Text))
            {
                // BuildKit rejects a lone continuation character too ("unknown instruction: ")
                throw new DockerfileParseException(logical.Locate(0), "a continuation character continues nothing", "an instruction before the continuation character");
            }

            _instructions.Add(ParseInstruction(logical));
        }
    }

    private LogicalLine ReadLogicalLine()
    {
        var logical = new LogicalLine(_file);
        while (true)
        {
            var line = _lines[_next];
            var continues = TrimContinuation(line, out var content);
            logical.Append(content, _next + 1, 1);
            _next++;
            if (!continues)
            {
                return logical;
            }

            while (_next < _lines.Length && (IsComment(_lines[_next]) || IsBlank(_lines[_next])))
            {
                _next++;
            }

            if (_next >= _lines.Length)
            {
                return logical;
            }
        }
    }

    private bool TrimContinuation(string line, out string content)
    {
        var end = line.Length;
        while (end > 0 && line[end - 1] is ' ' or '\t')
        {
            end--;
        }

        if (end > 0 && line[end - 1] == Escape)
        {
            content = line[..(end - 1)];
            return true;
        }

        content = line;
        return false;
    }
}
