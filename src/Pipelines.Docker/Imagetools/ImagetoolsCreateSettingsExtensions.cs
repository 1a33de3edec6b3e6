using System.Diagnostics.Contracts;

namespace Pipelines.Docker;

/// <summary>Fluent, pure helpers for <see cref="ImagetoolsCreateSettings"/>.</summary>
public static class ImagetoolsCreateSettingsExtensions
{
    /// <summary>Adds source images.</summary>
    [Pure] public static ImagetoolsCreateSettings AddSources(this ImagetoolsCreateSettings settings, params IEnumerable<string> sources) => settings with { Sources = [.. settings.Sources, .. sources] };

    /// <summary>Adds a reference to write.</summary>
    [Pure] public static ImagetoolsCreateSettings AddTag(this ImagetoolsCreateSettings settings, string tag) => settings with { Tags = [.. settings.Tags, tag] };

    /// <summary>Adds an annotation, e.g. <c>("index:org.opencontainers.image.version", "1.2.3")</c>.</summary>
    [Pure] public static ImagetoolsCreateSettings AddAnnotation(this ImagetoolsCreateSettings settings, string key, string value) => settings with { Annotations = [.. settings.Annotations, $"{key}={value}"] };

    /// <summary>Appends to the existing manifest.</summary>
    [Pure] public static ImagetoolsCreateSettings EnableAppend(this ImagetoolsCreateSettings settings) => settings with { Append = true };

    /// <summary>Prints the result instead of pushing.</summary>
    [Pure] public static ImagetoolsCreateSettings EnableDryRun(this ImagetoolsCreateSettings settings) => settings with { DryRun = true };

    /// <summary>Keeps only <paramref name="platform"/> of the sources (repeatable).</summary>
    [Pure] public static ImagetoolsCreateSettings AddPlatform(this ImagetoolsCreateSettings settings, Platform platform) => settings with { Platforms = [.. settings.Platforms, platform] };

    /// <summary>Sets <c>--prefer-index</c>.</summary>
    [Pure] public static ImagetoolsCreateSettings SetPreferIndex(this ImagetoolsCreateSettings settings, bool? preferIndex) => settings with { PreferIndex = preferIndex };

    /// <summary>Sets the builder instance.</summary>
    [Pure] public static ImagetoolsCreateSettings SetBuilder(this ImagetoolsCreateSettings settings, string? builder) => settings with { Builder = builder };

    /// <summary>Appends raw arguments.</summary>
    [Pure] public static ImagetoolsCreateSettings AddExtraArguments(this ImagetoolsCreateSettings settings, params IEnumerable<string> arguments) => settings with { ExtraArguments = [.. settings.ExtraArguments, .. arguments] };
}
