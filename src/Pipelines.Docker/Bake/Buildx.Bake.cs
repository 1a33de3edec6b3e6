using System.Text.Json;

namespace Pipelines.Docker;

public static partial class Buildx
{
    /// <summary>
    /// Bakes <paramref name="definition"/>: writes it as a temp <c>docker-bake.json</c>, validates every target stage against its
    /// local Dockerfile, runs <c>buildx bake</c> with a metadata file and returns per-target results.
    /// </summary>
    public static async Task<BakeResult> BakeAsync(BakeDefinition definition, BuildxBakeSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        foreach (var target in definition.Targets)
        {
            ValidateTarget(new BuildxBuildSettings
            {
                Context = target.Context ?? ".",
                File = target.Dockerfile is null ? null : Path.Combine(target.Context ?? ".", target.Dockerfile),
                Target = target.Target,
            });
        }

        var file = Path.Combine(Path.GetTempPath(), $"pipelines-bake-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, definition.ToJson(), cancellationToken).ConfigureAwait(false);
        settings ??= new BuildxBakeSettings();

        // The definition file lives in the temp folder, so buildx's filesystem entitlements would refuse every local
        // context outside it ("additional privileges requested"); the caller named these contexts, so reading them is granted.
        var contextReads = definition.Targets
            .Select(target => target.Context ?? ".")
            .Where(Directory.Exists)
            .Select(context => $"fs.read={Path.GetFullPath(context)}")
            .Where(entitlement => !settings.Allow.Contains(entitlement))
            .Distinct(StringComparer.Ordinal);
        try
        {
            var names = settings.Targets.Count > 0 ? settings.Targets : [.. definition.Targets.Select(target => target.Name)];
            return await BakeCoreAsync(settings with { Files = [file, .. settings.Files], Allow = [.. settings.Allow, .. contextReads] }, names, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            TryDelete(file);
        }
    }

    /// <summary>Runs <c>buildx bake</c> with existing bake files; always reads a metadata file (a temp one unless set).</summary>
    public static Task<BakeResult> BakeAsync(BuildxBakeSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return BakeCoreAsync(settings, settings.Targets.Count > 0 ? settings.Targets : ["bake"], cancellationToken);
    }

    /// <summary>Bakes; <paramref name="names"/> are the rows of the live display on a terminal.</summary>
    private static async Task<BakeResult> BakeCoreAsync(BuildxBakeSettings settings, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var metadataFile = settings.MetadataFile ?? Path.Combine(Path.GetTempPath(), $"pipelines-bake-metadata-{Guid.NewGuid():N}.json");
        var effective = settings with { MetadataFile = metadataFile, Print = false, Environment = MetadataEnvironment(settings.MetadataFile, settings.Environment) };
        try
        {
            var result = await RunShowingProgressAsync(effective.Progress, mode => (effective with { Progress = mode }).Render(), names, effective.Environment, cancellationToken).ConfigureAwait(false);
            var targets = new Dictionary<string, BuildResult>(StringComparer.Ordinal);
            using (var metadata = ReadMetadata(metadataFile))
            {
                if (metadata is not null)
                {
                    foreach (var entry in metadata.RootElement.EnumerateObject().Where(entry => entry.Value.ValueKind == JsonValueKind.Object))
                    {
                        targets[entry.Name] = BuildResult.FromMetadata(entry.Value);
                    }
                }
            }

            return new BakeResult
            {
                Targets = targets,
                Steps = effective.Progress == ProgressMode.RawJson ? RawJsonProgress.Parse(result.StandardError).Steps : [],
                Duration = result.Duration,
            };
        }
        finally
        {
            if (settings.MetadataFile is null)
            {
                TryDelete(metadataFile);
            }
        }
    }

    /// <summary>Resolves <paramref name="definition"/> (with overrides) without building (<c>bake --print</c>); returns the resolved JSON.</summary>
    public static async Task<JsonElement> BakePrintAsync(BakeDefinition definition, BuildxBakeSettings? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var file = Path.Combine(Path.GetTempPath(), $"pipelines-bake-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, definition.ToJson(), cancellationToken).ConfigureAwait(false);
        try
        {
            var effective = (settings ?? new BuildxBakeSettings()) with { Files = [file, .. settings?.Files ?? []], Print = true, MetadataFile = null };
            var result = await RunBuildxAsync(effective.Render(), null, cancellationToken, stream: false, environment: effective.Environment).ConfigureAwait(false);
            using var document = JsonDocument.Parse(result.StandardOutput);
            return document.RootElement.Clone();
        }
        finally
        {
            TryDelete(file);
        }
    }
}
