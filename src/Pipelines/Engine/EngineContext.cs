using Spectre.Console;

namespace Pipelines.Engine;

/// <summary>The outside world the engine talks to; <see cref="PipelineBuild"/> builds the real one, tests build their own.</summary>
internal sealed class EngineContext
{
    /// <summary>Where lines are written (the writer of <see cref="Console"/>).</summary>
    public required TextWriter Output { get; init; }

    /// <summary>Created on first use (the summary table): creating a Spectre console costs start-up time that <c>--help</c> does not need.</summary>
    public required Func<IAnsiConsole> Console { get; init; }

    public required IReadOnlyDictionary<string, string?> Environment { get; init; }

    public required string WorkingDirectory { get; init; }

    /// <summary>Detected from <see cref="Environment"/> when null.</summary>
    public Host? Host { get; init; }

    /// <summary>True when standard output is not a terminal: no colours, plain summary.</summary>
    public bool OutputRedirected { get; init; }
}
