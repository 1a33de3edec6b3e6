namespace Pipelines.Dockerfile;

/// <summary>The parser's output before stages and the graph are built.</summary>
internal sealed record ParsedDockerfile(
    ParserDirectives Directives,
    IReadOnlyList<DockerfileInstruction> Instructions,
    IReadOnlyList<DockerfileComment> Comments);
