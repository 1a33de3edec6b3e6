using System.Text;

namespace Pipelines.Engine;

internal static class Text
{
    /// <summary><c>DockerRegistry</c> → <c>docker-registry</c>, <c>CIToken</c> → <c>ci-token</c>.</summary>
    public static string ToKebab(string name) => Split(name, '-').ToLowerInvariant();

    /// <summary><c>DockerRegistry</c> → <c>DOCKER_REGISTRY</c>.</summary>
    public static string ToUpperSnake(string name) => Split(name, '_').ToUpperInvariant();

    /// <summary>Lower case without separators, for case- and style-insensitive matching.</summary>
    public static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is not ('-' or '_' or '.'))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    public static int Levenshtein(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>
    /// The closest candidate within a distance of a third of the input's length (at least 2), or null; a candidate
    /// that differs in every character is no suggestion. Shared by the engine and the Dockerfile analysis.
    /// </summary>
    public static string? DidYouMean(string input, IEnumerable<string> candidates)
    {
        var limit = Math.Max(2, input.Length / 3);
        return candidates
            .Select(candidate => (candidate, distance: Levenshtein(input, candidate)))
            .Where(x => x.distance <= limit && x.distance < Math.Max(input.Length, x.candidate.Length))
            .OrderBy(x => x.distance)
            .Select(x => x.candidate)
            .FirstOrDefault();
    }

    public static string Suggestion(string input, IEnumerable<string> candidates) =>
        DidYouMean(input, candidates) is { } match ? $" Did you mean '{match}'?" : string.Empty;

    public static string FormatDuration(TimeSpan duration) =>
        duration.TotalMinutes >= 1 ? $"{(int)duration.TotalMinutes}:{duration.Seconds:00}" : $"{duration.TotalSeconds:0.0}s";

    private static string Split(string name, char separator)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '-' or '_' or ' ')
            {
                builder.Append(separator);
                continue;
            }

            if (i > 0 && char.IsUpper(c) && builder.Length > 0 && builder[^1] != separator)
            {
                var previousLower = char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]);
                var nextLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (previousLower || (char.IsUpper(name[i - 1]) && nextLower))
                {
                    builder.Append(separator);
                }
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
