namespace Pipelines.Dockerfile;

/// <summary>
/// A parsed Dockerfile: directives, instructions, stages and their graph. Read it before a build to validate the
/// target (<see cref="ValidateTarget"/>), explain what will be built, and lint it.
/// </summary>
public sealed class DockerfileDocument
{
    private DockerfileDocument(string path, string text, ParsedDockerfile parsed, DockerfileParseOptions options)
    {
        Path = path;
        Text = text;
        Options = options;
        Directives = parsed.Directives;
        Instructions = parsed.Instructions;
        Comments = parsed.Comments;
        var built = StageGraphBuilder.Build(parsed, options);
        GlobalArgs = built.GlobalArgs;
        Stages = built.Graph.Stages;
        Graph = built.Graph;
    }

    /// <summary>Reads and parses a Dockerfile.</summary>
    /// <exception cref="DockerfileParseException">The file is not a valid Dockerfile (with file:line:col).</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static DockerfileDocument Load(string path, DockerfileParseOptions? options = null)
        => Parse(File.ReadAllText(path), path, options);

    /// <summary>Parses Dockerfile text; <paramref name="path"/> is used in locations and messages.</summary>
    /// <exception cref="DockerfileParseException">The text is not a valid Dockerfile (with file:line:col).</exception>
    public static DockerfileDocument Parse(string text, string path = "Dockerfile", DockerfileParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= DockerfileParseOptions.Default;
        return new DockerfileDocument(path, text, DockerfileParser.Parse(text, path), options);
    }

    /// <summary>The path given to <see cref="Load"/> or <see cref="Parse"/>.</summary>
    public string Path { get; }

    /// <summary>The source text.</summary>
    public string Text { get; }

    /// <summary>The options used to expand variables.</summary>
    public DockerfileParseOptions Options { get; }

    /// <summary>The parser directives (syntax, escape, check).</summary>
    public ParserDirectives Directives { get; }

    /// <summary>Every instruction in file order, global ARGs included.</summary>
    public IReadOnlyList<DockerfileInstruction> Instructions { get; }

    /// <summary>Comment lines outside instructions.</summary>
    public IReadOnlyList<DockerfileComment> Comments { get; }

    /// <summary>ARGs declared before the first FROM, usable in FROM lines.</summary>
    public IReadOnlyList<KeyValue> GlobalArgs { get; }

    /// <summary>The stages in file order.</summary>
    public IReadOnlyList<DockerfileStage> Stages { get; }

    /// <summary>The stage graph.</summary>
    public StageGraph Graph { get; }

    /// <summary>The final stage (what <c>docker build</c> produces without <c>--target</c>).</summary>
    public DockerfileStage FinalStage => Stages[^1];

    /// <summary>Every ARG declared anywhere (global or in a stage), distinct by name, in order of first declaration.</summary>
    public IReadOnlyList<KeyValue> DeclaredArgs
        => Instructions.OfType<ArgInstruction>().SelectMany(a => a.Declarations).DistinctBy(d => d.Name, StringComparer.Ordinal).ToList();

    /// <summary>The stage with this name (case-insensitive) or index, or <c>null</c>.</summary>
    public DockerfileStage? FindStage(string nameOrIndex) => Graph.Find(nameOrIndex);

    /// <summary>
    /// Returns the stage <c>--target</c> would build, or throws listing the stages and the closest name.
    /// An empty target means the final stage.
    /// </summary>
    /// <exception cref="UnknownStageException">No stage has that name.</exception>
    public DockerfileStage ValidateTarget(string target)
    {
        if (string.IsNullOrEmpty(target))
        {
            return FinalStage;
        }

        return Stages.LastOrDefault(s => string.Equals(s.Name, target, StringComparison.OrdinalIgnoreCase))
            ?? throw Graph.UnknownStage(target, Path);
    }

    /// <summary>The stages BuildKit builds for a target (name; empty for the final stage), in file order.</summary>
    /// <exception cref="UnknownStageException">No stage has that name.</exception>
    public IReadOnlyList<DockerfileStage> StagesNeededFor(string target) => Graph.StagesNeededFor(ValidateTarget(target));
}
