using System.Reflection;

namespace Pipelines.Docker.Tests;

/// <summary>Every settings record renders every property it has (a property that changes nothing would be a silent no-op for users).</summary>
public sealed class SettingsConventionTests
{
    public static TheoryData<string> SettingsTypes => ["BuildxBuildSettings", "BuildxBakeSettings", "ImagetoolsCreateSettings", "BuildxCreateSettings", "BuildxPruneSettings", "DockerRunSettings"];

    private static readonly string[] _notArgv = ["Environment"];

    [Theory]
    [MemberData(nameof(SettingsTypes))]
    public void Every_property_changes_the_rendered_argv(string typeName)
    {
        var type = typeof(BuildxBuildSettings).Assembly.GetType($"Pipelines.Docker.{typeName}")!;
        var baseline = typeName == "DockerRunSettings" ? new DockerRunSettings("busybox") : Activator.CreateInstance(type)!;
        var render = type.GetMethod("Render")!;
        var defaults = (IReadOnlyList<string>)render.Invoke(baseline, null)!;

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && !_notArgv.Contains(p.Name)).ToList();
        properties.Count.ShouldBeGreaterThan(3);
        foreach (var property in properties)
        {
            var clone = type.GetMethod("<Clone>$")!.Invoke(baseline, null)!;
            var sample = SettingsConvention.Sample(property.PropertyType, property.Name);
            if (Equals(property.GetValue(baseline), sample))
            {
                sample = sample is bool b ? !b : sample; // defaults that are already "on" (e.g. --rm, --force) must be switchable off
            }

            property.SetValue(clone, sample);
            var rendered = (IReadOnlyList<string>)render.Invoke(clone, null)!;
            rendered.ShouldNotBe(defaults, $"{typeName}.{property.Name} is not rendered");
            if (property.GetCustomAttribute<Pipelines.Docker.BuildxFlagAttribute>() is { } flag && sample is not false)
            {
                rendered.ShouldContain(a => a == flag.Name || a.StartsWith(flag.Name + "=", StringComparison.Ordinal), $"{typeName}.{property.Name} should render {flag.Name}");
            }
        }
    }
}
