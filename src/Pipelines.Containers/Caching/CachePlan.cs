using Pipelines.Docker;

namespace Pipelines.Containers;

/// <summary>The cache of one image build: where it is read from and written to (always the same place).</summary>
/// <param name="Backend">The backend chosen (never <see cref="CacheBackend.Auto"/>).</param>
/// <param name="From">The <c>--cache-from</c> entries.</param>
/// <param name="To">The <c>--cache-to</c> entries; each has <c>ignore-error=true</c> so a failed export only warns.</param>
public sealed record CachePlan(CacheBackend Backend, IReadOnlyList<CacheEntry> From, IReadOnlyList<CacheEntry> To);
