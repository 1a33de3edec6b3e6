using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Pipelines.IntegrationTests.Engine;

/// <summary>Reads and cleans up the loopback registry over its HTTP API (what a test pushed, it deletes).</summary>
public static class TestRegistry
{
    private static readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };

    private static readonly string[] _manifestTypes =
    [
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
    ];

    /// <summary>A repository name unique to one test, e.g. <c>it-slice-3f2a9c1b</c>.</summary>
    public static string UniqueRepository(string prefix) => $"it-{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 12)];

    /// <summary>The manifest (index or image) at <paramref name="reference"/> (tag or digest), or null when absent.</summary>
    public static async Task<(JsonDocument Document, string Digest)?> GetManifestAsync(string repository, string reference)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{EngineFixture.Registry}/v2/{repository}/manifests/{reference}");
        foreach (var type in _manifestTypes)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }

        using var response = await _http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var digest = response.Headers.GetValues("Docker-Content-Digest").Single();
        return (JsonDocument.Parse(await response.Content.ReadAsStringAsync()), digest);
    }

    /// <summary>Sum of the layer sizes (compressed, as stored) of the image manifest <paramref name="digest"/>.</summary>
    public static async Task<long> CompressedSizeAsync(string repository, string digest)
    {
        var manifest = await GetManifestAsync(repository, digest) ?? throw new InvalidOperationException($"{repository}@{digest} not found");
        using var document = manifest.Document;
        return document.RootElement.GetProperty("layers").EnumerateArray().Sum(layer => layer.GetProperty("size").GetInt64());
    }

    /// <summary>Deletes every tag of <paramref name="repository"/> (manifests by digest; blobs are left to the registry's GC).</summary>
    public static async Task DeleteRepositoryAsync(string repository)
    {
        using var response = await _http.GetAsync($"http://{EngineFixture.Registry}/v2/{repository}/tags/list");
        if (!response.IsSuccessStatusCode)
        {
            return;
        }

        using var tags = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        if (tags.RootElement.GetProperty("tags") is not { ValueKind: JsonValueKind.Array } list)
        {
            return;
        }

        foreach (var tag in list.EnumerateArray().Select(t => t.GetString()!))
        {
            var manifest = await GetManifestAsync(repository, tag);
            if (manifest is { } found)
            {
                found.Document.Dispose();
                using var _ = await _http.DeleteAsync($"http://{EngineFixture.Registry}/v2/{repository}/manifests/{found.Digest}");
            }
        }
    }
}
