namespace Pipelines.Docker;

/// <summary>Splits image references (<c>host:port/repo:tag@digest</c>).</summary>
internal static class ImageReference
{
    /// <summary>The reference without tag and digest.</summary>
    public static string Repository(string reference)
    {
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            reference = reference[..at];
        }

        var slash = reference.LastIndexOf('/');
        var colon = reference.LastIndexOf(':');
        return colon > slash ? reference[..colon] : reference;
    }
}
