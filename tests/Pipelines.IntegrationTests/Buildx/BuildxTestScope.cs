using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using Pipelines.Docker;
using Pipelines.IntegrationTests.Engine;
using Pipelines.Tooling;

namespace Pipelines.IntegrationTests.Buildx;

/// <summary>Per-test names (unique registry repository, cache-busting nonce), a temp directory, and cleanup of local images.</summary>
internal sealed class BuildxTestScope : IAsyncDisposable
{
    private readonly List<string> _localImages = [];

    public BuildxTestScope()
    {
        Nonce = Guid.NewGuid().ToString("N")[..8];
        Repository = $"{EngineFixture.Registry}/it-buildx-{Nonce}";
        WorkDirectory = Directory.CreateTempSubdirectory("pipelines-it-buildx-").FullName;
    }

    /// <summary>A random value passed as build arg NONCE, so each test's steps really run.</summary>
    public string Nonce { get; }

    /// <summary>A registry repository no other test uses.</summary>
    public string Repository { get; }

    /// <summary>A temp directory removed afterwards.</summary>
    public string WorkDirectory { get; }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Buildx", name);

    /// <summary>Settings for a fixture context with the nonce build arg.</summary>
    public BuildxBuildSettings Settings(string fixture) =>
        new BuildxBuildSettings().SetContext(Fixture(fixture)).AddBuildArg("NONCE", Nonce).SetProgress(ProgressMode.Plain);

    /// <summary>Removes <paramref name="image"/> from the engine's store afterwards.</summary>
    public string RemoveAfterwards(string image)
    {
        _localImages.Add(image);
        return image;
    }

    public async ValueTask DisposeAsync()
    {
        // pushes with the docker driver keep a copy in the engine's store too: remove every image carrying this test's nonce
        var listed = await Tool.RunAsync(new ToolCommand("docker", ["image", "ls", "--format", "{{.Repository}}:{{.Tag}}"]) { ThrowOnFailure = false, StreamOutput = false });
        _localImages.AddRange(listed.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(image => image.Contains(Nonce, StringComparison.Ordinal)));
        foreach (var image in _localImages.Distinct())
        {
            await Tool.RunAsync(new ToolCommand("docker", ["image", "rm", "--force", image]) { ThrowOnFailure = false, StreamOutput = false });
        }

        await DeleteRegistryRepositoryAsync(Repository);
        Directory.Delete(WorkDirectory, recursive: true);
    }

    /// <summary>Best effort: deletes every tagged manifest of <paramref name="repository"/> from the loopback registry (it has delete enabled).</summary>
    public static async Task DeleteRegistryRepositoryAsync(string repository)
    {
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        var (host, path) = (repository[..slash], repository[(slash + 1)..]);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var tags = await http.GetAsync($"http://{host}/v2/{path}/tags/list");
            if (!tags.IsSuccessStatusCode)
            {
                return;
            }

            using var document = JsonDocument.Parse(await tags.Content.ReadAsStringAsync());
            if (!document.RootElement.TryGetProperty("tags", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            foreach (var tag in list.EnumerateArray().Select(t => t.GetString()).OfType<string>())
            {
                using var head = new HttpRequestMessage(HttpMethod.Head, $"http://{host}/v2/{path}/manifests/{tag}");
                foreach (var mediaType in new[]
                {
                    "application/vnd.oci.image.index.v1+json", "application/vnd.oci.image.manifest.v1+json",
                    "application/vnd.docker.distribution.manifest.list.v2+json", "application/vnd.docker.distribution.manifest.v2+json",
                })
                {
                    head.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(mediaType));
                }

                using var response = await http.SendAsync(head);
                if (response.Headers.TryGetValues("Docker-Content-Digest", out var digests))
                {
                    using var _ = await http.DeleteAsync($"http://{host}/v2/{path}/manifests/{digests.First()}");
                }
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            // cleanup is best effort; the repository name is unique to this test
        }
    }
}
