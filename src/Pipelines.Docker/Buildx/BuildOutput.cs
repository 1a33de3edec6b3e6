namespace Pipelines.Docker;

/// <summary>
/// An <c>--output</c> value, e.g. <c>type=image,name=registry/app:1,push=true</c> or <c>type=local,dest=out</c>.
/// Round-trips through <see cref="Parse"/> and <see cref="ToString"/>.
/// </summary>
public sealed record BuildOutput
{
    private BuildOutput(string type, IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        Type = type;
        Attributes = attributes;
    }

    /// <summary>The exporter: <c>image</c>, <c>registry</c>, <c>docker</c>, <c>oci</c>, <c>local</c>, <c>tar</c>, <c>cacheonly</c>.</summary>
    public string Type { get; }

    /// <summary>The attributes after <c>type=</c>, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; }

    /// <summary>The value of attribute <paramref name="key"/>, or null.</summary>
    public string? this[string key] => Attributes.LastOrDefault(pair => pair.Key == key).Value;

    /// <summary>The destination path (<c>dest=</c>), or null.</summary>
    public string? Destination => this["dest"];

    /// <summary>True when this output pushes to a registry (<c>type=registry</c> or <c>push=true</c>).</summary>
    public bool Pushes => Type == "registry" || string.Equals(this["push"], "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>An image in the engine's store (and, with <paramref name="push"/>, in its registry).</summary>
    /// <param name="name">Image name(s); several names are comma-separated by buildx.</param>
    /// <param name="push">Push to the registry.</param>
    /// <param name="compression">Layer compression (gzip, zstd, uncompressed).</param>
    /// <param name="ociMediaTypes">Use OCI media types.</param>
    public static BuildOutput Image(string? name = null, bool? push = null, string? compression = null, bool? ociMediaTypes = null) =>
        Create("image", [.. Optional("name", name), .. Optional("push", push), .. Optional("compression", compression), .. Optional("oci-mediatypes", ociMediaTypes)]);

    /// <summary>Push to a registry (same as <c>type=image,push=true</c>).</summary>
    public static BuildOutput Registry(string? name = null) => Create("registry", [.. Optional("name", name)]);

    /// <summary>Load into the docker image store, or with <paramref name="destination"/> write a docker tarball (single platform only).</summary>
    public static BuildOutput Docker(string? destination = null, string? name = null) =>
        Create("docker", [.. Optional("dest", destination), .. Optional("name", name)]);

    /// <summary>An OCI image layout tarball (works for multi-platform results).</summary>
    public static BuildOutput Oci(string destination, string? name = null) =>
        Create("oci", [new("dest", destination), .. Optional("name", name)]);

    /// <summary>The result's filesystem written to a directory (<c>linux_amd64/</c>… subfolders for several platforms).</summary>
    public static BuildOutput Local(string destination) => Create("local", [new("dest", destination)]);

    /// <summary>The result's filesystem as one tarball.</summary>
    public static BuildOutput Tar(string destination) => Create("tar", [new("dest", destination)]);

    /// <summary>Build only (and fill the cache); export nothing.</summary>
    public static BuildOutput CacheOnly() => Create("cacheonly", []);

    /// <summary>Any exporter with the given attributes.</summary>
    public static BuildOutput Create(string type, IEnumerable<KeyValuePair<string, string>> attributes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        return new BuildOutput(type, [.. attributes]);
    }

    /// <summary>Returns a copy with attribute <paramref name="key"/> set (replaced when present).</summary>
    public BuildOutput With(string key, string value) =>
        new(Type, [.. Attributes.Where(pair => pair.Key != key), new(key, value)]);

    /// <summary>
    /// Parses a buildx output value: <c>type=…,key=value</c>; a bare path means <c>type=local,dest=path</c>
    /// and <c>-</c> means a tarball on standard output. Throws <see cref="FormatException"/> naming the bad value.
    /// </summary>
    public static BuildOutput Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (text.Trim() == "-")
        {
            return Tar("-");
        }

        if (!text.Contains('=', StringComparison.Ordinal))
        {
            return Local(text.Trim());
        }

        var pairs = KeyValueCsv.Parse(text, "output");
        var type = pairs.LastOrDefault(pair => pair.Key == "type").Value;
        if (string.IsNullOrWhiteSpace(type))
        {
            throw new FormatException($"Invalid output '{text}': type= is required (image, registry, docker, oci, local, tar, cacheonly).");
        }

        return new BuildOutput(type, [.. pairs.Where(pair => pair.Key != "type")]);
    }

    /// <summary>The <c>type=…,key=value</c> form buildx expects.</summary>
    public override string ToString() => KeyValueCsv.Format([new("type", Type), .. Attributes]);

    /// <inheritdoc />
    public bool Equals(BuildOutput? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc />
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    private static IEnumerable<KeyValuePair<string, string>> Optional(string key, string? value) =>
        value is null ? [] : [new(key, value)];

    private static IEnumerable<KeyValuePair<string, string>> Optional(string key, bool? value) =>
        value is null ? [] : [new(key, value.Value ? "true" : "false")];
}
