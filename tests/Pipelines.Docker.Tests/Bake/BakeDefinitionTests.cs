using System.Text.Json;

namespace Pipelines.Docker.Tests.Bake;

public sealed class BakeDefinitionTests
{
    [Fact]
    public void A_definition_is_written_in_docker_bake_json_form_with_a_default_group()
    {
        var definition = new BakeDefinition()
            .AddTarget(new BakeTarget("test") { Context = "app", Target = "test", Outputs = [BuildOutput.Local("out")], Args = [new BuildArg("NONCE", "1")] })
            .AddTarget(new BakeTarget("production")
            {
                Context = "app",
                Dockerfile = "Dockerfile",
                Target = "production",
                Platforms = [Platform.LinuxAmd64, Platform.LinuxArm64],
                Tags = ["r/app:1"],
                CacheFrom = [CacheEntry.Registry("r/app:cache")],
                CacheTo = [CacheEntry.Registry("r/app:cache", CacheMode.Max)],
                Secrets = [SecretSource.FromEnvironment("token", "TOKEN")],
                Labels = [new("a", "b")],
                Contexts = [new BuildContext("shared", "../common")],
                NoCache = true,
            });

        using var json = JsonDocument.Parse(definition.ToJson());
        var root = json.RootElement;

        root.GetProperty("group").GetProperty("default").GetProperty("targets").EnumerateArray().Select(e => e.GetString()).ShouldBe(["test", "production"]);
        var production = root.GetProperty("target").GetProperty("production");
        production.GetProperty("platforms").EnumerateArray().Select(e => e.GetString()).ShouldBe(["linux/amd64", "linux/arm64"]);
        production.GetProperty("cache-to")[0].GetString().ShouldBe("type=registry,ref=r/app:cache,mode=max");
        production.GetProperty("secret")[0].GetString().ShouldBe("id=token,env=TOKEN");
        production.GetProperty("labels").GetProperty("a").GetString().ShouldBe("b");
        production.GetProperty("contexts").GetProperty("shared").GetString().ShouldBe("../common");
        production.GetProperty("no-cache").GetBoolean().ShouldBeTrue();
        root.GetProperty("target").GetProperty("test").GetProperty("output")[0].GetString().ShouldBe("type=local,dest=out");
        root.GetProperty("target").GetProperty("test").GetProperty("args").GetProperty("NONCE").GetString().ShouldBe("1");
    }

    [Fact]
    public void A_build_becomes_a_bake_target_with_push_and_provenance_as_outputs_and_attestations()
    {
        var target = BakeTarget.FromBuild("api", new BuildxBuildSettings()
            .SetContext("examples/api").SetFile("examples/api/build/Dockerfile").SetTarget("production")
            .AddTag("r/api:1").EnablePush().SetProvenance(false).AddBuildArg("V", "1"));

        target.Context.ShouldBe("examples/api");
        target.Dockerfile.ShouldBe(Path.Combine("build", "Dockerfile"));
        target.Outputs.ShouldBe([BuildOutput.Registry()]);
        target.Attestations.ShouldBe(["type=provenance,disabled=true"]);
        target.Args.ShouldBe([new BuildArg("V", "1")]);
    }

    [Fact]
    public void Target_names_bake_cannot_address_are_rejected() =>
        Should.Throw<ArgumentException>(() => new BakeTarget("my.target")).Message.ShouldContain("my.target");

    [Fact]
    public void Bake_settings_render_overrides_and_targets_last()
    {
        new BuildxBakeSettings().AddFile("docker-bake.json").AddSet("*", "platform", "linux/arm64").EnablePush().SetProgress(ProgressMode.Plain).AddTargets("release")
            .Render().ShouldBe(["buildx", "bake", "--file", "docker-bake.json", "--set", "*.platform=linux/arm64", "--push", "--progress", "plain", "release"]);
    }
}
