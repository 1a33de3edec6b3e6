namespace Pipelines.Dockerfile;

/// <summary>A build target names a stage the Dockerfile does not define; raised before BuildKit starts.</summary>
public sealed class UnknownStageException : PipelinesException
{
    internal UnknownStageException(string path, string target, IReadOnlyList<string> availableStages, string? suggestion)
        : base(BuildMessage(path, target, availableStages, suggestion))
    {
        DockerfilePath = path;
        Target = target;
        AvailableStages = availableStages;
        Suggestion = suggestion;
    }

    /// <summary>The Dockerfile that was searched.</summary>
    public string DockerfilePath { get; }

    /// <summary>The requested target stage.</summary>
    public string Target { get; }

    /// <summary>The named stages of the Dockerfile, in file order.</summary>
    public IReadOnlyList<string> AvailableStages { get; }

    /// <summary>The closest stage name, when one is close enough to be a likely typo.</summary>
    public string? Suggestion { get; }

    private static string BuildMessage(string path, string target, IReadOnlyList<string> stages, string? suggestion)
    {
        var list = stages.Count == 0 ? "it has no named stages" : "its stages are " + string.Join(", ", stages.Select(s => $"'{s}'"));
        var hint = suggestion is null ? "" : $" Did you mean '{suggestion}'?";
        return $"Target stage '{target}' is not defined in {path}: {list}.{hint}";
    }
}
