namespace Pipelines.Docker.Tests.Buildx;

public sealed class BuildxBuildSettingsTests
{
    [Fact]
    public void Default_settings_render_a_plain_build_of_the_current_directory() =>
        new BuildxBuildSettings().Render().ShouldBe(["buildx", "build", "."]);

    [Fact]
    public void A_typical_multi_platform_push_renders_every_repeatable_flag_once_per_value()
    {
        var settings = new BuildxBuildSettings()
            .SetContext("examples/go-api")
            .SetFile("examples/go-api/Dockerfile")
            .SetTarget("production")
            .AddPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64)
            .AddTag("127.0.0.1:5000/api:1.2.3")
            .AddTag("127.0.0.1:5000/api:latest")
            .AddBuildArg("VERSION", "1.2.3")
            .AddBuildArg("HTTP_PROXY", null)
            .AddLabel("org.opencontainers.image.revision", "abc123")
            .AddAnnotation("index:org.opencontainers.image.title", "api")
            .AddBuildContext("shared", "../common")
            .AddSecret(SecretSource.FromEnvironment("token", "GITHUB_TOKEN"))
            .AddSsh(SshSource.Default)
            .AddCacheFrom(CacheEntry.Registry("127.0.0.1:5000/api:cache"))
            .AddCacheTo(CacheEntry.Registry("127.0.0.1:5000/api:cache", CacheMode.Max))
            .AddOutput(BuildOutput.Image(push: true))
            .SetProvenance(false)
            .SetProgress(ProgressMode.RawJson)
            .AddExtraArguments("--future-flag", "x");

        settings.Render().ShouldBe([
            "buildx", "build",
            "--file", "examples/go-api/Dockerfile",
            "--target", "production",
            "--platform", "linux/amd64", "--platform", "linux/arm64",
            "--tag", "127.0.0.1:5000/api:1.2.3", "--tag", "127.0.0.1:5000/api:latest",
            "--build-arg", "VERSION=1.2.3", "--build-arg", "HTTP_PROXY",
            "--label", "org.opencontainers.image.revision=abc123",
            "--annotation", "index:org.opencontainers.image.title=api",
            "--build-context", "shared=../common",
            "--secret", "id=token,env=GITHUB_TOKEN",
            "--ssh", "default",
            "--cache-from", "type=registry,ref=127.0.0.1:5000/api:cache",
            "--cache-to", "type=registry,ref=127.0.0.1:5000/api:cache,mode=max",
            "--output", "type=image,push=true",
            "--provenance=false",
            "--progress", "rawjson",
            "--future-flag", "x",
            "examples/go-api",
        ]);
        settings.Pushes.ShouldBeTrue();
    }

    [Fact]
    public void Fluent_helpers_return_copies_and_leave_the_original_unchanged()
    {
        var original = new BuildxBuildSettings().AddTag("a:1");
        var changed = original.AddTag("a:2").EnablePush().SetTarget("test");

        original.Render().ShouldBe(["buildx", "build", "--tag", "a:1", "."]);
        changed.Render().ShouldBe(["buildx", "build", "--target", "test", "--tag", "a:1", "--tag", "a:2", "--push", "."]);
        changed.ResetTarget().DisablePush().RemoveBuildArg("X").ClearTags().Render().ShouldBe(["buildx", "build", "."]);
    }

    [Fact]
    public void Scalar_helpers_render_their_flags()
    {
        new BuildxBuildSettings()
            .EnableLoad().SetMetadataFile("m.json").SetSbom("true").AddAttest("type=sbom,generator=image").EnablePull().EnableNoCache()
            .AddNoCacheFilter("build").SetNetwork("none").SetBuilder("ci").SetIidFile("iid").SetShmSize("128m").AddUlimit("nofile=1024:1024")
            .AddAllow("network.host").EnableCheck().SetCall(CallMethod.Outline, "json").AddHost("db", "10.0.0.2").SetCgroupParent("cg")
            .EnableQuiet().EnableDebug()
            .Render().ShouldBe([
                "buildx", "build", "--load", "--metadata-file", "m.json", "--sbom=true", "--attest", "type=sbom,generator=image", "--pull",
                "--no-cache", "--no-cache-filter", "build", "--network", "none", "--builder", "ci", "--iidfile", "iid", "--shm-size", "128m",
                "--ulimit", "nofile=1024:1024", "--allow", "network.host", "--check", "--call", "outline,format=json", "--add-host", "db:10.0.0.2",
                "--cgroup-parent", "cg", "--quiet", "--debug", ".",
            ]);
    }

    [Fact]
    public void A_secret_value_goes_to_the_process_environment_never_to_argv()
    {
        var settings = new BuildxBuildSettings().AddSecret("npm-token", "s3cr3t-value");

        settings.Render().ShouldBe(["buildx", "build", "--secret", "id=npm-token,env=PIPELINES_SECRET_NPM_TOKEN", "."]);
        settings.Environment["PIPELINES_SECRET_NPM_TOKEN"].ShouldBe("s3cr3t-value");
    }

    [Fact]
    public void Every_settings_property_is_rendered()
    {
        var defaults = new BuildxBuildSettings().Render();
        foreach (var (property, flag) in SettingsConvention.Properties<BuildxBuildSettings>().Where(p => p.Property.Name != "Environment"))
        {
            var rendered = SettingsConvention.With(new BuildxBuildSettings(), property).Render();
            rendered.ShouldNotBe(defaults, $"{property.Name} is not rendered");
            if (flag is not null)
            {
                rendered.ShouldContain(argument => argument == flag || argument.StartsWith(flag + "=", StringComparison.Ordinal), $"{property.Name} should render {flag}");
            }
        }
    }

    [Fact]
    public void Every_flag_property_declares_its_flag_except_positional_ones()
    {
        var undeclared = SettingsConvention.Properties<BuildxBuildSettings>().Where(p => p.Flag is null).Select(p => p.Property.Name);
        undeclared.ShouldBe(["Context", "ExtraArguments", "Environment"], ignoreOrder: true);
    }
}
