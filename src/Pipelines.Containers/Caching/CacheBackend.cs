namespace Pipelines.Containers;

/// <summary>Where the pipeline keeps BuildKit's cache between builds.</summary>
public enum CacheBackend
{
    /// <summary>GitHub Actions cache on GitHub Actions, else the registry when one is configured, else a local directory.</summary>
    Auto,

    /// <summary>The GitHub Actions cache (<c>type=gha</c>), one scope per image and platform set.</summary>
    Gha,

    /// <summary>A registry cache at <c>REGISTRY/REPOSITORY/IMAGE:buildcache</c> (<c>mode=max</c>).</summary>
    Registry,

    /// <summary>A local directory under <c>.pipelines/cache/IMAGE</c>.</summary>
    Local,

    /// <summary>No cache import or export.</summary>
    None,
}
