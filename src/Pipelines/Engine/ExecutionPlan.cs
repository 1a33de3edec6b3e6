using Pipelines.Output;

namespace Pipelines.Engine;

/// <summary>Which targets run, in which order, and which are skipped before the build starts.</summary>
internal sealed class ExecutionPlan
{
    private ExecutionPlan(List<TargetInfo> order, HashSet<TargetInfo> invoked, Dictionary<TargetInfo, string> skipped)
    {
        Order = order;
        Invoked = invoked;
        Skipped = skipped;
    }

    /// <summary>Every target in the build, topologically sorted (dependencies, After/Before and triggers honoured).</summary>
    public List<TargetInfo> Order { get; }

    public HashSet<TargetInfo> Invoked { get; }

    /// <summary>Targets skipped before the build starts, with the reason.</summary>
    public Dictionary<TargetInfo, string> Skipped { get; }

    public bool Contains(TargetInfo target) => Order.Contains(target);

    /// <summary>Resolves target names (case-insensitive, did-you-mean on error) to targets.</summary>
    public static List<TargetInfo> ResolveNames(BuildModel model, IEnumerable<string> names)
    {
        var result = new List<TargetInfo>();
        foreach (var name in names)
        {
            var target = model.Find(name) ?? throw new InvalidCommandLineException(
                $"Unknown target '{name}'.{Text.Suggestion(name, model.Targets.Select(t => t.Name))} Targets: {string.Join(", ", model.Targets.Where(t => !t.Definition.IsUnlisted).Select(t => t.Name))}.");
            if (!result.Contains(target))
            {
                result.Add(target);
            }
        }

        return result;
    }

    /// <summary>Builds the plan; <paramref name="skip"/> null = no <c>--skip</c>, empty = skip every target that was not invoked. Static conditions are evaluated here.</summary>
    public static ExecutionPlan Create(BuildModel model, IReadOnlyList<TargetInfo> invoked, IReadOnlyList<TargetInfo>? skip)
    {
        var included = new HashSet<TargetInfo>();
        void Include(TargetInfo target)
        {
            if (!included.Add(target))
            {
                return;
            }

            foreach (var dependency in target.Dependencies)
            {
                Include(dependency);
            }

            foreach (var triggered in target.Triggers)
            {
                Include(triggered);
            }
        }

        foreach (var target in invoked)
        {
            Include(target);
        }

        // depth-first post-order over predecessors: invoked targets first, then the rest in declaration order
        var order = new List<TargetInfo>();
        var visited = new HashSet<TargetInfo>();
        void Visit(TargetInfo target)
        {
            if (!visited.Add(target))
            {
                return;
            }

            foreach (var predecessor in target.Predecessors.Where(included.Contains))
            {
                Visit(predecessor);
            }

            order.Add(target);
        }

        foreach (var target in invoked.Concat(model.Targets.Where(included.Contains)))
        {
            Visit(target);
        }

        var invokedSet = invoked.ToHashSet();
        var skipped = new Dictionary<TargetInfo, string>();
        if (skip is not null)
        {
            foreach (var target in skip.Count == 0 ? order.Where(t => !invokedSet.Contains(t)) : skip.Where(included.Contains))
            {
                skipped[target] = "--skip";
            }
        }

        foreach (var target in order.Where(t => !skipped.ContainsKey(t)))
        {
            foreach (var condition in target.Definition.StaticConditions)
            {
                bool holds;
                try
                {
                    holds = condition.Predicate();
                }
                catch (Exception exception) when (exception is not PipelinesException)
                {
                    throw new InvalidTargetGraphException($"The OnlyWhenStatic condition '{condition.Text}' of target '{target.Name}' threw {exception.GetType().Name}: {SecretMasker.Redact(exception.Message)}");
                }

                if (!holds)
                {
                    skipped[target] = $"condition false: {condition.Text}";
                    break;
                }
            }
        }

        // WhenSkipped(DependencyBehavior.Skip): drop dependencies that only skipped targets need
        bool changed;
        do
        {
            changed = false;
            foreach (var target in order.Where(t => skipped.ContainsKey(t) && t.Definition.SkippedDependencyBehavior == DependencyBehavior.Skip).ToList())
            {
                foreach (var dependency in target.Dependencies)
                {
                    if (skipped.ContainsKey(dependency) || invokedSet.Contains(dependency))
                    {
                        continue;
                    }

                    var neededByRunning = order.Any(t => !skipped.ContainsKey(t) && (t.Dependencies.Contains(dependency) || t.Triggers.Contains(dependency)));
                    if (!neededByRunning)
                    {
                        skipped[dependency] = $"only needed by skipped {target.Name}";
                        changed = true;
                    }
                }
            }
        }
        while (changed);

        return new ExecutionPlan(order, invokedSet, skipped);
    }
}
