using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Pipelines.Docker;
using Pipelines.Output;
using Pipelines.Tooling;

namespace Pipelines.Containers;

/// <summary>Runs one <c>docker buildx bake</c> over generated targets (one BuildKit solve) and reads its metadata and cache hits.</summary>
internal static partial class BakeRunner
{
    [GeneratedRegex("^#(?<id>\\d+) \\[(?<target>[A-Za-z0-9_-]+) (?:[^\\]]*?\\s)?\\d+/\\d+\\] (?!FROM )", RegexOptions.Multiline)]
    private static partial Regex StepLine();

    [GeneratedRegex("^#(?<id>\\d+) CACHED\\s*$", RegexOptions.Multiline)]
    private static partial Regex CachedLine();

    public static async Task<BakeResult> RunAsync(IReadOnlyList<BakeTarget> targets, string workDirectory, string workingDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(workDirectory);
        var bakeFile = Path.Combine(workDirectory, "docker-bake.json");
        var metadataFile = Path.Combine(workDirectory, "bake-metadata.json");
        await File.WriteAllTextAsync(bakeFile, BakeFile.Render(targets), cancellationToken).ConfigureAwait(false);
        File.Delete(metadataFile);
        var command = new ToolCommand("docker",
        [
            "buildx", "bake", "--file", bakeFile, "--provenance=false", "--metadata-file", metadataFile, "--progress=plain",
            "--allow", "fs=*",
        ])
        {
            WorkingDirectory = workingDirectory,
            ThrowOnFailure = false,
            FixHint = "Check the build output above; the bake definition is at " + bakeFile,
        };
        var stopwatch = Stopwatch.StartNew();
        // a live per-image table on a terminal (the plain log then goes to bake.log); plain streamed logs elsewhere
        var result = await BuildProgressDisplay.RunAsync([.. targets.Select(t => t.Name)], Path.Combine(workDirectory, "bake.log"),
            () => Tool.RunAsync(command, cancellationToken)).ConfigureAwait(false);
        stopwatch.Stop();
        var output = result.StandardError + "\n" + result.StandardOutput;
        if (!result.Succeeded)
        {
            var tail = string.Join('\n', FailureLines(output));
            throw new ContainerPipelineException(
                $"docker buildx bake ({string.Join(", ", targets.Select(t => t.Name))}) failed with exit code {result.ExitCode}:{System.Environment.NewLine}{SecretMasker.Redact(tail)}{System.Environment.NewLine}Bake definition: {bakeFile}");
        }

        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(metadataFile))
        {
            using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(metadataFile, cancellationToken).ConfigureAwait(false));
            foreach (var target in metadata.RootElement.EnumerateObject())
            {
                if (target.Value.ValueKind == JsonValueKind.Object && target.Value.TryGetProperty("containerimage.digest", out var digest) && digest.GetString() is { } d)
                {
                    digests[target.Name] = d;
                }
            }
        }

        return new BakeResult(digests, CountCacheHits(output), stopwatch.Elapsed);
    }

    /// <summary>The lines that explain a failed bake: errors and failing step headers, without the noise of cache imports (a missing cache is not an error).</summary>
    internal static IReadOnlyList<string> FailureLines(string output) =>
        [.. output.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => (line.Contains("ERROR", StringComparison.Ordinal) || line.StartsWith(" > ", StringComparison.Ordinal))
                && !line.Contains("cache manifest", StringComparison.Ordinal)
                && !line.Contains("cache importer", StringComparison.Ordinal)
                && !line.Contains("locked for", StringComparison.Ordinal)
                && !line.StartsWith('#'))
            .Distinct(StringComparer.Ordinal)
            .TakeLast(12)];

    /// <summary>Per bake target: (cached steps, total steps) read from plain progress output.</summary>
    internal static IReadOnlyDictionary<string, (int Cached, int Total)> CountCacheHits(string output)
    {
        var targetOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in StepLine().Matches(output))
        {
            targetOf.TryAdd(match.Groups["id"].Value, match.Groups["target"].Value);
        }

        var cached = CachedLine().Matches(output).Select(m => m.Groups["id"].Value).ToHashSet(StringComparer.Ordinal);
        return targetOf.GroupBy(pair => pair.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Count(pair => cached.Contains(pair.Key)), g.Count()), StringComparer.Ordinal);
    }
}

/// <summary>What one bake produced.</summary>
/// <param name="Digests">Image digest per bake target (image/oci outputs only).</param>
/// <param name="CacheHits">Cached and total Dockerfile steps per bake target.</param>
/// <param name="Duration">Wall-clock time of the solve.</param>
internal sealed record BakeResult(IReadOnlyDictionary<string, string> Digests, IReadOnlyDictionary<string, (int Cached, int Total)> CacheHits, TimeSpan Duration);
