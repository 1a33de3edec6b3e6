using System.Diagnostics.Contracts;

namespace Pipelines.Dockerfile;

/// <summary>Fluent helpers for <see cref="LintOptions"/>.</summary>
public static class LintOptionsExtensions
{
    /// <summary>Turns rules off (ids such as <c>PL002</c> or names).</summary>
    [Pure]
    public static LintOptions DisableRules(this LintOptions options, params IEnumerable<string> rules)
        => options with { DisabledRules = [.. options.DisabledRules, .. rules] };

    /// <summary>Turns previously disabled rules back on.</summary>
    [Pure]
    public static LintOptions EnableRules(this LintOptions options, params IEnumerable<string> rules)
    {
        var enable = rules.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return options with { DisabledRules = options.DisabledRules.Where(r => !enable.Contains(r)).ToList() };
    }

    /// <summary>Changes a rule's severity.</summary>
    [Pure]
    public static LintOptions SetSeverity(this LintOptions options, string ruleId, LintSeverity severity)
        => options with { SeverityOverrides = new Dictionary<string, LintSeverity>(options.SeverityOverrides, StringComparer.OrdinalIgnoreCase) { [ruleId] = severity } };

    /// <summary>Names the production stage.</summary>
    [Pure]
    public static LintOptions SetProductionStage(this LintOptions options, string? stage) => options with { ProductionStage = stage };

    /// <summary>Names the test stage.</summary>
    [Pure]
    public static LintOptions SetTestStage(this LintOptions options, string? stage) => options with { TestStage = stage };

    /// <summary>Adds stages built as targets.</summary>
    [Pure]
    public static LintOptions AddTargets(this LintOptions options, params IEnumerable<string> targets)
        => options with { Targets = [.. options.Targets, .. targets] };

    /// <summary>Sets the HEALTHCHECK policy.</summary>
    [Pure]
    public static LintOptions SetRequireHealthcheck(this LintOptions options, HealthcheckPolicy policy) => options with { RequireHealthcheck = policy };

    /// <summary>Sets the build context directory.</summary>
    [Pure]
    public static LintOptions SetContextDirectory(this LintOptions options, string? directory) => options with { ContextDirectory = directory };

    /// <summary>Sets the target platforms.</summary>
    [Pure]
    public static LintOptions SetPlatforms(this LintOptions options, params IEnumerable<string> platforms) => options with { Platforms = platforms.ToList() };
}
