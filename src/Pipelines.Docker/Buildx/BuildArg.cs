namespace Pipelines.Docker;

/// <summary>A <c>--build-arg</c>: <c>NAME=value</c>, or just <c>NAME</c> to pass the caller's environment variable through.</summary>
/// <param name="Name">The ARG name.</param>
/// <param name="Value">The value; null passes the environment variable of the same name.</param>
public sealed record BuildArg(string Name, string? Value)
{
    /// <summary>Parses <c>NAME=value</c> or <c>NAME</c>.</summary>
    public static BuildArg Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals == 0)
        {
            throw new FormatException($"Invalid build arg '{text}': the name is empty.");
        }

        return equals < 0 ? new BuildArg(text, null) : new BuildArg(text[..equals], text[(equals + 1)..]);
    }

    /// <summary>The <c>NAME=value</c> form buildx expects.</summary>
    public override string ToString() => Value is null ? Name : $"{Name}={Value}";
}
