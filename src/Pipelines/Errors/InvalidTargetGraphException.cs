namespace Pipelines;

/// <summary>The target graph cannot run: a cycle (<c>Circular dependency: a -> b -> a</c>), a reference to a target the build does not have, or conflicting names. Raised before any target runs.</summary>
public sealed class InvalidTargetGraphException : PipelinesException
{
    internal InvalidTargetGraphException(string message)
        : base(message)
    {
    }
}
