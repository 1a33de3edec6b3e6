namespace Pipelines.Dockerfile;

/// <summary>A position in a Dockerfile: file path, 1-based line and 1-based column.</summary>
/// <param name="File">The Dockerfile path as given to the parser.</param>
/// <param name="Line">1-based line number.</param>
/// <param name="Column">1-based column number (characters, tabs count as one).</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>Formats as <c>file:line:col</c>, the form editors and CI annotations understand.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
