using Pipelines.Output;
using Shouldly;
using Xunit;

namespace Pipelines.Tests.Engine;

public sealed class LiveConsoleTests
{
    private sealed class ObservingBuild : RecordingBuild
    {
        public Target Left => _ => _.Executes(() => Record($"Left:{LiveConsole.Current is not null}"));

        public Target Right => _ => _.Executes(() => Record($"Right:{LiveConsole.Current is not null}"));

        public Target Both => _ => _.DependsOn(Left, Right).Executes(() => Record($"Both:{LiveConsole.Current is not null}"));
    }

    [Fact]
    public async Task A_target_running_alone_on_a_terminal_may_draw_a_live_display()
    {
        var build = new ObservingBuild();

        var result = await Harness.RunAsync(build, "Both", [], host: new TerminalHost(), terminal: true);

        result.ExitCode.ShouldBe(0, result.Output);
        build.Ran.ShouldBe(["Left:True", "Right:True", "Both:True"]);
        LiveConsole.Current.ShouldBeNull("the console is only lent to running targets");
    }

    [Fact]
    public async Task On_CI_or_with_redirected_output_targets_get_no_live_display()
    {
        var onCi = new ObservingBuild();
        var redirected = new ObservingBuild();

        (await Harness.RunAsync(onCi, "Both", [], host: new ContinuousIntegrationHost(), terminal: true)).ExitCode.ShouldBe(0);
        (await Harness.RunAsync(redirected, "Both", [], host: new TerminalHost())).ExitCode.ShouldBe(0);

        onCi.Ran.ShouldAllBe(entry => entry.EndsWith(":False"));
        redirected.Ran.ShouldAllBe(entry => entry.EndsWith(":False"));
    }

    [Fact]
    public async Task Parallel_targets_get_no_live_display_because_they_would_draw_over_each_other()
    {
        var build = new ObservingBuild();

        var result = await Harness.RunAsync(build, "Both", ["--parallel"], host: new TerminalHost(), terminal: true);

        result.ExitCode.ShouldBe(0, result.Output);
        build.Ran.Where(entry => !entry.StartsWith("Both", StringComparison.Ordinal)).ShouldAllBe(entry => entry.EndsWith(":False"));
    }
}
