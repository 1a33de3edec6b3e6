namespace Pipelines.Dockerfile;

/// <summary>What every rule needs: the document, the options and the roles of the stages.</summary>
internal sealed class LintContext
{
    public LintContext(DockerfileDocument document, LintOptions options)
    {
        Document = document;
        Options = options;
        Production = (options.ProductionStage is { } p ? document.FindStage(p) : null) ?? document.FinalStage;
        Test = options.TestStage is { } t ? document.FindStage(t) : null;
        FinalImage = Chain(Production).Select(s => s.Index).ToHashSet();
    }

    private readonly Dictionary<RunInstruction, List<(List<string> Words, bool PipedToNext)>> _pipelines = [];
    private readonly Dictionary<RunInstruction, List<List<string>>> _programs = [];

    public DockerfileDocument Document { get; }

    /// <summary>The simple commands of a RUN script (parsed once per lint run).</summary>
    public List<(List<string> Words, bool PipedToNext)> Pipeline(RunInstruction run)
    {
        if (!_pipelines.TryGetValue(run, out var pipeline))
        {
            pipeline = ShellScript.Pipeline(run.Script);
            _pipelines[run] = pipeline;
        }

        return pipeline;
    }

    /// <summary>The programs (assignments and sudo/env wrappers removed) of a RUN script's commands, empty ones dropped.</summary>
    public List<List<string>> Programs(RunInstruction run)
    {
        if (!_programs.TryGetValue(run, out var programs))
        {
            var pipeline = Pipeline(run);
            programs = new List<List<string>>(pipeline.Count);
            foreach (var (words, _) in pipeline)
            {
                var program = ShellScript.Program(words);
                if (program.Count > 0)
                {
                    programs.Add(program);
                }
            }

            _programs[run] = programs;
        }

        return programs;
    }

    public LintOptions Options { get; }

    /// <summary>The stage shipped as the image.</summary>
    public DockerfileStage Production { get; }

    public DockerfileStage? Test { get; }

    /// <summary>The production stage and the stages it is based on (whose layers end up in the image).</summary>
    public HashSet<int> FinalImage { get; }

    public IReadOnlyList<DockerfileStage> Stages => Document.Stages;

    /// <summary>The stage followed by its base stages, nearest first.</summary>
    public IEnumerable<DockerfileStage> Chain(DockerfileStage stage)
    {
        var current = stage;
        while (true)
        {
            yield return current;
            if (current.BaseStageIndex is not { } b)
            {
                yield break;
            }

            current = Stages[b];
        }
    }

    /// <summary>The image the chain of a stage starts from (resolved), or "scratch".</summary>
    public string RootImage(DockerfileStage stage) => Chain(stage).Last() is var root && root.BaseKind == StageBaseKind.Scratch ? "scratch" : Chain(stage).Last().ResolvedBaseImage;

    /// <summary>The last instruction with a keyword in the stage or its base stages.</summary>
    public DockerfileInstruction? Inherited(DockerfileStage stage, string keyword)
        => Chain(stage).Select(s => s.WithKeyword(keyword).LastOrDefault()).FirstOrDefault(i => i is not null);

    /// <summary><c>true</c> when the image is scratch or a static distroless image.</summary>
    public bool IsStatic(DockerfileStage stage)
    {
        var root = RootImage(stage);
        return root == "scratch" || root.Contains("distroless/static", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Stages that other stages copy from or mount (the builder stages).</summary>
    public bool IsUsedBy(DockerfileStage stage, StageEdgeKind kind)
        => Document.Graph.Edges.Any(e => e.TargetStageIndex == stage.Index && e.Kind == kind);
}
