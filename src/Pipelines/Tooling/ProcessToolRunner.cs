using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using CliWrap;
using CliWrap.Exceptions;
using Pipelines.Output;

namespace Pipelines.Tooling;

/// <summary>
/// The one place Pipelines starts processes (over CliWrap). Streams redacted output to the current
/// <see cref="OutputSink"/>, interrupts gracefully on cancellation (so buildx can tidy up) and kills
/// the process tree after <see cref="GracePeriod"/>.
/// </summary>
public sealed class ProcessToolRunner : IToolRunner
{
    private const int StandardErrorTailLines = 30;

    /// <summary>The shared runner.</summary>
    public static ProcessToolRunner Instance { get; } = new();

    /// <summary>How long a cancelled program may take to exit after the interrupt before it is killed.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    public async Task<ToolResult> RunAsync(ToolCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var sink = OutputSink.Current;
        var secrets = command.Secrets.Concat(command.StandardInput is { } input ? [input] : []).ToArray();

        void OnLine(StringBuilder buffer, string line, bool isError)
        {
            var redacted = SecretMasker.Redact(line, secrets);
            lock (buffer)
            {
                buffer.AppendLine(redacted);
            }

            if (command.StreamOutput)
            {
                sink(new OutputLine(redacted, isError));
            }
        }

        var cli = Cli.Wrap(command.FileName)
            .WithArguments(command.Arguments)
            .WithWorkingDirectory(command.WorkingDirectory ?? Directory.GetCurrentDirectory())
            .WithEnvironmentVariables(command.Environment)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => OnLine(stdout, line, false)))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line => OnLine(stderr, line, true)));
        if (command.StandardInput is not null)
        {
            cli = cli.WithStandardInputPipe(PipeSource.FromString(command.StandardInput));
        }

        using var timeout = command.Timeout is { } limit ? new CancellationTokenSource(limit) : new CancellationTokenSource();
        using var graceful = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var forceful = new CancellationTokenSource();
        await using var escalate = graceful.Token.Register(() => forceful.CancelAfter(GracePeriod));

        var stopwatch = Stopwatch.StartNew();
        int exitCode;
        try
        {
            var result = await cli.ExecuteAsync(forceful.Token, graceful.Token).ConfigureAwait(false);
            exitCode = result.ExitCode;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ProcessFailedException(command.ToDisplayString(), WorkingDirectoryOf(command), -1, Tail(stderr), command.FixHint, timedOut: true);
        }
        catch (Win32Exception exception)
        {
            throw new ToolNotFoundException(command.FileName, command.FixHint, exception);
        }
        catch (CliWrapException exception) when (exception.InnerException is Win32Exception)
        {
            throw new ToolNotFoundException(command.FileName, command.FixHint, exception);
        }

        // A graceful interrupt can make the program exit on its own (buildx exits 130): still a cancellation.
        cancellationToken.ThrowIfCancellationRequested();

        var toolResult = new ToolResult(command, exitCode, stdout.ToString(), stderr.ToString(), stopwatch.Elapsed);
        if (exitCode != 0 && command.ThrowOnFailure)
        {
            throw new ProcessFailedException(command.ToDisplayString(), WorkingDirectoryOf(command), exitCode, Tail(stderr), command.FixHint, timedOut: false);
        }

        return toolResult;
    }

    private static string WorkingDirectoryOf(ToolCommand command) => command.WorkingDirectory ?? Directory.GetCurrentDirectory();

    private static string Tail(StringBuilder buffer)
    {
        string text;
        lock (buffer)
        {
            text = buffer.ToString();
        }

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('\n', lines.TakeLast(StandardErrorTailLines)).TrimEnd();
    }
}
