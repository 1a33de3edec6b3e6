using Shouldly;
using Xunit;

namespace Pipelines.Docker.Tests.Progress;

public sealed class PlainProgressTrackerTests
{
    // bake of "demo" (production, linux/amd64 + linux/arm64: base 2 steps + production 1 step per platform) and
    // "demo-test" (test stage: 1 step on top of the shared base), recorded with --no-cache from dockerd 28 / buildx 0.29
    private static string[] BakeLines => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Progress", "Fixtures", "bake-two-targets.plain.txt"));

    private static string[] FailingLines => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Progress", "Fixtures", "build-failing-step.plain.txt"));

    private static PlainProgressTracker Feed(IReadOnlyList<string> images, IEnumerable<string> lines)
    {
        var tracker = new PlainProgressTracker(images);
        foreach (var line in lines)
        {
            tracker.Feed(line);
        }

        return tracker;
    }

    [Fact]
    public void Counts_each_bake_targets_steps_done_and_cached_across_platforms_and_stages()
    {
        var tracker = Feed(["demo", "demo-test"], BakeLines);

        var rows = tracker.Snapshot();

        rows.Select(r => r.Image).ShouldBe(["demo", "demo-test"]);
        rows[0].ShouldBe(new ImageProgress("demo", Total: 6, Done: 6, Cached: 2) { State = ImageProgressState.Running });
        rows[1].ShouldBe(new ImageProgress("demo-test", Total: 1, Done: 1, Cached: 0) { State = ImageProgressState.Running });
    }

    [Fact]
    public void Mid_build_shows_the_running_step_with_its_latest_output_and_images_not_started_yet_as_waiting()
    {
        var upToFirstRunOutput = BakeLines.TakeWhile(line => line != "#8 DONE 2.1s");

        var rows = Feed(["demo", "demo-test"], upToFirstRunOutput).Snapshot();

        rows[0].State.ShouldBe(ImageProgressState.Running);
        rows[0].Done.ShouldBe(2);
        rows[0].Cached.ShouldBe(2);
        rows[0].Total.ShouldBe(4, "two stages seen so far, base (2 steps) on two platforms");
        rows[0].Current.ShouldBe("RUN echo base-step && sleep 1");
        rows[0].LastLog.ShouldBe("base-step");
        rows[1].State.ShouldBe(ImageProgressState.Waiting);
    }

    [Fact]
    public void After_the_build_totals_are_the_steps_that_ran()
    {
        var tracker = Feed(["demo", "demo-test"], BakeLines);

        tracker.Complete(succeeded: true);

        tracker.Snapshot().ShouldAllBe(row => row.State == ImageProgressState.Done && row.Done == row.Total && row.Current == null);
    }

    [Fact]
    public void A_single_build_has_one_row_whatever_the_stage_and_a_failed_step_marks_it_failed()
    {
        var tracker = Feed(["app"], FailingLines);

        var running = tracker.Snapshot().ShouldHaveSingleItem();
        tracker.Complete(succeeded: false);
        var finished = tracker.Snapshot().ShouldHaveSingleItem();

        running.State.ShouldBe(ImageProgressState.Failed);
        running.Done.ShouldBe(1);
        running.Total.ShouldBe(2, "base has two steps; the failing RUN never completed");
        finished.State.ShouldBe(ImageProgressState.Failed);
    }

    [Theory]
    [InlineData("ERROR: failed to build: failed to solve")]
    [InlineData("#0 building with \"default\" instance using docker driver")]
    [InlineData("#1 [internal] load build definition from Dockerfile")]
    [InlineData("#99 DONE 0.1s")]
    [InlineData("")]
    public void Lines_that_are_not_dockerfile_steps_are_ignored(string line)
    {
        var tracker = Feed(["app"], [line]);

        tracker.Snapshot().ShouldHaveSingleItem().ShouldBe(new ImageProgress("app", 0, 0, 0) { State = ImageProgressState.Waiting });
    }

    [Fact]
    public void A_step_header_repeated_when_buildkit_resumes_printing_counts_once()
    {
        var tracker = Feed(["app"], ["#6 [base 1/2] FROM busybox", "#6 ...", "#6 [base 1/2] FROM busybox", "#6 CACHED"]);

        tracker.Snapshot().ShouldHaveSingleItem().ShouldBe(new ImageProgress("app", 2, 1, 1) { Current = null, State = ImageProgressState.Running });
    }
}
