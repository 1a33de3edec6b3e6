namespace Pipelines.Tooling;

/// <summary>Shortcuts over the shared <see cref="ProcessToolRunner"/>.</summary>
public static class Tool
{
    /// <summary>The runner used by the shortcuts; the real process runner unless a test replaces it for the current async flow.</summary>
    public static IToolRunner Runner => _runner.Value ?? ProcessToolRunner.Instance;

    private static readonly AsyncLocal<IToolRunner?> _runner = new();

    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/>; throws <see cref="ProcessFailedException"/> on a non-zero exit.</summary>
    public static Task<ToolResult> RunAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken = default) =>
        Runner.RunAsync(new ToolCommand(fileName, arguments), cancellationToken);

    /// <summary>Runs <paramref name="command"/> on <see cref="Runner"/>.</summary>
    public static Task<ToolResult> RunAsync(ToolCommand command, CancellationToken cancellationToken = default) =>
        Runner.RunAsync(command, cancellationToken);

    /// <summary>Routes <see cref="RunAsync(ToolCommand, CancellationToken)"/> in the current async flow to <paramref name="runner"/> until disposed (for tests and dry runs).</summary>
    public static IDisposable Use(IToolRunner runner) => Engine.AsyncLocalScope.Set(_runner, runner);
}
