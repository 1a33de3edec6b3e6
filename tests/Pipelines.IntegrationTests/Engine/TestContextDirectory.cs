namespace Pipelines.IntegrationTests.Engine;

/// <summary>A private copy of a fixture folder (a build context), deleted when the test ends.</summary>
public sealed class TestContextDirectory : IDisposable
{
    private TestContextDirectory(string path) => Path = path;

    /// <summary>The copy's absolute path.</summary>
    public string Path { get; }

    /// <summary>Copies <c>Fixtures/<paramref name="fixture"/></c> from the test output folder into a new temp folder.</summary>
    public static TestContextDirectory CopyOf(string fixture)
    {
        var source = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture);
        var target = Directory.CreateTempSubdirectory($"pipelines-it-{fixture.ToLowerInvariant()}-").FullName;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            System.IO.File.Copy(file, destination);
        }

        return new TestContextDirectory(target);
    }

    /// <summary>The absolute path of <paramref name="relative"/> inside the copy.</summary>
    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless; failing the test over it is not
        }
    }
}
