using Pipelines.Engine;

namespace Pipelines.Tests.Engine;

public sealed class TextTests
{
    [Theory]
    [InlineData("Registry", "registry", "REGISTRY")]
    [InlineData("DockerRegistry", "docker-registry", "DOCKER_REGISTRY")]
    [InlineData("CIToken", "ci-token", "CI_TOKEN")]
    [InlineData("Net10Target", "net10-target", "NET10_TARGET")]
    public void Names_convert_to_kebab_and_upper_snake_case(string name, string kebab, string snake)
    {
        Text.ToKebab(name).ShouldBe(kebab);
        Text.ToUpperSnake(name).ShouldBe(snake);
    }

    [Theory]
    [InlineData("Compil", "Compile")]
    [InlineData("tets", "Test")]
    [InlineData("publsh", "Publish")]
    public void Did_you_mean_finds_the_closest_name(string input, string expected)
    {
        Text.DidYouMean(input, ["Compile", "Test", "Publish", "Pack"]).ShouldBe(expected);
    }

    [Fact]
    public void Did_you_mean_suggests_nothing_for_unrelated_input()
    {
        Text.DidYouMean("zzzzzzzz", ["Compile", "Test"]).ShouldBeNull();
    }

    [Fact]
    public void Absolute_path_combines_with_slash()
    {
        var root = AbsolutePath.Create("/work");

        ((string)(root / "a" / "../b")).ShouldBe("/work/b");
        (root / "x").Parent.ShouldBe(root);
    }
}
