namespace Pipelines;

/// <summary>A build server detected by <c>CI=true</c>: no colours, plain-text summary.</summary>
public class ContinuousIntegrationHost : Host
{
    /// <inheritdoc />
    public override string Name => "CI";

    /// <inheritdoc />
    public override bool IsContinuousIntegration => true;
}
