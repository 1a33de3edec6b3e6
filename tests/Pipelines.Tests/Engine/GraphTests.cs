namespace Pipelines.Tests.Engine;

public sealed class GraphTests
{
    private sealed class ChainBuild : RecordingBuild
    {
        public Target Clean => _ => _.Executes(() => Record(nameof(Clean)));

        public Target Restore => _ => _.Executes(() => Record(nameof(Restore)));

        public Target Compile => _ => _.DependsOn(Restore).Executes(() => Record(nameof(Compile)));

        public Target Test => _ => _.DependsOn(Compile).After(Clean).Executes(() => Record(nameof(Test)));

        public Target Pack => _ => _.DependsOn(Compile).Before(Test).Executes(() => Record(nameof(Pack)));

        public Target Publish => _ => _.DependsOn(Test, Pack).Triggers(Notify).Executes(() => Record(nameof(Publish)));

        public Target Notify => _ => _.Executes(() => Record(nameof(Notify)));

        public Target Report => _ => _.TriggeredBy(Test).Executes(() => Record(nameof(Report)));

        public Target Lint => _ => _.DependentFor(Compile).Executes(() => Record(nameof(Lint)));
    }

    [Fact]
    public async Task Dependencies_run_before_their_dependents()
    {
        var build = new ChainBuild();

        var result = await Harness.RunAsync(build, "Compile", []);

        result.ExitCode.ShouldBe(0, result.Output);
        build.Ran.ShouldBe(["Restore", "Lint", "Compile"]);
    }

    [Fact]
    public async Task After_and_Before_order_targets_without_adding_them()
    {
        var build = new ChainBuild();

        var result = await Harness.RunAsync(build, "Test", ["Test", "Clean", "Pack"]);

        result.ExitCode.ShouldBe(0, result.Output);
        build.Ran.IndexOf("Clean").ShouldBeLessThan(build.Ran.IndexOf("Test"));
        build.Ran.IndexOf("Pack").ShouldBeLessThan(build.Ran.IndexOf("Test"));
    }

    [Fact]
    public async Task Ordering_relations_alone_do_not_add_targets()
    {
        var build = new ChainBuild();

        await Harness.RunAsync(build, "Test", []);

        build.Ran.ShouldNotContain("Clean");
        build.Ran.ShouldNotContain("Pack");
    }

    [Fact]
    public async Task Triggers_and_TriggeredBy_add_targets_that_run_afterwards()
    {
        var build = new ChainBuild();

        var result = await Harness.RunAsync(build, "Publish", []);

        result.ExitCode.ShouldBe(0, result.Output);
        build.Ran.ShouldBe(["Restore", "Lint", "Compile", "Pack", "Test", "Publish", "Notify", "Report"]);
    }

    [Fact]
    public async Task Target_names_on_the_command_line_are_case_insensitive()
    {
        var build = new ChainBuild();

        var result = await Harness.RunAsync(build, "Publish", ["restore", "LINT"]);

        result.ExitCode.ShouldBe(0, result.Output);
        build.Ran.ShouldBe(["Restore", "Lint"]);
    }

    [Fact]
    public async Task Unknown_target_fails_with_did_you_mean_before_anything_runs()
    {
        var build = new ChainBuild();

        var result = await Harness.RunAsync(build, "Publish", ["Compil"]);

        result.ExitCode.ShouldBe(ExitCodes.InvalidBuild);
        result.Output.ShouldContain("Unknown target 'Compil'. Did you mean 'Compile'?");
        build.Ran.ShouldBeEmpty();
    }

    [Fact]
    public async Task Skip_option_skips_named_targets_and_without_names_everything_not_invoked()
    {
        var named = new ChainBuild();
        var all = new ChainBuild();

        var first = await Harness.RunAsync(named, "Compile", ["--skip", "lint"]);
        var second = await Harness.RunAsync(all, "Compile", ["Compile", "--skip"]);

        first.ExitCode.ShouldBe(0, first.Output);
        named.Ran.ShouldBe(["Restore", "Compile"]);
        all.Ran.ShouldBe(["Compile"]);
        second.Output.ShouldContain("Skipped");
    }

    private sealed class CycleBuild : RecordingBuild
    {
        public Target A => _ => _.DependsOn(B).Executes(() => Record("A"));

        public Target B => _ => _.DependsOn(C).Executes(() => Record("B"));

        public Target C => _ => _.After(A).Executes(() => Record("C"));
    }

    [Fact]
    public async Task Cycle_is_reported_as_a_path_before_anything_runs()
    {
        var build = new CycleBuild();

        var result = await Harness.RunAsync(build, "C", []);

        result.ExitCode.ShouldBe(ExitCodes.InvalidBuild);
        result.Output.ShouldContain("Circular dependency: A -> B -> C -> A");
        build.Ran.ShouldBeEmpty();
    }

    private sealed class ForeignTargetBuild : RecordingBuild
    {
        public Target A => _ => _.DependsOn<INotImplemented>(x => x.Other).Executes(() => Record("A"));
    }

    private interface INotImplemented : IPipelineBuild
    {
        Target Other => _ => _;
    }

    [Fact]
    public async Task Depending_on_a_component_the_build_does_not_implement_is_a_missing_dependency()
    {
        var result = await Harness.RunAsync(new ForeignTargetBuild(), "A", []);

        result.ExitCode.ShouldBe(ExitCodes.InvalidBuild);
        result.Output.ShouldContain("Missing dependency: a target of INotImplemented, which ForeignTargetBuild does not implement, required by A");
    }
}

public sealed class CommandLineTests
{
    private sealed class ThreeBuild : RecordingBuild
    {
        private int _running;

        public int MaxConcurrent { get; private set; }

        public Target A => _ => _.Executes(() => Work("A"));

        public Target B => _ => _.Executes(() => Work("B"));

        public Target C => _ => _.Executes(() => Work("C"));

        public Target Hidden => _ => _.Unlisted().Description("secret target").Executes(() => Record("Hidden"));

        private async Task Work(string name)
        {
            var now = Interlocked.Increment(ref _running);
            lock (this)
            {
                MaxConcurrent = Math.Max(MaxConcurrent, now);
            }

            await Task.Delay(200);
            Interlocked.Decrement(ref _running);
            Record(name);
        }
    }

    [Fact]
    public async Task Parallel_is_bounded_by_the_given_number()
    {
        var build = new ThreeBuild();

        var result = await Harness.RunAsync(build, "A", ["A", "B", "C", "--parallel", "2"]);

        result.ExitCode.ShouldBe(0, result.Output);
        build.MaxConcurrent.ShouldBe(2);
        build.Ran.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Unlisted_targets_are_hidden_from_help_but_can_be_invoked()
    {
        var build = new ThreeBuild();

        var help = await Harness.RunAsync(build, "A", ["--help"]);
        var run = await Harness.RunAsync(build, "A", ["hidden"]);

        help.Output.ShouldNotContain("Hidden");
        run.ExitCode.ShouldBe(0, run.Output);
        build.Ran.ShouldBe(["Hidden"]);
    }

    [Fact]
    public async Task Misspelled_engine_option_suggests_the_right_one()
    {
        var result = await Harness.RunAsync(new ThreeBuild(), "A", ["--paralel"]);

        result.ExitCode.ShouldBe(ExitCodes.InvalidBuild);
        result.Output.ShouldContain("Unknown option '--paralel'. Did you mean '--parallel'?");
    }

    [Fact]
    public async Task Invalid_parallel_count_is_rejected()
    {
        var result = await Harness.RunAsync(new ThreeBuild(), "A", ["--parallel=0"]);

        result.ExitCode.ShouldBe(ExitCodes.InvalidBuild);
        result.Output.ShouldContain("--parallel expects a positive number");
    }

    [Fact]
    public async Task Quiet_verbosity_prints_target_output_and_result_but_no_headers_or_table()
    {
        var result = await Harness.RunAsync(new ThreeBuild(), "A", ["--verbosity", "quiet"]);

        result.ExitCode.ShouldBe(0, result.Output);
        result.Output.ShouldNotContain("> A");
        result.Output.ShouldNotContain("Status");
        result.Output.ShouldContain("Build succeeded");
    }
}
