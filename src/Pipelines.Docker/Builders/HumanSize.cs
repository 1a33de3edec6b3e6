using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipelines.Docker;

/// <summary>Parses docker's human-readable sizes (<c>4.096kB</c>, <c>786.6MB</c>, <c>3.3GiB</c>).</summary>
internal static partial class HumanSize
{
    [GeneratedRegex(@"^\s*([0-9]+(?:\.[0-9]+)?)\s*([kKMGTP]?i?)B?\s*$")]
    private static partial Regex Pattern { get; }

    public static long Parse(string? text)
    {
        var match = Pattern.Match(text ?? "");
        if (!match.Success)
        {
            return 0;
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups[2].Value;
        var binary = unit.EndsWith('i');
        var power = unit.Length == 0 ? 0 : "KMGTP".IndexOf(char.ToUpperInvariant(unit[0]), StringComparison.Ordinal) + 1;
        return (long)Math.Round(value * Math.Pow(binary ? 1024 : 1000, power));
    }
}
