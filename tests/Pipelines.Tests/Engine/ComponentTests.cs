namespace Pipelines.Tests.Engine;

public sealed class ComponentTests
{
    internal interface ICompile : IPipelineBuild
    {
        List<string> Journal { get; }

        Target Compile => _ => _.Description("Compiles").Executes(() => Journal.Add("ICompile.Compile"));
    }

    internal interface ITest : ICompile
    {
        [Parameter("Test filter")]
        string? Filter => TryGetValue(() => Filter);

        Target Test => _ => _.DependsOn<ICompile>(x => x.Compile).Executes(() => Journal.Add($"ITest.Test filter={Filter ?? "none"}"));
    }

    private sealed class ComponentBuild : PipelineBuild, ITest
    {
        public List<string> Journal { get; } = [];

        public Target Ship => _ => _.DependsOn<ITest>(x => x.Test).Executes(() => Journal.Add("Ship"));
    }

    private sealed class OverridingBuild : PipelineBuild, ITest
    {
        public List<string> Journal { get; } = [];

        Target ICompile.Compile => _ => _.Executes(() => Journal.Add("Build.Compile"));
    }

    private sealed class ImplicitBuild : PipelineBuild, ITest
    {
        public List<string> Journal { get; } = [];

        public Target Compile => _ => _.Executes(() => Journal.Add("public Compile"));
    }

    private sealed class HidingBuild : PipelineBuild, ITest
    {
        public List<string> Journal { get; } = [];

        private Target Compile => _ => _.Executes(() => Journal.Add("private Compile"));
    }

    [Fact]
    public async Task A_public_class_target_implicitly_overrides_the_component_target_of_the_same_name()
    {
        var build = new ImplicitBuild();

        var result = await Harness.RunAsync(build, "Test", []);

        result.ExitCode.ShouldBe(0, result.Output);
        build.Journal.ShouldBe(["public Compile", "ITest.Test filter=none"]);
    }

    [Fact]
    public async Task A_class_target_that_hides_a_component_target_is_reported()
    {
        var result = await Harness.RunAsync(new HidingBuild(), "Test", []);

        result.ExitCode.ShouldBe(ExitCodes.InvalidBuild);
        result.Output.ShouldContain("Target 'Compile' of HidingBuild hides ICompile.Compile; override it explicitly (Target ICompile.Compile => ...) or rename it.");
    }

    [Fact]
    public async Task Component_targets_are_discovered_and_referable_by_interface()
    {
        var build = new ComponentBuild();

        var result = await Harness.RunAsync(build, "Ship", []);

        result.ExitCode.ShouldBe(0, result.Output);
        build.Journal.ShouldBe(["ICompile.Compile", "ITest.Test filter=none", "Ship"]);
    }

    [Fact]
    public async Task Explicit_implementation_on_the_build_class_overrides_the_component_default()
    {
        var build = new OverridingBuild();

        var result = await Harness.RunAsync(build, "Test", []);

        result.ExitCode.ShouldBe(0, result.Output);
        build.Journal.ShouldBe(["Build.Compile", "ITest.Test filter=none"]);
    }

    [Fact]
    public async Task Component_parameter_is_read_through_TryGetValue()
    {
        var build = new ComponentBuild();

        var result = await Harness.RunAsync(build, "Test", ["--filter", "Unit"]);

        result.ExitCode.ShouldBe(0, result.Output);
        build.Journal.ShouldBe(["ICompile.Compile", "ITest.Test filter=Unit"]);
        ((IPipelineBuild)build).ParameterValue<string>("filter").ShouldBe("Unit");
    }

    [Fact]
    public async Task Help_lists_component_targets_and_parameters()
    {
        var result = await Harness.RunAsync(new ComponentBuild(), "Ship", ["--help"]);

        result.ExitCode.ShouldBe(0);
        result.Output.ShouldContain("Compile");
        result.Output.ShouldContain("Compiles");
        result.Output.ShouldContain("depends on Compile");
        result.Output.ShouldContain("--filter <string>");
        result.Output.ShouldContain("Test filter");
    }
}

public sealed class ComponentRequirementTests
{
    internal interface IPublish : IPipelineBuild
    {
        [Parameter("Registry to push to")]
        string? Registry => TryGetValue(() => Registry);

        [Parameter("Push retries")]
        int Retries => TryGetValue(() => Retries);

        Target Push => _ => _.Requires(() => Registry).Executes(() => Output.Log.Information($"pushing to {Registry} with {Retries} retries"));
    }

    private sealed class PublishBuild : PipelineBuild, IPublish;

    [Fact]
    public async Task Requires_on_a_component_parameter_fails_when_it_has_no_value()
    {
        var result = await Harness.RunAsync(new PublishBuild(), "Push", []);

        result.ExitCode.ShouldBe(ExitCodes.InvalidBuild);
        result.Output.ShouldContain("Missing required parameter 'Registry' (needed by target 'Push')");
    }

    [Fact]
    public async Task Component_parameters_of_value_types_are_converted()
    {
        var result = await Harness.RunAsync(new PublishBuild(), "Push", [], new() { ["REGISTRY"] = "127.0.0.1:5000", ["RETRIES"] = "4" });

        result.ExitCode.ShouldBe(0, result.Output);
        result.Output.ShouldContain("pushing to 127.0.0.1:5000 with 4 retries");
    }
}
