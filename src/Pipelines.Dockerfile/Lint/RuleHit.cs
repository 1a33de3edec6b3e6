namespace Pipelines.Dockerfile;

/// <summary>A raw finding before severity and suppression are applied; <paramref name="Instruction"/> lets a comment above it suppress it.</summary>
internal readonly record struct RuleHit(SourceLocation Location, string Message, DockerfileInstruction? Instruction = null);
