using System.Text;

namespace Pipelines.Docker;

/// <summary>The comma-separated <c>key=value</c> syntax buildx uses for compound flag values (Go's encoding/csv quoting).</summary>
internal static class KeyValueCsv
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var field in SplitFields(text))
        {
            var equals = field.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"Invalid {what} '{text}': field '{field}' is not key=value.");
            }

            pairs.Add(new(field[..equals].Trim(), field[(equals + 1)..]));
        }

        return pairs;
    }

    public static IEnumerable<string> SplitFields(string text)
    {
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                if (quoted && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (c == ',' && !quoted)
            {
                yield return field.ToString();
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new FormatException($"Unterminated quote in '{text}'.");
        }

        yield return field.ToString();
    }

    public static string Format(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join(',', pairs.Select(pair => QuoteField($"{pair.Key}={pair.Value}")));

    public static string QuoteField(string field) =>
        field.Contains(',', StringComparison.Ordinal) || field.Contains('"', StringComparison.Ordinal)
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
