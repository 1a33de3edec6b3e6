using Pipelines.Docker;
using Pipelines.IntegrationTests.Engine;
using Pipelines.Output;
using Spectre.Console.Testing;
using BuildxCli = Pipelines.Docker.Buildx;

namespace Pipelines.IntegrationTests.Buildx;

/// <summary>The live per-image progress table on a (test) terminal, driven by a real buildx build and bake.</summary>
[Collection(EngineCollection.Name)]
public sealed class LiveProgressTests
{
    [Fact]
    public async Task A_build_on_a_terminal_draws_its_row_to_done_and_keeps_the_plain_log_in_a_file()
    {
        await using var scope = new BuildxTestScope();
        var console = new TestConsole().Width(200).Interactive();
        var written = new List<string>();
        var settings = scope.Settings("app").SetTarget("production").AddPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64)
            .AddOutput(BuildOutput.CacheOnly()) with { Progress = null };

        using (OutputSink.Use(line => written.Add(line.Text)))
        using (LiveConsole.Use(console))
        {
            await BuildxCli.BuildAsync(settings);
        }

        var logLine = written.ShouldHaveSingleItem("buildx's own lines go to the log file, not between the table's frames");
        logLine.ShouldStartWith("buildx log: ");
        var logFile = logLine["buildx log: ".Length..];
        try
        {
            File.ReadAllText(logFile).ShouldContain($"RUN echo \"base {scope.Nonce}\"", Case.Sensitive, "the step ran (the nonce busts the cache) and its log went to the file");
            var finalRow = console.Output.Split('\n').Last(line => line.Contains("production", StringComparison.Ordinal));
            finalRow.ShouldContain("done");
            // base (1 RUN) runs once on the build platform; build (1 RUN) and production (1 COPY) per platform, plus FROMs
            var steps = System.Text.RegularExpressions.Regex.Match(finalRow, @"(\d+)/(\d+)");
            steps.Groups[1].Value.ShouldBe(steps.Groups[2].Value);
            int.Parse(steps.Groups[2].Value).ShouldBeGreaterThanOrEqualTo(5);
        }
        finally
        {
            File.Delete(logFile);
        }
    }

    [Fact]
    public async Task A_bake_on_a_terminal_draws_one_row_per_target_and_a_failure_still_throws_with_the_step_output()
    {
        await using var scope = new BuildxTestScope();
        var console = new TestConsole().Width(200).Interactive();
        var definition = new BakeDefinition()
            .AddTarget(BakeTarget.FromBuild("app-test", scope.Settings("app").SetTarget("test").AddOutput(BuildOutput.CacheOnly()) with { Progress = null }))
            .AddTarget(BakeTarget.FromBuild("broken", scope.Settings("failing").SetTarget("test").AddOutput(BuildOutput.CacheOnly()) with { Progress = null }));

        BuildxFailedException failure;
        using (OutputSink.Use(_ => { }))
        using (LiveConsole.Use(console))
        {
            failure = await Should.ThrowAsync<BuildxFailedException>(() => BuildxCli.BakeAsync(definition));
        }

        failure.Output.ShouldContain("FAIL: expected 2, got 3");
        var screen = console.Output.Split('\n');
        screen.ShouldContain(line => line.Contains("broken", StringComparison.Ordinal) && line.Contains("failed", StringComparison.Ordinal));
        screen.ShouldContain(line => line.Contains("app-test", StringComparison.Ordinal));
    }
}
