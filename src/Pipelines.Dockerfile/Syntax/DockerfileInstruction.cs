namespace Pipelines.Dockerfile;

/// <summary>
/// One instruction of a Dockerfile (after joining continuation lines). Instructions with structure have
/// derived types (<see cref="FromInstruction"/>, <see cref="RunInstruction"/>, <see cref="CopyInstruction"/>,
/// <see cref="ArgInstruction"/>, <see cref="KeyValueInstruction"/>); the rest use this type.
/// </summary>
public class DockerfileInstruction
{
    private readonly Lazy<IReadOnlyList<string>> _words;

    internal DockerfileInstruction(InstructionParts parts)
    {
        Keyword = parts.Keyword;
        Location = parts.Location;
        EndLine = parts.EndLine;
        Flags = parts.Flags;
        Arguments = parts.Arguments;
        ArgumentsLocation = parts.ArgumentsLocation;
        IsJsonForm = parts.IsJsonForm;
        _words = parts.Words;
        Heredocs = parts.Heredocs;
        StageIndex = parts.StageIndex;
    }

    /// <summary>The instruction keyword, upper-case (<c>RUN</c>, <c>COPY</c>, …).</summary>
    public string Keyword { get; }

    /// <summary>Where the keyword starts.</summary>
    public SourceLocation Location { get; }

    /// <summary>The last physical line of the instruction, including continuation lines and heredoc bodies.</summary>
    public int EndLine { get; }

    /// <summary>The <c>--name=value</c> flags, in order.</summary>
    public IReadOnlyList<DockerfileFlag> Flags { get; }

    /// <summary>The text after the keyword and flags, continuation lines joined, trailing whitespace trimmed.</summary>
    public string Arguments { get; }

    /// <summary>Where <see cref="Arguments"/> starts.</summary>
    public SourceLocation ArgumentsLocation { get; }

    /// <summary><c>true</c> for the exec (JSON array) form, e.g. <c>CMD ["app"]</c>.</summary>
    public bool IsJsonForm { get; }

    /// <summary>The JSON array elements in exec form; otherwise the arguments split into shell words, quotes removed, variables not expanded.</summary>
    public IReadOnlyList<string> Words => _words.Value;

    /// <summary>Here-documents attached to this instruction, in order.</summary>
    public IReadOnlyList<Heredoc> Heredocs { get; }

    /// <summary>The index of the stage the instruction belongs to, or -1 for global ARGs before the first FROM.</summary>
    public int StageIndex { get; }

    /// <summary>The last flag with that name (case-insensitive), or <c>null</c>.</summary>
    public DockerfileFlag? GetFlag(string name) => Flags.LastOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every flag with that name (case-insensitive), e.g. several <c>--mount</c>.</summary>
    public IEnumerable<DockerfileFlag> GetFlags(string name) => Flags.Where(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary><c>true</c> when the flag is present.</summary>
    public bool HasFlag(string name) => GetFlag(name) is not null;

    /// <summary>The instruction as a single line, e.g. <c>COPY --from=build /out /app</c>.</summary>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder(Keyword.Length + Arguments.Length + 1 + (Flags.Count * 16));
        void Add(string piece)
        {
            if (piece.Length > 0)
            {
                if (text.Length > 0)
                {
                    text.Append(' ');
                }

                text.Append(piece);
            }
        }

        Add(Keyword);
        foreach (var flag in Flags)
        {
            Add(flag.Value is null ? $"--{flag.Name}" : $"--{flag.Name}={flag.Value}");
        }

        Add(Arguments);
        return text.ToString();
    }
}
