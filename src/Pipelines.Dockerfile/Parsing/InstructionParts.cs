namespace Pipelines.Dockerfile;

/// <summary>The shared pieces of every instruction, built by the parser.</summary>
internal sealed record InstructionParts(
    string Keyword,
    SourceLocation Location,
    int EndLine,
    IReadOnlyList<DockerfileFlag> Flags,
    string Arguments,
    SourceLocation ArgumentsLocation,
    bool IsJsonForm,
    Lazy<IReadOnlyList<string>> Words,
    IReadOnlyList<Heredoc> Heredocs,
    int StageIndex);
