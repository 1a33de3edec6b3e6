namespace Pipelines.Dockerfile;

/// <summary>One build stage: a FROM and the instructions up to the next FROM.</summary>
public sealed class DockerfileStage
{
    internal DockerfileStage(int index, FromInstruction from, IReadOnlyList<DockerfileInstruction> instructions, string resolvedBaseImage, string? resolvedPlatform, StageBaseKind baseKind, int? baseStageIndex)
    {
        Index = index;
        From = from;
        Instructions = instructions;
        ResolvedBaseImage = resolvedBaseImage;
        ResolvedPlatform = resolvedPlatform;
        BaseKind = baseKind;
        BaseStageIndex = baseStageIndex;
    }

    /// <summary>0-based position in the file; <c>COPY --from=0</c> refers to it.</summary>
    public int Index { get; }

    /// <summary>The name after <c>AS</c> (lower-case), or <c>null</c> for an unnamed stage.</summary>
    public string? Name => From.StageName;

    /// <summary>The name, or the index as text for an unnamed stage.</summary>
    public string DisplayName => Name ?? Index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The FROM instruction.</summary>
    public FromInstruction From { get; }

    /// <summary>The base image as written, e.g. <c>golang:${GO_VERSION}</c>.</summary>
    public string BaseImage => From.Image;

    /// <summary>The base image with global ARGs and automatic platform arguments expanded.</summary>
    public string ResolvedBaseImage { get; }

    /// <summary>The <c>--platform</c> value expanded (e.g. <c>linux/amd64</c> for <c>$BUILDPLATFORM</c>), or <c>null</c>.</summary>
    public string? ResolvedPlatform { get; }

    /// <summary>Whether the stage starts from an image, an earlier stage or scratch.</summary>
    public StageBaseKind BaseKind { get; }

    /// <summary>The stage it is based on, when <see cref="BaseKind"/> is <see cref="StageBaseKind.Stage"/>.</summary>
    public int? BaseStageIndex { get; }

    /// <summary>The line of the FROM instruction.</summary>
    public int Line => From.Location.Line;

    /// <summary>Where the FROM instruction is.</summary>
    public SourceLocation Location => From.Location;

    /// <summary>The instructions after FROM, in order.</summary>
    public IReadOnlyList<DockerfileInstruction> Instructions { get; }

    /// <summary>Every instruction of a given type, e.g. <c>OfType&lt;RunInstruction&gt;()</c>.</summary>
    public IEnumerable<T> OfType<T>() where T : DockerfileInstruction => Instructions.OfType<T>();

    /// <summary>Instructions with a keyword (upper-case), e.g. <c>"USER"</c>.</summary>
    public IEnumerable<DockerfileInstruction> WithKeyword(string keyword) => Instructions.Where(i => i.Keyword == keyword);

    /// <summary>The display name.</summary>
    public override string ToString() => DisplayName;
}
