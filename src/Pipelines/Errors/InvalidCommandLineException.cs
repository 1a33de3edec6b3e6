namespace Pipelines;

/// <summary>The command line names an unknown target or has a malformed engine option (<c>--parallel x</c>). Raised before any target runs.</summary>
public sealed class InvalidCommandLineException : PipelinesException
{
    internal InvalidCommandLineException(string message)
        : base(message)
    {
    }
}
