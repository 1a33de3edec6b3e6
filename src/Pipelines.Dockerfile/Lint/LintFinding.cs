namespace Pipelines.Dockerfile;

/// <summary>One problem found by a lint rule.</summary>
/// <param name="RuleId">The rule id, e.g. <c>PL003</c>.</param>
/// <param name="RuleName">The rule name, e.g. <c>UnpinnedBaseImage</c>.</param>
/// <param name="Severity">The effective severity (after configuration).</param>
/// <param name="Message">What is wrong here.</param>
/// <param name="FixHint">How to fix it.</param>
/// <param name="Location">Where.</param>
public sealed record LintFinding(string RuleId, string RuleName, LintSeverity Severity, string Message, string FixHint, SourceLocation Location);
