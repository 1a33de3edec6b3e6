using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Pipelines.Containers;

/// <summary>
/// A minimal OCI distribution client: blob upload, manifest put/get, with Basic credentials and the Bearer token
/// challenge. Plain HTTP for loopback registries (<c>localhost</c>, <c>127.0.0.1</c>), HTTPS otherwise.
/// </summary>
internal sealed class RegistryClient : IDisposable
{
    private static readonly string[] _manifestTypes =
    [
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
    ];

    private readonly HttpClient _http;
    private readonly string _baseUrl;
    private readonly string? _username;
    private readonly string? _password;
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);

    public RegistryClient(string registry, string? username = null, string? password = null, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registry);
        var host = registry.Split(':')[0];
        _baseUrl = (host is "localhost" or "127.0.0.1" or "[::1]" ? "http://" : "https://") + registry;
        _username = username;
        _password = password;
        _http = new HttpClient { Timeout = timeout ?? TimeSpan.FromMinutes(10) };
    }

    public async Task<bool> BlobExistsAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(repository, () => new HttpRequestMessage(HttpMethod.Head, $"{_baseUrl}/v2/{repository}/blobs/{digest}"), cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode;
    }

    public async Task UploadBlobAsync(string repository, string digest, string file, CancellationToken cancellationToken)
    {
        if (await BlobExistsAsync(repository, digest, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        using var start = await SendAsync(repository, () => new HttpRequestMessage(HttpMethod.Post, $"{_baseUrl}/v2/{repository}/blobs/uploads/"), cancellationToken).ConfigureAwait(false);
        await EnsureAsync(start, $"start the upload of {digest} to {repository}", cancellationToken).ConfigureAwait(false);
        var location = start.Headers.Location ?? throw new ContainerPipelineException($"Registry {_baseUrl} gave no upload location for {repository}.");
        var uploadUrl = location.IsAbsoluteUri ? location.ToString() : _baseUrl + location;
        uploadUrl += (uploadUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "digest=" + Uri.EscapeDataString(digest);
        using var put = await SendAsync(repository, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = new StreamContent(File.OpenRead(file)) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            return request;
        }, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(put, $"upload {digest} to {repository}", cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> PutManifestAsync(string repository, string reference, string mediaType, byte[] content, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(repository, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"{_baseUrl}/v2/{repository}/manifests/{reference}") { Content = new ByteArrayContent(content) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            return request;
        }, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, $"put manifest {reference} to {repository}", cancellationToken).ConfigureAwait(false);
        return response.Headers.TryGetValues("Docker-Content-Digest", out var digests) ? digests.First() : reference;
    }

    /// <summary>The digest of the manifest at <paramref name="reference"/> (tag or digest), or null when absent.</summary>
    public async Task<string?> GetManifestDigestAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(repository, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Head, $"{_baseUrl}/v2/{repository}/manifests/{reference}");
            foreach (var type in _manifestTypes)
            {
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
            }

            return request;
        }, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureAsync(response, $"read manifest {reference} of {repository}", cancellationToken).ConfigureAwait(false);
        return response.Headers.TryGetValues("Docker-Content-Digest", out var digests) ? digests.First() : null;
    }

    private async Task<HttpResponseMessage> SendAsync(string repository, Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            using var request = create();
            Authorize(request, repository);
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Unauthorized || response.Headers.WwwAuthenticate.FirstOrDefault() is not { } challenge)
            {
                return response;
            }

            if (!await AuthenticateAsync(challenge, repository, cancellationToken).ConfigureAwait(false))
            {
                return response;
            }

            response.Dispose();
            using var retry = create();
            Authorize(retry, repository);
            return await _http.SendAsync(retry, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new ContainerPipelineException($"Registry {_baseUrl} is unreachable: {exception.Message}", exception);
        }
    }

    private void Authorize(HttpRequestMessage request, string repository)
    {
        if (_tokens.TryGetValue(repository, out var token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        else if (_username is not null && _password is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_username}:{_password}")));
        }
    }

    private async Task<bool> AuthenticateAsync(AuthenticationHeaderValue challenge, string repository, CancellationToken cancellationToken)
    {
        if (!string.Equals(challenge.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase) || challenge.Parameter is null || _tokens.ContainsKey(repository))
        {
            return false;
        }

        var parameters = challenge.Parameter.Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1].Trim('"'), StringComparer.OrdinalIgnoreCase);
        if (!parameters.TryGetValue("realm", out var realm))
        {
            return false;
        }

        var url = $"{realm}?scope={Uri.EscapeDataString($"repository:{repository}:pull,push")}";
        if (parameters.TryGetValue("service", out var service))
        {
            url += "&service=" + Uri.EscapeDataString(service);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (_username is not null && _password is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_username}:{_password}")));
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        var token = json.RootElement.TryGetProperty("token", out var t) ? t.GetString() : json.RootElement.TryGetProperty("access_token", out var a) ? a.GetString() : null;
        if (token is null)
        {
            return false;
        }

        Output.SecretMasker.Register(token);
        _tokens[repository] = token;
        return true;
    }

    private async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new ContainerPipelineException($"Registry {_baseUrl} refused to {what}: {(int)response.StatusCode} {response.ReasonPhrase} {body.Trim()}".Trim());
        }
    }

    public void Dispose() => _http.Dispose();
}
