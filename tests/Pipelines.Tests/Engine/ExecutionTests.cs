namespace Pipelines.Tests.Engine;

public sealed class ExecutionTests
{
    private sealed class ConditionBuild : RecordingBuild
    {
        public bool Ready { get; set; }

        public Target Prepare => _ => _.Executes(() =>
        {
            Record(nameof(Prepare));
            Ready = true;
        });

        public Target Setup => _ => _.Executes(() => Record(nameof(Setup)));

        public Target Static => _ => _.DependsOn(Setup).OnlyWhenStatic(() => Ready).Executes(() => Record(nameof(Static)));

        public Target StaticSkippingDependencies => _ => _.DependsOn(Setup).OnlyWhenStatic(() => Ready)
            .WhenSkipped(DependencyBehavior.Skip).Executes(() => Record(nameof(StaticSkippingDependencies)));

        public Target Dynamic => _ => _.DependsOn(Prepare).OnlyWhenDynamic(() => Ready).Executes(() => Record(nameof(Dynamic)));
    }

    [Fact]
    public async Task False_static_condition_skips_the_target_but_its_dependencies_still_run()
    {
        var build = new ConditionBuild();

        var result = await Harness.RunAsync(build, "Static", []);

        result.ExitCode.ShouldBe(0, result.Output);
        build.Ran.ShouldBe(["Setup"]);
        result.Output.ShouldContain("condition false: () => Ready");
    }

    [Fact]
    public async Task WhenSkipped_Skip_also_skips_dependencies_nobody_else_needs()
    {
        var build = new ConditionBuild();

        var result = await Harness.RunAsync(build, "StaticSkippingDependencies", []);

        result.ExitCode.ShouldBe(0, result.Output);
        build.Ran.ShouldBeEmpty();
        result.Output.ShouldContain("only needed by skipped StaticSkippingDependencies");
    }

    [Fact]
    public async Task Dynamic_condition_is_evaluated_after_dependencies_ran()
    {
        var build = new ConditionBuild();

        var result = await Harness.RunAsync(build, "Dynamic", []);

        result.ExitCode.ShouldBe(0, result.Output);
        build.Ran.ShouldBe(["Prepare", "Dynamic"]);
    }

    private sealed class FailingBuild : RecordingBuild
    {
        public Target Compile => _ => _.Executes(() => Record(nameof(Compile)));

        public Target Broken => _ => _.DependsOn(Compile).Executes(() =>
        {
            Record(nameof(Broken));
            throw new InvalidOperationException("kaboom");
        });

        public Target Tolerant => _ => _.DependsOn(Compile).ProceedAfterFailure().Executes(() =>
        {
            Record(nameof(Tolerant));
            throw new InvalidOperationException("tolerated");
        });

        public Target AfterBroken => _ => _.DependsOn(Broken).Executes(() => Record(nameof(AfterBroken)));

        public Target AfterTolerant => _ => _.DependsOn(Tolerant).Executes(() => Record(nameof(AfterTolerant)));

        public Target Independent => _ => _.DependsOn(Compile).Executes(() => Record(nameof(Independent)));

        public Target Cleanup => _ => _.DependsOn(Broken).AssuredAfterFailure().Executes(() => Record(nameof(Cleanup)));
    }

    [Fact]
    public async Task Failure_stops_the_build_and_dependents_do_not_run()
    {
        var build = new FailingBuild();

        var result = await Harness.RunAsync(build, "AfterBroken", ["AfterBroken", "Independent"]);

        result.ExitCode.ShouldBe(ExitCodes.TargetFailed);
        build.Ran.ShouldBe(["Compile", "Broken"]);
        result.Output.ShouldContain("Target Broken failed: InvalidOperationException: kaboom");
        result.Output.ShouldContain("dependency Broken failed");
        result.Output.ShouldMatch(@"Independent\s+NotRun");
        result.Output.ShouldContain("Build failed");
    }

    [Fact]
    public async Task ProceedAfterFailure_lets_independent_targets_run_but_not_dependents()
    {
        var build = new FailingBuild();

        var result = await Harness.RunAsync(build, "AfterTolerant", ["AfterTolerant", "Independent"]);

        result.ExitCode.ShouldBe(ExitCodes.TargetFailed);
        build.Ran.ShouldBe(["Compile", "Tolerant", "Independent"]);
        result.Output.ShouldContain("dependency Tolerant failed");
    }

    [Fact]
    public async Task AssuredAfterFailure_target_runs_even_though_its_dependency_failed()
    {
        var build = new FailingBuild();

        var result = await Harness.RunAsync(build, "Cleanup", []);

        result.ExitCode.ShouldBe(ExitCodes.TargetFailed);
        build.Ran.ShouldBe(["Compile", "Broken", "Cleanup"]);
    }

    private sealed class ActionsBuild : RecordingBuild
    {
        public CancellationToken Seen { get; private set; }

        public Target Many => _ => _
            .Executes(() => Record("sync"))
            .Executes(async () =>
            {
                await Task.Yield();
                Record("async");
            })
            .Executes(token =>
            {
                Seen = token;
                Record("sync-token");
            })
            .Executes(async token =>
            {
                await Task.Delay(1, token);
                Record("async-token");
            });

        public Target Slow => _ => _.Executes(async token =>
        {
            Record("slow-started");
            await Task.Delay(TimeSpan.FromMinutes(5), token);
        });

        public Target AfterSlow => _ => _.DependsOn(Slow).Executes(() => Record("after-slow"));
    }

    [Fact]
    public async Task Several_Executes_run_in_order_and_receive_the_build_token()
    {
        var build = new ActionsBuild();
        using var cancellation = new CancellationTokenSource();

        var result = await Harness.RunAsync(build, "Many", [], cancellationToken: cancellation.Token);

        result.ExitCode.ShouldBe(0, result.Output);
        build.Ran.ShouldBe(["sync", "async", "sync-token", "async-token"]);
        build.Seen.ShouldBe(cancellation.Token);
    }

    [Fact]
    public async Task Cancelling_interrupts_the_running_target_and_exits_130()
    {
        var build = new ActionsBuild();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var result = await Harness.RunAsync(build, "AfterSlow", [], cancellationToken: cancellation.Token);

        result.ExitCode.ShouldBe(ExitCodes.Cancelled);
        build.Ran.ShouldBe(["slow-started"]);
        result.Output.ShouldContain("Build cancelled after");
        result.Output.ShouldContain("Cancelled: Slow. Not run: AfterSlow.");
    }

    private sealed class ParallelBuild : RecordingBuild
    {
        private int _running;

        public int MaxConcurrent { get; private set; }

        public Target Left => _ => _.Executes(() => Work("left"));

        public Target Right => _ => _.Executes(() => Work("right"));

        public Target Both => _ => _.DependsOn(Left, Right).Executes(() => Record("both"));

        private async Task Work(string name)
        {
            var now = Interlocked.Increment(ref _running);
            lock (this)
            {
                MaxConcurrent = Math.Max(MaxConcurrent, now);
            }

            Output.Log.Information($"{name} working");
            await Task.Delay(300);
            Interlocked.Decrement(ref _running);
            Record(name);
        }
    }

    [Fact]
    public async Task Parallel_runs_independent_targets_at_once_with_prefixed_output()
    {
        var build = new ParallelBuild();

        var result = await Harness.RunAsync(build, "Both", ["--parallel", "2"]);

        result.ExitCode.ShouldBe(0, result.Output);
        build.MaxConcurrent.ShouldBe(2);
        build.Ran[^1].ShouldBe("both");
        result.Output.ShouldContain("[Left] left working");
        result.Output.ShouldContain("[Right] right working");
    }

    [Fact]
    public async Task Without_parallel_targets_run_one_at_a_time()
    {
        var build = new ParallelBuild();

        var result = await Harness.RunAsync(build, "Both", []);

        result.ExitCode.ShouldBe(0, result.Output);
        build.MaxConcurrent.ShouldBe(1);
        result.Output.ShouldNotContain("[Left]");
    }

    [Fact]
    public async Task GitHub_Actions_host_groups_each_target_log()
    {
        var result = await Harness.RunAsync(new ParallelBuild(), "Left", [], host: new GitHubActionsHost());

        result.Output.ShouldContain("::group::Left\nleft working\n::endgroup::".Replace("\n", Environment.NewLine, StringComparison.Ordinal));
    }

    private sealed class BrokenBuild : PipelineBuild
    {
        public Target Broken => _ => _.Executes(() => throw new InvalidOperationException("line one\nline two 100%"));
    }

    [Fact]
    public async Task GitHub_Actions_host_annotates_a_failed_target()
    {
        var result = await Harness.RunAsync(new BrokenBuild(), "Broken", [], host: new GitHubActionsHost());

        result.ExitCode.ShouldBe(ExitCodes.TargetFailed);
        result.Output.ShouldContain("::error title=Target Broken failed::InvalidOperationException: line one%0Aline two 100%25");
    }

    [Theory]
    [InlineData("GITHUB_ACTIONS", "true", typeof(GitHubActionsHost))]
    [InlineData("CI", "true", typeof(ContinuousIntegrationHost))]
    [InlineData("HOME", "/root", typeof(TerminalHost))]
    public void Host_is_detected_from_the_environment(string name, string value, Type expected)
    {
        Host.Detect(new Dictionary<string, string?> { [name] = value }).ShouldBeOfType(expected);
    }

    [Fact]
    public async Task Plan_prints_the_order_and_writes_a_mermaid_graph_without_running()
    {
        var build = new ParallelBuild();
        var root = Harness.NewRoot();

        var result = await Harness.RunAsync(build, "Both", ["--plan"], workingDirectory: root);

        result.ExitCode.ShouldBe(0, result.Output);
        build.Ran.ShouldBeEmpty();
        result.Output.ShouldContain("1. Left");
        result.Output.ShouldContain("3. Both");
        var file = Path.Combine(root, ".nuke", "temp", "plan.mmd");
        result.Output.ShouldContain(file);
        var graph = await File.ReadAllTextAsync(file);
        graph.ShouldContain("Left --> Both");
        graph.ShouldContain("Right --> Both");
    }

    [Fact]
    public async Task Plan_text_lists_targets_in_order_with_their_relations()
    {
        var root = Harness.NewRoot();

        var result = await Harness.RunAsync(new ParallelBuild(), "Both", ["--plan", "--skip", "Right"], workingDirectory: root);

        var file = Path.Combine(root, ".nuke", "temp", "plan.mmd");
        result.Output.ReplaceLineEndings("\n").ShouldBe(
            $"""
            Execution plan (2 of 3 targets run):
               1. Left
               2. Right  skipped: --skip
               3. Both   depends on Left, Right; invoked
            Mermaid graph: {file}

            """);
        (await File.ReadAllTextAsync(file)).ShouldBe(
            """
            graph LR
              Left[Left]
              Right[Right]
              Both[Both]
              Left --> Both
              Right --> Both
              classDef run fill:#d4f7d4,stroke:#2b8a3e;
              classDef skipped fill:#eee,stroke:#999,stroke-dasharray:4;
              class Left,Both run;
              class Right skipped;

            """);
    }

    [Fact]
    public async Task Dry_run_runs_nothing()
    {
        var build = new ParallelBuild();

        var result = await Harness.RunAsync(build, "Both", ["--dry-run"]);

        result.ExitCode.ShouldBe(0);
        build.Ran.ShouldBeEmpty();
        result.Output.ShouldContain("Dry run: no target was executed.");
    }
}

public sealed class HostTests
{
    private sealed class RecordingHost : Host
    {
        public override string Name => "Recording";

        public override bool IsContinuousIntegration => true;

        public override void BeginGroup(TextWriter output, string targetName) => output.WriteLine($"<<{targetName}>>");
    }

    private sealed class CustomHostBuild : PipelineBuild
    {
        public Target Work => _ => _.Executes(() => Output.Log.Information($"local={((IPipelineBuild)this).IsLocalBuild}"));

        protected override Host CreateHost(IReadOnlyDictionary<string, string?> environment) => new RecordingHost();
    }

    private sealed class CrashingBuild : PipelineBuild
    {
        public Target Work => _ => _.Executes(() => { });

        protected override void OnBuildInitialized() => throw new InvalidOperationException("broken initialization");
    }

    [Fact]
    public async Task A_build_can_supply_its_own_host()
    {
        var result = await Harness.RunAsync(new CustomHostBuild(), "Work", [], detectHost: true);

        result.ExitCode.ShouldBe(0, result.Output);
        result.Output.ShouldContain("<<Work>>");
        result.Output.ShouldContain("local=False");
        result.Output.ShouldContain("· Recording ·");
    }

    [Fact]
    public async Task An_exception_outside_targets_is_reported_with_exit_code_1()
    {
        var result = await Harness.RunAsync(new CrashingBuild(), "Work", []);

        result.ExitCode.ShouldBe(ExitCodes.TargetFailed);
        result.Output.ShouldContain("The build crashed: System.InvalidOperationException: broken initialization");
    }
}
