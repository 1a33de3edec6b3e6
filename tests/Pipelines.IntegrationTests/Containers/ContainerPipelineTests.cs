using System.Text.Json;
using Pipelines.Containers;
using Pipelines.Docker;
using Pipelines.IntegrationTests.Engine;
using Pipelines.Output;
using Pipelines.Tooling;
using Spectre.Console.Testing;

namespace Pipelines.IntegrationTests.Containers;

/// <summary>
/// The container pipeline against the real engine and registry, over a two-image fixture (greeter: busybox shell
/// app with JUnit tests and a Debian single-stage baseline; clock: data-only scratch image).
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ContainerPipelineTests : IAsyncLifetime
{
    private readonly TestContextDirectory _context = TestContextDirectory.CopyOf("Containers");
    private readonly string _repository = TestRegistry.UniqueRepository("pipe");

    public async Task InitializeAsync()
    {
        await Git("init", "-q", "-b", "feature/login");
        await Git("add", ".");
        await Git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "fixture");
    }

    public async Task DisposeAsync()
    {
        foreach (var image in new[] { "greeter", "clock" })
        {
            await TestRegistry.DeleteRepositoryAsync($"{_repository}/{image}");
        }

        await Run(new ToolCommand("docker", ["image", "rm", "--force", "pipelines-baseline/greeter:latest"]) { ThrowOnFailure = false });
        _context.Dispose();
    }

    private static ContainerImage Greeter => new ContainerImage("greeter")
        .WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64)
        .WithPolicy(p => p.WithRequireHealthcheck())
        .WithSizeBudget(ByteSize.Megabytes(5));

    private static ContainerImage Clock => new ContainerImage("clock")
        .WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64)
        .WithPolicy(p => p.WithMinimal())
        .WithSizeBudget(ByteSize.Kilobytes(50));

    private ContainerPipelineRunner Runner(params ContainerImage[] images) => new(
        new ContainerPipelineSettings
        {
            RootDirectory = _context.Path,
            Registry = EngineFixture.Registry,
            Repository = _repository,
            Cache = CacheBackend.Registry,
            Environment = new Dictionary<string, string?>(),
            Licenses = "MIT",
        },
        images);

    [Fact]
    public async Task Green_path_tests_builds_verifies_and_publishes_both_images_with_tags_from_git()
    {
        // Given: a branch build
        var runner = Runner(Greeter, Clock);

        // When
        var lint = await runner.LintAsync();
        var tests = await runner.TestAsync();
        await runner.BuildAsync();
        await runner.VerifyAsync();
        var published = await runner.PublishAsync();

        // Then: the debug stage is known to Lint (the Debug target builds it), so it is not reported as unused
        lint.ShouldNotContain(finding => finding.RuleName == "UnusedStage");

        // tests ran in BuildKit and their results were exported
        tests.Select(t => (t.Image, t.Cases.Count, t.Succeeded)).ShouldBe([("greeter", 2, true), ("clock", 1, true)]);
        File.Exists(_context.File("artifacts/test-results/greeter/test-results/junit.xml")).ShouldBeTrue();

        // tags from git point at the verified digest, which is a two-platform index
        var sha = (await Git("rev-parse", "HEAD")).Trim()[..7];
        published.ShouldContain($"{EngineFixture.Registry}/{_repository}/greeter:feature-login");
        published.ShouldContain($"{EngineFixture.Registry}/{_repository}/clock:sha-{sha}");
        var report = runner.Report();
        var greeter = report.Images.Single(i => i.Image == "greeter");
        var pushed = (await TestRegistry.GetManifestAsync($"{_repository}/greeter", "feature-login")).ShouldNotBeNull();
        using (var index = pushed.Document)
        {
            pushed.Digest.ShouldBe(greeter.Digest);
            index.RootElement.GetProperty("manifests").EnumerateArray()
                .Select(m => m.GetProperty("platform").GetProperty("architecture").GetString()).Order().ShouldBe(["amd64", "arm64"]);
        }

        // the report shows size vs the single-stage baseline and the OCI labels are in the image
        greeter.Platforms.Count.ShouldBe(2);
        greeter.Baseline.ShouldNotBeNull().Bytes.ShouldBeGreaterThan(greeter.Platforms[0].CompressedSize.Bytes * 5);
        greeter.Saving(greeter.Platforms[0]).ShouldNotBeNull().ShouldBeGreaterThan(0.8);
        ReportRenderer.WriteAll(report, _context.File("artifacts"));
        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(_context.File("artifacts/pipeline-report.json"))))
        {
            json.RootElement.GetProperty("images")[0].GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ShouldContain("feature-login");
        }

        var labels = await Docker("buildx", "imagetools", "inspect", "--format", "{{json .Image}}", $"{EngineFixture.Registry}/{_repository}/greeter:feature-login");
        using (var config = JsonDocument.Parse(labels))
        {
            var imageLabels = config.RootElement.GetProperty("linux/arm64").GetProperty("config").GetProperty("Labels");
            imageLabels.GetProperty("org.opencontainers.image.version").GetString().ShouldBe("feature-login");
            imageLabels.GetProperty("org.opencontainers.image.licenses").GetString().ShouldBe("MIT");
            imageLabels.GetProperty("org.opencontainers.image.revision").GetString().ShouldStartWith(sha);
        }

        // When: the same commit gets a semver tag
        await Git("tag", "v1.2.3");
        var release = Runner(Greeter);
        await release.BuildAsync();
        await release.VerifyAsync();
        var releaseTags = await release.PublishAsync();

        // Then
        releaseTags.Select(t => t.Split(':')[^1]).ShouldBe(["1.2.3", "1.2", "1", "latest", $"sha-{sha}"]);
        (await TestRegistry.GetManifestAsync($"{_repository}/greeter", "latest")).ShouldNotBeNull().Digest.ShouldBe(release.Report().Images[0].Digest);
    }

    [Fact]
    public async Task On_a_terminal_the_bake_draws_a_live_row_per_image_and_keeps_its_log_in_a_file()
    {
        var runner = Runner(Greeter);
        var console = new TestConsole().Width(200).Interactive();
        var written = new List<string>();

        using (OutputSink.Use(line => written.Add(line.Text)))
        using (LiveConsole.Use(console))
        {
            await runner.TestAsync();
        }

        console.Output.Split('\n').ShouldContain(line => line.Contains("greeter-test", StringComparison.Ordinal) && line.Contains("done", StringComparison.Ordinal));
        var log = _context.File(".pipelines/bake/bake.log");
        written.ShouldContain($"buildx log: {log}");
        written.ShouldNotContain(line => line.StartsWith('#'), "buildx's plain log is in the file while the table is live");
        (await File.ReadAllTextAsync(log)).ShouldContain("[internal] load local bake definitions");
    }

    [Fact]
    public async Task Failing_test_stage_fails_Test_naming_the_test_keeps_the_results_and_publishes_nothing()
    {
        var runner = Runner(Greeter.WithBuildArg("BREAK_TEST", "1"));

        var failure = await Should.ThrowAsync<ContainerPipelineException>(() => runner.TestAsync());

        failure.Message.ShouldContain("greet.greets_by_name");
        failure.Message.ShouldNotContain("greets_world");
        var results = _context.File("artifacts/test-results/greeter/test-results");
        (await File.ReadAllTextAsync(Path.Combine(results, "exit-code"))).Trim().ShouldBe("1");
        (await File.ReadAllTextAsync(Path.Combine(results, "junit.xml"))).ShouldContain("<failure");
        await Should.ThrowAsync<ContainerPipelineException>(() => runner.PublishAsync());
        (await TestRegistry.GetManifestAsync($"{_repository}/greeter", "feature-login")).ShouldBeNull();
    }

    [Fact]
    public async Task Image_over_budget_fails_Verify_naming_image_platform_and_rule()
    {
        var runner = Runner(Greeter.WithSizeBudget(ByteSize.Kilobytes(100)).WithTestStage(""));
        await runner.BuildAsync();

        var failure = await Should.ThrowAsync<ContainerPipelineException>(() => runner.VerifyAsync());

        failure.Message.ShouldContain("greeter (linux/amd64) [size-budget]");
        failure.Message.ShouldContain("greeter (linux/arm64) [size-budget]");
        failure.Message.ShouldContain("exceeds the budget of 100 kB");
    }

    [Fact]
    public async Task Image_running_as_root_fails_Verify_naming_image_platform_and_rule()
    {
        var runner = Runner(Clock.WithDockerfile("Dockerfile.root"));
        await runner.BuildAsync();

        var failure = await Should.ThrowAsync<ContainerPipelineException>(() => runner.VerifyAsync());

        failure.Message.ShouldContain("clock (linux/amd64) [non-root]");
        failure.Message.ShouldContain("clock (linux/arm64) [non-root]");
        failure.Message.ShouldNotContain("[minimal]");
    }

    [Fact]
    public async Task Secret_in_ENV_fails_Verify_without_printing_the_secret()
    {
        var runner = Runner(Clock.WithDockerfile("Dockerfile.leak"));
        await runner.BuildAsync();

        var failure = await Should.ThrowAsync<ContainerPipelineException>(() => runner.VerifyAsync());

        failure.Message.ShouldContain("clock (linux/amd64) [secret]: environment variable DB_PASSWORD");
        failure.Message.ShouldContain("clock (linux/arm64) [secret]");
        failure.Message.ShouldNotContain("hunter2-correct-horse");
    }

    [Fact]
    public async Task Minimal_policy_fails_for_an_image_with_a_shell()
    {
        var runner = Runner(Greeter.WithTestStage("").WithPolicy(p => p.WithMinimal()));
        await runner.BuildAsync();

        var failure = await Should.ThrowAsync<ContainerPipelineException>(() => runner.VerifyAsync());

        failure.Message.ShouldContain("greeter (linux/amd64) [minimal]");
        failure.Message.ShouldContain("/bin/sh");
    }

    [Fact]
    public async Task Registry_going_away_during_Publish_leaves_no_tag_pointing_at_a_partial_index()
    {
        // Given: a verified two-platform image and a registry that dies after the first platform manifest
        await using var proxy = new FlakyRegistryProxy(manifestPutsAllowed: 1);
        var runner = new ContainerPipelineRunner(
            new ContainerPipelineSettings
            {
                RootDirectory = _context.Path,
                Registry = proxy.Registry,
                Repository = _repository,
                Cache = CacheBackend.Local,
                Environment = new Dictionary<string, string?>(),
            },
            [Clock]);
        await runner.BuildAsync();
        await runner.VerifyAsync();
        var digest = runner.Report().Images[0].Digest.ShouldNotBeNull();

        // When
        var failure = await Should.ThrowAsync<ContainerPipelineException>(() => runner.PublishAsync());

        // Then: no tag was created and the index is not in the registry; the report says nothing was published
        proxy.WentAway.ShouldBeTrue();
        failure.Message.ShouldContain(proxy.Registry);
        (await TestRegistry.GetManifestAsync($"{_repository}/clock", "feature-login")).ShouldBeNull();
        (await TestRegistry.GetManifestAsync($"{_repository}/clock", digest)).ShouldBeNull();
        runner.Report().Images[0].Published.ShouldBeFalse();
    }

    [Fact]
    public async Task Build_without_a_Test_run_builds_the_test_stage_in_the_same_solve_and_fails_on_failed_tests()
    {
        var runner = Runner(Greeter.WithBuildArg("BREAK_TEST", "1"), Clock);

        var failure = await Should.ThrowAsync<ContainerPipelineException>(() => runner.BuildAsync());

        failure.Message.ShouldContain("greeter: 2 tests, 1 failed (greet.greets_by_name)");
        runner.Tested.ShouldBeTrue();
        runner.Report().Images.Single(i => i.Image == "clock").Tests.ShouldNotBeNull().Succeeded.ShouldBeTrue();
        Directory.Exists(_context.File("artifacts/oci/greeter/blobs")).ShouldBeTrue();
    }

    [Fact]
    public async Task Debug_stage_is_built_for_the_local_platform_and_loaded_into_the_engine()
    {
        var tag = $"{_repository}-greeter:debug";
        try
        {
            var runner = Runner(Greeter);

            await runner.LoadStageAsync(Greeter, "debug", tag);

            (await Docker("run", "--rm", "--entrypoint", "/app/greet", tag, "debug")).Trim().ShouldBe("hello, debug");
            var unknown = await Should.ThrowAsync<ContainerPipelineException>(() => runner.LoadStageAsync(Greeter, "debgu", tag));
            unknown.Message.ShouldContain("debug");
        }
        finally
        {
            await Run(new ToolCommand("docker", ["image", "rm", "--force", tag]) { ThrowOnFailure = false });
        }
    }

    private async Task<string> Git(params string[] arguments) =>
        (await Run(new ToolCommand("git", arguments) { WorkingDirectory = _context.Path })).StandardOutput;

    private static async Task<string> Docker(params string[] arguments) => (await Run(new ToolCommand("docker", arguments))).StandardOutput;

    private static Task<ToolResult> Run(ToolCommand command) => ProcessToolRunner.Instance.RunAsync(command with { StreamOutput = false });
}
