using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipelines.Containers;

/// <summary>
/// The tags and version of a publication, computed from a <see cref="GitContext"/> the way docker/metadata-action's
/// defaults do: branch name, <c>pr-N</c>, semver (<c>v1.2.3</c> → <c>1.2.3</c>, <c>1.2</c>, <c>1</c>, <c>latest</c>;
/// a pre-release gets only its full version, <c>0.x</c> gets no major tag), <c>sha-SHORT</c>, and <c>edge</c> on the default branch.
/// </summary>
public static partial class TagRules
{
    [GeneratedRegex("^v?(?<major>0|[1-9][0-9]*)\\.(?<minor>0|[1-9][0-9]*)\\.(?<patch>0|[1-9][0-9]*)(?:-(?<pre>[0-9A-Za-z.-]+))?(?:\\+(?<build>[0-9A-Za-z.-]+))?$")]
    private static partial Regex SemVer();

    /// <summary>Computes the tags (de-duplicated, in a stable order) and the version for <paramref name="git"/>. Pure.</summary>
    public static ImageTags Compute(GitContext git)
    {
        ArgumentNullException.ThrowIfNull(git);
        var tags = new List<string>();
        string? version = null;

        if (git.PullRequest is { } pr)
        {
            tags.Add($"pr-{pr.ToString(CultureInfo.InvariantCulture)}");
            version = tags[^1];
        }
        else if (git.Tag is { } tag && SemVer().Match(tag) is { Success: true } semver)
        {
            var major = semver.Groups["major"].Value;
            var minor = semver.Groups["minor"].Value;
            var patch = semver.Groups["patch"].Value;
            var pre = semver.Groups["pre"].Success ? semver.Groups["pre"].Value : null;
            version = pre is null ? $"{major}.{minor}.{patch}" : $"{major}.{minor}.{patch}-{pre}";
            tags.Add(ImageNames.Sanitize(version));
            if (pre is null)
            {
                tags.Add($"{major}.{minor}");
                if (major != "0")
                {
                    tags.Add(major);
                }

                tags.Add("latest");
            }
        }
        else if (git.Tag is { } plainTag)
        {
            version = ImageNames.Sanitize(plainTag);
            tags.Add(version);
        }
        else if (git.Branch is { } branch)
        {
            version = ImageNames.Sanitize(branch);
            tags.Add(version);
            if (string.Equals(branch, git.DefaultBranch, StringComparison.Ordinal))
            {
                tags.Add("edge");
            }
        }

        if (git.Sha.Length > 0)
        {
            tags.Add($"sha-{git.ShortSha}");
            version ??= $"sha-{git.ShortSha}";
        }

        return new ImageTags([.. tags.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)], version ?? "dev");
    }

    /// <summary>True when <paramref name="tag"/> is a semver tag (<c>v1.2.3</c>, <c>1.2.3-rc.1</c>).</summary>
    public static bool IsSemVer(string tag) => SemVer().IsMatch(tag ?? "");

    /// <summary>Of the tags pointing at a commit, the one to build: the highest semver tag, else the first one.</summary>
    internal static string? PickTag(IReadOnlyList<string> tags)
    {
        var semver = tags.Select(t => (Tag: t, Match: SemVer().Match(t))).Where(x => x.Match.Success)
            .OrderByDescending(x => long.Parse(x.Match.Groups["major"].Value, CultureInfo.InvariantCulture))
            .ThenByDescending(x => long.Parse(x.Match.Groups["minor"].Value, CultureInfo.InvariantCulture))
            .ThenByDescending(x => long.Parse(x.Match.Groups["patch"].Value, CultureInfo.InvariantCulture))
            .ThenBy(x => x.Match.Groups["pre"].Success ? 1 : 0)
            .Select(x => x.Tag)
            .FirstOrDefault();
        return semver ?? tags.FirstOrDefault();
    }
}
