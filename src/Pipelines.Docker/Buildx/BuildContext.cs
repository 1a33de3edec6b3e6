namespace Pipelines.Docker;

/// <summary>A <c>--build-context name=source</c>: a named context (directory, <c>docker-image://…</c>, <c>target:…</c>, git or https URL).</summary>
/// <param name="Name">The name the Dockerfile uses (<c>FROM name</c>, <c>COPY --from=name</c>).</param>
/// <param name="Source">The source, e.g. <c>../common</c> or <c>docker-image://busybox:1</c>.</param>
public sealed record BuildContext(string Name, string Source)
{
    /// <summary>Parses <c>name=source</c>.</summary>
    public static BuildContext Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == text.Length - 1)
        {
            throw new FormatException($"Invalid build context '{text}': expected name=source.");
        }

        return new BuildContext(text[..equals], text[(equals + 1)..]);
    }

    /// <summary>The <c>name=source</c> form buildx expects.</summary>
    public override string ToString() => $"{Name}={Source}";
}
