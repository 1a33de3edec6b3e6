using Pipelines.Containers;
using Pipelines.Docker;

namespace Pipelines.Containers.Tests;

public sealed class VerificationRulesTests
{
    private static ImageFacts Facts(string user = "65532:65532", IReadOnlyList<string>? env = null, IReadOnlyList<string>? history = null, string[]? files = null, long size = 1_000_000, bool healthcheck = true) => new()
    {
        Platform = Platform.LinuxArm64,
        ManifestDigest = "sha256:abc",
        CompressedSize = size,
        User = user,
        Environment = env ?? ["PATH=/usr/bin"],
        History = history ?? ["COPY /out/api /api # buildkit"],
        Files = (files ?? ["api"]).ToHashSet(),
        Healthcheck = healthcheck ? ["CMD", "/api", "--healthcheck"] : null,
    };

    [Fact]
    public void Clean_image_passes_every_rule()
    {
        var image = new ContainerImage("api").WithSizeBudget(ByteSize.Megabytes(2)).WithPolicy(p => p.WithMinimal().WithRequireHealthcheck());

        VerificationRules.Check(image, Facts()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("root")]
    [InlineData("0")]
    [InlineData("0:0")]
    public void Root_users_break_the_non_root_rule(string user)
    {
        var finding = VerificationRules.Check(new ContainerImage("api"), Facts(user: user)).ShouldHaveSingleItem();

        finding.ToString().ShouldStartWith("api (linux/arm64) [non-root]:");
    }

    [Fact]
    public void Over_budget_names_size_budget_and_excess()
    {
        var finding = VerificationRules.Check(new ContainerImage("api").WithSizeBudget(ByteSize.Megabytes(1)), Facts(size: 1_500_000)).ShouldHaveSingleItem();

        finding.Rule.ShouldBe(VerificationRules.SizeBudget);
        finding.Message.ShouldBe("compressed size 1.5 MB exceeds the budget of 1 MB by 500 kB.");
    }

    [Fact]
    public void Minimal_images_must_not_contain_a_shell_or_package_manager()
    {
        var finding = VerificationRules.Check(new ContainerImage("api").WithPolicy(p => p.WithMinimal()), Facts(files: ["bin/sh", "usr/bin/apt-get", "api"])).ShouldHaveSingleItem();

        finding.Rule.ShouldBe(VerificationRules.Minimal);
        finding.Message.ShouldContain("/bin/sh, /usr/bin/apt-get");
    }

    [Fact]
    public void Missing_healthcheck_only_fails_when_required()
    {
        VerificationRules.Check(new ContainerImage("api"), Facts(healthcheck: false)).ShouldBeEmpty();
        VerificationRules.Check(new ContainerImage("api").WithPolicy(p => p.WithRequireHealthcheck()), Facts(healthcheck: false)).ShouldHaveSingleItem().Rule.ShouldBe("healthcheck");
    }

    [Fact]
    public void Secrets_in_env_and_history_are_found_and_redacted()
    {
        var findings = VerificationRules.Check(new ContainerImage("api"), Facts(
            env: ["PATH=/usr/bin", "DB_PASSWORD=hunter2-correct-horse", "GH=ghp_abcdefghijklmnopqrstuvwxyz0123456789"],
            history: ["RUN |1 NPM_TOKEN=npm_abcdefghijkl /bin/sh -c npm ci # buildkit"]));

        findings.Select(f => f.Rule).ShouldAllBe(rule => rule == VerificationRules.Secret);
        findings.Count.ShouldBe(3);
        string.Join("\n", findings).ShouldNotContain("hunter2-correct-horse");
        string.Join("\n", findings).ShouldNotContain("ghp_abcdefghijklmnopqrstuvwxyz0123456789");
        string.Join("\n", findings).ShouldContain("NPM_TOKEN");
    }

    [Theory]
    [InlineData("PASSWORD_FILE", "/run/secrets/db")]
    [InlineData("NODE_EXTRA_CA_CERTS", "/run/secrets/npm_ca")]
    [InlineData("TOKEN_URL", "$TOKEN_URL")]
    [InlineData("GOFLAGS", "-trimpath")]
    [InlineData("API_KEY", "")]
    public void References_and_harmless_values_are_not_secrets(string name, string value)
    {
        VerificationRules.LooksSecret(name, value).ShouldBeFalse();
    }
}
