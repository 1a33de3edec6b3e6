namespace Pipelines.Docker;

/// <summary>An <c>--ssh</c> value: <c>default</c> (the agent in SSH_AUTH_SOCK) or <c>id=socket|key[,key]</c>.</summary>
public sealed record SshSource
{
    /// <summary>Creates an ssh source with an id and optional agent socket or key paths.</summary>
    public SshSource(string id, params IEnumerable<string> paths)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        Paths = [.. paths];
    }

    /// <summary>The agent from <c>SSH_AUTH_SOCK</c> under id <c>default</c>.</summary>
    public static SshSource Default { get; } = new("default");

    /// <summary>The id the Dockerfile mounts (<c>RUN --mount=type=ssh,id=…</c>).</summary>
    public string Id { get; }

    /// <summary>Agent socket or private key paths; empty means the agent in <c>SSH_AUTH_SOCK</c>.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>Parses <c>default</c>, <c>id</c> or <c>id=path[,path]</c>.</summary>
    public static SshSource Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals < 0
            ? new SshSource(text.Trim())
            : new SshSource(text[..equals].Trim(), text[(equals + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The <c>id[=path,…]</c> form buildx expects.</summary>
    public override string ToString() => Paths.Count == 0 ? Id : $"{Id}={string.Join(',', Paths)}";

    /// <inheritdoc />
    public bool Equals(SshSource? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc />
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
