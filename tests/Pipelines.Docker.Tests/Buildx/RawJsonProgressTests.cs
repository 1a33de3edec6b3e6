namespace Pipelines.Docker.Tests.Buildx;

public sealed class RawJsonProgressTests
{
    [Fact]
    public void Vertices_are_merged_by_digest_into_steps_with_cache_state_and_duration()
    {
        var stream = """
            {"vertexes":[{"digest":"sha256:a","name":"[internal] load build definition from Dockerfile"}]}
            {"vertexes":[{"digest":"sha256:b","name":"[linux/amd64 base 1/2] FROM docker.io/library/busybox:latest","started":"2026-11-30T05:02:17.30Z","completed":"2026-11-30T05:02:17.40Z"}]}
            {"vertexes":[{"digest":"sha256:c","name":"[linux/amd64 base 2/2] RUN echo base","started":"2026-11-30T05:02:17.394Z","completed":"2026-11-30T05:02:17.394Z","cached":true}]}
            {"vertexes":[{"digest":"sha256:d","name":"[build 1/1] RUN make","started":"2026-11-30T05:02:17.000Z"}]}
            {"logs":[{"vertex":"sha256:d","stream":1,"data":"Y29tcGlsaW5nCg==","timestamp":"2026-11-30T05:02:17.5Z"}]}
            {"vertexes":[{"digest":"sha256:d","name":"[build 1/1] RUN make","started":"2026-11-30T05:02:17.000Z","completed":"2026-11-30T05:02:19.500Z"}]}
            ERROR: something
            """;

        var parsed = RawJsonProgress.Parse(stream);

        parsed.Steps.Count.ShouldBe(4);
        parsed.Steps[0].IsInstruction.ShouldBeFalse();
        parsed.Steps[1].IsFrom.ShouldBeTrue();
        parsed.Steps[2].Cached.ShouldBeTrue();
        parsed.Steps[3].Cached.ShouldBeFalse();
        parsed.Steps[3].Duration.ShouldBe(TimeSpan.FromMilliseconds(2500));
        parsed.Logs.ShouldBe(["[build 1/1] RUN make: compiling"]);
        parsed.OtherLines.ShouldBe(["ERROR: something"]);

        var result = new BuildResult { Steps = parsed.Steps };
        result.CachedSteps.ShouldBe(1);
        result.ExecutedSteps.ShouldBe(1);
    }
}
