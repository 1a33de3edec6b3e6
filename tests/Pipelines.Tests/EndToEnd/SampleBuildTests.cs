using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipelines.Tests.EndToEnd;

[Collection(SampleBuildCollection.Name)]
public sealed class SampleBuildTests(SampleBuildFixture sample)
{
    [Fact]
    public async Task Default_target_runs_and_exits_0_with_a_summary()
    {
        var run = await sample.RunAsync([]);

        run.ExitCode.ShouldBe(0, run.All);
        run.Output.ShouldContain("hello from sample");
        run.Output.ShouldMatch(@"Hello\s+Succeeded");
        run.Output.ShouldContain("Build succeeded");
    }

    [Fact]
    public async Task Default_target_can_be_a_component_target()
    {
        var run = await sample.RunAsync(["--component-default", "--name", "Grace"]);

        run.ExitCode.ShouldBe(0, run.All);
        run.Output.ShouldContain("greetings, Grace");
    }

    [Fact]
    public async Task Output_into_a_closed_pipe_does_not_crash_the_build()
    {
        var info = new ProcessStartInfo("bash", ["-c", "dotnet \"$0\" --help | head -n 1; exit ${PIPESTATUS[0]}", sample.AssemblyPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.ShouldBe(0, error);
        output.ShouldStartWith("Usage: build");
        error.ShouldNotContain("Broken pipe");
    }

    [Fact]
    public async Task Failing_target_exits_1()
    {
        var run = await sample.RunAsync(["Fail"]);

        run.ExitCode.ShouldBe(ExitCodes.TargetFailed, run.All);
        run.Output.ShouldContain("Target Fail failed: InvalidOperationException: sample failure");
    }

    [Fact]
    public async Task Unknown_target_exits_2_with_did_you_mean()
    {
        var run = await sample.RunAsync(["Helo"]);

        run.ExitCode.ShouldBe(ExitCodes.InvalidBuild, run.All);
        run.Output.ShouldContain("Unknown target 'Helo'. Did you mean 'Hello'?");
    }

    [Fact]
    public async Task Help_lists_targets_and_parameters()
    {
        var run = await sample.RunAsync(["--help"]);

        run.ExitCode.ShouldBe(0, run.All);
        run.Output.ShouldContain("Says hello");
        run.Output.ShouldContain("--sleep-seconds <string>");
        run.Output.ShouldContain("--name <string>");
    }

    [Fact]
    public async Task Parallel_runs_independent_targets_overlapping_in_time()
    {
        var run = await sample.RunAsync(["Both", "--parallel", "2", "--name", "Ada"]);

        run.ExitCode.ShouldBe(0, run.All);
        long Stamp(string target, string what) => long.Parse(Regex.Match(run.Output, $@"\[{target}\] {target.ToLowerInvariant()} {what} (\d+)").Groups[1].Value);
        var lastStart = Math.Max(Stamp("Left", "start"), Stamp("Right", "start"));
        var firstEnd = Math.Min(Stamp("Left", "end"), Stamp("Right", "end"));
        lastStart.ShouldBeLessThan(firstEnd, "both targets must have been running at the same time");
        run.Output.ShouldContain("[Greet] greetings, Ada");
    }

    [Fact]
    public async Task Secret_parameter_value_is_absent_from_all_output()
    {
        const string secret = "e2e-Secret-Value-93af";

        var fromCommandLine = await sample.RunAsync(["ShowSecret", "--api-token", secret, "--verbosity", "verbose"]);
        var fromEnvironment = await sample.RunAsync(["ShowSecret"], new() { ["API_TOKEN"] = secret });
        var help = await sample.RunAsync(["--help"], new() { ["API_TOKEN"] = secret });

        foreach (var run in new[] { fromCommandLine, fromEnvironment, help })
        {
            run.All.ShouldNotContain(secret);
        }

        fromCommandLine.Output.ShouldContain("token is ***");
        fromCommandLine.Output.ShouldContain("echoed ***");
        fromCommandLine.Output.ShouldContain("failing with ***");
        fromEnvironment.Output.ShouldContain("echoed ***");
        help.Output.ShouldContain("*** from environment variable API_TOKEN");
    }

    [Fact]
    public async Task Console_output_of_targets_is_prefixed_in_parallel_builds_and_redacted()
    {
        const string secret = "console-Secret-Value-1234";

        var run = await sample.RunAsync(["ChattyBoth", "--parallel", "2", "--api-token", secret]);

        run.ExitCode.ShouldBe(0, run.All);
        run.Output.ShouldContain("[Chatty] console says ***");
        run.Output.ShouldContain("[Chatty] console error line");
        run.Output.ShouldContain("[Chatty] console error 299");
        run.Output.ShouldContain("[Noisy] log line 299");
        run.All.ShouldNotContain(secret);
    }

    [Fact]
    public async Task Sigint_cancels_the_running_target_kills_its_child_process_and_exits_130()
    {
        // Given a build whose target runs `sleep <unique>` through the Tool runner
        var marker = $"{Random.Shared.Next(200, 299)}.{Random.Shared.Next(1000, 9999)}";
        var output = new StringBuilder();
        var error = new StringBuilder();
        using var process = sample.Start(["AfterSleep", "--sleep-seconds", marker], null, output, error);
        await WaitUntilAsync(() => SleepProcesses(marker).Count > 0, TimeSpan.FromSeconds(30), () => output.ToString() + error);

        // When it receives SIGINT
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
            kill.ExitCode.ShouldBe(0);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        process.WaitForExit();

        // Then the child is gone, the build says what was cancelled and exits 130
        SleepProcesses(marker).ShouldBeEmpty();
        var text = output.ToString() + error;
        process.ExitCode.ShouldBe(ExitCodes.Cancelled, text);
        text.ShouldContain("Cancelled: Sleep. Not run: AfterSleep.");
        text.ShouldMatch(@"Sleep\s+Cancelled");
    }

    private static List<int> SleepProcesses(string marker)
    {
        var result = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0');
                if (commandLine.Length >= 2 && Path.GetFileName(commandLine[0]) == "sleep" && commandLine[1] == marker &&
                    !File.ReadAllText(Path.Combine(directory, "stat")).Contains(") Z ", StringComparison.Ordinal))
                {
                    result.Add(pid);
                }
            }
            catch (IOException)
            {
                // the process exited while we looked
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return result;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit, Func<string> describe)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            if (stopwatch.Elapsed > limit)
            {
                throw new TimeoutException($"Condition not met within {limit}. Output so far:\n{describe()}");
            }

            await Task.Delay(50);
        }
    }
}
