namespace Pipelines.Containers;

/// <summary>Everything the pipeline learned about one image.</summary>
public sealed record ImageReport
{
    /// <summary>The image name.</summary>
    public required string Image { get; init; }

    /// <summary>The full repository (<c>REGISTRY/PATH</c>), when a registry is configured.</summary>
    public string? Repository { get; init; }

    /// <summary>The multi-platform index digest that was built, verified and published.</summary>
    public string? Digest { get; init; }

    /// <summary>Per-platform results of the verified image.</summary>
    public IReadOnlyList<PlatformReport> Platforms { get; init; } = [];

    /// <summary>The size budget.</summary>
    public ByteSize? Budget { get; init; }

    /// <summary>The single-stage baseline's compressed size, when one was built.</summary>
    public ByteSize? Baseline { get; init; }

    /// <summary>What the baseline is (<c>Dockerfile.single-stage</c> or <c>stage build</c>).</summary>
    public string? BaselineSource { get; init; }

    /// <summary>The test stage results.</summary>
    public TestRunReport? Tests { get; init; }

    /// <summary>Published tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>True when the tags were created and checked.</summary>
    public bool Published { get; init; }

    /// <summary>Dockerfile steps taken from the cache in the build solve.</summary>
    public int CachedSteps { get; init; }

    /// <summary>Dockerfile steps in the build solve.</summary>
    public int TotalSteps { get; init; }

    /// <summary>Wall-clock time of the solve that built the image (shared by the images of one solve).</summary>
    public TimeSpan BuildDuration { get; init; }

    /// <summary>Broken verification rules.</summary>
    public IReadOnlyList<VerificationFinding> Findings { get; init; } = [];

    /// <summary>The saving of <paramref name="platform"/>'s image versus the baseline, as a fraction (0.99 = 99 % smaller), or null.</summary>
    public double? Saving(PlatformReport platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return Baseline is { Bytes: > 0 } baseline ? 1 - ((double)platform.CompressedSize.Bytes / baseline.Bytes) : null;
    }
}
