namespace Pipelines;

/// <summary>GitHub Actions (<c>GITHUB_ACTIONS=true</c>): each target's log is a collapsible <c>::group::</c>; colours are kept (the log viewer renders ANSI).</summary>
public class GitHubActionsHost : Host
{
    /// <inheritdoc />
    public override string Name => "GitHubActions";

    /// <inheritdoc />
    public override bool IsContinuousIntegration => true;

    /// <inheritdoc />
    public override bool SupportsColors => true;

    /// <inheritdoc />
    public override void BeginGroup(TextWriter output, string targetName)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"::group::{targetName}");
    }

    /// <inheritdoc />
    public override void EndGroup(TextWriter output, string targetName)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("::endgroup::");
    }
}
