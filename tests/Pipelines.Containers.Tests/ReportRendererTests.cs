using Pipelines.Containers;
using Pipelines.Docker;

namespace Pipelines.Containers.Tests;

public sealed class ReportRendererTests
{
    private static PipelineReport Report() => new()
    {
        Created = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
        Images =
        [
            new ImageReport
            {
                Image = "api",
                Repository = "127.0.0.1:5000/api",
                Digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111",
                Budget = ByteSize.Megabytes(15),
                Baseline = new ByteSize(1_100_000_000),
                BaselineSource = "Dockerfile.single-stage",
                CachedSteps = 7,
                TotalSteps = 9,
                BuildDuration = TimeSpan.FromSeconds(12.34),
                Tags = ["1.2.3", "latest"],
                Published = true,
                Platforms =
                [
                    new PlatformReport
                    {
                        Platform = Platform.LinuxAmd64, ManifestDigest = "sha256:2222222222222222222222222222222222222222222222222222222222222222", CompressedSize = new ByteSize(9_000_000),
                        Layers = [new LayerInfo("sha256:aa", 8_000_000, 20_000_000, 3, 1_000, "COPY /out/api /api # buildkit")],
                    },
                    new PlatformReport { Platform = Platform.LinuxArm64, ManifestDigest = "sha256:3333333333333333333333333333333333333333333333333333333333333333", CompressedSize = new ByteSize(16_000_000) },
                ],
                Findings = [new VerificationFinding("api", Platform.LinuxArm64, "size-budget", "compressed size 16 MB exceeds the budget of 15 MB by 1 MB.")],
            },
        ],
    };

    [Fact]
    public void Rows_show_size_budget_baseline_saving_digest_cache_and_duration()
    {
        var rows = ReportRenderer.Rows(Report()).ToList();

        rows[0].ShouldBe(["api", "linux/amd64", "9 MB", "15 MB", "1.1 GB", "1.1 GB → 9 MB (−99.2%)", "sha256:222222222222", "7/9", "12.3 s"]);
        rows[1][2].ShouldBe("16 MB OVER");
    }

    [Fact]
    public void Console_table_lists_every_platform_and_the_findings()
    {
        var table = ReportRenderer.RenderTable(Report());

        table.ShouldContain("linux/amd64");
        table.ShouldContain("linux/arm64");
        table.ShouldContain("(−99.2%)");
        table.ShouldContain("FAIL api (linux/arm64) [size-budget]");
    }

    [Fact]
    public void Markdown_has_a_table_tags_and_findings()
    {
        var markdown = ReportRenderer.RenderMarkdown(Report());

        markdown.ShouldContain("| Image | Platform | Size | Budget | Baseline | Saving | Digest | Cache hits | Duration |");
        markdown.ShouldContain("| api | linux/amd64 | 9 MB | 15 MB | 1.1 GB | 1.1 GB → 9 MB (−99.2%) | sha256:222222222222 | 7/9 | 12.3 s |");
        markdown.ShouldContain("`1.2.3`, `latest`");
        markdown.ShouldContain("`size-budget`");
        markdown.ShouldContain("| 1 | 8 MB | 20 MB | 1 kB | `COPY /out/api /api # buildkit` |");
    }

    [Fact]
    public void Json_has_bytes_saving_and_findings()
    {
        using var json = System.Text.Json.JsonDocument.Parse(ReportRenderer.RenderJson(Report()));
        var image = json.RootElement.GetProperty("images")[0];

        image.GetProperty("baselineBytes").GetInt64().ShouldBe(1_100_000_000);
        image.GetProperty("platforms")[0].GetProperty("compressedBytes").GetInt64().ShouldBe(9_000_000);
        image.GetProperty("platforms")[0].GetProperty("saving").GetDouble().ShouldBe(0.9918);
        image.GetProperty("findings")[0].GetProperty("rule").GetString().ShouldBe("size-budget");
    }
}
