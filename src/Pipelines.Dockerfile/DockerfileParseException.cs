namespace Pipelines.Dockerfile;

/// <summary>A Dockerfile could not be parsed; carries where and what was expected.</summary>
public sealed class DockerfileParseException : PipelinesException
{
    internal DockerfileParseException(SourceLocation location, string problem, string? expected = null)
        : base($"{location}: {problem}{(expected is null ? "" : $" (expected {expected})")}")
    {
        File = location.File;
        Line = location.Line;
        Column = location.Column;
        Problem = problem;
        Expected = expected;
    }

    /// <summary>The Dockerfile path as given to the parser.</summary>
    public string File { get; }

    /// <summary>1-based line of the error.</summary>
    public int Line { get; }

    /// <summary>1-based column of the error.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the location prefix.</summary>
    public string Problem { get; }

    /// <summary>What the parser expected at that position, when it knows.</summary>
    public string? Expected { get; }

    /// <summary>The location as a value.</summary>
    public SourceLocation Location => new(File, Line, Column);
}
