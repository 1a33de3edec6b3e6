namespace Pipelines.Docker;

/// <summary>
/// A <c>--secret</c> value: an id and where buildx reads the value (an environment variable or a file).
/// The value itself never appears in argv. Round-trips through <see cref="Parse"/> and <see cref="ToString"/>.
/// </summary>
public sealed record SecretSource
{
    private SecretSource(string id, string? environmentVariable, string? file)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        EnvironmentVariable = environmentVariable;
        File = file;
    }

    /// <summary>The id the Dockerfile mounts (<c>RUN --mount=type=secret,id=…</c>).</summary>
    public string Id { get; }

    /// <summary>The environment variable of the buildx process holding the value (<c>env=</c>), or null.</summary>
    public string? EnvironmentVariable { get; }

    /// <summary>The file holding the value (<c>src=</c>), or null.</summary>
    public string? File { get; }

    /// <summary>A secret read from environment variable <paramref name="variable"/> (defaults to the id).</summary>
    public static SecretSource FromEnvironment(string id, string? variable = null) => new(id, variable ?? id, null);

    /// <summary>A secret read from file <paramref name="path"/>.</summary>
    public static SecretSource FromFile(string id, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new SecretSource(id, null, path);
    }

    /// <summary>Parses <c>id=x,env=VAR</c>, <c>id=x,src=path</c> (also <c>type=env|file</c>, <c>source=</c>, <c>required=</c>).</summary>
    public static SecretSource Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        string? id = null, env = null, src = null, type = null;
        foreach (var (key, value) in KeyValueCsv.Parse(text, "secret"))
        {
            switch (key)
            {
                case "id": id = value; break;
                case "env": env = value; break;
                case "src" or "source": src = value; break;
                case "type": type = value; break;
                default: break;
            }
        }

        if (id is null)
        {
            throw new FormatException($"Invalid secret '{text}': id= is required.");
        }

        if (type == "env" && env is null)
        {
            (env, src) = (src ?? id, null);
        }

        if (env is null && src is null)
        {
            // buildx reads a variable named like the id, else a file named like the id
            env = id;
        }

        return new SecretSource(id, env, src);
    }

    /// <summary>The <c>id=…,env=…</c> / <c>id=…,src=…</c> form buildx expects.</summary>
    public override string ToString() => KeyValueCsv.Format(
        EnvironmentVariable is not null
            ? [new("id", Id), new("env", EnvironmentVariable)]
            : [new("id", Id), new("src", File!)]);
}
