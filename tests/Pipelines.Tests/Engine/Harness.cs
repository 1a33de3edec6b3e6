using Pipelines.Engine;
using Spectre.Console;

namespace Pipelines.Tests.Engine;

internal sealed record RunResult(int ExitCode, string Output);

/// <summary>Runs a build in-process through the real engine with a captured console and a fake environment.</summary>
internal static class Harness
{
    public static async Task<RunResult> RunAsync(
        PipelineBuild build,
        string defaultTarget,
        string[] args,
        Dictionary<string, string?>? environment = null,
        string? workingDirectory = null,
        Host? host = null,
        CancellationToken cancellationToken = default,
        bool detectHost = false,
        bool terminal = false)
    {
        var writer = new StringWriter();
        var synchronized = TextWriter.Synchronized(writer);
        var context = new EngineContext
        {
            Output = synchronized,
            Console = () => AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(synchronized),
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
            }),
            Environment = environment ?? [],
            WorkingDirectory = workingDirectory ?? NewRoot(),
            Host = detectHost ? null : host ?? new ContinuousIntegrationHost(),
            // terminal: an interactive console that is not redirected (where live displays are allowed)
            OutputRedirected = !terminal,
        };
        var exitCode = await BuildEngine.RunAsync(build, defaultTarget, args, context, cancellationToken);
        return new RunResult(exitCode, writer.ToString());
    }

    /// <summary>A fresh directory with an empty <c>.nuke/</c>, so the root directory search stops there.</summary>
    public static string NewRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "pipelines-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        return root;
    }
}

/// <summary>A build that records which targets ran, in order (thread-safe).</summary>
internal abstract class RecordingBuild : PipelineBuild
{
    private readonly List<string> _ran = [];

    public List<string> Ran
    {
        get
        {
            lock (_ran)
            {
                return [.. _ran];
            }
        }
    }

    protected void Record(string name)
    {
        lock (_ran)
        {
            _ran.Add(name);
        }
    }
}
