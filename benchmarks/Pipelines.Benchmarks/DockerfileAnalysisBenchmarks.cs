using System.Text;
using BenchmarkDotNet.Attributes;
using Pipelines.Dockerfile;

namespace Pipelines.Benchmarks;

/// <summary>Parse + stage graph + lint of a 1,000-line multi-stage Dockerfile (goal: under 2 ms).</summary>
[MemoryDiagnoser]
public class DockerfileAnalysisBenchmarks
{
    private string _text = "";

    [GlobalSetup]
    public void Setup()
    {
        var builder = new StringBuilder("ARG BASE=debian:bookworm-slim\n");
        for (var stage = 0; builder.Length < 60_000 && CountLines(builder) < 990; stage++)
        {
            builder.Append($"FROM --platform=$BUILDPLATFORM ${{BASE}} AS stage{stage}\n")
                .Append("WORKDIR /src\n")
                .Append("RUN apt-get update && apt-get install -y --no-install-recommends gcc make \\\n    && rm -rf /var/lib/apt/lists/*\n")
                .Append("COPY go.mod go.sum ./\n")
                .Append("RUN --mount=type=cache,target=/root/.cache go mod download\n")
                .Append("COPY . .\n")
                .Append($"RUN make build-{stage} && cp out /out-{stage}\n")
                .Append("ENV A=1 B=2 C=\"three four\"\n");
            if (stage > 0)
            {
                builder.Append($"COPY --from=stage{stage - 1} /out-{stage - 1} /prev\n");
            }
        }

        builder.Append("FROM scratch AS production\nCOPY --from=stage0 /out-0 /app\nUSER 65532:65532\nENTRYPOINT [\"/app\"]\n");
        _text = builder.ToString();
    }

    [Benchmark]
    public int ParseGraphAndLint()
    {
        var document = DockerfileDocument.Parse(_text, "Dockerfile");
        return document.Stages.Count + DockerfileLinter.Lint(document).Count;
    }

    private static int CountLines(StringBuilder builder)
    {
        var lines = 0;
        for (var i = 0; i < builder.Length; i++)
        {
            lines += builder[i] == '\n' ? 1 : 0;
        }

        return lines;
    }
}
