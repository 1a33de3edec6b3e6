namespace Pipelines.Output;

/// <summary>One line written by a running program or a target.</summary>
/// <param name="Text">The line without its line break, already redacted.</param>
/// <param name="IsError">True for standard error.</param>
public readonly record struct OutputLine(string Text, bool IsError);
