namespace Pipelines.Dockerfile;

/// <summary><c>FROM [--platform=…] image [AS name]</c>.</summary>
public sealed class FromInstruction : DockerfileInstruction
{
    internal FromInstruction(InstructionParts parts, string image, string? stageName, SourceLocation? stageNameLocation)
        : base(parts)
    {
        Image = image;
        StageName = stageName;
        StageNameLocation = stageNameLocation;
    }

    /// <summary>The image reference as written (variables not expanded).</summary>
    public string Image { get; }

    /// <summary>The stage name after <c>AS</c>, lower-cased as BuildKit does, or <c>null</c>.</summary>
    public string? StageName { get; }

    /// <summary>Where the stage name is written.</summary>
    public SourceLocation? StageNameLocation { get; }

    /// <summary>The <c>--platform</c> value as written, or <c>null</c>.</summary>
    public string? Platform => GetFlag("platform")?.Value;
}
