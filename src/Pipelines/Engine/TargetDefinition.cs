using System.Linq.Expressions;

namespace Pipelines.Engine;

/// <summary>A reference to another target, or why it could not be made.</summary>
internal readonly record struct TargetReference(Target? Target, string? Error);

internal sealed record Condition(Func<bool> Predicate, string Text);

internal sealed class TargetDefinition(IPipelineBuild build) : ITargetDefinition
{
    public string? DescriptionText { get; private set; }

    public List<TargetReference> DependsOnTargets { get; } = [];

    public List<TargetReference> DependentForTargets { get; } = [];

    public List<TargetReference> BeforeTargets { get; } = [];

    public List<TargetReference> AfterTargets { get; } = [];

    public List<TargetReference> TriggersTargets { get; } = [];

    public List<TargetReference> TriggeredByTargets { get; } = [];

    public List<Condition> StaticConditions { get; } = [];

    public List<Condition> DynamicConditions { get; } = [];

    public List<Expression<Func<object?>>> Requirements { get; } = [];

    public bool IsProceedAfterFailure { get; private set; }

    public bool IsAssuredAfterFailure { get; private set; }

    public bool IsUnlisted { get; private set; }

    public DependencyBehavior SkippedDependencyBehavior { get; private set; } = DependencyBehavior.Execute;

    public List<Func<CancellationToken, Task>> Actions { get; } = [];

    public ITargetDefinition Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    public ITargetDefinition DependsOn(params Target[] targets) => Add(DependsOnTargets, targets);

    public ITargetDefinition DependsOn<TComponent>(params Func<TComponent, Target>[] targets)
        where TComponent : IPipelineBuild => Add(DependsOnTargets, targets);

    public ITargetDefinition DependentFor(params Target[] targets) => Add(DependentForTargets, targets);

    public ITargetDefinition DependentFor<TComponent>(params Func<TComponent, Target>[] targets)
        where TComponent : IPipelineBuild => Add(DependentForTargets, targets);

    public ITargetDefinition Before(params Target[] targets) => Add(BeforeTargets, targets);

    public ITargetDefinition Before<TComponent>(params Func<TComponent, Target>[] targets)
        where TComponent : IPipelineBuild => Add(BeforeTargets, targets);

    public ITargetDefinition After(params Target[] targets) => Add(AfterTargets, targets);

    public ITargetDefinition After<TComponent>(params Func<TComponent, Target>[] targets)
        where TComponent : IPipelineBuild => Add(AfterTargets, targets);

    public ITargetDefinition Triggers(params Target[] targets) => Add(TriggersTargets, targets);

    public ITargetDefinition Triggers<TComponent>(params Func<TComponent, Target>[] targets)
        where TComponent : IPipelineBuild => Add(TriggersTargets, targets);

    public ITargetDefinition TriggeredBy(params Target[] targets) => Add(TriggeredByTargets, targets);

    public ITargetDefinition TriggeredBy<TComponent>(params Func<TComponent, Target>[] targets)
        where TComponent : IPipelineBuild => Add(TriggeredByTargets, targets);

    public ITargetDefinition OnlyWhenStatic(Func<bool> condition, string? conditionText = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        StaticConditions.Add(new Condition(condition, conditionText ?? "condition"));
        return this;
    }

    public ITargetDefinition OnlyWhenDynamic(Func<bool> condition, string? conditionText = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        DynamicConditions.Add(new Condition(condition, conditionText ?? "condition"));
        return this;
    }

    public ITargetDefinition Requires(params Expression<Func<object?>>[] parameters)
    {
        Requirements.AddRange(parameters);
        return this;
    }

    public ITargetDefinition ProceedAfterFailure()
    {
        IsProceedAfterFailure = true;
        return this;
    }

    public ITargetDefinition AssuredAfterFailure()
    {
        IsAssuredAfterFailure = true;
        return this;
    }

    public ITargetDefinition Unlisted()
    {
        IsUnlisted = true;
        return this;
    }

    public ITargetDefinition WhenSkipped(DependencyBehavior dependencyBehavior)
    {
        SkippedDependencyBehavior = dependencyBehavior;
        return this;
    }

    public ITargetDefinition Executes(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Actions.Add(_ =>
        {
            action();
            return Task.CompletedTask;
        });
        return this;
    }

    public ITargetDefinition Executes(Action<CancellationToken> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Actions.Add(token =>
        {
            action(token);
            return Task.CompletedTask;
        });
        return this;
    }

    public ITargetDefinition Executes(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Actions.Add(_ => action());
        return this;
    }

    public ITargetDefinition Executes(Func<CancellationToken, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Actions.Add(action);
        return this;
    }

    private TargetDefinition Add(List<TargetReference> list, Target[] targets)
    {
        list.AddRange(targets.Select(target => new TargetReference(target, target is null ? "a null target" : null)));
        return this;
    }

    private TargetDefinition Add<TComponent>(List<TargetReference> list, Func<TComponent, Target>[] targets)
    {
        foreach (var select in targets)
        {
            list.Add(build is TComponent component
                ? new TargetReference(select(component), null)
                : new TargetReference(null, $"a target of {typeof(TComponent).Name}, which {build.GetType().Name} does not implement"));
        }

        return this;
    }
}
