using Pipelines.Containers;
using Pipelines.Docker;
using Pipelines.IntegrationTests.Engine;
using Pipelines.Tooling;

namespace Pipelines.IntegrationTests.Containers;

/// <summary>The <c>Run</c> step against the real engine: the built OCI layout is loaded as <c>IMAGE:local</c> and smoke-tested.</summary>
[Collection(EngineCollection.Name)]
public sealed class SmokeTestTests : IAsyncLifetime
{
    private readonly TestContextDirectory _context = TestContextDirectory.CopyOf("Containers");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var image in new[] { "greeter:local", "pipelines-baseline/greeter:latest" })
        {
            await Run(new ToolCommand("docker", ["image", "rm", "--force", image]) { ThrowOnFailure = false });
        }

        _context.Dispose();
    }

    [Fact]
    public async Task Smoke_tests_run_the_built_digest_as_IMAGE_local_and_a_missing_expected_output_fails_naming_image_arguments_and_output()
    {
        // Given: greeter built for the build platform, one smoke test that passes and one that expects the wrong greeting
        var greeter = new ContainerImage("greeter")
            .WithPlatforms(Platform.LinuxAmd64)
            .WithTestStage("")
            .WithSmokeTest(["you"], "hello, you")
            .WithSmokeTest(["you"], "goodbye, you");
        var runner = new ContainerPipelineRunner(
            new ContainerPipelineSettings
            {
                RootDirectory = _context.Path,
                Registry = EngineFixture.Registry,
                Cache = CacheBackend.None,
                Environment = new Dictionary<string, string?>(),
            },
            [greeter]);
        runner.Git = new GitContext { Sha = "" };
        await runner.BuildAsync();
        var built = runner.Report().Images.Single().Digest;

        // When
        var failure = await Should.ThrowAsync<ContainerPipelineException>(() => runner.RunSmokeTestsAsync());

        // Then: only the wrong expectation failed, and the message says which image, arguments, exit code and output
        failure.Message.ShouldContain("Smoke tests failed: 1 of 2");
        failure.Message.ShouldContain("greeter:local you: exited 0 but the output does not contain \"goodbye, you\"; output: hello, you");
        failure.Message.ShouldNotContain("\"hello, you\"");

        // the engine holds the built digest (no rebuild) under IMAGE:local, runnable by a build's own target
        (await Run(new ToolCommand("docker", ["image", "inspect", "--format", "{{.Id}}", greeter.Local]))).StandardOutput.Trim().ShouldBe(built);
        (await DockerCli.RunAsync(greeter.Local, "again")).StandardOutput.ShouldContain("hello, again");
    }

    private static Task<ToolResult> Run(ToolCommand command) => ProcessToolRunner.Instance.RunAsync(command with { StreamOutput = false });
}
