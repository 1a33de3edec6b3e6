using System.Text;

namespace Pipelines.Dockerfile;

/// <summary>
/// Expands <c>$VAR</c>, <c>${VAR}</c>, <c>${VAR:-default}</c>, <c>${VAR-default}</c>, <c>${VAR:+alt}</c>, <c>${VAR+alt}</c>,
/// <c>${VAR:?message}</c> and the pattern removals <c>#</c>, <c>##</c>, <c>%</c>, <c>%%</c> the way BuildKit's shell lexer does
/// for words such as FROM images and <c>COPY --from</c>; removes quotes; an unset variable expands to nothing.
/// </summary>
internal sealed class VariableExpander
{
    private readonly Func<string, string?> _lookup;
    private readonly char _escape;
    private readonly Func<int, SourceLocation> _locate;

    public VariableExpander(Func<string, string?> lookup, char escape, Func<int, SourceLocation> locate)
    {
        _lookup = lookup;
        _escape = escape;
        _locate = locate;
    }

    /// <summary>Names that were referenced but not set, in order of first use.</summary>
    public List<string> Undefined { get; } = [];

    public string Expand(string word)
    {
        var position = 0;
        return ExpandUntil(word, ref position, terminator: null, 0);
    }

    private string ExpandUntil(string s, ref int i, char? terminator, int baseOffset)
    {
        var result = new StringBuilder();
        var inDouble = false;
        while (i < s.Length)
        {
            var c = s[i];
            if (terminator is { } t && c == t && !inDouble)
            {
                return result.ToString();
            }

            if (c == _escape && i + 1 < s.Length)
            {
                if (!inDouble || s[i + 1] is '"' or '$' || s[i + 1] == _escape)
                {
                    result.Append(s[i + 1]);
                    i += 2;
                    continue;
                }

                result.Append(c);
                i++;
                continue;
            }

            if (c == '\'' && !inDouble)
            {
                var close = s.IndexOf('\'', i + 1);
                if (close < 0)
                {
                    throw new DockerfileParseException(_locate(baseOffset + i), "unterminated single quote", "a closing '");
                }

                result.Append(s, i + 1, close - i - 1);
                i = close + 1;
                continue;
            }

            if (c == '"')
            {
                inDouble = !inDouble;
                i++;
                continue;
            }

            if (c == '$' && i + 1 < s.Length)
            {
                result.Append(ExpandDollar(s, ref i, baseOffset));
                continue;
            }

            result.Append(c);
            i++;
        }

        if (inDouble)
        {
            throw new DockerfileParseException(_locate(baseOffset + s.Length), "unterminated double quote", "a closing \"");
        }

        if (terminator is { } missing)
        {
            throw new DockerfileParseException(_locate(baseOffset + s.Length), "unterminated variable expansion", $"'{missing}'");
        }

        return result.ToString();
    }

    private string ExpandDollar(string s, ref int i, int baseOffset)
    {
        var dollar = i;
        i++;
        if (s[i] != '{')
        {
            var start = i;
            while (i < s.Length && IsNameChar(s[i], i == start))
            {
                i++;
            }

            if (i == start)
            {
                return "$";
            }

            return Lookup(s[start..i]) ?? "";
        }

        i++;
        var nameStart = i;
        while (i < s.Length && IsNameChar(s[i], i == nameStart))
        {
            i++;
        }

        var name = s[nameStart..i];
        if (name.Length == 0)
        {
            throw new DockerfileParseException(_locate(baseOffset + i), "bad variable substitution", "a variable name after '${'");
        }

        if (i >= s.Length)
        {
            throw new DockerfileParseException(_locate(baseOffset + dollar), "unterminated variable expansion", "'}'");
        }

        if (s[i] == '}')
        {
            i++;
            return Lookup(name) ?? "";
        }

        var op = s[i].ToString();
        if (s[i] == ':' && i + 1 < s.Length && s[i + 1] is '-' or '+' or '?')
        {
            op = s.Substring(i, 2);
        }
        else if ((s[i] == '#' || s[i] == '%') && i + 1 < s.Length && s[i + 1] == s[i])
        {
            op = s.Substring(i, 2);
        }
        else if (s[i] is not ('-' or '+' or '?' or '#' or '%'))
        {
            throw new DockerfileParseException(_locate(baseOffset + i), $"unsupported modifier '{s[i]}' in ${{{name}…}}", "one of :- - :+ + :? ? # ## % %% or '}'");
        }

        i += op.Length;
        var word = ExpandUntil(s, ref i, '}', baseOffset);
        i++; // the closing brace
        var value = _lookup(name);
        if (value is null && op is not ("-" or ":-" or "+" or ":+"))
        {
            Remember(name);
        }

        switch (op)
        {
            case ":-":
                return string.IsNullOrEmpty(value) ? word : value;
            case "-":
                return value ?? word;
            case ":+":
                return string.IsNullOrEmpty(value) ? "" : word;
            case "+":
                return value is null ? "" : word;
            case ":?":
            case "?":
                if (op == ":?" ? string.IsNullOrEmpty(value) : value is null)
                {
                    throw new DockerfileParseException(_locate(baseOffset + dollar), $"{name}: {(word.Length == 0 ? "parameter not set" : word)}", $"a value for build argument {name}");
                }

                return value!;
            case "#":
            case "##":
                return RemovePrefix(value ?? "", word, longest: op == "##");
            default:
                return RemoveSuffix(value ?? "", word, longest: op == "%%");
        }
    }

    private string? Lookup(string name)
    {
        var value = _lookup(name);
        if (value is null)
        {
            Remember(name);
        }

        return value;
    }

    private void Remember(string name)
    {
        if (!Undefined.Contains(name))
        {
            Undefined.Add(name);
        }
    }

    private static bool IsNameChar(char c, bool first) => c == '_' || char.IsAsciiLetter(c) || (!first && char.IsAsciiDigit(c));

    private static string RemovePrefix(string value, string pattern, bool longest)
    {
        var lengths = Enumerable.Range(0, value.Length + 1);
        foreach (var n in longest ? lengths.Reverse() : lengths)
        {
            if (Glob.Matches(pattern, value[..n]))
            {
                return value[n..];
            }
        }

        return value;
    }

    private static string RemoveSuffix(string value, string pattern, bool longest)
    {
        var starts = Enumerable.Range(0, value.Length + 1);
        foreach (var n in longest ? starts : starts.Reverse())
        {
            if (Glob.Matches(pattern, value[n..]))
            {
                return value[..n];
            }
        }

        return value;
    }
}
