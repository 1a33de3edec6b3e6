namespace Pipelines.Dockerfile;

/// <summary><c>ARG name[=default] [name2[=default] …]</c>.</summary>
public sealed class ArgInstruction : DockerfileInstruction
{
    internal ArgInstruction(InstructionParts parts, IReadOnlyList<KeyValue> declarations)
        : base(parts) => Declarations = declarations;

    /// <summary>The declared build arguments with their defaults.</summary>
    public IReadOnlyList<KeyValue> Declarations { get; }
}
