namespace Pipelines;

/// <summary>A normalized absolute file-system path; combine with <c>/</c>: <c>RootDirectory / "artifacts" / "app.tar"</c>.</summary>
public sealed class AbsolutePath : IEquatable<AbsolutePath>
{
    private readonly string _path;

    private AbsolutePath(string path) => _path = path;

    /// <summary>The last segment of the path.</summary>
    public string Name => System.IO.Path.GetFileName(_path);

    /// <summary>The containing directory, or null for the file-system root.</summary>
    public AbsolutePath? Parent => System.IO.Path.GetDirectoryName(_path) is { } parent ? new AbsolutePath(parent) : null;

    /// <summary>Creates a path from <paramref name="path"/>; relative paths are resolved against the current directory.</summary>
    public static AbsolutePath Create(string path) => Create(path, Directory.GetCurrentDirectory());

    /// <summary>Creates a path from <paramref name="path"/>; relative paths are resolved against <paramref name="baseDirectory"/>.</summary>
    public static AbsolutePath Create(string path, string baseDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path, baseDirectory);
        return new AbsolutePath(full.Length > 1 ? full.TrimEnd(System.IO.Path.DirectorySeparatorChar) : full);
    }

    /// <summary>Parses a path (relative to the current directory); used for parameters, which resolve relative to the root directory instead.</summary>
    public static AbsolutePath Parse(string path) => Create(path);

    /// <summary>Appends <paramref name="relative"/> (which may contain several segments or <c>..</c>).</summary>
    public static AbsolutePath operator /(AbsolutePath left, string relative)
    {
        ArgumentNullException.ThrowIfNull(left);
        return Create(relative, left._path);
    }

    /// <summary>The path as a string.</summary>
    public static implicit operator string(AbsolutePath path) => path?._path ?? throw new ArgumentNullException(nameof(path));

    /// <summary>True when a file exists at this path.</summary>
    public bool FileExists() => File.Exists(_path);

    /// <summary>True when a directory exists at this path.</summary>
    public bool DirectoryExists() => Directory.Exists(_path);

    /// <summary>Creates the directory (and parents) if missing and returns this path.</summary>
    public AbsolutePath CreateDirectory()
    {
        Directory.CreateDirectory(_path);
        return this;
    }

    /// <summary>This path relative to <paramref name="basePath"/>.</summary>
    public string RelativeTo(AbsolutePath basePath) => System.IO.Path.GetRelativePath(basePath?._path ?? throw new ArgumentNullException(nameof(basePath)), _path);

    /// <inheritdoc />
    public bool Equals(AbsolutePath? other) => other is not null && string.Equals(_path, other._path, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AbsolutePath other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_path);

    /// <inheritdoc />
    public override string ToString() => _path;
}
