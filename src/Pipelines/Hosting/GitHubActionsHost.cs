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

    /// <inheritdoc />
    public override void WriteTargetFailure(TextWriter output, string targetName, string message)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(message);
        output.WriteLine($"::error title=Target {Escape(targetName)} failed::{Escape(message)}");
    }

    /// <summary>Workflow-command escaping of data: <c>%</c>, CR and LF.</summary>
    private static string Escape(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);
}
