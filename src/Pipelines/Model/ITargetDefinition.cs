using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Pipelines;

/// <summary>Fluent description of a target: its relations, conditions and actions. Every method returns the same definition.</summary>
public interface ITargetDefinition
{
    /// <summary>Text shown by <c>--help</c> and <c>--plan</c>.</summary>
    ITargetDefinition Description(string description);

    /// <summary>These targets run (and must succeed) before this one; they join the build when this target runs.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>Like <see cref="DependsOn(Target[])"/> for targets declared by the component interface <typeparamref name="TComponent"/>: <c>DependsOn&lt;ITest&gt;(x =&gt; x.Test)</c>.</summary>
    ITargetDefinition DependsOn<TComponent>(params Func<TComponent, Target>[] targets)
        where TComponent : IPipelineBuild;

    /// <summary>The reverse of <see cref="DependsOn(Target[])"/>: the given targets depend on this one.</summary>
    ITargetDefinition DependentFor(params Target[] targets);

    /// <inheritdoc cref="DependentFor(Target[])"/>
    ITargetDefinition DependentFor<TComponent>(params Func<TComponent, Target>[] targets)
        where TComponent : IPipelineBuild;

    /// <summary>Ordering only: when both run, this target runs before the given ones (does not add them to the build).</summary>
    ITargetDefinition Before(params Target[] targets);

    /// <inheritdoc cref="Before(Target[])"/>
    ITargetDefinition Before<TComponent>(params Func<TComponent, Target>[] targets)
        where TComponent : IPipelineBuild;

    /// <summary>Ordering only: when both run, this target runs after the given ones (does not add them to the build).</summary>
    ITargetDefinition After(params Target[] targets);

    /// <inheritdoc cref="After(Target[])"/>
    ITargetDefinition After<TComponent>(params Func<TComponent, Target>[] targets)
        where TComponent : IPipelineBuild;

    /// <summary>When this target runs, the given targets are added to the build and run after it.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    /// <inheritdoc cref="Triggers(Target[])"/>
    ITargetDefinition Triggers<TComponent>(params Func<TComponent, Target>[] targets)
        where TComponent : IPipelineBuild;

    /// <summary>The reverse of <see cref="Triggers(Target[])"/>: when one of the given targets runs, this one runs after it.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);

    /// <inheritdoc cref="TriggeredBy(Target[])"/>
    ITargetDefinition TriggeredBy<TComponent>(params Func<TComponent, Target>[] targets)
        where TComponent : IPipelineBuild;

    /// <summary>Evaluated once before any target runs; when false the target is skipped (see <see cref="WhenSkipped"/>). May be called several times (all must hold).</summary>
    ITargetDefinition OnlyWhenStatic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? conditionText = null);

    /// <summary>Evaluated right before the target would run; when false the target is skipped. May be called several times (all must hold).</summary>
    ITargetDefinition OnlyWhenDynamic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? conditionText = null);

    /// <summary>Parameters that must have a value (not null, not blank) when this target is part of the build: <c>Requires(() =&gt; Registry)</c>. Checked before any target runs.</summary>
    ITargetDefinition Requires(params Expression<Func<object?>>[] parameters);

    /// <summary>When this target fails the build still goes on with targets that do not depend on it (the build still fails).</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>This target runs even when an earlier target (or one of its dependencies) failed, e.g. for clean-up or reports.</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>Hides the target from <c>--help</c>; it can still be invoked.</summary>
    ITargetDefinition Unlisted();

    /// <summary>What happens to dependencies when this target is skipped by <see cref="OnlyWhenStatic"/> or <c>--skip</c>; default <see cref="DependencyBehavior.Execute"/>.</summary>
    ITargetDefinition WhenSkipped(DependencyBehavior dependencyBehavior);

    /// <summary>Adds an action; several actions run in the order they were added.</summary>
    ITargetDefinition Executes(Action action);

    /// <summary>Adds an action that receives the build's cancellation token (cancelled by Ctrl+C / SIGTERM).</summary>
    ITargetDefinition Executes(Action<CancellationToken> action);

    /// <summary>Adds an asynchronous action.</summary>
    ITargetDefinition Executes(Func<Task> action);

    /// <summary>Adds an asynchronous action that receives the build's cancellation token (cancelled by Ctrl+C / SIGTERM).</summary>
    ITargetDefinition Executes(Func<CancellationToken, Task> action);
}
