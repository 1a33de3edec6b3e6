namespace Pipelines.Containers;

/// <summary>A container pipeline step failed on purpose: bad configuration, failed tests, a verification rule or a publication problem. The message names the image, platform and rule.</summary>
public sealed class ContainerPipelineException : PipelinesException
{
    /// <summary>Creates the exception.</summary>
    public ContainerPipelineException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
