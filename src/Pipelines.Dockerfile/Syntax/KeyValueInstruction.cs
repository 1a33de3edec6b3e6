namespace Pipelines.Dockerfile;

/// <summary><c>ENV</c> or <c>LABEL</c>: <c>name=value …</c> pairs, or the legacy <c>ENV name value</c> form.</summary>
public sealed class KeyValueInstruction : DockerfileInstruction
{
    internal KeyValueInstruction(InstructionParts parts, IReadOnlyList<KeyValue> pairs, bool isLegacyForm)
        : base(parts)
    {
        Pairs = pairs;
        IsLegacyForm = isLegacyForm;
    }

    /// <summary>The pairs, values unquoted, variables not expanded.</summary>
    public IReadOnlyList<KeyValue> Pairs { get; }

    /// <summary><c>true</c> for the space-separated <c>ENV name value</c> form.</summary>
    public bool IsLegacyForm { get; }
}
