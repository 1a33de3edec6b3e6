namespace Pipelines;

/// <summary>A program could not be started, usually because it is not installed or not on PATH.</summary>
public sealed class ToolNotFoundException : PipelinesException
{
    internal ToolNotFoundException(string fileName, string? fixHint, Exception innerException)
        : base($"Cannot start '{fileName}': {innerException.Message}. {fixHint ?? $"Install it or put it on PATH."}", innerException)
    {
        FileName = fileName;
    }

    /// <summary>The program that could not be started.</summary>
    public string FileName { get; }
}
