namespace Pipelines.Dockerfile;

/// <summary>Just enough of an image reference to tell repository, tag and digest apart.</summary>
internal readonly record struct ImageReference(string Repository, string? Tag, string? Digest)
{
    public static ImageReference Parse(string reference)
    {
        string? digest = null;
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = reference[(at + 1)..];
            reference = reference[..at];
        }

        var colon = reference.LastIndexOf(':');
        var slash = reference.LastIndexOf('/');
        return colon > slash
            ? new ImageReference(reference[..colon], reference[(colon + 1)..], digest)
            : new ImageReference(reference, null, digest);
    }

    /// <summary>The last path segment of the repository, e.g. <c>sdk</c> of <c>mcr.microsoft.com/dotnet/sdk</c>.</summary>
    public string Name => Repository[(Repository.LastIndexOf('/') + 1)..];

    /// <summary>No digest, and no tag or the tag <c>latest</c>.</summary>
    public bool IsUnpinned => Digest is null && (Tag is null || Tag == "latest");
}
