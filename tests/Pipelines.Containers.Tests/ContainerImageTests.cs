using Pipelines.Containers;
using Pipelines.Docker;

namespace Pipelines.Containers.Tests;

public sealed class ContainerImageTests
{
    [Fact]
    public void Defaults_take_the_context_from_the_name_and_leave_stages_to_the_Dockerfile()
    {
        var image = new ContainerImage("api");

        image.Context.ShouldBe("api");
        image.Dockerfile.ShouldBeNull();
        image.TestStage.ShouldBeNull();
        image.ProductionStage.ShouldBeNull();
        image.Policy.RequireNonRoot.ShouldBeTrue();
        image.Local.ShouldBe("api:local");
    }

    [Fact]
    public void With_methods_return_changed_copies()
    {
        var original = new ContainerImage("api");

        var changed = original.WithContext("examples/go-api").WithPlatforms("linux/amd64,linux/arm64").WithTestStage("test")
            .WithProductionStage("production").WithStage("dev", "development").WithBuildArg("VERSION", "1").WithSizeBudget(ByteSize.Megabytes(15))
            .WithPolicy(p => p.WithMinimal().WithBaselineStage("build")).WithTags("stable").WithSecret(SecretSource.FromEnvironment("npm_token"));

        original.Context.ShouldBe("api");
        changed.Context.ShouldBe("examples/go-api");
        changed.Platforms.Select(p => p.ToString()).ShouldBe(["linux/amd64", "linux/arm64"]);
        changed.StageFor("dev").ShouldBe("development");
        changed.SizeBudget.ShouldBe(ByteSize.Megabytes(15));
        changed.Policy.Minimal.ShouldBeTrue();
        changed.Policy.BaselineStage.ShouldBe("build");
        changed.ExtraTags.ShouldBe(["stable"]);
        changed.Secrets.Single().Id.ShouldBe("npm_token");
    }

    [Theory]
    [InlineData("API")]
    [InlineData("my app")]
    [InlineData("-api")]
    [InlineData("api/")]
    public void Invalid_image_names_fail_at_configuration_time(string name)
    {
        Should.Throw<ContainerPipelineException>(() => new ContainerImage(name)).Message.ShouldContain($"'{name}'");
    }

    [Fact]
    public void Invalid_platform_fails_naming_the_image_and_the_value()
    {
        var failure = Should.Throw<ContainerPipelineException>(() => new ContainerImage("api").WithPlatforms("linux"));

        failure.Message.ShouldContain("api");
        failure.Message.ShouldContain("'linux'");
    }

    [Fact]
    public void Duplicate_or_missing_platforms_fail()
    {
        Should.Throw<ContainerPipelineException>(() => new ContainerImage("api").WithPlatforms(Platform.LinuxAmd64, Platform.LinuxAmd64)).Message.ShouldContain("twice");
        Should.Throw<ContainerPipelineException>(() => new ContainerImage("api").WithPlatforms(Array.Empty<Platform>())).Message.ShouldContain("at least one");
    }

    [Fact]
    public void Invalid_tag_and_non_positive_budget_fail()
    {
        Should.Throw<ContainerPipelineException>(() => new ContainerImage("api").WithTags("-bad")).Message.ShouldContain("invalid tag '-bad'");
        Should.Throw<ContainerPipelineException>(() => new ContainerImage("api").WithSizeBudget(ByteSize.Zero)).Message.ShouldContain("positive");
        Should.Throw<ArgumentOutOfRangeException>(() => ByteSize.Megabytes(-1));
    }

    [Theory]
    [InlineData("15MB", 15_000_000)]
    [InlineData("1.5 GB", 1_500_000_000)]
    [InlineData("900kB", 900_000)]
    [InlineData("1MiB", 1_048_576)]
    [InlineData("1024", 1024)]
    public void Sizes_parse_with_decimal_and_binary_units(string text, long bytes)
    {
        ByteSize.Parse(text).Bytes.ShouldBe(bytes);
    }

    [Theory]
    [InlineData(812, "812 B")]
    [InlineData(14_200, "14.2 kB")]
    [InlineData(9_100_000, "9.1 MB")]
    [InlineData(1_100_000_000, "1.1 GB")]
    [InlineData(250_000_000, "250 MB")]
    public void Sizes_print_in_decimal_units(long bytes, string text)
    {
        new ByteSize(bytes).ToString().ShouldBe(text);
    }

    [Fact]
    public void Unknown_size_unit_fails_naming_it()
    {
        Should.Throw<FormatException>(() => ByteSize.Parse("15 parsecs")).Message.ShouldContain("parsecs");
    }

    [Fact]
    public void Pipeline_settings_validate_registry_and_repository()
    {
        var settings = new ContainerPipelineSettings { RootDirectory = "/repo", Registry = "https://ghcr.io" };
        Should.Throw<ContainerPipelineException>(() => new ContainerPipelineRunner(settings, [new ContainerImage("api")])).Message.ShouldContain("no scheme");
        var repository = settings with { Registry = "ghcr.io", Repository = "Acme" };
        Should.Throw<ContainerPipelineException>(() => new ContainerPipelineRunner(repository, [new ContainerImage("api")])).Message.ShouldContain("'Acme'");
        (settings with { Registry = "ghcr.io", Repository = "acme/team" }).RepositoryOf(new ContainerImage("api")).ShouldBe("ghcr.io/acme/team/api");
    }

    [Fact]
    public void Duplicate_image_names_and_empty_pipelines_fail()
    {
        var settings = new ContainerPipelineSettings { RootDirectory = "/repo" };
        Should.Throw<ContainerPipelineException>(() => new ContainerPipelineRunner(settings, [new ContainerImage("api"), new ContainerImage("api")])).Message.ShouldContain("twice");
        Should.Throw<ContainerPipelineException>(() => new ContainerPipelineRunner(settings, [])).Message.ShouldContain("no images");
    }

    [Fact]
    public void WithSmokeTest_appends_smoke_tests_to_a_copy_in_order()
    {
        var original = new ContainerImage("api");

        var changed = original.WithSmokeTest("--version").WithSmokeTest(["greet", "you"], "hello, you").WithSmokeTest();

        original.SmokeTests.ShouldBeEmpty();
        changed.SmokeTests.Select(t => (string.Join(' ', t.Arguments), t.ExpectedOutput)).ShouldBe([("--version", null), ("greet you", "hello, you"), ("", null)]);
        changed.SmokeTests[2].Describe().ShouldBe("(default command)");
        changed.WithoutSmokeTests().SmokeTests.ShouldBeEmpty();
    }

    [Fact]
    public void WithSmokeTest_rejects_empty_expected_output_and_null_arguments()
    {
        var image = new ContainerImage("api");

        Should.Throw<ContainerPipelineException>(() => image.WithSmokeTest(["--version"], "")).Message.ShouldContain("expected output must not be empty");
        Should.Throw<ContainerPipelineException>(() => image.WithSmokeTest(new SmokeTest(["--version"], ""))).Message.ShouldContain("'api'");
        Should.Throw<ContainerPipelineException>(() => image.WithSmokeTest((IEnumerable<string>)null!, "x")).Message.ShouldContain("must not be null");
        Should.Throw<ContainerPipelineException>(() => image.WithSmokeTest("--name", null!)).Message.ShouldContain("argument is null");
    }
}
