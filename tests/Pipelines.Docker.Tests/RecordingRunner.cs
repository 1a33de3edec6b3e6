using Pipelines.Tooling;

namespace Pipelines.Docker.Tests;

/// <summary>Records every command and answers with a scripted result (no processes).</summary>
internal sealed class RecordingRunner(Func<ToolCommand, (int ExitCode, string StandardOutput, string StandardError)>? respond = null) : IToolRunner
{
    public List<ToolCommand> Commands { get; } = [];

    public Task<ToolResult> RunAsync(ToolCommand command, CancellationToken cancellationToken = default)
    {
        Commands.Add(command);
        var (exitCode, stdout, stderr) = respond?.Invoke(command) ?? (0, "", "");
        return Task.FromResult(new ToolResult(command, exitCode, stdout, stderr, TimeSpan.FromMilliseconds(5)));
    }

    /// <summary>The value after <paramref name="flag"/> in <paramref name="command"/>.</summary>
    public static string ValueOf(ToolCommand command, string flag) => command.Arguments[command.Arguments.ToList().IndexOf(flag) + 1];
}
