using System.Diagnostics.Contracts;

namespace Pipelines.Docker;

/// <summary>Fluent, pure helpers for <see cref="BuildxCreateSettings"/>.</summary>
public static class BuildxCreateSettingsExtensions
{
    /// <summary>Sets the builder name.</summary>
    [Pure] public static BuildxCreateSettings SetName(this BuildxCreateSettings settings, string? name) => settings with { Name = name };

    /// <summary>Sets the driver.</summary>
    [Pure] public static BuildxCreateSettings SetDriver(this BuildxCreateSettings settings, BuildxDriver? driver) => settings with { Driver = driver };

    /// <summary>Sets the endpoint (docker context, <c>tcp://…</c>, <c>kubernetes</c> context…).</summary>
    [Pure] public static BuildxCreateSettings SetEndpoint(this BuildxCreateSettings settings, string? endpoint) => settings with { Endpoint = endpoint };

    /// <summary>Adds a driver option.</summary>
    [Pure] public static BuildxCreateSettings AddDriverOption(this BuildxCreateSettings settings, string key, string value) => settings with { DriverOptions = [.. settings.DriverOptions, new(key, value)] };

    /// <summary>Sets the BuildKit daemon config file.</summary>
    [Pure] public static BuildxCreateSettings SetBuildkitdConfig(this BuildxCreateSettings settings, string? path) => settings with { BuildkitdConfig = path };

    /// <summary>Sets BuildKit daemon flags.</summary>
    [Pure] public static BuildxCreateSettings SetBuildkitdFlags(this BuildxCreateSettings settings, string? flags) => settings with { BuildkitdFlags = flags };

    /// <summary>Adds a fixed platform of the node.</summary>
    [Pure] public static BuildxCreateSettings AddPlatform(this BuildxCreateSettings settings, Platform platform) => settings with { Platforms = [.. settings.Platforms, platform] };

    /// <summary>Appends a node to an existing builder.</summary>
    [Pure] public static BuildxCreateSettings EnableAppend(this BuildxCreateSettings settings) => settings with { Append = true };

    /// <summary>Removes a node from a builder.</summary>
    [Pure] public static BuildxCreateSettings EnableLeave(this BuildxCreateSettings settings) => settings with { Leave = true };

    /// <summary>Sets the node name.</summary>
    [Pure] public static BuildxCreateSettings SetNode(this BuildxCreateSettings settings, string? node) => settings with { Node = node };

    /// <summary>Makes the builder current.</summary>
    [Pure] public static BuildxCreateSettings EnableUse(this BuildxCreateSettings settings) => settings with { Use = true };

    /// <summary>Starts the builder right away.</summary>
    [Pure] public static BuildxCreateSettings EnableBootstrap(this BuildxCreateSettings settings) => settings with { Bootstrap = true };

    /// <summary>Appends raw arguments.</summary>
    [Pure] public static BuildxCreateSettings AddExtraArguments(this BuildxCreateSettings settings, params IEnumerable<string> arguments) => settings with { ExtraArguments = [.. settings.ExtraArguments, .. arguments] };
}
