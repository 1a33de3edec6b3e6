using System.Text.Json;
using Pipelines.Tooling;

namespace Pipelines.Containers;

/// <summary>
/// What the tag rules need to know about the commit being built: read from <c>git</c> and, on GitHub Actions,
/// from <c>GITHUB_REF</c>, <c>GITHUB_HEAD_REF</c>, <c>GITHUB_EVENT_NAME</c> and the event payload (which wins over git).
/// </summary>
public sealed record GitContext
{
    /// <summary>The commit the image is built from (for a pull request: the head commit, not GitHub's merge commit).</summary>
    public string Sha { get; init; } = "";

    /// <summary>The branch being built, or null (detached HEAD, tag build).</summary>
    public string? Branch { get; init; }

    /// <summary>The tag being built (e.g. <c>v1.2.3</c>), or null.</summary>
    public string? Tag { get; init; }

    /// <summary>The pull request number when building a pull request, else null.</summary>
    public int? PullRequest { get; init; }

    /// <summary>The repository's default branch (default <c>main</c>); <c>edge</c> is tagged on it.</summary>
    public string DefaultBranch { get; init; } = "main";

    /// <summary>The repository's web address (OCI <c>source</c> label), when known.</summary>
    public string? SourceUrl { get; init; }

    /// <summary>The commit time (OCI <c>created</c> label falls back to now when null).</summary>
    public DateTimeOffset? CommitTime { get; init; }

    /// <summary>The short SHA (7 characters) used by <c>sha-</c> tags.</summary>
    public string ShortSha => Sha.Length > 7 ? Sha[..7] : Sha;

    /// <summary>Reads the context of the working copy at <paramref name="directory"/>, with GitHub Actions variables from <paramref name="environment"/> taking precedence.</summary>
    public static async Task<GitContext> ReadAsync(string directory, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var sha = await Git(directory, cancellationToken, "rev-parse", "HEAD").ConfigureAwait(false) ?? "";
        var branch = await Git(directory, cancellationToken, "symbolic-ref", "--short", "-q", "HEAD").ConfigureAwait(false);
        var tags = (await Git(directory, cancellationToken, "tag", "--points-at", "HEAD").ConfigureAwait(false) ?? "")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var remote = await Git(directory, cancellationToken, "config", "--get", "remote.origin.url").ConfigureAwait(false);
        var originHead = await Git(directory, cancellationToken, "symbolic-ref", "--short", "-q", "refs/remotes/origin/HEAD").ConfigureAwait(false);
        var time = await Git(directory, cancellationToken, "log", "-1", "--format=%cI").ConfigureAwait(false);

        var context = new GitContext
        {
            Sha = sha,
            Branch = branch,
            Tag = TagRules.PickTag(tags),
            DefaultBranch = originHead is { } head && head.StartsWith("origin/", StringComparison.Ordinal) ? head["origin/".Length..] : "main",
            SourceUrl = WebUrl(remote),
            CommitTime = DateTimeOffset.TryParse(time, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t) ? t : null,
        };
        return ApplyGitHub(context, environment, await Git(directory, cancellationToken, "rev-parse", "-q", "--verify", "HEAD^2").ConfigureAwait(false));
    }

    /// <summary>Overlays the GitHub Actions variables on a git-derived context. Pure except for reading <c>GITHUB_EVENT_PATH</c>.</summary>
    internal static GitContext ApplyGitHub(GitContext context, IReadOnlyDictionary<string, string?> environment, string? mergeSecondParent)
    {
        string? Get(string name) => environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
        var reference = Get("GITHUB_REF");
        var eventName = Get("GITHUB_EVENT_NAME");
        if (Get("GITHUB_REPOSITORY") is { } repository)
        {
            context = context with { SourceUrl = $"{Get("GITHUB_SERVER_URL") ?? "https://github.com"}/{repository}" };
        }

        if (reference is null)
        {
            return context;
        }

        if (reference.StartsWith("refs/heads/", StringComparison.Ordinal))
        {
            return context with { Branch = reference["refs/heads/".Length..], Tag = null, PullRequest = null, Sha = Get("GITHUB_SHA") ?? context.Sha };
        }

        if (reference.StartsWith("refs/tags/", StringComparison.Ordinal))
        {
            return context with { Tag = reference["refs/tags/".Length..], Branch = null, PullRequest = null, Sha = Get("GITHUB_SHA") ?? context.Sha };
        }

        if (reference.StartsWith("refs/pull/", StringComparison.Ordinal) || eventName is "pull_request" or "pull_request_target")
        {
            var parts = reference.Split('/');
            int? number = parts.Length > 2 && int.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
            var headSha = PullRequestHeadSha(Get("GITHUB_EVENT_PATH")) ?? mergeSecondParent ?? context.Sha;
            return context with { PullRequest = number, Branch = Get("GITHUB_HEAD_REF") ?? context.Branch, Tag = null, Sha = headSha };
        }

        return context;
    }

    private static string? PullRequestHeadSha(string? eventPath)
    {
        if (eventPath is null || !File.Exists(eventPath))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(eventPath));
            return document.RootElement.TryGetProperty("pull_request", out var pr) && pr.TryGetProperty("head", out var head) && head.TryGetProperty("sha", out var sha)
                ? sha.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static string? WebUrl(string? remote)
    {
        if (string.IsNullOrWhiteSpace(remote))
        {
            return null;
        }

        var url = remote.Trim();
        if (url.StartsWith("git@", StringComparison.Ordinal) && url.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
        {
            url = "https://" + url[4..colon] + "/" + url[(colon + 1)..];
        }

        if (!url.StartsWith("http", StringComparison.Ordinal))
        {
            return null;
        }

        url = url.EndsWith(".git", StringComparison.Ordinal) ? url[..^4] : url;
        var at = url.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && url.IndexOf("://", StringComparison.Ordinal) is var scheme and > 0 && at > scheme ? url[..(scheme + 3)] + url[(at + 1)..] : url;
    }

    private static async Task<string?> Git(string directory, CancellationToken cancellationToken, params string[] arguments)
    {
        var command = new ToolCommand("git", arguments) { WorkingDirectory = directory, ThrowOnFailure = false, StreamOutput = false };
        var result = await Tool.RunAsync(command, cancellationToken).ConfigureAwait(false);
        var output = result.StandardOutput.Trim();
        return result.Succeeded && output.Length > 0 ? output : null;
    }
}
