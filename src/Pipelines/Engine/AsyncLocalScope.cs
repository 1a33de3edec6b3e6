namespace Pipelines.Engine;

/// <summary>Sets an async-local value for the current flow (and flows started from it) and restores the previous one when disposed.</summary>
internal static class AsyncLocalScope
{
    public static IDisposable Set<T>(AsyncLocal<T?> local, T? value)
        where T : class
    {
        var previous = local.Value;
        local.Value = value;
        return new Restore<T>(local, previous);
    }

    private sealed class Restore<T>(AsyncLocal<T?> local, T? previous) : IDisposable
        where T : class
    {
        public void Dispose() => local.Value = previous;
    }
}
