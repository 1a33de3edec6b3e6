namespace Pipelines.Dockerfile.Tests;

/// <summary>Mutated Dockerfiles either parse or fail with a <see cref="DockerfileParseException"/> inside the file; nothing else escapes.</summary>
public class ParserRobustnessTests
{
    private const string Seed = """
        # syntax=docker/dockerfile:1
        ARG BASE=debian:12-slim
        FROM --platform=$BUILDPLATFORM ${BASE} AS deps
        RUN --mount=type=cache,target=/var/cache/apt \
            apt-get update && apt-get install -y --no-install-recommends gcc
        ENV A=1 B="two words" C='x'
        COPY --from=deps --chown=1:1 ["a", "b", "/c/"]
        RUN <<EOF
        echo "$A"
        EOF
        FROM scratch AS production
        COPY --from=deps /out /app
        HEALTHCHECK --interval=5s CMD ["/app", "health"]
        ENTRYPOINT ["/app"]
        """;

    private static readonly string[] Fragments = ["\\", "`", "\"", "'", "$", "${", "}", "[", "]", "<<", "<<-", "--", "=", ",", "#", "\n", " ", "\t", "AS", "FROM", "\r\n", "{", ":-", "\\\n"];

    [Fact]
    public void Random_mutations_never_throw_anything_but_a_parse_exception_with_a_valid_position()
    {
        // FUZZ_SEED / FUZZ_ROUNDS widen the search locally; CI runs the fixed seed
        var random = new Random(int.Parse(Environment.GetEnvironmentVariable("FUZZ_SEED") ?? "20261130"));
        var outcomes = new Dictionary<string, int>();
        for (var round = 0; round < int.Parse(Environment.GetEnvironmentVariable("FUZZ_ROUNDS") ?? "3000"); round++)
        {
            var text = Seed;
            var edits = random.Next(1, 4);
            for (var e = 0; e < edits; e++)
            {
                var at = random.Next(text.Length + 1);
                text = random.Next(3) switch
                {
                    0 => text.Insert(at, Fragments[random.Next(Fragments.Length)]),
                    1 when at < text.Length => text.Remove(at, Math.Min(random.Next(1, 8), text.Length - at)),
                    _ => text[..at] + text[Math.Min(text.Length, at + random.Next(0, 3))..].Replace("AS", "as", StringComparison.Ordinal),
                };
            }

            var lineCount = text.Split('\n').Length;
            try
            {
                var document = DockerfileDocument.Parse(text);
                DockerfileLinter.Lint(document);
                _ = document.Graph.Levels();
                outcomes["parsed"] = outcomes.GetValueOrDefault("parsed") + 1;
            }
            catch (DockerfileParseException error)
            {
                error.Line.ShouldBeInRange(1, lineCount, text);
                error.Column.ShouldBeGreaterThanOrEqualTo(1, text);
                outcomes["rejected"] = outcomes.GetValueOrDefault("rejected") + 1;
            }
        }

        outcomes.Keys.Order().ShouldBe(["parsed", "rejected"]);
    }
}
