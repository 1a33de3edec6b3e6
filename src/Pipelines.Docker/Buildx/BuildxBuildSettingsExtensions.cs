using System.Diagnostics.Contracts;

namespace Pipelines.Docker;

/// <summary>Fluent, pure helpers for <see cref="BuildxBuildSettings"/>: each returns a changed copy.</summary>
public static class BuildxBuildSettingsExtensions
{
    /// <summary>Sets the build context directory (or URL).</summary>
    [Pure] public static BuildxBuildSettings SetContext(this BuildxBuildSettings settings, string context) => settings with { Context = context };

    /// <summary>Sets the Dockerfile path (<c>--file</c>).</summary>
    [Pure] public static BuildxBuildSettings SetFile(this BuildxBuildSettings settings, string? file) => settings with { File = file };

    /// <summary>Sets the stage to build (<c>--target</c>).</summary>
    [Pure] public static BuildxBuildSettings SetTarget(this BuildxBuildSettings settings, string? target) => settings with { Target = target };

    /// <summary>Clears <c>--target</c> (build the last stage).</summary>
    [Pure] public static BuildxBuildSettings ResetTarget(this BuildxBuildSettings settings) => settings with { Target = null };

    /// <summary>Adds a target platform.</summary>
    [Pure] public static BuildxBuildSettings AddPlatform(this BuildxBuildSettings settings, Platform platform) => settings with { Platforms = [.. settings.Platforms, platform] };

    /// <summary>Adds target platforms.</summary>
    [Pure] public static BuildxBuildSettings AddPlatforms(this BuildxBuildSettings settings, params IEnumerable<Platform> platforms) => settings with { Platforms = [.. settings.Platforms, .. platforms] };

    /// <summary>Replaces the target platforms.</summary>
    [Pure] public static BuildxBuildSettings SetPlatforms(this BuildxBuildSettings settings, params IEnumerable<Platform> platforms) => settings with { Platforms = [.. platforms] };

    /// <summary>Removes all target platforms.</summary>
    [Pure] public static BuildxBuildSettings ClearPlatforms(this BuildxBuildSettings settings) => settings with { Platforms = [] };

    /// <summary>Adds an image name (<c>--tag</c>).</summary>
    [Pure]
    public static BuildxBuildSettings AddTag(this BuildxBuildSettings settings, string tag)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tag);
        return settings with { Tags = [.. settings.Tags, tag] };
    }

    /// <summary>Adds image names.</summary>
    [Pure] public static BuildxBuildSettings AddTags(this BuildxBuildSettings settings, params IEnumerable<string> tags) => tags.Aggregate(settings, (s, tag) => s.AddTag(tag));

    /// <summary>Removes all image names.</summary>
    [Pure] public static BuildxBuildSettings ClearTags(this BuildxBuildSettings settings) => settings with { Tags = [] };

    /// <summary>Adds <c>--build-arg name=value</c> (a null value passes the environment variable through).</summary>
    [Pure] public static BuildxBuildSettings AddBuildArg(this BuildxBuildSettings settings, string name, string? value) => settings with { BuildArgs = [.. settings.BuildArgs, new BuildArg(name, value)] };

    /// <summary>Removes every build arg named <paramref name="name"/>.</summary>
    [Pure] public static BuildxBuildSettings RemoveBuildArg(this BuildxBuildSettings settings, string name) => settings with { BuildArgs = [.. settings.BuildArgs.Where(arg => arg.Name != name)] };

    /// <summary>Adds an image label.</summary>
    [Pure] public static BuildxBuildSettings AddLabel(this BuildxBuildSettings settings, string key, string value) => settings with { Labels = [.. settings.Labels, new(key, value)] };

    /// <summary>Adds an image annotation, e.g. <c>("index:org.opencontainers.image.title", "app")</c>.</summary>
    [Pure] public static BuildxBuildSettings AddAnnotation(this BuildxBuildSettings settings, string key, string value) => settings with { Annotations = [.. settings.Annotations, $"{key}={value}"] };

    /// <summary>Adds a named build context (<c>--build-context name=source</c>).</summary>
    [Pure] public static BuildxBuildSettings AddBuildContext(this BuildxBuildSettings settings, string name, string source) => settings with { BuildContexts = [.. settings.BuildContexts, new BuildContext(name, source)] };

    /// <summary>Adds a secret (<c>--secret</c>).</summary>
    [Pure] public static BuildxBuildSettings AddSecret(this BuildxBuildSettings settings, SecretSource secret) => settings with { Secrets = [.. settings.Secrets, secret] };

    /// <summary>
    /// Adds a secret with its value: the value travels in an environment variable of the buildx process only
    /// (never argv, never a build arg, never a layer) and is masked in all output.
    /// </summary>
    [Pure]
    public static BuildxBuildSettings AddSecret(this BuildxBuildSettings settings, string id, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(value);
        var variable = "PIPELINES_SECRET_" + new string([.. id.ToUpperInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
        return settings.SetEnvironmentVariable(variable, value).AddSecret(SecretSource.FromEnvironment(id, variable));
    }

    /// <summary>Sets an environment variable of the buildx process; its value is masked in all output.</summary>
    [Pure]
    public static BuildxBuildSettings SetEnvironmentVariable(this BuildxBuildSettings settings, string name, string value) =>
        settings with { Environment = new Dictionary<string, string>(settings.Environment) { [name] = value } };

    /// <summary>Adds an ssh agent or key (<c>--ssh</c>).</summary>
    [Pure] public static BuildxBuildSettings AddSsh(this BuildxBuildSettings settings, SshSource ssh) => settings with { Ssh = [.. settings.Ssh, ssh] };

    /// <summary>Adds a cache source (<c>--cache-from</c>).</summary>
    [Pure] public static BuildxBuildSettings AddCacheFrom(this BuildxBuildSettings settings, CacheEntry cache) => settings with { CacheFrom = [.. settings.CacheFrom, cache] };

    /// <summary>Adds a cache destination (<c>--cache-to</c>).</summary>
    [Pure] public static BuildxBuildSettings AddCacheTo(this BuildxBuildSettings settings, CacheEntry cache) => settings with { CacheTo = [.. settings.CacheTo, cache] };

    /// <summary>Adds an output (<c>--output</c>).</summary>
    [Pure] public static BuildxBuildSettings AddOutput(this BuildxBuildSettings settings, BuildOutput output) => settings with { Outputs = [.. settings.Outputs, output] };

    /// <summary>Removes all outputs.</summary>
    [Pure] public static BuildxBuildSettings ClearOutputs(this BuildxBuildSettings settings) => settings with { Outputs = [] };

    /// <summary>Pushes the result (<c>--push</c>).</summary>
    [Pure] public static BuildxBuildSettings EnablePush(this BuildxBuildSettings settings) => settings with { Push = true };

    /// <summary>Does not push.</summary>
    [Pure] public static BuildxBuildSettings DisablePush(this BuildxBuildSettings settings) => settings with { Push = false };

    /// <summary>Loads the result into the engine (<c>--load</c>).</summary>
    [Pure] public static BuildxBuildSettings EnableLoad(this BuildxBuildSettings settings) => settings with { Load = true };

    /// <summary>Does not load.</summary>
    [Pure] public static BuildxBuildSettings DisableLoad(this BuildxBuildSettings settings) => settings with { Load = false };

    /// <summary>Sets <c>--metadata-file</c>.</summary>
    [Pure] public static BuildxBuildSettings SetMetadataFile(this BuildxBuildSettings settings, string? path) => settings with { MetadataFile = path };

    /// <summary>Sets <c>--provenance</c> (<c>false</c> for stable digests, <c>mode=max</c>…).</summary>
    [Pure] public static BuildxBuildSettings SetProvenance(this BuildxBuildSettings settings, string? provenance) => settings with { Provenance = provenance };

    /// <summary>Turns the provenance attestation on or off (<c>--provenance=true|false</c>).</summary>
    [Pure] public static BuildxBuildSettings SetProvenance(this BuildxBuildSettings settings, bool enabled) => settings with { Provenance = enabled ? "true" : "false" };

    /// <summary>Sets <c>--sbom</c>.</summary>
    [Pure] public static BuildxBuildSettings SetSbom(this BuildxBuildSettings settings, string? sbom) => settings with { Sbom = sbom };

    /// <summary>Adds an attestation (<c>--attest</c>).</summary>
    [Pure] public static BuildxBuildSettings AddAttest(this BuildxBuildSettings settings, string attestation) => settings with { Attestations = [.. settings.Attestations, attestation] };

    /// <summary>Always pulls referenced images (<c>--pull</c>).</summary>
    [Pure] public static BuildxBuildSettings EnablePull(this BuildxBuildSettings settings) => settings with { Pull = true };

    /// <summary>Ignores the cache (<c>--no-cache</c>).</summary>
    [Pure] public static BuildxBuildSettings EnableNoCache(this BuildxBuildSettings settings) => settings with { NoCache = true };

    /// <summary>Uses the cache (default).</summary>
    [Pure] public static BuildxBuildSettings DisableNoCache(this BuildxBuildSettings settings) => settings with { NoCache = false };

    /// <summary>Does not take <paramref name="stage"/> from the cache (<c>--no-cache-filter</c>).</summary>
    [Pure] public static BuildxBuildSettings AddNoCacheFilter(this BuildxBuildSettings settings, string stage) => settings with { NoCacheFilters = [.. settings.NoCacheFilters, stage] };

    /// <summary>Sets the network mode of RUN steps.</summary>
    [Pure] public static BuildxBuildSettings SetNetwork(this BuildxBuildSettings settings, string? network) => settings with { Network = network };

    /// <summary>Sets the progress output.</summary>
    [Pure] public static BuildxBuildSettings SetProgress(this BuildxBuildSettings settings, ProgressMode? progress) => settings with { Progress = progress };

    /// <summary>Sets the builder instance.</summary>
    [Pure] public static BuildxBuildSettings SetBuilder(this BuildxBuildSettings settings, string? builder) => settings with { Builder = builder };

    /// <summary>Sets <c>--iidfile</c>.</summary>
    [Pure] public static BuildxBuildSettings SetIidFile(this BuildxBuildSettings settings, string? path) => settings with { IidFile = path };

    /// <summary>Sets <c>--shm-size</c>, e.g. <c>128m</c>.</summary>
    [Pure] public static BuildxBuildSettings SetShmSize(this BuildxBuildSettings settings, string? size) => settings with { ShmSize = size };

    /// <summary>Adds a ulimit, e.g. <c>nofile=1024:1024</c>.</summary>
    [Pure] public static BuildxBuildSettings AddUlimit(this BuildxBuildSettings settings, string ulimit) => settings with { Ulimits = [.. settings.Ulimits, ulimit] };

    /// <summary>Allows an entitlement (<c>--allow</c>).</summary>
    [Pure] public static BuildxBuildSettings AddAllow(this BuildxBuildSettings settings, string entitlement) => settings with { Allow = [.. settings.Allow, entitlement] };

    /// <summary>Runs BuildKit's checks instead of building (<c>--check</c>).</summary>
    [Pure] public static BuildxBuildSettings EnableCheck(this BuildxBuildSettings settings) => settings with { Check = true };

    /// <summary>Sets <c>--call</c> with optional options (e.g. <c>format=json</c>).</summary>
    [Pure]
    public static BuildxBuildSettings SetCall(this BuildxBuildSettings settings, CallMethod method, string? format = null) =>
        settings with { Call = method.ToString().ToLowerInvariant() + (format is null ? "" : $",format={format}") };

    /// <summary>Sets <c>--call</c> verbatim.</summary>
    [Pure] public static BuildxBuildSettings SetCall(this BuildxBuildSettings settings, string? call) => settings with { Call = call };

    /// <summary>Adds a host-to-IP mapping (<c>--add-host host:ip</c>).</summary>
    [Pure] public static BuildxBuildSettings AddHost(this BuildxBuildSettings settings, string host, string ip) => settings with { AddHosts = [.. settings.AddHosts, $"{host}:{ip}"] };

    /// <summary>Sets <c>--cgroup-parent</c>.</summary>
    [Pure] public static BuildxBuildSettings SetCgroupParent(this BuildxBuildSettings settings, string? cgroupParent) => settings with { CgroupParent = cgroupParent };

    /// <summary>Prints only the image ID (<c>--quiet</c>).</summary>
    [Pure] public static BuildxBuildSettings EnableQuiet(this BuildxBuildSettings settings) => settings with { Quiet = true };

    /// <summary>Debug logging (<c>--debug</c>).</summary>
    [Pure] public static BuildxBuildSettings EnableDebug(this BuildxBuildSettings settings) => settings with { Debug = true };

    /// <summary>Appends raw arguments (for flags newer than this library).</summary>
    [Pure] public static BuildxBuildSettings AddExtraArguments(this BuildxBuildSettings settings, params IEnumerable<string> arguments) => settings with { ExtraArguments = [.. settings.ExtraArguments, .. arguments] };
}
