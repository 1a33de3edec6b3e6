using System.Net.Http;
using Pipelines.Tooling;

namespace Pipelines.IntegrationTests.Engine;

/// <summary>
/// Checks once per test run that a real engine, buildx and the loopback registry answer. Never
/// skips: a missing engine fails every integration test with the command that provisions it.
/// </summary>
public sealed class EngineFixture : IAsyncLifetime
{
    /// <summary>The registry the tests push to (plain HTTP on loopback).</summary>
    public const string Registry = "127.0.0.1:5000";

    private const string ProvisionHint =
        "Start the engine with `./build.sh ProvisionEngine` (or `sudo bash build/engine/provision.sh`): " +
        "it installs dockerd + buildx, QEMU binfmt, a registry on 127.0.0.1:5000 and the local base images.";

    private static readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>The server version of the engine the tests run against.</summary>
    public string EngineVersion { get; private set; } = "";

    /// <summary>The buildx plugin version.</summary>
    public string BuildxVersion { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var problems = new List<string>();
        EngineVersion = await TryRun(problems, "docker engine", "docker", "version", "--format", "{{.Server.Version}}");
        BuildxVersion = await TryRun(problems, "docker buildx", "docker", "buildx", "version");
        try
        {
            using var response = await _http.GetAsync($"http://{Registry}/v2/");
            if (!response.IsSuccessStatusCode)
            {
                problems.Add($"registry http://{Registry}/v2/ answered {(int)response.StatusCode}");
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            problems.Add($"registry http://{Registry}/v2/ unreachable: {exception.Message}");
        }

        foreach (var baseImage in new[] { "busybox:latest", "debian:bookworm-slim" })
        {
            await TryRun(problems, $"base image {baseImage}", "docker", "image", "inspect", "--format", "{{.Id}}", baseImage);
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"The integration tests need a real build engine, and it is not ready:{Environment.NewLine}  - " +
                string.Join($"{Environment.NewLine}  - ", problems) + Environment.NewLine + ProvisionHint);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<string> TryRun(List<string> problems, string what, string fileName, params string[] arguments)
    {
        var command = new ToolCommand(fileName, arguments) { ThrowOnFailure = false, StreamOutput = false, Timeout = TimeSpan.FromSeconds(20) };
        try
        {
            var result = await ProcessToolRunner.Instance.RunAsync(command);
            if (result.Succeeded)
            {
                return result.StandardOutput.Trim();
            }

            problems.Add($"{what}: `{command.ToDisplayString()}` exited {result.ExitCode}: {result.StandardError.Trim()}");
        }
        catch (PipelinesException exception)
        {
            problems.Add($"{what}: {exception.Message}");
        }

        return "";
    }
}

/// <summary>All integration tests share one engine check (and run against the one engine and registry).</summary>
[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "engine";
}
