using System.Text;

namespace Pipelines.Dockerfile;

/// <summary>Splits Dockerfile arguments into words the way BuildKit does: whitespace separates, quotes group, the escape character escapes.</summary>
internal static class ShellWords
{
    /// <summary>Splits <paramref name="text"/>; throws at the opening quote when a quote is not closed.</summary>
    public static List<ShellWord> Split(string text, char escape, LogicalLine? line = null, int baseOffset = 0)
    {
        var words = new List<ShellWord>();
        StringBuilder? value = null;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var start = i;

            // fast path: a word without quotes or escapes is its own value
            var plainEnd = i;
            while (plainEnd < text.Length && !char.IsWhiteSpace(text[plainEnd]) && text[plainEnd] is not ('"' or '\'') && text[plainEnd] != escape)
            {
                plainEnd++;
            }

            if (plainEnd >= text.Length || char.IsWhiteSpace(text[plainEnd]))
            {
                var raw = text[start..plainEnd];
                words.Add(new ShellWord(raw, raw, start));
                i = plainEnd;
                continue;
            }

            value ??= new StringBuilder();
            value.Clear();
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                var c = text[i];
                if (c == escape && i + 1 < text.Length)
                {
                    value.Append(text[i + 1]);
                    i += 2;
                }
                else if (c is '"' or '\'')
                {
                    var close = FindClosingQuote(text, i, escape);
                    if (close < 0)
                    {
                        var where = line?.Locate(baseOffset + i) ?? new SourceLocation("Dockerfile", 1, i + 1);
                        throw new DockerfileParseException(where, $"unterminated {(c == '"' ? "double" : "single")} quote", $"a closing {c}");
                    }

                    for (var j = i + 1; j < close; j++)
                    {
                        if (c == '"' && text[j] == escape && j + 1 < close && (text[j + 1] == '"' || text[j + 1] == '$' || text[j + 1] == escape))
                        {
                            j++;
                        }

                        value.Append(text[j]);
                    }

                    i = close + 1;
                }
                else
                {
                    value.Append(c);
                    i++;
                }
            }

            words.Add(new ShellWord(value.ToString(), text[start..i], start));
        }

        return words;
    }

    /// <summary>The index of the quote closing the one at <paramref name="open"/>, or -1.</summary>
    public static int FindClosingQuote(string text, int open, char escape)
    {
        var quote = text[open];
        for (var j = open + 1; j < text.Length; j++)
        {
            if (quote == '"' && text[j] == escape)
            {
                j++;
                continue;
            }

            if (text[j] == quote)
            {
                return j;
            }
        }

        return -1;
    }
}
