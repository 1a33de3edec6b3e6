namespace Pipelines.Dockerfile;

/// <summary>
/// How the stages of a Dockerfile use each other: FROM, <c>COPY --from</c> and <c>RUN --mount from=</c> edges,
/// external images, the stages a target needs, independent and unused stages, and reference errors.
/// </summary>
public sealed class StageGraph
{
    private readonly List<int>[] _dependencies;

    internal StageGraph(IReadOnlyList<DockerfileStage> stages, IReadOnlyList<StageEdge> edges, IReadOnlyList<StageGraphError> errors)
    {
        Stages = stages;
        Edges = edges;
        Errors = errors;
        _dependencies = stages.Select(_ => new List<int>()).ToArray();
        foreach (var edge in edges)
        {
            if (edge.TargetStageIndex is { } target && !_dependencies[edge.StageIndex].Contains(target))
            {
                _dependencies[edge.StageIndex].Add(target);
            }
        }
    }

    /// <summary>The stages in file order.</summary>
    public IReadOnlyList<DockerfileStage> Stages { get; }

    /// <summary>Every reference from a stage to a stage or an external image.</summary>
    public IReadOnlyList<StageEdge> Edges { get; }

    /// <summary>Forward, self and unknown stage references; empty for a well-formed file.</summary>
    public IReadOnlyList<StageGraphError> Errors { get; }

    /// <summary>The final stage (built when no target is given).</summary>
    public DockerfileStage FinalStage => Stages[^1];

    /// <summary>External images referenced by FROM, <c>COPY --from</c> or mounts (expanded, distinct, scratch excluded).</summary>
    public IReadOnlyList<string> ExternalImages => Edges.Where(e => e.ExternalImage is not null).Select(e => e.ExternalImage!).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The stage with this name (case-insensitive) or index, or <c>null</c>.</summary>
    public DockerfileStage? Find(string nameOrIndex)
    {
        var byName = Stages.LastOrDefault(s => string.Equals(s.Name, nameOrIndex, StringComparison.OrdinalIgnoreCase));
        if (byName is not null)
        {
            return byName;
        }

        return int.TryParse(nameOrIndex, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < Stages.Count
            ? Stages[index]
            : null;
    }

    /// <summary>The stages a stage uses directly (its base stage, <c>COPY --from</c> and mount sources), in file order.</summary>
    public IReadOnlyList<DockerfileStage> DependenciesOf(DockerfileStage stage)
        => _dependencies[stage.Index].Order().Select(i => Stages[i]).ToList();

    /// <summary>The stages that use a stage directly.</summary>
    public IReadOnlyList<DockerfileStage> DependentsOf(DockerfileStage stage)
        => Stages.Where(s => _dependencies[s.Index].Contains(stage.Index)).ToList();

    /// <summary>The stages BuildKit builds for <paramref name="target"/> (name or index), including itself, in file order.</summary>
    /// <exception cref="UnknownStageException">No stage has that name.</exception>
    public IReadOnlyList<DockerfileStage> StagesNeededFor(string target)
    {
        var stage = Find(target) ?? throw UnknownStage(target, "Dockerfile");
        return StagesNeededFor(stage);
    }

    /// <summary>The stages BuildKit builds for <paramref name="target"/>, including itself, in file order.</summary>
    public IReadOnlyList<DockerfileStage> StagesNeededFor(DockerfileStage target)
    {
        var seen = new HashSet<int>();
        var pending = new Stack<int>();
        pending.Push(target.Index);
        while (pending.Count > 0)
        {
            var index = pending.Pop();
            if (!seen.Add(index))
            {
                continue;
            }

            foreach (var dependency in _dependencies[index])
            {
                pending.Push(dependency);
            }
        }

        return seen.Order().Select(i => Stages[i]).ToList();
    }

    /// <summary><c>true</c> when neither stage needs the other, so BuildKit can build them in parallel.</summary>
    public bool AreIndependent(DockerfileStage a, DockerfileStage b)
        => a.Index != b.Index && !StagesNeededFor(a).Contains(b) && !StagesNeededFor(b).Contains(a);

    /// <summary>Stages needed neither by the final stage nor by any of <paramref name="targets"/> (names or indexes); unknown targets are ignored.</summary>
    public IReadOnlyList<DockerfileStage> UnusedStages(params IEnumerable<string> targets)
    {
        var used = new HashSet<int>(StagesNeededFor(FinalStage).Select(s => s.Index));
        foreach (var target in targets)
        {
            if (Find(target) is { } stage)
            {
                used.UnionWith(StagesNeededFor(stage).Select(s => s.Index));
            }
        }

        return Stages.Where(s => !used.Contains(s.Index)).ToList();
    }

    /// <summary>Groups of stages that can be built at the same time: each level needs only stages of earlier levels.</summary>
    public IReadOnlyList<IReadOnlyList<DockerfileStage>> Levels()
    {
        var level = new int[Stages.Count];
        for (var i = 0; i < Stages.Count; i++)
        {
            level[i] = _dependencies[i].Where(d => d < i).Select(d => level[d] + 1).DefaultIfEmpty(0).Max();
        }

        return Enumerable.Range(0, level.DefaultIfEmpty(-1).Max() + 1)
            .Select(l => (IReadOnlyList<DockerfileStage>)Stages.Where(s => level[s.Index] == l).ToList())
            .ToList();
    }

    internal UnknownStageException UnknownStage(string target, string path)
    {
        var names = Stages.Where(s => s.Name is not null).Select(s => s.Name!).ToList();
        return new UnknownStageException(path, target, names, Pipelines.Engine.Text.DidYouMean(target, names));
    }
}
