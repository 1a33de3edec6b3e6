using System.Reflection;
using System.Text.RegularExpressions;
using Pipelines.Docker;
using Pipelines.IntegrationTests.Engine;
using Pipelines.Tooling;

namespace Pipelines.IntegrationTests.Buildx;

/// <summary>Never lag the CLI: every flag of the installed buildx is modelled or deliberately listed as unsupported with a reason.</summary>
[Collection(EngineCollection.Name)]
public sealed partial class BuildxCliCoverageTests
{
    public static TheoryData<string> Commands => [.. BuildxFlagCoverage.Commands.Keys];

    [GeneratedRegex(@"^\s+(?:-\w, )?(--[a-z0-9][a-z0-9-]*)", RegexOptions.Multiline)]
    private static partial Regex FlagLine { get; }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_flag_of_the_installed_buildx_is_modelled_or_listed_as_unsupported_with_a_reason(string command)
    {
        var help = await Tool.RunAsync(new ToolCommand("docker", [.. command.Split(' '), "--help"]) { StreamOutput = false });
        var installed = FlagLine.Matches(help.StandardOutput).Select(m => m.Groups[1].Value).Where(flag => flag != "--help").ToHashSet();
        installed.Count.ShouldBeGreaterThan(3, help.StandardOutput);

        var settingsType = BuildxFlagCoverage.Commands[command];
        var modelled = settingsType.GetProperties().SelectMany(p => p.GetCustomAttributes<BuildxFlagAttribute>()).Select(a => a.Name).ToHashSet();
        var unsupported = BuildxFlagCoverage.Unsupported[command];

        var missing = installed.Except(modelled).Except(unsupported.Keys).Order().ToList();
        missing.ShouldBeEmpty($"`docker {command}` has flags {settingsType.Name} neither models nor lists as unsupported: add a property with [BuildxFlag] (and render it) or a reason");
        var unknown = modelled.Except(installed).Order().ToList();
        unknown.ShouldBeEmpty($"{settingsType.Name} models flags the installed `docker {command}` does not have");
        unsupported.Values.ShouldAllBe(reason => reason.Length > 10);
    }
}
