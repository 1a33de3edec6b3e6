namespace Pipelines;

/// <summary>What happens to a target's dependencies when the target itself is skipped before the build starts.</summary>
public enum DependencyBehavior
{
    /// <summary>Dependencies still run (the default).</summary>
    Execute,

    /// <summary>Dependencies that no other running target needs are skipped as well.</summary>
    Skip,
}
