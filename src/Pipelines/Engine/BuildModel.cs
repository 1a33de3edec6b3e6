using System.Reflection;

namespace Pipelines.Engine;

/// <summary>The targets of a build: discovered by reflection over the build class and its component interfaces, definitions evaluated, references resolved and the graph checked for cycles.</summary>
internal sealed class BuildModel
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private BuildModel(IReadOnlyList<TargetInfo> targets) => Targets = targets;

    /// <summary>All targets in declaration order (base class first, then the class, then component interfaces).</summary>
    public IReadOnlyList<TargetInfo> Targets { get; }

    public TargetInfo? Find(string name) => Targets.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    public static BuildModel Create(IPipelineBuild build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var declared = Discover(build.GetType());
        var factories = new List<(string Name, Type DeclaringType, Target Factory)>(declared.Count);
        var byMethod = new Dictionary<MethodInfo, string>();
        foreach (var (name, property) in declared)
        {
            if (property.GetValue(build) is not Target factory)
            {
                throw new InvalidTargetGraphException($"Target '{name}' ({property.DeclaringType?.Name}.{property.Name}) returned null.");
            }

            factories.Add((name, property.DeclaringType!, factory));
            byMethod.TryAdd(factory.Method, name);
        }

        var targets = new List<TargetInfo>(factories.Count);
        foreach (var (name, declaringType, factory) in factories)
        {
            var definition = new TargetDefinition(build);
            try
            {
                factory(definition);
            }
            catch (Exception exception) when (exception is not PipelinesException)
            {
                throw new InvalidTargetGraphException($"The definition of target '{name}' threw {exception.GetType().Name}: {exception.Message}");
            }

            targets.Add(new TargetInfo(name, declaringType, definition));
        }

        var byName = targets.ToDictionary(t => t.Name, StringComparer.Ordinal);
        TargetInfo Resolve(TargetReference reference, TargetInfo owner, string relation)
        {
            if (reference.Target is { } target && byMethod.TryGetValue(target.Method, out var name))
            {
                return byName[name];
            }

            var what = reference.Error ?? $"'{NameOf(reference.Target!)}' (a Target that is not a property of the build or of one of its components)";
            throw new InvalidTargetGraphException($"Missing dependency: {what}, required by {owner.Name} ({relation}).");
        }

        foreach (var target in targets)
        {
            var definition = target.Definition;
            foreach (var reference in definition.DependsOnTargets)
            {
                AddOnce(target.Dependencies, Resolve(reference, target, "DependsOn"));
            }

            foreach (var reference in definition.DependentForTargets)
            {
                AddOnce(Resolve(reference, target, "DependentFor").Dependencies, target);
            }

            foreach (var reference in definition.AfterTargets)
            {
                AddOnce(target.RunsAfter, Resolve(reference, target, "After"));
            }

            foreach (var reference in definition.BeforeTargets)
            {
                AddOnce(Resolve(reference, target, "Before").RunsAfter, target);
            }

            foreach (var reference in definition.TriggersTargets)
            {
                var triggered = Resolve(reference, target, "Triggers");
                AddOnce(target.Triggers, triggered);
                AddOnce(triggered.RunsAfter, target);
            }

            foreach (var reference in definition.TriggeredByTargets)
            {
                var source = Resolve(reference, target, "TriggeredBy");
                AddOnce(source.Triggers, target);
                AddOnce(target.RunsAfter, source);
            }
        }

        CheckForCycles(targets);
        return new BuildModel(targets);
    }

    /// <summary>Target properties: the class hierarchy (base first), then component interfaces; names are unique.</summary>
    internal static List<(string Name, PropertyInfo Property)> Discover(Type buildType)
    {
        var result = new List<(string, PropertyInfo)>();
        var names = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        var hierarchy = new List<Type>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            hierarchy.Insert(0, type);
        }

        foreach (var type in hierarchy)
        {
            foreach (var property in type.GetProperties(Members))
            {
                if (IsTarget(property) && !names.ContainsKey(property.Name))
                {
                    names[property.Name] = type;
                    result.Add((property.Name, property));
                }
            }
        }

        // Interfaces: invoking the interface property dispatches to the build's implementation, so explicit overrides win.
        var interfaces = buildType.GetInterfaces();
        foreach (var @interface in interfaces)
        {
            foreach (var property in @interface.GetProperties(Members))
            {
                if (!IsTarget(property))
                {
                    continue;
                }

                if (names.TryGetValue(property.Name, out var owner))
                {
                    if (owner.IsInterface && owner != @interface && !owner.IsAssignableFrom(@interface) && !@interface.IsAssignableFrom(owner))
                    {
                        throw new InvalidTargetGraphException(
                            $"Target '{property.Name}' is declared by both {owner.Name} and {@interface.Name}; rename one of them.");
                    }

                    if (!owner.IsInterface && !ImplementedByClass(buildType, @interface, property))
                    {
                        throw new InvalidTargetGraphException(
                            $"Target '{property.Name}' of {owner.Name} hides {@interface.Name}.{property.Name}; override it explicitly " +
                            $"(Target {@interface.Name}.{property.Name} => ...) or rename it.");
                    }

                    continue;
                }

                names[property.Name] = @interface;
                result.Add((property.Name, property));
            }
        }

        return result;
    }

    /// <summary>True when the class (not the interface's default member) provides the getter of <paramref name="property"/>.</summary>
    private static bool ImplementedByClass(Type buildType, Type @interface, PropertyInfo property)
    {
        var map = buildType.GetInterfaceMap(@interface);
        var index = Array.IndexOf(map.InterfaceMethods, property.GetMethod);
        return index >= 0 && map.TargetMethods[index] is { DeclaringType.IsInterface: false };
    }

    private static bool IsTarget(PropertyInfo property) =>
        property.PropertyType == typeof(Target) && !property.Name.Contains('.', StringComparison.Ordinal) &&
        property.GetIndexParameters().Length == 0 && property.GetMethod is not null;

    private static void CheckForCycles(List<TargetInfo> targets)
    {
        var state = new Dictionary<TargetInfo, int>(); // 1 = on the stack, 2 = done
        var stack = new List<TargetInfo>();

        void Visit(TargetInfo target)
        {
            state[target] = 1;
            stack.Add(target);
            foreach (var predecessor in target.Predecessors)
            {
                if (!state.TryGetValue(predecessor, out var s))
                {
                    Visit(predecessor);
                }
                else if (s == 1)
                {
                    var start = stack.IndexOf(predecessor);
                    var cycle = stack.Skip(start).Select(t => t.Name).Append(predecessor.Name);
                    throw new InvalidTargetGraphException($"Circular dependency: {string.Join(" -> ", cycle)}");
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[target] = 2;
        }

        foreach (var target in targets)
        {
            if (!state.ContainsKey(target))
            {
                Visit(target);
            }
        }
    }

    private static void AddOnce(List<TargetInfo> list, TargetInfo target)
    {
        if (!list.Contains(target))
        {
            list.Add(target);
        }
    }

    /// <summary>Recovers the property name from a compiler-generated lambda name like <c>&lt;get_Compile&gt;b__0_0</c>.</summary>
    private static string NameOf(Target target)
    {
        var name = target.Method.Name;
        var start = name.IndexOf("<get_", StringComparison.Ordinal);
        var end = name.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start + 5 ? name[(start + 5)..end] : name;
    }
}
