namespace Pipelines.Dockerfile;

/// <summary>A rule description with the function that checks it.</summary>
internal sealed record RuleCheck(LintRule Rule, Func<LintContext, IEnumerable<RuleHit>> Check);
