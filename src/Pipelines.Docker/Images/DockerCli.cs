using System.Text.Json;
using Pipelines.Tooling;

namespace Pipelines.Docker;

/// <summary>
/// The plain <c>docker</c> commands a container pipeline needs besides buildx: login (password on standard input only),
/// image inspect/history/rm/save and run. Named <c>DockerCli</c> so it never clashes with the <c>Pipelines.Docker</c> namespace.
/// </summary>
public static class DockerCli
{
    /// <summary>
    /// <c>docker login --username … --password-stdin SERVER</c>: the password is written to standard input, never to argv, and is masked in all output.
    /// </summary>
    public static async Task LoginAsync(string server, string username, string password, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(server);
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        Output.SecretMasker.Register(password);
        await Buildx.RunBuildxAsync(LoginArguments(server, username), null, cancellationToken, standardInput: password).ConfigureAwait(false);
    }

    /// <summary><c>docker logout SERVER</c>.</summary>
    public static Task LogoutAsync(string server, CancellationToken cancellationToken = default) =>
        Buildx.RunBuildxAsync(["logout", server], null, cancellationToken);

    internal static IReadOnlyList<string> LoginArguments(string server, string username) => ["login", "--username", username, "--password-stdin", server];

    /// <summary>Inspects a local image (<c>docker image inspect</c>); with <paramref name="platform"/> one variant of a multi-platform image.</summary>
    public static async Task<ImageInspection> ImageInspectAsync(string image, Platform? platform = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        var result = await Buildx.RunBuildxAsync(
            ["image", "inspect", .. platform is { } p ? new[] { "--platform", p.ToString() } : [], image], null, cancellationToken, stream: false).ConfigureAwait(false);
        using var document = JsonDocument.Parse(result.StandardOutput);
        var root = document.RootElement;
        return ImageInspection.Parse(root.ValueKind == JsonValueKind.Array ? root[0] : root);
    }

    /// <summary>True when <paramref name="image"/> is in the engine's store.</summary>
    public static async Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken = default)
    {
        var result = await Tool.RunAsync(new ToolCommand("docker", ["image", "inspect", "--format", "{{.Id}}", image]) { ThrowOnFailure = false, StreamOutput = false, FixHint = Buildx.DockerFixHint }, cancellationToken).ConfigureAwait(false);
        return result.Succeeded;
    }

    /// <summary>The image's history (<c>docker image history --no-trunc --human=false</c>), newest first.</summary>
    public static async Task<IReadOnlyList<ImageHistoryEntry>> ImageHistoryAsync(string image, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        var result = await Buildx.RunBuildxAsync(["image", "history", "--no-trunc", "--human=false", "--format", "{{json .}}", image], null, cancellationToken, stream: false).ConfigureAwait(false);
        var entries = new List<ImageHistoryEntry>();
        foreach (var line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var size = root.TryGetProperty("Size", out var s) ? (s.ValueKind == JsonValueKind.Number ? s.GetInt64() : HumanSize.Parse(s.GetString())) : 0;
            entries.Add(new ImageHistoryEntry(Text(root, "ID"), Text(root, "CreatedBy"), size, Text(root, "Comment")));
        }

        return entries;
    }

    /// <summary>Removes local images (<c>docker image rm</c>); missing images are ignored when <paramref name="force"/>.</summary>
    public static async Task RemoveImagesAsync(IEnumerable<string> images, bool force = true, CancellationToken cancellationToken = default)
    {
        var list = images.ToList();
        if (list.Count == 0)
        {
            return;
        }

        var command = new ToolCommand("docker", ["image", "rm", .. force ? new[] { "--force" } : [], .. list]) { ThrowOnFailure = false, StreamOutput = false, FixHint = Buildx.DockerFixHint };
        var result = await Tool.RunAsync(command, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded && !(force && result.StandardError.Contains("No such image", StringComparison.OrdinalIgnoreCase)))
        {
            throw Buildx.Failure(result, rawJson: false);
        }
    }

    /// <summary>Writes images to a tarball (<c>docker image save -o</c>); <paramref name="platform"/> picks one variant.</summary>
    public static Task SaveAsync(IEnumerable<string> images, string outputPath, Platform? platform = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        return Buildx.RunBuildxAsync(
            ["image", "save", "--output", outputPath, .. platform is { } p ? new[] { "--platform", p.ToString() } : [], .. images],
            null, cancellationToken, stream: false);
    }

    /// <summary>Runs a container (<c>docker run</c>) and returns its output; a non-zero exit throws <see cref="BuildxFailedException"/>.</summary>
    public static Task<ToolResult> RunAsync(DockerRunSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Buildx.RunBuildxAsync(settings.Render(), null, cancellationToken);
    }

    /// <summary>Runs <paramref name="image"/> with <paramref name="arguments"/> in a throw-away container; returns its output.</summary>
    public static Task<ToolResult> RunAsync(string image, params string[] arguments) =>
        RunAsync(new DockerRunSettings(image) { Arguments = arguments });

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
