namespace Pipelines.Dockerfile;

/// <summary><c>COPY</c> or <c>ADD</c> with its flags, sources and destination.</summary>
public sealed class CopyInstruction : DockerfileInstruction
{
    internal CopyInstruction(InstructionParts parts, IReadOnlyList<string> sources, string destination)
        : base(parts)
    {
        Sources = sources;
        Destination = destination;
    }

    /// <summary><c>true</c> for ADD.</summary>
    public bool IsAdd => Keyword == "ADD";

    /// <summary>The sources; a heredoc source appears as its <c>&lt;&lt;NAME</c> word.</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>The destination path.</summary>
    public string Destination { get; }

    /// <summary><c>--from</c> as written (stage name, index or image), or <c>null</c> for the build context.</summary>
    public string? From => GetFlag("from")?.Value;

    /// <summary><c>--chown</c>, or <c>null</c>.</summary>
    public string? Chown => GetFlag("chown")?.Value;

    /// <summary><c>--chmod</c>, or <c>null</c>.</summary>
    public string? Chmod => GetFlag("chmod")?.Value;

    /// <summary><c>true</c> when <c>--link</c> is given (and not <c>--link=false</c>).</summary>
    public bool Link => GetFlag("link") is { } f && !string.Equals(f.Value, "false", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>true</c> when <c>--parents</c> is given (and not <c>--parents=false</c>).</summary>
    public bool Parents => GetFlag("parents") is { } f && !string.Equals(f.Value, "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every <c>--exclude</c> pattern.</summary>
    public IReadOnlyList<string> Excludes => GetFlags("exclude").Select(f => f.Value ?? "").ToList();
}
