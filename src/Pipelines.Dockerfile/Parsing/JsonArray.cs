using System.Text;

namespace Pipelines.Dockerfile;

/// <summary>Reads the exec form <c>["a", "b"]</c>: a JSON array of strings, nothing else.</summary>
internal static class JsonArray
{
    /// <summary>Returns the elements, or <c>null</c> when the text is not a JSON array of strings (BuildKit then treats it as shell form).</summary>
    public static List<string>? TryParse(string text)
    {
        var i = 0;
        SkipSpace(text, ref i);
        if (i >= text.Length || text[i] != '[')
        {
            return null;
        }

        i++;
        var items = new List<string>();
        SkipSpace(text, ref i);
        if (i < text.Length && text[i] == ']')
        {
            i++;
            SkipSpace(text, ref i);
            return i == text.Length ? items : null;
        }

        while (true)
        {
            SkipSpace(text, ref i);
            var item = ReadString(text, ref i);
            if (item is null)
            {
                return null;
            }

            items.Add(item);
            SkipSpace(text, ref i);
            if (i >= text.Length)
            {
                return null;
            }

            if (text[i] == ',')
            {
                i++;
                continue;
            }

            if (text[i] != ']')
            {
                return null;
            }

            i++;
            SkipSpace(text, ref i);
            return i == text.Length ? items : null;
        }
    }

    private static void SkipSpace(string s, ref int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }
    }

    private static string? ReadString(string s, ref int i)
    {
        if (i >= s.Length || s[i] != '"')
        {
            return null;
        }

        i++;
        var sb = new StringBuilder();
        while (i < s.Length)
        {
            var c = s[i++];
            if (c == '"')
            {
                return sb.ToString();
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (i >= s.Length)
            {
                return null;
            }

            var e = s[i++];
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (i + 4 > s.Length || !int.TryParse(s.AsSpan(i, 4), System.Globalization.NumberStyles.HexNumber, null, out var code))
                    {
                        return null;
                    }

                    sb.Append((char)code);
                    i += 4;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }
}
