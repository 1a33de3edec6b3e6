namespace Pipelines.Dockerfile;

/// <summary>
/// Lints a parsed Dockerfile against multi-stage practice (rules PL001…). Findings can be suppressed with a
/// <c># pipelines-ignore: PL001[,PL002]</c> comment on the line(s) directly above the instruction, a
/// <c># pipelines-ignore-file: PL010</c> comment anywhere, or by <see cref="LintOptions"/>.
/// </summary>
public static class DockerfileLinter
{
    private const string IgnoreMarker = "pipelines-ignore:";
    private const string IgnoreFileMarker = "pipelines-ignore-file:";

    /// <summary>Every rule, ordered by id; PL000 stands for parse errors (see <see cref="ParseErrorFinding"/>).</summary>
    public static IReadOnlyList<LintRule> Rules { get; } = [LintRules.ParseError, .. LintRules.All.Select(r => r.Rule)];

    /// <summary>A parse error as a PL000 finding, so SARIF, JSON and GitHub output can carry it next to lint findings.</summary>
    public static LintFinding ParseErrorFinding(DockerfileParseException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var rule = LintRules.ParseError;
        var message = error.Expected is null ? error.Problem : $"{error.Problem} (expected {error.Expected})";
        return new LintFinding(rule.Id, rule.Name, rule.DefaultSeverity, message, rule.FixHint, error.Location);
    }

    /// <summary>The rule with this id or name (case-insensitive), or <c>null</c>.</summary>
    public static LintRule? FindRule(string idOrName)
        => Rules.FirstOrDefault(r => string.Equals(r.Id, idOrName, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Name, idOrName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Runs every enabled rule; findings are sorted by line, column and rule id.</summary>
    public static IReadOnlyList<LintFinding> Lint(DockerfileDocument document, LintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        options ??= LintOptions.Default;
        var context = new LintContext(document, options);
        var comments = document.Comments.ToDictionary(c => c.Location.Line, c => c.Text);
        var fileIgnored = document.Comments.SelectMany(c => IgnoredIds(c.Text, IgnoreFileMarker)).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var findings = new List<LintFinding>();
        foreach (var check in LintRules.All)
        {
            if (options.SeverityOf(check.Rule) is not { } severity || fileIgnored.Contains(check.Rule.Id))
            {
                continue;
            }

            foreach (var hit in check.Check(context))
            {
                if (IsSuppressed(check.Rule.Id, hit, comments))
                {
                    continue;
                }

                findings.Add(new LintFinding(check.Rule.Id, check.Rule.Name, severity, hit.Message, check.Rule.FixHint, hit.Location));
            }
        }

        return findings
            .Distinct()
            .OrderBy(f => f.Location.File, StringComparer.Ordinal)
            .ThenBy(f => f.Location.Line)
            .ThenBy(f => f.Location.Column)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Reads and lints a Dockerfile.</summary>
    /// <exception cref="DockerfileParseException">The file is not a valid Dockerfile.</exception>
    public static IReadOnlyList<LintFinding> Lint(string path, LintOptions? options = null, DockerfileParseOptions? parseOptions = null)
        => Lint(DockerfileDocument.Load(path, parseOptions), options);

    private static bool IsSuppressed(string ruleId, RuleHit hit, Dictionary<int, string> comments)
    {
        var lines = new List<int> { hit.Location.Line };
        if (hit.Instruction is { } instruction)
        {
            lines.Add(instruction.Location.Line);
        }

        foreach (var line in lines)
        {
            // the block of comment lines directly above
            for (var above = line - 1; comments.TryGetValue(above, out var text); above--)
            {
                if (IgnoredIds(text, IgnoreMarker).Contains(ruleId, StringComparer.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IEnumerable<string> IgnoredIds(string comment, string marker)
    {
        if (!comment.StartsWith(marker, StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        return comment[marker.Length..].Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(id => FindRule(id)?.Id ?? id);
    }
}
