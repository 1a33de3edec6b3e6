namespace Pipelines.Containers;

/// <summary>The result of <see cref="TagRules.Compute"/>.</summary>
/// <param name="Tags">The tags to publish, e.g. <c>1.2.3</c>, <c>1.2</c>, <c>1</c>, <c>latest</c>, <c>sha-0a1b2c3</c>.</param>
/// <param name="Version">The version for the OCI <c>version</c> label (semver, branch, <c>pr-N</c> or <c>sha-…</c>).</param>
public sealed record ImageTags(IReadOnlyList<string> Tags, string Version);
