namespace Pipelines.Dockerfile;

/// <summary>The description of one lint rule.</summary>
/// <param name="Id">Stable id, e.g. <c>PL001</c>; used for suppression and configuration.</param>
/// <param name="Name">PascalCase name, e.g. <c>FinalStageRunsAsRoot</c>.</param>
/// <param name="DefaultSeverity">Severity unless configured otherwise.</param>
/// <param name="Description">One line saying why the rule exists.</param>
/// <param name="FixHint">How to fix a finding.</param>
public sealed record LintRule(string Id, string Name, LintSeverity DefaultSeverity, string Description, string FixHint);
