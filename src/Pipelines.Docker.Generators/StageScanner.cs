using System;
using System.Collections.Generic;
using System.Text;

namespace Pipelines.Docker.Generators;

/// <summary>A stage found by <see cref="StageScanner"/>.</summary>
internal sealed class ScannedStage
{
    public ScannedStage(int index, string? name, string image, int line)
    {
        Index = index;
        Name = name;
        Image = image;
        Line = line;
    }

    public int Index { get; }

    public string? Name { get; }

    public string Image { get; }

    public int Line { get; }
}

/// <summary>An ARG declaration found by <see cref="StageScanner"/>.</summary>
internal sealed class ScannedArg
{
    public ScannedArg(string name, string? defaultValue, int line, bool global)
    {
        Name = name;
        DefaultValue = defaultValue;
        Line = line;
        Global = global;
    }

    public string Name { get; }

    public string? DefaultValue { get; }

    public int Line { get; }

    public bool Global { get; }
}

/// <summary>What the scanner found, or the first error (1-based line and column).</summary>
internal sealed class ScanResult
{
    public List<ScannedStage> Stages { get; } = new List<ScannedStage>();

    public List<ScannedArg> Args { get; } = new List<ScannedArg>();

    public string? Error { get; set; }

    public int ErrorLine { get; set; }

    public int ErrorColumn { get; set; }
}

/// <summary>
/// The generator's own small Dockerfile scanner (the compiler loads analyzers on netstandard2.0, where the full parser of
/// Pipelines.Dockerfile does not compile). It follows the same rules for what matters to stage names and ARGs: the escape
/// directive, continuation lines, comments, heredoc bodies, instruction keywords, FROM … AS name, ARG name[=default].
/// </summary>
internal static class StageScanner
{
    private static readonly HashSet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL",
        "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
    };

    private sealed class ScanException : Exception
    {
        public ScanException(int line, int column, string message)
            : base(message)
        {
            Line = line;
            Column = column;
        }

        public int Line { get; }

        public int Column { get; }
    }

    public static ScanResult Scan(string text)
    {
        var result = new ScanResult();
        try
        {
            ScanInto(text, result);
        }
        catch (ScanException e)
        {
            result.Error = e.Message;
            result.ErrorLine = e.Line;
            result.ErrorColumn = e.Column;
        }

        return result;
    }

    private static void ScanInto(string text, ScanResult result)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }

        var lines = text.Split('\n');
        if (lines.Length > 1 && lines[lines.Length - 1].Length == 0)
        {
            Array.Resize(ref lines, lines.Length - 1);
        }

        for (var k = 0; k < lines.Length; k++)
        {
            lines[k] = lines[k].TrimEnd('\r');
        }

        var escape = '\\';
        var i = 0;
        while (i < lines.Length && TryDirective(lines[i], out var key, out var value))
        {
            if (key == "escape")
            {
                if (value != "\\" && value != "`")
                {
                    throw new ScanException(i + 1, 1, "invalid escape character '" + value + "' (expected '\\' or '`')");
                }

                escape = value[0];
            }

            i++;
        }

        while (i < lines.Length)
        {
            var trimmed = lines[i].TrimStart(' ', '\t');
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                i++;
                continue;
            }

            var startLine = i + 1;
            var column = lines[i].Length - trimmed.Length + 1;
            var logical = new StringBuilder();
            while (i < lines.Length)
            {
                var content = lines[i].TrimEnd(' ', '\t');
                i++;
                if (content.Length > 0 && content[content.Length - 1] == escape)
                {
                    logical.Append(content, 0, content.Length - 1);
                    while (i < lines.Length && (lines[i].Trim().Length == 0 || lines[i].TrimStart(' ', '\t').StartsWith("#", StringComparison.Ordinal)))
                    {
                        i++;
                    }

                    continue;
                }

                logical.Append(lines[i - 1]);
                break;
            }

            var words = Words(logical.ToString());
            if (words.Count == 0)
            {
                throw new ScanException(startLine, column, "a continuation character continues nothing (expected an instruction before it)");
            }

            var keyword = words[0].ToUpperInvariant();
            if (!Keywords.Contains(keyword))
            {
                throw new ScanException(startLine, column, "unknown instruction '" + words[0] + "' (expected an instruction such as FROM, RUN, COPY)");
            }

            var args = words.GetRange(1, words.Count - 1);
            if (keyword == "FROM")
            {
                ScanFrom(args, startLine, column, result);
            }
            else if (result.Stages.Count == 0 && keyword != "ARG")
            {
                throw new ScanException(startLine, column, keyword + " before the first FROM (only ARG may come before the first FROM)");
            }
            else if (keyword == "ARG")
            {
                foreach (var word in args)
                {
                    var eq = word.IndexOf('=');
                    var name = eq < 0 ? word : word.Substring(0, eq);
                    if (name.Length == 0)
                    {
                        throw new ScanException(startLine, column, "ARG name is empty (expected ARG <name>[=<default>])");
                    }

                    result.Args.Add(new ScannedArg(name, eq < 0 ? null : Unquote(word.Substring(eq + 1)), startLine, result.Stages.Count == 0));
                }

                if (args.Count == 0)
                {
                    throw new ScanException(startLine, column, "ARG requires a name (expected ARG <name>[=<default>])");
                }
            }
            else if (keyword == "RUN" || keyword == "COPY" || keyword == "ADD")
            {
                foreach (var word in args)
                {
                    if (TryHeredoc(word, out var name, out var strip))
                    {
                        i = SkipHeredoc(lines, i, name, strip, startLine);
                    }
                }
            }
        }

        if (result.Stages.Count == 0)
        {
            throw new ScanException(Math.Max(1, lines.Length), 1, "the Dockerfile has no FROM instruction (expected at least one FROM <image>)");
        }
    }

    private static void ScanFrom(List<string> args, int line, int column, ScanResult result)
    {
        var start = 0;
        while (start < args.Count && args[start].StartsWith("--", StringComparison.Ordinal))
        {
            start++;
        }

        var count = args.Count - start;
        if (count == 1)
        {
            result.Stages.Add(new ScannedStage(result.Stages.Count, null, args[start], line));
            return;
        }

        if (count == 3 && string.Equals(args[start + 1], "AS", StringComparison.OrdinalIgnoreCase))
        {
            var name = args[start + 2].ToLowerInvariant();
            if (!IsValidStageName(name))
            {
                throw new ScanException(line, column, "invalid stage name '" + args[start + 2] + "' (expected a name starting with a letter, then letters, digits, '-', '_' or '.')");
            }

            result.Stages.Add(new ScannedStage(result.Stages.Count, name, args[start], line));
            return;
        }

        throw new ScanException(line, column, "malformed FROM (expected FROM [--platform=<platform>] <image> [AS <name>])");
    }

    private static bool IsValidStageName(string name)
    {
        if (name.Length == 0 || name[0] < 'a' || name[0] > 'z')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryDirective(string line, out string key, out string value)
    {
        key = value = "";
        var t = line.TrimStart(' ', '\t');
        if (!t.StartsWith("#", StringComparison.Ordinal))
        {
            return false;
        }

        var body = t.Substring(1);
        var eq = body.IndexOf('=');
        if (eq < 0)
        {
            return false;
        }

        key = body.Substring(0, eq).Trim().ToLowerInvariant();
        value = body.Substring(eq + 1).Trim();
        return value.Length > 0 && (key == "syntax" || key == "escape" || key == "check");
    }

    private static bool TryHeredoc(string word, out string name, out bool strip)
    {
        name = "";
        strip = false;
        var i = 0;
        while (i < word.Length && char.IsDigit(word[i]))
        {
            i++;
        }

        if (i + 2 > word.Length || word[i] != '<' || word[i + 1] != '<')
        {
            return false;
        }

        i += 2;
        if (i < word.Length && word[i] == '-')
        {
            strip = true;
            i++;
        }

        var rest = word.Substring(i);
        if (rest.Length == 0 || rest.IndexOf('<') >= 0)
        {
            return false;
        }

        name = rest.Replace("\"", "").Replace("'", "");
        return name.Length > 0;
    }

    private static int SkipHeredoc(string[] lines, int i, string name, bool strip, int startLine)
    {
        while (i < lines.Length)
        {
            var line = strip ? lines[i].TrimStart('\t') : lines[i];
            i++;
            if (line == name)
            {
                return i;
            }
        }

        throw new ScanException(startLine, 1, "heredoc '" + name + "' is not terminated (expected a line containing only " + name + ")");
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        char quote = '\0';
        foreach (var c in text)
        {
            if (quote != '\0')
            {
                current.Append(c);
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c == ' ' || c == '\t')
            {
                if (current.Length > 0)
                {
                    words.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                if (c == '"' || c == '\'')
                {
                    quote = c;
                }

                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private static string Unquote(string value)
        => value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0]
            ? value.Substring(1, value.Length - 2)
            : value;
}
