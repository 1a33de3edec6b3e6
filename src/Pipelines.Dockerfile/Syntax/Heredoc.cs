namespace Pipelines.Dockerfile;

/// <summary>A here-document attached to RUN, COPY or ADD (<c>&lt;&lt;EOF</c> … <c>EOF</c>).</summary>
/// <param name="Name">The delimiter word, without quotes.</param>
/// <param name="Content">The body, lines joined with <c>\n</c> and ending in <c>\n</c>; leading tabs removed for <c>&lt;&lt;-</c>.</param>
/// <param name="StripTabs"><c>true</c> for <c>&lt;&lt;-EOF</c>.</param>
/// <param name="Expand"><c>false</c> when the delimiter was quoted, so variables in the body stay literal.</param>
/// <param name="FileDescriptor">The file descriptor prefix (<c>3&lt;&lt;EOF</c>), if any.</param>
/// <param name="Location">Where the <c>&lt;&lt;</c> marker is.</param>
public sealed record Heredoc(string Name, string Content, bool StripTabs, bool Expand, int? FileDescriptor, SourceLocation Location);
