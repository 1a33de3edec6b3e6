namespace Pipelines.Docker;

/// <summary>
/// A <c>--cache-from</c> / <c>--cache-to</c> value: a cache backend type and its attributes, e.g.
/// <c>type=registry,ref=127.0.0.1:5000/app:cache,mode=max</c>. Round-trips through <see cref="Parse"/> and <see cref="ToString"/>.
/// </summary>
public sealed record CacheEntry
{
    private CacheEntry(string type, IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        Type = type;
        Attributes = attributes;
    }

    /// <summary>The backend: <c>registry</c>, <c>local</c>, <c>gha</c>, <c>inline</c>, <c>s3</c>, <c>azblob</c>.</summary>
    public string Type { get; }

    /// <summary>The attributes after <c>type=</c>, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; }

    /// <summary>The value of attribute <paramref name="key"/>, or null.</summary>
    public string? this[string key] => Attributes.LastOrDefault(pair => pair.Key == key).Value;

    /// <summary>The registry reference (<c>ref=</c>), or null.</summary>
    public string? Ref => this["ref"];

    /// <summary>The export mode (<c>mode=min|max</c>), or null.</summary>
    public string? Mode => this["mode"];

    /// <summary>A registry cache at <paramref name="reference"/>. Options apply to <c>--cache-to</c> only.</summary>
    /// <param name="reference">The image reference holding the cache, e.g. <c>registry/app:buildcache</c>.</param>
    /// <param name="mode">min (default: final stage layers only) or max (every stage).</param>
    /// <param name="imageManifest">Write the cache as an OCI image manifest (needed by some registries).</param>
    /// <param name="ociMediaTypes">Use OCI media types.</param>
    /// <param name="compression">Layer compression: gzip, zstd or uncompressed.</param>
    /// <param name="ignoreError">Do not fail the build when the cache export fails.</param>
    public static CacheEntry Registry(string reference, CacheMode? mode = null, bool? imageManifest = null, bool? ociMediaTypes = null, string? compression = null, bool? ignoreError = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        return Create("registry", [
            new("ref", reference),
            .. Optional("mode", mode), .. Optional("image-manifest", imageManifest), .. Optional("oci-mediatypes", ociMediaTypes),
            .. Optional("compression", compression), .. Optional("ignore-error", ignoreError)]);
    }

    /// <summary>A local directory cache to read (<c>src</c>, for <c>--cache-from</c>).</summary>
    public static CacheEntry LocalSource(string directory) => Create("local", [new("src", directory)]);

    /// <summary>A local directory cache to write (<c>dest</c>, for <c>--cache-to</c>).</summary>
    public static CacheEntry LocalDestination(string directory, CacheMode? mode = null) =>
        Create("local", [new("dest", directory), .. Optional("mode", mode)]);

    /// <summary>The GitHub Actions cache (needs the Actions runtime token in the environment).</summary>
    public static CacheEntry Gha(string? scope = null, CacheMode? mode = null, bool? ignoreError = null) =>
        Create("gha", [.. Optional("scope", scope), .. Optional("mode", mode), .. Optional("ignore-error", ignoreError)]);

    /// <summary>Inline cache: cache metadata embedded in the pushed image (mode=min only).</summary>
    public static CacheEntry Inline() => Create("inline", []);

    /// <summary>An S3 bucket cache.</summary>
    public static CacheEntry S3(string bucket, string region, string? name = null, CacheMode? mode = null, string? endpointUrl = null) =>
        Create("s3", [new("region", region), new("bucket", bucket), .. Optional("name", name), .. Optional("mode", mode), .. Optional("endpoint_url", endpointUrl)]);

    /// <summary>Any backend with the given attributes (for backends and options not modelled above).</summary>
    public static CacheEntry Create(string type, IEnumerable<KeyValuePair<string, string>> attributes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        return new CacheEntry(type, [.. attributes]);
    }

    /// <summary>Returns a copy with attribute <paramref name="key"/> set (replaced when present).</summary>
    public CacheEntry With(string key, string value) =>
        new(Type, [.. Attributes.Where(pair => pair.Key != key), new(key, value)]);

    /// <summary>
    /// Parses a buildx cache value: <c>type=…,key=value,…</c>, or a bare image reference meaning
    /// <c>type=registry,ref=…</c>. Throws <see cref="FormatException"/> naming the bad value.
    /// </summary>
    public static CacheEntry Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (!text.Contains('=', StringComparison.Ordinal))
        {
            return Registry(text.Trim());
        }

        var pairs = KeyValueCsv.Parse(text, "cache entry");
        var type = pairs.LastOrDefault(pair => pair.Key == "type").Value;
        if (string.IsNullOrWhiteSpace(type))
        {
            throw new FormatException($"Invalid cache entry '{text}': type= is required (registry, local, gha, inline, s3, azblob).");
        }

        return new CacheEntry(type, [.. pairs.Where(pair => pair.Key != "type")]);
    }

    /// <summary>The <c>type=…,key=value</c> form buildx expects.</summary>
    public override string ToString() => KeyValueCsv.Format([new("type", Type), .. Attributes]);

    /// <inheritdoc />
    public bool Equals(CacheEntry? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc />
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    private static IEnumerable<KeyValuePair<string, string>> Optional(string key, string? value) =>
        value is null ? [] : [new(key, value)];

    private static IEnumerable<KeyValuePair<string, string>> Optional(string key, bool? value) =>
        value is null ? [] : [new(key, value.Value ? "true" : "false")];

    private static IEnumerable<KeyValuePair<string, string>> Optional(string key, CacheMode? value) =>
        value is null ? [] : [new(key, value == CacheMode.Max ? "max" : "min")];
}
