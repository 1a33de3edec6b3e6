namespace Pipelines.Engine;

/// <summary>A discovered target with its definition evaluated and its references resolved.</summary>
internal sealed class TargetInfo(string name, Type declaringType, TargetDefinition definition)
{
    public string Name { get; } = name;

    public Type DeclaringType { get; } = declaringType;

    public TargetDefinition Definition { get; } = definition;

    /// <summary>Must succeed before this target runs (DependsOn, and reverse DependentFor).</summary>
    public List<TargetInfo> Dependencies { get; } = [];

    /// <summary>Ordering-only predecessors (After, reverse Before, the targets that trigger this one).</summary>
    public List<TargetInfo> RunsAfter { get; } = [];

    /// <summary>Targets added to the build after this one (Triggers, reverse TriggeredBy).</summary>
    public List<TargetInfo> Triggers { get; } = [];

    public IEnumerable<TargetInfo> Predecessors => Dependencies.Concat(RunsAfter).Distinct();

    public override string ToString() => Name;
}
