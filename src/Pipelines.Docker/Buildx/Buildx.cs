using System.Text.Json;
using Pipelines.Output;
using Pipelines.Tooling;

namespace Pipelines.Docker;

/// <summary>
/// Runs <c>docker buildx</c> commands through <see cref="Tool.Runner"/> and returns typed results.
/// Failures become <see cref="BuildxFailedException"/> with a cause and a fix.
/// </summary>
public static partial class Buildx
{
    internal const string DockerFixHint = "install the Docker CLI and an engine: " + BuildxErrorClassifier.ProvisionHint;

    internal static IDockerfileTargetValidator TargetValidator { get; set; } = DockerfileTargetValidator.Instance;

    /// <summary>
    /// Builds with <paramref name="settings"/>. Validates <see cref="BuildxBuildSettings.Target"/> against the local
    /// Dockerfile first, always writes a metadata file (a temp file unless one is set) and reads the result from it.
    /// </summary>
    /// <exception cref="BuildxFailedException">buildx failed; <see cref="BuildxFailedException.Kind"/> says why.</exception>
    public static Task<BuildResult> BuildAsync(BuildxBuildSettings settings, CancellationToken cancellationToken = default) =>
        BuildAsync(settings, null, cancellationToken);

    /// <summary>
    /// Builds like <see cref="BuildAsync(BuildxBuildSettings, CancellationToken)"/> and reports live progress (steps done/total, cached) to
    /// <paramref name="progress"/>: forces <see cref="ProgressMode.RawJson"/>, parses it as it streams, and writes the decoded step output
    /// (RUN logs) to the current <see cref="OutputSink"/> instead of raw JSON. A terminal UI (e.g. Spectre.Console Live) can render the reports.
    /// </summary>
    public static async Task<BuildResult> BuildAsync(BuildxBuildSettings settings, IProgress<BuildProgress>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (progress is not null)
        {
            settings = settings with { Progress = ProgressMode.RawJson };
        }

        ValidateTarget(settings);
        var metadataFile = settings.MetadataFile ?? Path.Combine(Path.GetTempPath(), $"pipelines-buildx-{Guid.NewGuid():N}.json");
        var effective = settings with { MetadataFile = metadataFile, Environment = MetadataEnvironment(settings.MetadataFile, settings.Environment) };
        try
        {
            ToolResult result;
            if (progress is null)
            {
                result = await RunShowingProgressAsync(effective.Progress, mode => (effective with { Progress = mode }).Render(), [DisplayName(effective)], effective.Environment, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var outer = OutputSink.Current;
                var tracker = new RawJsonProgress();
                var gate = new Lock();
                var last = (Total: -1, Done: -1);
                using (OutputSink.Use(line =>
                {
                    lock (gate)
                    {
                        foreach (var decoded in tracker.Feed(line.Text))
                        {
                            outer(new OutputLine(decoded, line.IsError));
                        }

                        var steps = tracker.Snapshot().Steps.Where(step => step.IsInstruction && !step.IsFrom).ToList();
                        var done = steps.Count(step => step.Completed);
                        if ((steps.Count, done) != last)
                        {
                            last = (steps.Count, done);
                            progress.Report(new BuildProgress(steps.Count, done, steps.Count(step => step.Completed && step.Cached), steps.LastOrDefault(step => !step.Completed)?.Name));
                        }
                    }
                }))
                {
                    result = await RunBuildxAsync(effective.Render(), null, cancellationToken, environment: effective.Environment, rawJsonFailure: true).ConfigureAwait(false);
                }
            }

            var buildResult = ReadMetadata(metadataFile) is { } metadata ? BuildResult.FromMetadata(metadata.RootElement) : new BuildResult();
            buildResult = buildResult with
            {
                Duration = result.Duration,
                Steps = effective.Progress == ProgressMode.RawJson ? RawJsonProgress.Parse(result.StandardError).Steps : [],
            };
            if (effective.Pushes && buildResult.Descriptor is { IsIndex: true } descriptor && buildResult.ImageNames.Count > 0)
            {
                var index = await ImagetoolsInspectAsync($"{ImageReference.Repository(buildResult.ImageNames[0])}@{descriptor.Digest}", includeSizes: true, settings.Builder, cancellationToken).ConfigureAwait(false);
                buildResult = buildResult with { Platforms = index.PlatformImages };
            }

            if (buildResult.Steps.Count > 0)
            {
                OutputSink.Write($"buildx: {buildResult.ExecutedSteps} steps executed, {buildResult.CachedSteps} cached, {buildResult.Duration.TotalSeconds:0.0}s");
            }

            return buildResult;
        }
        finally
        {
            if (settings.MetadataFile is null)
            {
                TryDelete(metadataFile);
            }
        }
    }

    /// <summary>
    /// Runs buildx with <paramref name="progress"/>; when none was chosen and a terminal is live, with plain progress
    /// behind the live per-image display (<paramref name="rows"/>), so CI logs and the display read the same stream.
    /// </summary>
    internal static Task<ToolResult> RunShowingProgressAsync(ProgressMode? progress, Func<ProgressMode?, IReadOnlyList<string>> render, IReadOnlyList<string> rows, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken) =>
        progress is null && LiveConsole.Current is not null
            ? BuildProgressDisplay.RunAsync(rows, TempLogFile(), () => RunBuildxAsync(render(ProgressMode.Plain), ProgressMode.Plain, cancellationToken, environment: environment))
            : RunBuildxAsync(render(progress), progress, cancellationToken, environment: environment);

    /// <summary>
    /// The buildx environment for a metadata file: when it is our own temp file, buildx need not compute the provenance it
    /// would add to it (nothing reads it; it costs a round trip to BuildKit per build). A file the caller asked for stays complete.
    /// </summary>
    internal static IReadOnlyDictionary<string, string> MetadataEnvironment(string? callerMetadataFile, IReadOnlyDictionary<string, string> environment) =>
        callerMetadataFile is not null || environment.ContainsKey(MetadataProvenanceVariable) || System.Environment.GetEnvironmentVariable(MetadataProvenanceVariable) is not null
            ? environment
            : new Dictionary<string, string>(environment) { [MetadataProvenanceVariable] = "disabled" };

    private const string MetadataProvenanceVariable = "BUILDX_METADATA_PROVENANCE";

    /// <summary>The row name of a single build in the live display: its first tag, else its target, else its context folder.</summary>
    internal static string DisplayName(BuildxBuildSettings settings) =>
        settings.Tags.FirstOrDefault() ?? settings.Target ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(settings.Context)));

    internal static string TempLogFile() => Path.Combine(Path.GetTempPath(), $"pipelines-buildx-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..8]}.log");

    internal static void ValidateTarget(BuildxBuildSettings settings)
    {
        if (settings.Target is not { Length: > 0 } target || !Directory.Exists(settings.Context))
        {
            return;
        }

        var dockerfile = settings.File ?? Path.Combine(settings.Context, "Dockerfile");
        if (File.Exists(dockerfile))
        {
            TargetValidator.Validate(dockerfile, target);
        }
    }

    /// <summary>Runs <c>docker</c> with <paramref name="arguments"/>; a failure throws a classified <see cref="BuildxFailedException"/>.</summary>
    internal static async Task<ToolResult> RunBuildxAsync(IReadOnlyList<string> arguments, ProgressMode? progress, CancellationToken cancellationToken, string? standardInput = null, bool stream = true, IReadOnlyDictionary<string, string>? environment = null, bool rawJsonFailure = false)
    {
        var command = new ToolCommand("docker", arguments)
        {
            Environment = environment?.ToDictionary(pair => pair.Key, pair => (string?)pair.Value) ?? new Dictionary<string, string?>(),
            // values set here are secrets (env= secret sources), except our own switch, whose value is a plain word
            Secrets = environment?.Where(pair => pair.Key != MetadataProvenanceVariable && pair.Value.Length > 0).Select(pair => pair.Value).ToArray() ?? [],
            ThrowOnFailure = false,
            StreamOutput = stream && progress != ProgressMode.RawJson,
            FixHint = DockerFixHint,
            StandardInput = standardInput,
        };
        var result = await Tool.RunAsync(command, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw Failure(result, rawJsonFailure || progress == ProgressMode.RawJson);
        }

        return result;
    }

    internal static BuildxFailedException Failure(ToolResult result, bool rawJson)
    {
        string output;
        if (rawJson)
        {
            var parsed = RawJsonProgress.Parse(result.StandardError);
            var failed = parsed.Steps.Where(step => step.Error is not null).Select(step => $"{step.Name}: {step.Error}");
            output = string.Join('\n', parsed.Logs.TakeLast(40).Concat(failed).Concat(parsed.OtherLines.TakeLast(10)));
        }
        else
        {
            var all = (result.StandardError + "\n" + result.StandardOutput).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            output = string.Join('\n', all.Select(line => line.TrimEnd('\r')).TakeLast(40));
        }

        var (kind, summary, fix) = BuildxErrorClassifier.Classify(result.StandardError + "\n" + output);
        return new BuildxFailedException(kind, summary, fix, result.Command.ToDisplayString(), result.ExitCode, output);
    }

    private static JsonDocument? ReadMetadata(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var text = File.ReadAllText(path);
        return string.IsNullOrWhiteSpace(text) ? null : JsonDocument.Parse(text);
    }

    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
