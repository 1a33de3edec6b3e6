namespace Pipelines;

/// <summary>A developer's terminal: colours and a rendered summary table (plain text anyway when output is redirected).</summary>
public class TerminalHost : Host
{
    /// <inheritdoc />
    public override string Name => "Terminal";

    /// <inheritdoc />
    public override bool IsContinuousIntegration => false;
}
