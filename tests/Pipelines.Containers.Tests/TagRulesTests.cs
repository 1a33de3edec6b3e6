using Pipelines.Containers;

namespace Pipelines.Containers.Tests;

public sealed class TagRulesTests
{
    private const string Sha = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";

    [Fact]
    public void Branch_build_is_tagged_with_the_sanitized_branch_and_the_short_sha()
    {
        var tags = TagRules.Compute(new GitContext { Sha = Sha, Branch = "feature/login" });

        tags.Tags.ShouldBe(["feature-login", "sha-0a1b2c3"]);
        tags.Version.ShouldBe("feature-login");
    }

    [Fact]
    public void Default_branch_build_is_also_tagged_edge()
    {
        TagRules.Compute(new GitContext { Sha = Sha, Branch = "main" }).Tags.ShouldBe(["main", "edge", "sha-0a1b2c3"]);
    }

    [Fact]
    public void Semver_tag_gives_full_minor_major_and_latest()
    {
        var tags = TagRules.Compute(new GitContext { Sha = Sha, Branch = "main", Tag = "v1.2.3" });

        tags.Tags.ShouldBe(["1.2.3", "1.2", "1", "latest", "sha-0a1b2c3"]);
        tags.Version.ShouldBe("1.2.3");
    }

    [Fact]
    public void Pre_release_gets_only_its_full_version_and_never_latest()
    {
        var tags = TagRules.Compute(new GitContext { Sha = Sha, Tag = "v1.3.0-rc.1" });

        tags.Tags.ShouldBe(["1.3.0-rc.1", "sha-0a1b2c3"]);
        tags.Tags.ShouldNotContain("latest");
    }

    [Fact]
    public void Zero_major_version_gets_no_major_tag()
    {
        TagRules.Compute(new GitContext { Sha = Sha, Tag = "v0.4.1" }).Tags.ShouldBe(["0.4.1", "0.4", "latest", "sha-0a1b2c3"]);
    }

    [Fact]
    public void Pull_request_is_tagged_pr_number_with_the_head_sha()
    {
        var git = GitContext.ApplyGitHub(
            new GitContext { Sha = "ffffffffffffffffffffffffffffffffffffffff", Branch = null },
            new Dictionary<string, string?> { ["GITHUB_REF"] = "refs/pull/42/merge", ["GITHUB_EVENT_NAME"] = "pull_request", ["GITHUB_HEAD_REF"] = "feature/x" },
            mergeSecondParent: Sha);

        TagRules.Compute(git).Tags.ShouldBe(["pr-42", "sha-0a1b2c3"]);
    }

    [Fact]
    public void Pull_request_head_sha_is_read_from_the_event_payload_first()
    {
        var eventFile = Path.GetTempFileName();
        try
        {
            File.WriteAllText(eventFile, "{\"pull_request\":{\"head\":{\"sha\":\"" + Sha + "\"}}}");
            var git = GitContext.ApplyGitHub(
                new GitContext { Sha = "ffffffffffffffffffffffffffffffffffffffff" },
                new Dictionary<string, string?> { ["GITHUB_REF"] = "refs/pull/7/merge", ["GITHUB_EVENT_NAME"] = "pull_request", ["GITHUB_EVENT_PATH"] = eventFile },
                mergeSecondParent: null);

            git.Sha.ShouldBe(Sha);
            git.PullRequest.ShouldBe(7);
        }
        finally
        {
            File.Delete(eventFile);
        }
    }

    [Fact]
    public void GitHub_tag_ref_overrides_the_local_branch()
    {
        var git = GitContext.ApplyGitHub(
            new GitContext { Sha = Sha, Branch = "main" },
            new Dictionary<string, string?> { ["GITHUB_REF"] = "refs/tags/v2.0.0", ["GITHUB_REPOSITORY"] = "acme/app" },
            mergeSecondParent: null);

        TagRules.Compute(git).Tags.ShouldBe(["2.0.0", "2.0", "2", "latest", "sha-0a1b2c3"]);
        git.SourceUrl.ShouldBe("https://github.com/acme/app");
    }

    [Fact]
    public void Highest_semver_tag_wins_when_several_point_at_the_commit()
    {
        TagRules.PickTag(["v1.2.0", "v1.10.0-rc.1", "v1.10.0", "nightly"]).ShouldBe("v1.10.0");
        TagRules.PickTag(["nightly"]).ShouldBe("nightly");
    }

    [Theory]
    [InlineData("git@github.com:acme/app.git", "https://github.com/acme/app")]
    [InlineData("https://user:token@github.com/acme/app.git", "https://github.com/acme/app")]
    [InlineData("/srv/repo", null)]
    public void Remote_urls_become_web_urls_without_credentials(string remote, string? expected)
    {
        GitContext.WebUrl(remote).ShouldBe(expected);
    }
}
