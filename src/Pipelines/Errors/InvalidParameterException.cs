namespace Pipelines;

/// <summary>A parameter value is missing, cannot be converted to its type, or names an unknown option. Raised before any target runs; the message names the parameter and how to supply it.</summary>
public sealed class InvalidParameterException : PipelinesException
{
    internal InvalidParameterException(string? parameterName, string message)
        : base(message)
    {
        ParameterName = parameterName;
    }

    /// <summary>The parameter (member name) concerned, or null for an unknown option.</summary>
    public string? ParameterName { get; }
}
