using System.Diagnostics.Contracts;

namespace Pipelines.Docker;

/// <summary>Fluent, pure helpers for <see cref="BuildxBakeSettings"/>.</summary>
public static class BuildxBakeSettingsExtensions
{
    /// <summary>Adds targets or groups to build.</summary>
    [Pure] public static BuildxBakeSettings AddTargets(this BuildxBakeSettings settings, params IEnumerable<string> targets) => settings with { Targets = [.. settings.Targets, .. targets] };

    /// <summary>Adds a bake file.</summary>
    [Pure] public static BuildxBakeSettings AddFile(this BuildxBakeSettings settings, string file) => settings with { Files = [.. settings.Files, file] };

    /// <summary>Adds an override <c>pattern.key=value</c>.</summary>
    [Pure] public static BuildxBakeSettings AddSet(this BuildxBakeSettings settings, string targetPattern, string key, string value) => settings with { Sets = [.. settings.Sets, $"{targetPattern}.{key}={value}"] };

    /// <summary>Prints the resolved definition instead of building.</summary>
    [Pure] public static BuildxBakeSettings EnablePrint(this BuildxBakeSettings settings) => settings with { Print = true };

    /// <summary>Sets the metadata file.</summary>
    [Pure] public static BuildxBakeSettings SetMetadataFile(this BuildxBakeSettings settings, string? path) => settings with { MetadataFile = path };

    /// <summary>Pushes every target.</summary>
    [Pure] public static BuildxBakeSettings EnablePush(this BuildxBakeSettings settings) => settings with { Push = true };

    /// <summary>Loads every target.</summary>
    [Pure] public static BuildxBakeSettings EnableLoad(this BuildxBakeSettings settings) => settings with { Load = true };

    /// <summary>Ignores the cache.</summary>
    [Pure] public static BuildxBakeSettings EnableNoCache(this BuildxBakeSettings settings) => settings with { NoCache = true };

    /// <summary>Sets the progress output.</summary>
    [Pure] public static BuildxBakeSettings SetProgress(this BuildxBakeSettings settings, ProgressMode? progress) => settings with { Progress = progress };

    /// <summary>Sets the builder.</summary>
    [Pure] public static BuildxBakeSettings SetBuilder(this BuildxBakeSettings settings, string? builder) => settings with { Builder = builder };

    /// <summary>Sets <c>--provenance</c>.</summary>
    [Pure] public static BuildxBakeSettings SetProvenance(this BuildxBakeSettings settings, string? provenance) => settings with { Provenance = provenance };

    /// <summary>Allows a resource.</summary>
    [Pure] public static BuildxBakeSettings AddAllow(this BuildxBakeSettings settings, string entitlement) => settings with { Allow = [.. settings.Allow, entitlement] };

    /// <summary>Sets an environment variable of the buildx process (masked in output).</summary>
    [Pure]
    public static BuildxBakeSettings SetEnvironmentVariable(this BuildxBakeSettings settings, string name, string value) =>
        settings with { Environment = new Dictionary<string, string>(settings.Environment) { [name] = value } };

    /// <summary>Appends raw arguments.</summary>
    [Pure] public static BuildxBakeSettings AddExtraArguments(this BuildxBakeSettings settings, params IEnumerable<string> arguments) => settings with { ExtraArguments = [.. settings.ExtraArguments, .. arguments] };
}
