using BenchmarkDotNet.Attributes;
using Pipelines.Containers;
using Pipelines.Docker;

namespace Pipelines.Benchmarks;

/// <summary>Rendering the pipeline report (six images, two platforms) as a console table, Markdown and JSON.</summary>
[MemoryDiagnoser]
public class ReportRenderingBenchmarks
{
    private readonly PipelineReport _report = new()
    {
        Images = [.. new[] { "go-api", "c-cli", "node-web", "python-api", "java-app", "static-site" }.Select(name => new ImageReport
        {
            Image = name,
            Repository = $"127.0.0.1:5000/examples/{name}",
            Digest = "sha256:" + new string('a', 64),
            Budget = ByteSize.Megabytes(50),
            Baseline = ByteSize.Megabytes(900),
            Tags = ["1.2.3", "1.2", "1", "latest"],
            CachedSteps = 12,
            TotalSteps = 14,
            BuildDuration = TimeSpan.FromSeconds(3.2),
            Platforms = [.. new[] { Platform.LinuxAmd64, Platform.LinuxArm64 }.Select(platform => new PlatformReport
            {
                Platform = platform,
                ManifestDigest = "sha256:" + new string('b', 64),
                CompressedSize = ByteSize.Megabytes(9),
                UncompressedSize = ByteSize.Megabytes(21),
                User = "65532:65532",
                HasHealthcheck = true,
            })],
        })],
    };

    [Benchmark]
    public int Table() => ReportRenderer.RenderTable(_report).Length;

    [Benchmark]
    public int Markdown() => ReportRenderer.RenderMarkdown(_report).Length;

    [Benchmark]
    public int Json() => ReportRenderer.RenderJson(_report).Length;
}
