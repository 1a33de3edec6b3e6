namespace Pipelines.Dockerfile;

/// <summary>The parser directives at the top of a Dockerfile (<c># syntax=</c>, <c># escape=</c>, <c># check=</c>).</summary>
public sealed record ParserDirectives
{
    /// <summary>The frontend image of <c># syntax=</c>, or <c>null</c>.</summary>
    public string? Syntax { get; init; }

    /// <summary>The escape character: <c>\</c> (default) or <c>`</c>.</summary>
    public char Escape { get; init; } = '\\';

    /// <summary>The raw value of <c># check=</c> (e.g. <c>skip=JSONArgsRecommended;error=true</c>), or <c>null</c>.</summary>
    public string? Check { get; init; }
}
