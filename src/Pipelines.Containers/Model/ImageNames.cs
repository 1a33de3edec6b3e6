using System.Text.RegularExpressions;
using Pipelines.Docker;

namespace Pipelines.Containers;

/// <summary>Validation of the names Docker accepts: repository paths, tags, stage names.</summary>
internal static partial class ImageNames
{
    [GeneratedRegex("^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$")]
    private static partial Regex RepositoryPath();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.-]*$")]
    private static partial Regex StagePattern();

    [GeneratedRegex("^(?:[A-Za-z0-9.-]+|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?$")]
    private static partial Regex RegistryHost();

    public static string ValidateName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!RepositoryPath().IsMatch(name))
        {
            throw new ContainerPipelineException(
                $"Invalid image name '{name}': use lower-case letters, digits and single separators (., _, -), with / between path components, e.g. 'api' or 'tools/cli'.");
        }

        return name;
    }

    public static string ValidateRepository(string? repository)
    {
        if (string.IsNullOrEmpty(repository))
        {
            return "";
        }

        var trimmed = repository.Trim('/');
        if (!RepositoryPath().IsMatch(trimmed))
        {
            throw new ContainerPipelineException(
                $"Invalid repository prefix '{repository}': use lower-case path components, e.g. 'acme' or 'acme/team'.");
        }

        return trimmed;
    }

    public static string ValidateRegistry(string registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (!RegistryHost().IsMatch(registry))
        {
            throw new ContainerPipelineException($"Invalid registry '{registry}': expected host[:port], e.g. ghcr.io or 127.0.0.1:5000 (no scheme, no path).");
        }

        return registry;
    }

    public static string ValidateTag(string tag, string image)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (!TagPattern().IsMatch(tag))
        {
            throw new ContainerPipelineException(
                $"Image '{image}': invalid tag '{tag}': up to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'.");
        }

        return tag;
    }

    public static bool IsValidTag(string tag) => TagPattern().IsMatch(tag);

    public static string ValidateStage(string stage, bool allowEmpty)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (allowEmpty && stage.Length == 0)
        {
            return stage;
        }

        if (!StagePattern().IsMatch(stage))
        {
            throw new ContainerPipelineException($"Invalid stage name '{stage}': a stage name starts with a letter and contains letters, digits, '_', '.' or '-'.");
        }

        return stage.ToLowerInvariant();
    }

    public static IReadOnlyList<Platform> ParsePlatforms(string owner, IEnumerable<string> platforms)
    {
        ArgumentNullException.ThrowIfNull(platforms);
        var result = new List<Platform>();
        foreach (var text in platforms.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            try
            {
                result.Add(Platform.Parse(text));
            }
            catch (FormatException exception)
            {
                throw new ContainerPipelineException($"{owner}: {exception.Message}", exception);
            }
        }

        return result;
    }

    /// <summary>Turns a value into a tag: invalid characters become '-', at most 128 characters (like docker/metadata-action).</summary>
    public static string Sanitize(string value)
    {
        var chars = value.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '-').ToArray();
        var text = new string(chars).TrimStart('.', '-');
        return text.Length > 128 ? text[..128] : text;
    }
}
