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
        foreach (var image in _localImages)
        {
            await Tool.RunAsync(new ToolCommand("docker", ["image", "rm", "--force", image]) { ThrowOnFailure = false, StreamOutput = false });
        }

        Directory.Delete(WorkDirectory, recursive: true);
    }
}
