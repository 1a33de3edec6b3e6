using Spectre.Console;

namespace Pipelines.Output;

/// <summary>
/// The interactive terminal the running target may draw a live display on (Spectre.Console <c>Live</c>).
/// The engine sets it only for a target that runs alone on a terminal; it is null on CI, when output is
/// redirected, with <c>--parallel</c> and outside the engine, and callers then stream plain logs instead.
/// </summary>
public static class LiveConsole
{
    private static readonly AsyncLocal<IAnsiConsole?> _current = new();

    /// <summary>The console for the current async flow, or null when only plain line output is appropriate.</summary>
    public static IAnsiConsole? Current => _current.Value;

    /// <summary>Lets the current async flow (and flows started from it) draw live displays on <paramref name="console"/> until disposed.</summary>
    public static IDisposable Use(IAnsiConsole? console) => Engine.AsyncLocalScope.Set(_current, console);
}
