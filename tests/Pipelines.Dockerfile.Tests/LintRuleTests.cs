namespace Pipelines.Dockerfile.Tests;

public class LintRuleTests
{
    private static IReadOnlyList<LintFinding> Lint(string text, LintOptions? options = null)
        => DockerfileLinter.Lint(DockerfileDocument.Parse(text), options);

    public static TheoryData<string, string, int> Violations => new()
    {
        { "PL001", "FROM debian:12-slim\nCMD [\"app\"]\n", 1 },
        { "PL001", "FROM debian:12-slim\nUSER app\nUSER root:root\n", 3 },
        { "PL002", "FROM debian:12-slim\nUSER 1000\n", 1 },
        { "PL003", "FROM debian\n", 1 },
        { "PL003", "ARG TAG=latest\nFROM debian:${TAG}\n", 2 },
        { "PL004", "FROM busybox:1\nARG NPM_TOKEN\n", 2 },
        { "PL004", "FROM busybox:1\nENV DB_PASSWORD=hunter2\n", 2 },
        { "PL004", "FROM busybox:1\nENV GH=ghp_0123456789abcdef0123456789abcdef0123\n", 2 },
        { "PL005", "FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n", 3 },
        { "PL006", "FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n", 2 },
        { "PL007", "FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl\n", 2 },
        { "PL008", "FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n", 2 },
        { "PL009", "FROM golang:1.22\nCOPY app /app\n", 1 },
        { "PL009", "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nFROM build AS final\n", 1 },
        { "PL009", "FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential\n", 2 },
        { "PL011", "FROM busybox:1\nADD app.py /app/\n", 2 },
        { "PL012", "FROM busybox:1\nCMD app --serve\n", 2 },
        { "PL012", "FROM busybox:1\nENTRYPOINT exec /app\n", 2 },
        { "PL013", "FROM golang:1.22 AS build\nARG TARGETARCH\nRUN GOARCH=$TARGETARCH go build -o /app\nFROM scratch\nCOPY --from=build /app /app\n", 1 },
        { "PL014", "FROM busybox:1 AS docs\nRUN true\nFROM busybox:1 AS final\n", 1 },
        { "PL015", "FROM scratch\nCOPY --from=nginx /etc/nginx /etc/nginx\n", 2 },
        { "PL015", "FROM busybox:1\nRUN --mount=from=example/tools:latest,target=/t true\n", 2 },
        { "PL016", "FROM busybox:1\nWORKDIR app\n", 2 },
        { "PL017", "FROM busybox:1\nRUN cd /src && make\n", 2 },
        { "PL018", "FROM busybox:1 AS build\nFROM busybox:1 AS build\n", 2 },
        { "PL019", "FROM node:20-slim\nCOPY . .\n", 2 },
        { "PL019", "FROM node:20-slim AS base\nCOPY ./ /app/\nFROM base AS production\n", 2 },
        { "PL020", "FROM busybox:1 AS build\nFROM scratch\nCOPY --from=biuld /a /a\n", 3 },
        { "PL021", "FROM busybox:1 AS a\nCOPY --from=b /x /x\nFROM busybox:1 AS b\n", 2 },
        { "PL022", "FROM busybox:1\nMAINTAINER me@example.org\n", 2 },
        { "PL023", "FROM busybox:1\nCMD [\"a\"]\nCMD [\"b\"]\n", 2 },
        { "PL024", "FROM debian:12-slim\nRUN sudo make install\n", 2 },
        { "PL025", "FROM debian:12-slim\nRUN apt-get update && apt-get upgrade -y\n", 2 },
        { "PL026", "FROM busybox:1 AS Build\n", 1 },
        { "PL027", "FROM debian:12-slim\nRUN curl -fsSL https://example.test/install.sh | sh\n", 2 },
    };

    public static TheoryData<string, string> GoodPractice => new()
    {
        { "PL001", "FROM debian:12-slim\nUSER 1000\n" },
        { "PL001", "FROM debian:12-slim AS base\nUSER app\nFROM base\nCMD [\"x\"]\n" },
        { "PL001", "FROM gcr.io/distroless/static:nonroot\n" },
        { "PL002", "FROM debian:12-slim\nHEALTHCHECK CMD [\"/app\", \"health\"]\n" },
        { "PL002", "FROM scratch\nCOPY app /app\n" },
        { "PL002", "FROM debian:12-slim\nHEALTHCHECK NONE\n" },
        { "PL003", "FROM debian:12-slim\n" },
        { "PL003", "FROM debian@sha256:0123456789abcdef\n" },
        { "PL003", "FROM scratch\n" },
        { "PL003", "FROM busybox:1 AS a\nFROM a\n" },
        { "PL004", "FROM busybox:1\nARG TOKEN_FILE=/run/secrets/token\nENV VERSION=1 AUTHOR=me\n" },
        { "PL005", "FROM node:20\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n" },
        { "PL006", "FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n" },
        { "PL007", "FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n" },
        { "PL007", "FROM debian:12-slim\nRUN --mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl\n" },
        { "PL007", "FROM debian:12-slim AS build\nRUN apt-get update && apt-get install -y curl\nFROM scratch\nCOPY --from=build /x /x\n" },
        { "PL008", "FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n" },
        { "PL009", "FROM golang:1.22 AS build\nRUN go build -o /app\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app\n" },
        { "PL011", "FROM busybox:1\nADD https://example.test/a.tar.gz /\nADD rootfs.tar.xz /\nADD --checksum=sha256:00 https://example.test/f /f\nCOPY app.py /app/\n" },
        { "PL012", "FROM busybox:1\nENTRYPOINT [\"/app\"]\nCMD [\"--serve\"]\n" },
        { "PL013", "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nARG TARGETARCH\nRUN GOARCH=$TARGETARCH go build -o /app\nFROM scratch\nCOPY --from=build /app /app\n" },
        { "PL013", "FROM golang:1.22 AS build\nRUN go build -o /app\nFROM scratch\nCOPY --from=build /app /app\n" },
        { "PL014", "FROM busybox:1 AS build\nRUN true\nFROM scratch\nCOPY --from=build /a /a\n" },
        { "PL015", "FROM scratch\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\nCOPY --from=example/tools@sha256:00 /t /t\n" },
        { "PL016", "FROM busybox:1\nWORKDIR /app\nWORKDIR $HOME/src\n" },
        { "PL017", "FROM busybox:1\nRUN make -C /src && echo cd done\n" },
        { "PL018", "FROM busybox:1 AS build\nFROM busybox:1 AS test\n" },
        { "PL019", "FROM node:20 AS build\nCOPY . .\nRUN npm run build\nFROM nginx:1\nCOPY --from=build /app/dist /usr/share/nginx/html\n" },
        { "PL020", "FROM busybox:1 AS build\nFROM scratch\nCOPY --from=build /a /a\n" },
        { "PL021", "FROM busybox:1 AS b\nFROM busybox:1 AS a\nCOPY --from=b /x /x\n" },
        { "PL022", "FROM busybox:1\nLABEL org.opencontainers.image.authors=me@example.org\n" },
        { "PL023", "FROM busybox:1\nCMD [\"a\"]\nFROM busybox:1\nCMD [\"b\"]\n" },
        { "PL024", "FROM debian:12-slim\nUSER root\nRUN make install\n" },
        { "PL025", "FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n" },
        { "PL026", "FROM busybox:1 AS build\n" },
        { "PL027", "FROM debian:12-slim\nRUN curl -fsSLo /tmp/install.sh https://example.test/install.sh && sha256sum -c sums && sh /tmp/install.sh\n" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void Rule_reports_the_bad_practice_at_its_line(string ruleId, string dockerfile, int line)
    {
        var findings = Lint(dockerfile).Where(f => f.RuleId == ruleId).ToList();

        findings.ShouldNotBeEmpty($"{ruleId} should fire");
        findings[0].Location.Line.ShouldBe(line);
        var rule = DockerfileLinter.FindRule(ruleId)!;
        findings[0].Severity.ShouldBe(rule.DefaultSeverity);
        findings[0].FixHint.ShouldBe(rule.FixHint);
        findings[0].RuleName.ShouldBe(rule.Name);
    }

    [Theory]
    [MemberData(nameof(GoodPractice))]
    public void Rule_stays_quiet_on_good_practice(string ruleId, string dockerfile)
    {
        Lint(dockerfile).Where(f => f.RuleId == ruleId).ShouldBeEmpty();
    }

    [Fact]
    public void Every_rule_has_a_positive_and_a_negative_test()
    {
        var positive = Violations.Select(row => (string)row[0]).ToHashSet();
        var negative = GoodPractice.Select(row => (string)row[0]).ToHashSet();
        var dockerignore = "PL010"; // tested with real files below
        var parseError = "PL000"; // not a check: see Parse_errors_become_PL000_findings

        DockerfileLinter.Rules.Select(r => r.Id).Where(id => id != dockerignore && id != parseError).ShouldAllBe(id => positive.Contains(id) && negative.Contains(id));
    }

    [Fact]
    public void There_are_at_least_twenty_rules_with_unique_ids_and_complete_descriptions()
    {
        var rules = DockerfileLinter.Rules;

        rules.Count.ShouldBeGreaterThanOrEqualTo(20);
        rules.Select(r => r.Id).ShouldBeUnique();
        rules.Select(r => r.Name).ShouldBeUnique();
        rules.ShouldAllBe(r => r.Id.StartsWith("PL") && r.Description.Length > 10 && r.FixHint.Length > 5);
        rules.Select(r => r.Id).ShouldBe(rules.Select(r => r.Id).Order());
    }

    [Fact]
    public void Missing_dockerignore_in_the_context_is_reported()
    {
        using var dir = new TempDirectory();
        var dockerfile = dir.Write("Dockerfile", "FROM busybox:1\n");

        var finding = DockerfileLinter.Lint(dockerfile).Single(f => f.RuleId == "PL010");

        finding.Location.ShouldBe(new SourceLocation(dockerfile, 1, 1));
        finding.Message.ShouldContain("has no .dockerignore");
    }

    [Fact]
    public void Dockerignore_without_git_is_reported_and_with_git_is_not()
    {
        using var dir = new TempDirectory();
        var dockerfile = dir.Write("Dockerfile", "FROM busybox:1\n");
        dir.Write(".dockerignore", "node_modules\n# .git\n");

        DockerfileLinter.Lint(dockerfile).Single(f => f.RuleId == "PL010").Message.ShouldContain("does not exclude .git");

        dir.Write(".dockerignore", "node_modules\n.git\n");
        DockerfileLinter.Lint(dockerfile).ShouldNotContain(f => f.RuleId == "PL010");
    }

    [Fact]
    public void A_dockerfile_specific_ignore_file_and_an_explicit_context_are_honoured()
    {
        using var dir = new TempDirectory();
        var dockerfile = dir.Write("app.Dockerfile", "FROM busybox:1\n");
        dir.Write("app.Dockerfile.dockerignore", "**/.git\n");

        DockerfileLinter.Lint(dockerfile).ShouldNotContain(f => f.RuleId == "PL010");

        using var context = new TempDirectory();
        DockerfileLinter.Lint(DockerfileDocument.Parse("FROM busybox:1\n"), new LintOptions { ContextDirectory = context.Path })
            .ShouldContain(f => f.RuleId == "PL010");
    }

    [Fact]
    public void Ignore_comment_on_the_line_before_suppresses_the_listed_rules()
    {
        const string text = "FROM busybox:1\n# pipelines-ignore: PL016, PL017\nWORKDIR app\nRUN cd /x && make\nWORKDIR rel\n";

        var findings = Lint(text);

        findings.Where(f => f.RuleId == "PL016").Select(f => f.Location.Line).ShouldBe([5]);
        findings.Where(f => f.RuleId == "PL017").Select(f => f.Location.Line).ShouldBe([4]);
    }

    [Fact]
    public void Ignore_comment_applies_to_a_finding_on_a_continuation_line()
    {
        const string text = "FROM scratch\n# pipelines-ignore: PL015\nCOPY \\\n  --from=nginx /a /a\n";

        Lint(text).ShouldNotContain(f => f.RuleId == "PL015");
    }

    [Fact]
    public void Ignore_file_comment_suppresses_a_rule_everywhere()
    {
        Lint("# pipelines-ignore-file: PL003\nFROM debian\nFROM busybox\n").ShouldNotContain(f => f.RuleId == "PL003");
    }

    [Fact]
    public void Rules_are_disabled_and_severities_overridden_by_options()
    {
        var options = LintOptions.Default.DisableRules("PL003", "ShellFormEntrypoint").SetSeverity("PL016", LintSeverity.Error);

        var findings = Lint("FROM debian\nWORKDIR app\nCMD app\n", options);

        findings.ShouldNotContain(f => f.RuleId == "PL003" || f.RuleId == "PL012");
        findings.Single(f => f.RuleId == "PL016").Severity.ShouldBe(LintSeverity.Error);
        options.EnableRules("PL003").DisabledRules.ShouldBe(["ShellFormEntrypoint"]);
    }

    [Fact]
    public void Production_and_test_stages_come_from_options()
    {
        const string text = "FROM debian:12-slim AS production\nUSER 1000\nHEALTHCHECK CMD [\"true\"]\nFROM busybox:1 AS debug\nFROM busybox:1 AS test\n";

        var findings = Lint(text, LintOptions.Default.SetProductionStage("production").SetTestStage("test"));

        findings.ShouldNotContain(f => f.RuleId == "PL001" || f.RuleId == "PL002");
        findings.Where(f => f.RuleId == "PL014").Select(f => f.Message).ShouldBe(["stage 'debug' is needed neither by the final stage 'test' nor by a configured target"]);
    }

    [Fact]
    public void Healthcheck_policy_always_covers_static_images_and_never_turns_the_rule_off()
    {
        const string text = "FROM scratch\nCOPY app /app\nUSER 1000\n";

        Lint(text, LintOptions.Default.SetRequireHealthcheck(HealthcheckPolicy.Always)).ShouldContain(f => f.RuleId == "PL002");
        Lint("FROM debian:12-slim\nUSER 1\n", LintOptions.Default.SetRequireHealthcheck(HealthcheckPolicy.Never)).ShouldNotContain(f => f.RuleId == "PL002");
    }

    [Fact]
    public void Platforms_option_makes_builder_rule_apply_without_target_args()
    {
        const string text = "FROM golang:1.22 AS build\nRUN go build -o /app\nFROM scratch\nCOPY --from=build /app /app\n";

        Lint(text, LintOptions.Default.SetPlatforms("linux/amd64", "linux/arm64")).ShouldContain(f => f.RuleId == "PL013");
    }

    [Fact]
    public void Findings_are_sorted_by_line_and_column()
    {
        var findings = Lint("FROM debian\nWORKDIR app\nCMD app\nMAINTAINER x\n");

        findings.Select(f => (f.Location.Line, f.Location.Column)).ShouldBe(findings.Select(f => (f.Location.Line, f.Location.Column)).Order());
    }

    [Fact]
    public void Parse_errors_become_PL000_findings()
    {
        var error = Should.Throw<DockerfileParseException>(() => DockerfileDocument.Parse("FROM busybox\nCOPY --form=x a b\n", "app/Dockerfile"));

        var finding = DockerfileLinter.ParseErrorFinding(error);

        finding.ShouldBe(new LintFinding("PL000", "DockerfileParseError", LintSeverity.Error,
            "unknown flag --form for COPY (expected one of --from, --chown, --chmod, --link, --exclude, --parents)",
            "fix the syntax at the reported position", new SourceLocation("app/Dockerfile", 2, 6)));
        DockerfileLinter.Rules[0].Id.ShouldBe("PL000");
    }

    [Theory]
    [InlineData("NPM_TOKEN", true)]
    [InlineData("GITHUB_TOKEN", true)]
    [InlineData("DB_PASSWORD", true)]
    [InlineData("AWS_SECRET_ACCESS_KEY", true)]
    [InlineData("API_KEY", true)]
    [InlineData("apikey", true)]
    [InlineData("TOKEN_FILE", false)]
    [InlineData("NPM_TOKEN_PATH", false)]
    [InlineData("AUTHOR", false)]
    [InlineData("VERSION", false)]
    [InlineData("SECRETS_DIR", false)]
    public void Secret_names_are_recognised(string name, bool secret)
    {
        LintRules.IsSecretName(name).ShouldBe(secret);
    }
}
