namespace Pipelines.Dockerfile;

/// <summary>A stage reference BuildKit would reject or misread: a forward or self reference, or an unknown stage name.</summary>
/// <param name="Message">What is wrong, e.g. <c>COPY --from=biuld: no stage named 'biuld'</c>.</param>
/// <param name="Reference">The reference as written.</param>
/// <param name="Suggestion">The closest stage name, if any.</param>
/// <param name="IsForwardReference"><c>true</c> when the reference names the current or a later stage.</param>
/// <param name="Location">Where the reference is.</param>
public sealed record StageGraphError(string Message, string Reference, string? Suggestion, bool IsForwardReference, SourceLocation Location);
