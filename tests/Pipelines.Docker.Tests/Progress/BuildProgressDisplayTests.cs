using Pipelines.Output;
using Shouldly;
using Spectre.Console.Testing;
using Xunit;

namespace Pipelines.Docker.Tests.Progress;

public sealed class BuildProgressDisplayTests : IDisposable
{
    private readonly string _logFile = Path.Combine(Path.GetTempPath(), $"pipelines-display-test-{Guid.NewGuid():N}.log");

    public void Dispose() => File.Delete(_logFile);

    [Fact]
    public void The_table_shows_each_image_with_steps_cached_and_state()
    {
        var console = new TestConsole().Width(160);

        console.Write(BuildProgressDisplay.Render(
            [
                new ImageProgress("go-api", 9, 4, 3) { Current = "[builder 3/5] RUN go build", LastLog = "compiling", State = ImageProgressState.Running },
                new ImageProgress("c-cli", 5, 5, 5) { State = ImageProgressState.Done },
                new ImageProgress("web", 0, 0, 0) { State = ImageProgressState.Waiting },
            ], TimeSpan.FromSeconds(12.3)));

        var lines = console.Output.Split('\n');
        lines.ShouldContain(line => line.Contains("go-api") && line.Contains("4/9") && line.Contains("RUN go build · compiling"));
        lines.ShouldContain(line => line.Contains("c-cli") && line.Contains("5/5") && line.Contains("done"));
        lines.ShouldContain(line => line.Contains("web") && line.Contains("0/0") && line.Contains("waiting"));
        console.Output.ShouldContain("12.3s");
    }

    [Theory]
    [InlineData("RUN --mount=type=cache,target=/root/.cache/go-build     GOOS=linux go build ./cmd/api", "RUN GOOS=linux go build ./cmd/api")]
    [InlineData("RUN --mount=type=cache,target=/var/cache/apt,sharing=locked     --mount=type=cache,target=/var/lib/apt apt-get update", "RUN apt-get update")]
    [InlineData("COPY --from=build --chown=65532:65532 /out/api /api", "COPY /out/api /api")]
    [InlineData("RUN echo --not-a-flag", "RUN echo --not-a-flag")]
    [InlineData("WORKDIR /src", "WORKDIR /src")]
    public void The_running_step_is_shown_without_its_flags(string step, string shown)
    {
        BuildProgressDisplay.Instruction(step).ShouldBe(shown);
    }

    [Fact]
    public async Task Without_a_live_console_the_build_streams_its_log_as_usual_and_no_log_file_is_written()
    {
        var seen = new List<string>();
        using var sink = OutputSink.Use(line => seen.Add(line.Text));

        var result = await BuildProgressDisplay.RunAsync(["app"], _logFile, () =>
        {
            OutputSink.Write("#1 [base 1/1] FROM busybox");
            return Task.FromResult(42);
        });

        result.ShouldBe(42);
        seen.ShouldBe(["#1 [base 1/1] FROM busybox"]);
        File.Exists(_logFile).ShouldBeFalse();
    }

    [Fact]
    public async Task On_a_live_console_the_log_goes_to_the_file_and_the_final_table_stays_on_screen()
    {
        var console = new TestConsole().Width(160).Interactive();
        var seen = new List<string>();
        using var sink = OutputSink.Use(line => seen.Add(line.Text));
        using var live = LiveConsole.Use(console);

        await BuildProgressDisplay.RunAsync(["demo", "demo-test"], _logFile, async () =>
        {
            foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Progress", "Fixtures", "bake-two-targets.plain.txt")))
            {
                OutputSink.Write(line);
            }

            await Task.Delay(300); // at least one refresh while running
            return 0;
        });

        seen.ShouldBe([$"buildx log: {_logFile}"]);
        File.ReadAllText(_logFile).ShouldContain("#8 0.866 base-step");
        var screen = console.Output.Split('\n');
        screen.ShouldContain(line => line.Contains("demo ") && line.Contains("6/6") && line.Contains("done"));
        screen.ShouldContain(line => line.Contains("demo-test") && line.Contains("1/1") && line.Contains("done"));
    }

    [Fact]
    public async Task A_failing_build_still_throws_and_its_row_ends_failed()
    {
        var console = new TestConsole().Width(160).Interactive();
        using var sink = OutputSink.Use(_ => { });
        using var live = LiveConsole.Use(console);

        var failure = await Should.ThrowAsync<InvalidOperationException>(() => BuildProgressDisplay.RunAsync<int>(["app"], _logFile, () =>
        {
            foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Progress", "Fixtures", "build-failing-step.plain.txt")))
            {
                OutputSink.Write(line);
            }

            throw new InvalidOperationException("buildx failed");
        }));

        failure.Message.ShouldBe("buildx failed");
        console.Output.Split('\n').ShouldContain(line => line.Contains("app") && line.Contains("failed"));
    }

    [Fact]
    public async Task Secrets_never_reach_the_log_file()
    {
        SecretMasker.Register("s3cr3t-value-for-display-test");
        using var sink = OutputSink.Use(_ => { });
        using var live = LiveConsole.Use(new TestConsole().Interactive());

        await BuildProgressDisplay.RunAsync(["app"], _logFile, () =>
        {
            OutputSink.Current(new OutputLine("#5 0.1 token=s3cr3t-value-for-display-test", IsError: false));
            return Task.FromResult(0);
        });

        File.ReadAllText(_logFile).ShouldNotContain("s3cr3t-value-for-display-test");
    }
}
