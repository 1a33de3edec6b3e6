namespace Pipelines;

/// <summary>The root of every error Pipelines raises on purpose; catch it to tell our failures from bugs.</summary>
public abstract class PipelinesException : Exception
{
    /// <summary>Creates the exception with a message that says what went wrong and how to fix it.</summary>
    protected PipelinesException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
