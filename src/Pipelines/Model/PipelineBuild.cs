using System.Collections;
using System.Linq.Expressions;
using System.Runtime.InteropServices;
using Pipelines.Engine;
using Pipelines.Parameters;
using Spectre.Console;

namespace Pipelines;

/// <summary>
/// Base class of a build. Declare targets as <see cref="Target"/> properties and parameters with
/// <see cref="ParameterAttribute"/>, then start it from <c>Main</c>:
/// <code>
/// class Build : PipelineBuild
/// {
///     public static int Main(string[] args) => Execute&lt;Build&gt;(args, x => x.Test);
///     [Parameter("Configuration to build")] readonly string Configuration = "Debug";
///     Target Compile => _ => _.Executes(ct => Tool.RunAsync("dotnet", ["build", "-c", Configuration], ct));
///     Target Test => _ => _.DependsOn(Compile).Executes(ct => Tool.RunAsync("dotnet", ["test", "--no-build"], ct));
/// }
/// </code>
/// </summary>
public abstract class PipelineBuild : IPipelineBuild
{
    private Dictionary<string, object?> _parameterValues = new(StringComparer.OrdinalIgnoreCase);
    private IReadOnlyList<BuildParameter> _parameters = [];

    /// <inheritdoc />
    public AbsolutePath RootDirectory { get; private set; } = AbsolutePath.Create(".");

    /// <inheritdoc />
    public Host Host { get; private set; } = new TerminalHost();

    /// <inheritdoc />
    public CancellationToken CancellationToken { get; private set; }

    /// <summary><c>RootDirectory/.nuke/temp</c>.</summary>
    public AbsolutePath TemporaryDirectory => RootDirectory / ".nuke" / "temp";

    /// <summary>True when not running on a build server.</summary>
    public bool IsLocalBuild => !Host.IsContinuousIntegration;

    /// <summary>
    /// Runs the build: parses <paramref name="args"/>, fills parameters, runs the requested targets (or
    /// <paramref name="defaultTarget"/>) and returns the exit code (see <see cref="ExitCodes"/>). SIGINT and
    /// SIGTERM cancel running targets (child processes are interrupted, then killed) and give exit code 130.
    /// </summary>
    protected static int Execute<T>(string[] args, Expression<Func<T, Target>> defaultTarget)
        where T : PipelineBuild, new()
    {
        ArgumentNullException.ThrowIfNull(defaultTarget);
        return ExecuteCore<T>(args, MemberNames.Of(defaultTarget));
    }

    /// <summary>
    /// Like <see cref="Execute{T}(string[], Expression{Func{T, Target}})"/> for a default target declared by a component
    /// interface (default interface members are not visible on the class): <c>Execute&lt;Build, IContainerPipeline&gt;(args, x =&gt; x.Publish)</c>.
    /// </summary>
    protected static int Execute<T, TComponent>(string[] args, Expression<Func<TComponent, Target>> defaultTarget)
        where T : PipelineBuild, TComponent, new()
        where TComponent : IPipelineBuild
    {
        ArgumentNullException.ThrowIfNull(defaultTarget);
        return ExecuteCore<T>(args, MemberNames.Of(defaultTarget));
    }

    private static int ExecuteCore<T>(string[] args, string targetName)
        where T : PipelineBuild, new()
    {
        ArgumentNullException.ThrowIfNull(args);
        using var cancellation = new CancellationTokenSource();
        var signals = 0;
        void OnSignal(PosixSignalContext context)
        {
            // first signal: cancel gracefully; a second one terminates the process the default way
            if (Interlocked.Increment(ref signals) == 1)
            {
                context.Cancel = true;
                _ = Task.Run(cancellation.Cancel);
            }
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        // The composition root: the only place that touches the real console.
        var originalOut = Console.Out;
        var originalError = Console.Error;
        var stdout = StandardStreams.Open(1, originalOut);
        var stderr = StandardStreams.Open(2, originalError);
        var redirected = Console.IsOutputRedirected;
        var environment = ReadEnvironment();
        var context = new EngineContext
        {
            Output = stdout,
            Console = () => CreateConsole(stdout, redirected),
            Environment = environment,
            WorkingDirectory = Directory.GetCurrentDirectory(),
            OutputRedirected = redirected,
        };

        // Console.WriteLine in target code goes through the target's sink (prefix in parallel builds, secrets masked)
        Console.SetOut(new OutputSinkWriter(stdout, isError: false));
        Console.SetError(new OutputSinkWriter(stderr, isError: true));
        try
        {
            var build = new T();
            return BuildEngine.RunAsync(build, targetName, args, context, cancellation.Token).GetAwaiter().GetResult();
        }
        finally
        {
            Console.Out.Flush();
            Console.Error.Flush();
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }

    private static IAnsiConsole CreateConsole(TextWriter stdout, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (!redirected)
        {
            // Spectre sees our own writer, not the terminal, and would assume 80 columns
            try
            {
                if (Console.WindowWidth is > 0 and var width)
                {
                    console.Profile.Width = width;
                }
            }
            catch (IOException)
            {
            }
        }

        return console;
    }

    /// <inheritdoc />
    public T? ParameterValue<T>(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        object? value;
        if (!_parameterValues.TryGetValue(name, out value))
        {
            var parameter = _parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (parameter is null || !parameter.CanInject)
            {
                return default;
            }

            value = parameter.ReadInjected(this);
        }

        return value switch
        {
            null => default,
            T typed => typed,
            _ => (T?)ValueConverter.ConvertOne(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, typeof(T), RootDirectory),
        };
    }

    /// <summary>Called after parameters are filled and before the plan is made (static conditions not yet evaluated).</summary>
    protected virtual void OnBuildInitialized()
    {
    }

    /// <summary>Called after the last target finished (not after <c>--help</c>, <c>--plan</c> or errors before the build).</summary>
    protected virtual void OnBuildFinished()
    {
    }

    /// <summary>Picks the host; the default is <see cref="Host.Detect"/>. Override to plug in a richer host (e.g. one with annotations).</summary>
    protected virtual Host CreateHost(IReadOnlyDictionary<string, string?> environment) => Host.Detect(environment);

    internal Host CreateHostCore(IReadOnlyDictionary<string, string?> environment) => CreateHost(environment);

    internal void Initialize(AbsolutePath rootDirectory, Host host, CancellationToken cancellationToken)
    {
        RootDirectory = rootDirectory;
        Host = host;
        CancellationToken = cancellationToken;
    }

    internal void SetParameters(Dictionary<string, object?> values, IReadOnlyList<BuildParameter> parameters)
    {
        _parameterValues = values;
        _parameters = parameters;
    }

    internal void RaiseInitialized() => OnBuildInitialized();

    internal void RaiseFinished() => OnBuildFinished();

    private static Dictionary<string, string?> ReadEnvironment()
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = entry.Value as string;
        }

        return result;
    }
}
