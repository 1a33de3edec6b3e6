namespace Pipelines.Tooling;

/// <summary>Runs external programs. <see cref="ProcessToolRunner"/> is the real one; tests may record calls instead.</summary>
public interface IToolRunner
{
    /// <summary>Runs <paramref name="command"/> to completion; cancelling interrupts the program, then kills its process tree.</summary>
    Task<ToolResult> RunAsync(ToolCommand command, CancellationToken cancellationToken = default);
}
