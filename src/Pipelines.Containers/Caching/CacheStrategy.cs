using Pipelines.Docker;

namespace Pipelines.Containers;

/// <summary>Chooses the BuildKit cache of an image build. Pure: the environment and file-system checks are inputs.</summary>
public static class CacheStrategy
{
    /// <summary>
    /// The cache plan for <paramref name="image"/> built for <paramref name="platforms"/>.
    /// <see cref="CacheBackend.Auto"/>: <c>GITHUB_ACTIONS=true</c> → gha (scope <c>IMAGE-PLATFORMS</c>, so images and
    /// platform sets never overwrite each other); a registry → <c>REPOSITORY_REF:buildcache</c> with <c>mode=max</c>;
    /// else a local directory <paramref name="localDirectory"/>.
    /// </summary>
    /// <param name="requested">The backend asked for.</param>
    /// <param name="image">The image name.</param>
    /// <param name="platforms">The platforms of the build.</param>
    /// <param name="imageRepository">The image's full repository, e.g. <c>127.0.0.1:5000/acme/api</c>; null or empty when no registry is configured.</param>
    /// <param name="localDirectory">The local cache directory of the image.</param>
    /// <param name="environment">Environment variables (only <c>GITHUB_ACTIONS</c> is read).</param>
    /// <param name="directoryHasCache">Whether a local cache exists at a directory (import only then); <see cref="Directory.Exists(string)"/> of <c>index.json</c>'s folder when null.</param>
    public static CachePlan Select(
        CacheBackend requested,
        string image,
        IReadOnlyList<Platform> platforms,
        string? imageRepository,
        string localDirectory,
        IReadOnlyDictionary<string, string?> environment,
        Func<string, bool>? directoryHasCache = null)
    {
        ArgumentNullException.ThrowIfNull(platforms);
        ArgumentNullException.ThrowIfNull(environment);
        var backend = requested;
        if (backend == CacheBackend.Auto)
        {
            backend = environment.TryGetValue("GITHUB_ACTIONS", out var gha) && string.Equals(gha, "true", StringComparison.OrdinalIgnoreCase)
                ? CacheBackend.Gha
                : !string.IsNullOrWhiteSpace(imageRepository) ? CacheBackend.Registry : CacheBackend.Local;
        }

        switch (backend)
        {
            case CacheBackend.Gha:
                var scope = Scope(image, platforms);
                return new CachePlan(backend, [CacheEntry.Gha(scope)], [CacheEntry.Gha(scope, Docker.CacheMode.Max, ignoreError: true)]);
            case CacheBackend.Registry:
                if (string.IsNullOrWhiteSpace(imageRepository))
                {
                    throw new ContainerPipelineException($"Image '{image}': the registry cache needs a registry; set --registry or choose --cache-mode local.");
                }

                var reference = $"{imageRepository}:buildcache";
                return new CachePlan(backend, [CacheEntry.Registry(reference)], [CacheEntry.Registry(reference, Docker.CacheMode.Max, ignoreError: true)]);
            case CacheBackend.Local:
                var exists = (directoryHasCache ?? (dir => File.Exists(Path.Combine(dir, "index.json"))))(localDirectory);
                return new CachePlan(
                    backend,
                    exists ? [CacheEntry.LocalSource(localDirectory)] : [],
                    [CacheEntry.LocalDestination(localDirectory, Docker.CacheMode.Max).With("ignore-error", "true")]);
            default:
                return new CachePlan(CacheBackend.None, [], []);
        }
    }

    /// <summary>The gha scope of an image: <c>IMAGE-OS-ARCH[-…]</c>, e.g. <c>api-linux-amd64-linux-arm64</c>.</summary>
    public static string Scope(string image, IReadOnlyList<Platform> platforms)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(platforms);
        var slug = string.Join('-', platforms.Select(p => p.ToString().Replace('/', '-')));
        return (image.Replace('/', '-') + (slug.Length > 0 ? "-" + slug : "")).ToLowerInvariant();
    }
}
