namespace Pipelines.Dockerfile;

/// <summary>Configuration of <see cref="DockerfileLinter"/>: disabled rules, severities, and what the stages are for.</summary>
public sealed record LintOptions
{
    /// <summary>The defaults: every rule on with its default severity, production stage = final stage.</summary>
    public static LintOptions Default { get; } = new();

    /// <summary>Rule ids that are not run.</summary>
    public IReadOnlyList<string> DisabledRules { get; init; } = [];

    /// <summary>Severity per rule id, replacing the default.</summary>
    public IReadOnlyDictionary<string, LintSeverity> SeverityOverrides { get; init; } = new Dictionary<string, LintSeverity>();

    /// <summary>The stage that becomes the shipped image; <c>null</c> means the final stage.</summary>
    public string? ProductionStage { get; init; }

    /// <summary>The stage that runs the tests; counted as used and never treated as a final image.</summary>
    public string? TestStage { get; init; }

    /// <summary>Further stages built as targets (counted as used by PL014).</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>When PL002 requires a HEALTHCHECK. Default: <see cref="HealthcheckPolicy.ExceptStatic"/>.</summary>
    public HealthcheckPolicy RequireHealthcheck { get; init; } = HealthcheckPolicy.ExceptStatic;

    /// <summary>The build context for the .dockerignore check (PL010); <c>null</c> means the Dockerfile's folder, and an in-memory Dockerfile skips the check.</summary>
    public string? ContextDirectory { get; init; }

    /// <summary>Platforms the image is built for; more than one makes PL013 apply even without TARGET* args.</summary>
    public IReadOnlyList<string> Platforms { get; init; } = [];

    /// <summary>The severity of a rule under these options, or <c>null</c> when it is disabled.</summary>
    public LintSeverity? SeverityOf(LintRule rule)
    {
        if (DisabledRules.Any(d => string.Equals(d, rule.Id, StringComparison.OrdinalIgnoreCase) || string.Equals(d, rule.Name, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return SeverityOverrides.TryGetValue(rule.Id, out var severity) ? severity : rule.DefaultSeverity;
    }
}
