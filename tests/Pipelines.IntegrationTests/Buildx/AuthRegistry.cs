using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Pipelines.IntegrationTests.Buildx;

/// <summary>
/// A second registry (<c>docker-registry serve</c>) on a free loopback port with htpasswd auth, for the login tests.
/// The bcrypt hash comes from the system's libcrypt (libxcrypt), so no htpasswd binary is needed.
/// </summary>
internal sealed class AuthRegistry : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private AuthRegistry(Process process, string directory, string address, string password)
    {
        _process = process;
        _directory = directory;
        Address = address;
        Password = password;
    }

    public const string User = "it-user";

    /// <summary>host:port of the registry.</summary>
    public string Address { get; }

    /// <summary>The password of <see cref="User"/>.</summary>
    public string Password { get; }

    public static async Task<AuthRegistry> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("pipelines-it-registry-").FullName;
        var address = $"127.0.0.1:{FreePort()}";
        var password = "it-pw-" + Guid.NewGuid().ToString("N")[..12];
        File.WriteAllText(Path.Combine(directory, "htpasswd"), $"{User}:{Bcrypt(password)}\n");
        File.WriteAllText(Path.Combine(directory, "config.yml"), $"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {directory}/data
            http:
              addr: {address}
            auth:
              htpasswd:
                realm: pipelines-it
                path: {directory}/htpasswd
            """);
        var process = Process.Start(new ProcessStartInfo("/usr/bin/docker-registry", ["serve", Path.Combine(directory, "config.yml")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("docker-registry did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var registry = new AuthRegistry(process, directory, address, password);
        await registry.WaitUntilUpAsync();
        return registry;
    }

    private async Task WaitUntilUpAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                using var response = await http.GetAsync($"http://{Address}/v2/");
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"docker-registry exited with {_process.ExitCode}");
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"docker-registry on {Address} did not answer 401 within 5 s");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Bcrypt(string password)
    {
        var setting = Marshal.PtrToStringAnsi(CryptGensalt("$2b$", 10, IntPtr.Zero, 0)) ?? throw new InvalidOperationException("crypt_gensalt failed");
        var hash = Marshal.PtrToStringAnsi(Crypt(password, setting)) ?? throw new InvalidOperationException("crypt failed");
        return hash.StartsWith("$2b$", StringComparison.Ordinal) ? hash : throw new InvalidOperationException($"libcrypt has no bcrypt: {hash}");
    }

    // DllImport rather than LibraryImport: the generated marshalling needs unsafe code, which this project does not enable.
    [DllImport("libcrypt.so.1", EntryPoint = "crypt_gensalt")]
    private static extern IntPtr CryptGensalt([MarshalAs(UnmanagedType.LPUTF8Str)] string prefix, ulong count, IntPtr randomBytes, int randomByteCount);

    [DllImport("libcrypt.so.1", EntryPoint = "crypt")]
    private static extern IntPtr Crypt([MarshalAs(UnmanagedType.LPUTF8Str)] string phrase, [MarshalAs(UnmanagedType.LPUTF8Str)] string setting);
}
