using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Pipelines.Docker;
using Pipelines.Dockerfile;
using Pipelines.IntegrationTests.Engine;
using BuildxCli = Pipelines.Docker.Buildx;

namespace Pipelines.IntegrationTests.Buildx;

[Collection(EngineCollection.Name)]
public sealed class BuildxBuildTests
{
    [Fact]
    public async Task Test_stage_results_are_exported_with_a_local_output()
    {
        await using var scope = new BuildxTestScope();
        var destination = Path.Combine(scope.WorkDirectory, "test-results");

        var result = await BuildxCli.BuildAsync(scope.Settings("app").SetTarget("test").AddOutput(BuildOutput.Local(destination)));

        File.ReadAllText(Path.Combine(destination, "out", "results.txt")).Trim().ShouldBe("ok 1 - app built");
        result.BuildRef.ShouldNotBeNullOrEmpty();
        result.Digest.ShouldBeNull("a local export is not an image");
    }

    [Theory]
    [InlineData(ProgressMode.Plain)]
    [InlineData(ProgressMode.RawJson)]
    public async Task A_failing_test_stage_fails_with_the_stage_output_in_the_exception(ProgressMode progress)
    {
        await using var scope = new BuildxTestScope();

        var exception = await Should.ThrowAsync<BuildxFailedException>(() =>
            BuildxCli.BuildAsync(scope.Settings("failing").SetTarget("test").SetProgress(progress).AddOutput(BuildOutput.CacheOnly())));

        exception.Kind.ShouldBe(BuildxFailureKind.StepFailed);
        exception.Output.ShouldContain("FAIL: expected 2, got 3");
        exception.Message.ShouldContain("FAIL: expected 2, got 3");
        exception.Fix.ShouldNotBeNull();
    }

    [Fact]
    public async Task Live_progress_reports_steps_done_of_total_and_streams_decoded_step_output()
    {
        await using var scope = new BuildxTestScope();
        var reports = new List<BuildProgress>();
        var lines = new List<string>();
        using var sink = Pipelines.Output.OutputSink.Use(line => { lock (lines) { lines.Add(line.Text); } });

        var result = await BuildxCli.BuildAsync(
            scope.Settings("failing").SetTarget("build").AddOutput(BuildOutput.CacheOnly()).AddNoCacheFilter("build"),
            new SynchronousProgress<BuildProgress>(reports.Add));

        reports.ShouldNotBeEmpty();
        reports[^1].Done.ShouldBe(reports[^1].Total);
        reports[^1].Total.ShouldBe(result.CachedSteps + result.ExecutedSteps);
        reports.ShouldContain(report => report.Done < report.Total, "an intermediate report while the RUN step runs");
        lines.ShouldNotContain(line => line.StartsWith("{\"vertexes\"", StringComparison.Ordinal), "raw JSON is not echoed");
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    [Fact]
    public async Task Build_with_a_mistyped_target_fails_before_buildkit_starts_with_a_suggestion()
    {
        await using var scope = new BuildxTestScope();

        var exception = await Should.ThrowAsync<UnknownStageException>(() => BuildxCli.BuildAsync(scope.Settings("app").SetTarget("prodution")));

        exception.Suggestion.ShouldBe("production");
    }

    [Fact]
    public async Task A_secret_passed_via_env_is_readable_in_the_build_and_absent_from_every_layer()
    {
        await using var scope = new BuildxTestScope();
        var secret = $"it-secret-{Guid.NewGuid():N}";
        var archive = Path.Combine(scope.WorkDirectory, "image.oci.tar");

        await BuildxCli.BuildAsync(scope.Settings("secret").AddSecret("token", secret).AddOutput(BuildOutput.Oci(archive)));

        var expectedHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        var blobs = ReadBlobs(archive);
        blobs.Count.ShouldBeGreaterThan(2);
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        foreach (var (name, content) in blobs)
        {
            content.AsSpan().IndexOf(secretBytes).ShouldBe(-1, $"the secret leaked into {name}");
        }

        var hashFiles = blobs.SelectMany(blob => FilesInLayer(blob.Content)).Where(file => file.Name.TrimStart('.', '/') == "token.sha256").ToList();
        hashFiles.ShouldHaveSingleItem().Text.Trim().ShouldBe(expectedHash, "the RUN step read the secret");
    }

    /// <summary>Every blob of an OCI layout tarball, gunzipped when compressed.</summary>
    private static List<(string Name, byte[] Content)> ReadBlobs(string archive)
    {
        var blobs = new List<(string, byte[])>();
        using var stream = File.OpenRead(archive);
        using var reader = new TarReader(stream);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is null || !entry.Name.Contains("blobs/", StringComparison.Ordinal))
            {
                continue;
            }

            using var buffer = new MemoryStream();
            entry.DataStream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            if (bytes.Length > 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
            {
                using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                using var plain = new MemoryStream();
                gzip.CopyTo(plain);
                bytes = plain.ToArray();
            }

            blobs.Add((entry.Name, bytes));
        }

        return blobs;
    }

    private static IEnumerable<(string Name, string Text)> FilesInLayer(byte[] content)
    {
        if (content.Length < 512 || content[0] == (byte)'{')
        {
            yield break;
        }

        var files = new List<(string, string)>();
        try
        {
            using var reader = new TarReader(new MemoryStream(content));
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is not null && entry.Length < 4096)
                {
                    using var text = new StreamReader(entry.DataStream);
                    files.Add((entry.Name, text.ReadToEnd()));
                }
            }
        }
        catch (InvalidDataException)
        {
            // not a layer tar (config or manifest JSON)
        }

        foreach (var file in files)
        {
            yield return file;
        }
    }
}
