using Pipelines.Output;

namespace Pipelines.Tests.Engine;

public sealed class ParameterTests
{
    public enum Flavor
    {
        Plain,
        ExtraSpicy,
    }

    public sealed record Version(int Major, int Minor)
    {
        public static Version Parse(string text)
        {
            var parts = text.Split('.');
            return parts.Length == 2 ? new Version(int.Parse(parts[0]), int.Parse(parts[1])) : throw new FormatException("expected MAJOR.MINOR");
        }
    }

    private sealed class ParameterBuild : PipelineBuild
    {
        [Parameter("Registry to push to")]
        public readonly string Registry = "localhost:5000";

        [Parameter("Push images")]
        public bool Push { get; private set; }

        [Parameter]
        public int Retries { get; set; } = 3;

        [Parameter]
        public double Ratio { get; set; }

        [Parameter]
        public Flavor Taste { get; set; }

        [Parameter]
        public string[] Tags { get; set; } = [];

        [Parameter]
        public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(1);

        [Parameter]
        public AbsolutePath? Output { get; set; }

        [Parameter]
        public Version? Release { get; set; }

        [Parameter("Docker registry password"), Secret]
        public string? RegistryPassword { get; set; }

        [Parameter]
        public string? DockerHost { get; set; }

        public int Runs { get; private set; }

        public Target Show => _ => _.Executes(() =>
        {
            Runs++;
            Log.Information($"password is {RegistryPassword}");
        });

        public Target Publish => _ => _.Requires(() => RegistryPassword).Executes(() => Runs++);

        public Target Optional => _ => _.OnlyWhenStatic(() => false).Requires(() => DockerHost).Executes(() => Runs++);
    }

    private static async Task<ParameterBuild> RunShowAsync(string[] args, Dictionary<string, string?>? environment = null, string? root = null)
    {
        var build = new ParameterBuild();
        var result = await Harness.RunAsync(build, "Show", args, environment, root);
        result.ExitCode.ShouldBe(0, result.Output);
        return build;
    }

    private static string RootWithJson(string json, string? profileName = null, string? profileJson = null)
    {
        var root = Harness.NewRoot();
        File.WriteAllText(Path.Combine(root, ".nuke", "parameters.json"), json);
        if (profileName is not null)
        {
            File.WriteAllText(Path.Combine(root, ".nuke", $"parameters.{profileName}.json"), profileJson);
        }

        return root;
    }

    [Fact]
    public async Task Default_value_is_kept_when_no_source_supplies_one()
    {
        var build = await RunShowAsync([]);

        build.Registry.ShouldBe("localhost:5000");
        build.Retries.ShouldBe(3);
    }

    [Fact]
    public async Task Parameters_json_overrides_the_default()
    {
        var build = await RunShowAsync([], root: RootWithJson("""{ "$schema": "x", "Registry": "json:5000" }"""));

        build.Registry.ShouldBe("json:5000");
    }

    [Fact]
    public async Task Environment_overrides_parameters_json()
    {
        var build = await RunShowAsync([], new() { ["REGISTRY"] = "env:5000" }, RootWithJson("""{ "Registry": "json:5000" }"""));

        build.Registry.ShouldBe("env:5000");
    }

    [Fact]
    public async Task Command_line_overrides_environment_and_parameters_json()
    {
        var build = await RunShowAsync(["--REGISTRY", "cli:5000"], new() { ["REGISTRY"] = "env:5000" }, RootWithJson("""{ "Registry": "json:5000" }"""));

        build.Registry.ShouldBe("cli:5000");
    }

    [Fact]
    public async Task Profile_file_overrides_the_base_parameters_json()
    {
        var root = RootWithJson("""{ "Registry": "base", "Retries": 5 }""", "ci", """{ "registry": "profile" }""");

        var build = await RunShowAsync(["--profile", "ci"], root: root);

        build.Registry.ShouldBe("profile");
        build.Retries.ShouldBe(5);
    }

    [Fact]
    public async Task Environment_variable_names_are_upper_snake_case_of_the_member()
    {
        var build = await RunShowAsync([], new() { ["DOCKER_HOST"] = "tcp://x", ["TAGS"] = "a, b,c" });

        build.DockerHost.ShouldBe("tcp://x");
        build.Tags.ShouldBe(["a", "b", "c"]);
    }

    [Fact]
    public async Task Values_of_every_supported_type_are_converted()
    {
        var root = Harness.NewRoot();
        var build = await RunShowAsync(
            ["--push", "--retries", "7", "--ratio", "0.5", "--taste", "extra-spicy", "--tags", "v1", "latest", "--timeout", "90s",
             "--output", "artifacts/out", "--release", "2.3"],
            root: root);

        build.Push.ShouldBeTrue();
        build.Retries.ShouldBe(7);
        build.Ratio.ShouldBe(0.5);
        build.Taste.ShouldBe(Flavor.ExtraSpicy);
        build.Tags.ShouldBe(["v1", "latest"]);
        build.Timeout.ShouldBe(TimeSpan.FromSeconds(90));
        ((string)build.Output!).ShouldBe(Path.Combine(root, "artifacts", "out"));
        build.Release.ShouldBe(new Version(2, 3));
    }

    [Fact]
    public async Task Json_arrays_and_booleans_are_converted()
    {
        var build = await RunShowAsync([], root: RootWithJson("""{ "Tags": ["x", "y"], "Push": true, "Retries": 9 }"""));

        build.Tags.ShouldBe(["x", "y"]);
        build.Push.ShouldBeTrue();
        build.Retries.ShouldBe(9);
    }

    [Fact]
    public async Task A_target_after_a_flag_is_still_a_target()
    {
        var build = new ParameterBuild();

        var result = await Harness.RunAsync(build, "Publish", ["--push", "Show"]);

        result.ExitCode.ShouldBe(0, result.Output);
        build.Push.ShouldBeTrue();
        build.Runs.ShouldBe(1);
    }

    [Fact]
    public async Task Wrong_type_fails_before_any_target_runs_naming_the_parameter_and_how_to_supply_it()
    {
        var build = new ParameterBuild();

        var result = await Harness.RunAsync(build, "Show", ["--retries", "many"]);

        result.ExitCode.ShouldBe(ExitCodes.InvalidBuild);
        build.Runs.ShouldBe(0);
        result.Output.ShouldContain("Parameter 'Retries' (int) from the command line has an invalid value 'many'");
        result.Output.ShouldContain("--retries <value>");
        result.Output.ShouldContain("RETRIES=<value>");
        result.Output.ShouldContain("\"Retries\": <value>");
    }

    [Fact]
    public async Task Invalid_enum_value_lists_the_allowed_values()
    {
        var result = await Harness.RunAsync(new ParameterBuild(), "Show", [], new() { ["TASTE"] = "spicy" });

        result.ExitCode.ShouldBe(ExitCodes.InvalidBuild);
        result.Output.ShouldContain("environment variable TASTE");
        result.Output.ShouldContain("'spicy' is not one of Plain, ExtraSpicy");
    }

    [Fact]
    public async Task Unknown_option_suggests_the_closest_parameter()
    {
        var result = await Harness.RunAsync(new ParameterBuild(), "Show", ["--registy", "x"]);

        result.ExitCode.ShouldBe(ExitCodes.InvalidBuild);
        result.Output.ShouldContain("Unknown option '--registy'. Did you mean '--registry'?");
    }

    [Fact]
    public async Task Missing_required_parameter_fails_before_any_target_runs()
    {
        var build = new ParameterBuild();

        var result = await Harness.RunAsync(build, "Publish", ["Show", "Publish"]);

        result.ExitCode.ShouldBe(ExitCodes.InvalidBuild);
        build.Runs.ShouldBe(0);
        result.Output.ShouldContain("Missing required parameter 'RegistryPassword' (needed by target 'Publish')");
        result.Output.ShouldContain("--registry-password <value>");
        result.Output.ShouldContain("REGISTRY_PASSWORD=<value>");
        result.Output.ShouldContain("\"RegistryPassword\": <value>");
    }

    [Fact]
    public async Task Requirements_of_skipped_targets_are_not_checked()
    {
        var result = await Harness.RunAsync(new ParameterBuild(), "Optional", []);

        result.ExitCode.ShouldBe(0, result.Output);
    }

    [Fact]
    public async Task Secret_value_is_masked_in_target_output_and_help()
    {
        const string secret = "s3cr3t-Parameter-Value-4711";

        var run = await Harness.RunAsync(new ParameterBuild(), "Show", ["--registry-password", secret]);
        var help = await Harness.RunAsync(new ParameterBuild(), "Show", ["--help"], new() { ["REGISTRY_PASSWORD"] = secret });

        run.ExitCode.ShouldBe(0, run.Output);
        run.Output.ShouldContain("password is ***");
        run.Output.ShouldNotContain(secret);
        help.Output.ShouldContain("--registry-password <string>");
        help.Output.ShouldContain("*** from environment variable REGISTRY_PASSWORD");
        help.Output.ShouldNotContain(secret);
    }

    [Fact]
    public async Task Help_shows_each_parameter_with_its_current_source()
    {
        var result = await Harness.RunAsync(new ParameterBuild(), "Show", ["--help", "--retries", "4"], new() { ["REGISTRY"] = "env:1" });

        result.ExitCode.ShouldBe(0);
        result.Output.ShouldContain("Registry to push to [env:1 from environment variable REGISTRY]");
        result.Output.ShouldContain("[4 from command line]");
        result.Output.ShouldContain("[00:01:00 (default)]");
        result.Output.ShouldContain("Publish");
    }

    [Fact]
    public void Root_directory_is_the_nearest_directory_with_a_nuke_folder()
    {
        var root = Harness.NewRoot();
        var nested = Directory.CreateDirectory(Path.Combine(root, "a", "b")).FullName;

        Pipelines.Engine.BuildEngine.FindRootDirectory(nested).ToString().ShouldBe(root);
    }
}
