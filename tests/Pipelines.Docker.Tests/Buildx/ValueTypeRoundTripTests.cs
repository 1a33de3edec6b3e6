namespace Pipelines.Docker.Tests.Buildx;

public sealed class ValueTypeRoundTripTests
{
    [Theory]
    [InlineData("linux/amd64")]
    [InlineData("linux/arm64")]
    [InlineData("linux/arm/v7")]
    [InlineData("windows/amd64")]
    public void Platform_round_trips(string text) => Platform.Parse(text).ToString().ShouldBe(text);

    [Fact]
    public void Platform_constants_render_as_buildx_expects()
    {
        Platform.LinuxAmd64.ToString().ShouldBe("linux/amd64");
        Platform.LinuxArm64.ToString().ShouldBe("linux/arm64");
        Platform.LinuxArmV7.ToString().ShouldBe("linux/arm/v7");
        Platform.Parse("Linux/ARM64").ShouldBe(Platform.LinuxArm64);
    }

    [Theory]
    [InlineData("linux")]
    [InlineData("linux/")]
    [InlineData("a/b/c/d")]
    public void Invalid_platform_names_the_bad_value(string text) =>
        Should.Throw<FormatException>(() => Platform.Parse(text)).Message.ShouldContain($"'{text}'");

    [Theory]
    [InlineData("type=registry,ref=127.0.0.1:5000/app:cache,mode=max")]
    [InlineData("type=registry,ref=r/app:cache,mode=max,image-manifest=true,oci-mediatypes=true,compression=zstd,ignore-error=true")]
    [InlineData("type=local,src=/tmp/cache")]
    [InlineData("type=local,dest=/tmp/cache,mode=max")]
    [InlineData("type=gha,scope=api,mode=max")]
    [InlineData("type=inline")]
    [InlineData("type=s3,region=eu-west-1,bucket=b,name=app")]
    [InlineData("type=registry,\"ref=a,b\"")]
    public void Cache_entry_round_trips(string text) => CacheEntry.Parse(text).ToString().ShouldBe(text);

    [Fact]
    public void Cache_entry_factories_render_typed_attributes()
    {
        CacheEntry.Registry("r/app:cache", CacheMode.Max, imageManifest: true, ociMediaTypes: true, compression: "zstd", ignoreError: true).ToString()
            .ShouldBe("type=registry,ref=r/app:cache,mode=max,image-manifest=true,oci-mediatypes=true,compression=zstd,ignore-error=true");
        CacheEntry.LocalSource("/c").ToString().ShouldBe("type=local,src=/c");
        CacheEntry.LocalDestination("/c", CacheMode.Max).ToString().ShouldBe("type=local,dest=/c,mode=max");
        CacheEntry.Gha("api", CacheMode.Max).ToString().ShouldBe("type=gha,scope=api,mode=max");
        CacheEntry.Inline().ToString().ShouldBe("type=inline");
        CacheEntry.S3("bucket", "eu-west-1", "app").ToString().ShouldBe("type=s3,region=eu-west-1,bucket=bucket,name=app");
        CacheEntry.Parse("user/app:cache").ShouldBe(CacheEntry.Registry("user/app:cache"));
        CacheEntry.Parse("type=registry,ref=x,mode=max").Mode.ShouldBe("max");
    }

    [Fact]
    public void Cache_entry_without_type_is_rejected() =>
        Should.Throw<FormatException>(() => CacheEntry.Parse("ref=x,mode=max")).Message.ShouldContain("type=");

    [Theory]
    [InlineData("type=image,name=r/app:1,push=true")]
    [InlineData("type=registry,name=r/app:1")]
    [InlineData("type=docker")]
    [InlineData("type=docker,dest=/tmp/app.tar")]
    [InlineData("type=oci,dest=/tmp/app.tar")]
    [InlineData("type=local,dest=out")]
    [InlineData("type=tar,dest=out.tar")]
    [InlineData("type=cacheonly")]
    [InlineData("type=image,\"name=r/a:1,r/a:2\",push=true")]
    public void Build_output_round_trips(string text) => BuildOutput.Parse(text).ToString().ShouldBe(text);

    [Fact]
    public void Build_output_shorthands_follow_buildx()
    {
        BuildOutput.Parse("out").ShouldBe(BuildOutput.Local("out"));
        BuildOutput.Parse("-").ShouldBe(BuildOutput.Tar("-"));
        BuildOutput.Image("r/app:1", push: true).Pushes.ShouldBeTrue();
        BuildOutput.Registry().Pushes.ShouldBeTrue();
        BuildOutput.Local("out").Pushes.ShouldBeFalse();
        BuildOutput.Oci("/x.tar").Destination.ShouldBe("/x.tar");
        BuildOutput.CacheOnly().ToString().ShouldBe("type=cacheonly");
    }

    [Theory]
    [InlineData("id=token,env=GITHUB_TOKEN")]
    [InlineData("id=npmrc,src=/home/u/.npmrc")]
    public void Secret_round_trips(string text) => SecretSource.Parse(text).ToString().ShouldBe(text);

    [Fact]
    public void Secret_forms_are_normalised()
    {
        SecretSource.FromEnvironment("TOKEN").ToString().ShouldBe("id=TOKEN,env=TOKEN");
        SecretSource.FromFile("ca", "/etc/ca.pem").ToString().ShouldBe("id=ca,src=/etc/ca.pem");
        SecretSource.Parse("id=a,type=env,source=VAR").ToString().ShouldBe("id=a,env=VAR");
        SecretSource.Parse("id=a,source=/f").ToString().ShouldBe("id=a,src=/f");
        Should.Throw<FormatException>(() => SecretSource.Parse("env=X"));
    }

    [Theory]
    [InlineData("default")]
    [InlineData("github=/home/u/.ssh/id_ed25519")]
    [InlineData("keys=/a,/b")]
    public void Ssh_round_trips(string text) => SshSource.Parse(text).ToString().ShouldBe(text);

    [Theory]
    [InlineData("VERSION=1.2.3")]
    [InlineData("HTTP_PROXY")]
    [InlineData("EMPTY=")]
    [InlineData("X=a=b")]
    public void Build_arg_round_trips(string text) => BuildArg.Parse(text).ToString().ShouldBe(text);

    [Theory]
    [InlineData("shared=../common")]
    [InlineData("base=docker-image://busybox:1")]
    public void Build_context_round_trips(string text) => BuildContext.Parse(text).ToString().ShouldBe(text);
}
