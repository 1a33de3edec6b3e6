using System.Text.Json;
using Pipelines.Tooling;

namespace Pipelines.Docker;

public static partial class Buildx
{
    /// <summary>The Dockerfile's stages as BuildKit sees them (<c>--call targets,format=json</c>). Nothing is built.</summary>
    public static async Task<IReadOnlyList<BuildStageInfo>> ListTargetsAsync(BuildxBuildSettings settings, CancellationToken cancellationToken = default)
    {
        using var document = await CallAsync(settings.ResetTarget(), "targets", allowFailureWithJson: false, cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        return root.TryGetProperty("targets", out var targets) && targets.ValueKind == JsonValueKind.Array
            ? [.. targets.EnumerateArray().Select(t => new BuildStageInfo(
                Text(t, "name"), NullIfEmpty(Text(t, "description")), NullIfEmpty(Text(t, "base")), NullIfEmpty(Text(t, "platform")),
                t.TryGetProperty("default", out var d) && d.ValueKind == JsonValueKind.True, LineOf(t)))]
            : [];
    }

    /// <summary>The build args and secrets the target uses (<c>--call outline,format=json</c>). Nothing is built.</summary>
    public static async Task<BuildOutline> OutlineAsync(BuildxBuildSettings settings, CancellationToken cancellationToken = default)
    {
        ValidateTarget(settings);
        using var document = await CallAsync(settings, "outline", allowFailureWithJson: false, cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        var args = root.TryGetProperty("args", out var a) && a.ValueKind == JsonValueKind.Array
            ? a.EnumerateArray().Select(arg => new BuildOutlineArg(Text(arg, "name"), arg.TryGetProperty("value", out var v) ? v.GetString() : null, NullIfEmpty(Text(arg, "description")), LineOf(arg))).ToList()
            : [];
        var secrets = root.TryGetProperty("secrets", out var s) && s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().Select(secret => Text(secret, "name")).ToList()
            : [];
        return new BuildOutline(NullIfEmpty(Text(root, "name")), NullIfEmpty(Text(root, "description")), args, secrets);
    }

    /// <summary>BuildKit's own Dockerfile checks (<c>--call check,format=json</c>); an empty list when the Dockerfile is clean.</summary>
    public static async Task<IReadOnlyList<BuildCheckWarning>> CheckAsync(BuildxBuildSettings settings, CancellationToken cancellationToken = default)
    {
        using var document = await CallAsync(settings, "check", allowFailureWithJson: true, cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        return root.TryGetProperty("warnings", out var warnings) && warnings.ValueKind == JsonValueKind.Array
            ? [.. warnings.EnumerateArray().Select(w => new BuildCheckWarning(Text(w, "ruleName"), Text(w, "description"), Text(w, "detail"), NullIfEmpty(Text(w, "url")), LineOf(w)))]
            : [];
    }

    private static async Task<JsonDocument> CallAsync(BuildxBuildSettings settings, string method, bool allowFailureWithJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var call = settings with { Call = $"{method},format=json", Check = false, Progress = ProgressMode.Quiet, MetadataFile = null, Outputs = [], Push = false, Load = false };
        var command = new ToolCommand("docker", call.Render())
        {
            ThrowOnFailure = false,
            StreamOutput = false,
            FixHint = DockerFixHint,
            Environment = settings.Environment.ToDictionary(pair => pair.Key, pair => (string?)pair.Value),
        };
        var result = await Tool.RunAsync(command, cancellationToken).ConfigureAwait(false);
        var json = result.StandardOutput.Trim();
        if (result.Succeeded || (allowFailureWithJson && json.StartsWith('{')))
        {
            try
            {
                return JsonDocument.Parse(json);
            }
            catch (JsonException) when (!result.Succeeded)
            {
                // fall through to the classified failure
            }
        }

        throw Failure(result, rawJson: false);
    }

    private static int LineOf(JsonElement element) =>
        element.TryGetProperty("location", out var location)
        && location.TryGetProperty("ranges", out var ranges) && ranges.ValueKind == JsonValueKind.Array && ranges.GetArrayLength() > 0
        && ranges[0].TryGetProperty("start", out var start) && start.TryGetProperty("line", out var line)
            ? line.GetInt32()
            : 0;

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
