using System.Net;
using System.Net.Sockets;
using System.Text;
using Pipelines.IntegrationTests.Engine;

namespace Pipelines.IntegrationTests.Containers;

/// <summary>
/// A TCP proxy in front of the loopback registry that "goes away" (closes every connection and stops listening)
/// when the request after <see cref="ManifestPutsAllowed"/> manifest uploads arrives.
/// </summary>
internal sealed class FlakyRegistryProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = [];
    private readonly Task _accept;
    private int _manifestPuts;

    public FlakyRegistryProxy(int manifestPutsAllowed)
    {
        ManifestPutsAllowed = manifestPutsAllowed;
        _listener.Start();
        Registry = $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _accept = AcceptAsync();
    }

    public int ManifestPutsAllowed { get; }

    /// <summary>The proxy as a registry host, e.g. <c>127.0.0.1:40123</c>.</summary>
    public string Registry { get; }

    public bool WentAway { get; private set; }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var upstream = new TcpClient();
            var port = int.Parse(EngineFixture.Registry.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
            await upstream.ConnectAsync(IPAddress.Loopback, port);
            lock (_clients)
            {
                _clients.Add(client);
                _clients.Add(upstream);
            }

            _ = PumpAsync(client.GetStream(), upstream.GetStream(), inspect: true);
            _ = PumpAsync(upstream.GetStream(), client.GetStream(), inspect: false);
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool inspect)
    {
        var buffer = new byte[81920];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                if (inspect)
                {
                    var text = Encoding.ASCII.GetString(buffer, 0, Math.Min(read, 512));
                    if (text.StartsWith("PUT /v2/", StringComparison.Ordinal) && text.Split('\n')[0].Contains("/manifests/", StringComparison.Ordinal)
                        && Interlocked.Increment(ref _manifestPuts) > ManifestPutsAllowed)
                    {
                        GoAway();
                        return;
                    }
                }

                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // connection closed
        }
    }

    private void GoAway()
    {
        WentAway = true;
        _listener.Stop();
        _stop.Cancel();
        lock (_clients)
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!WentAway)
        {
            GoAway();
        }

        try
        {
            await _accept;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
