using System.Text.Json;
using Pipelines.Engine;
using Pipelines.Output;

namespace Pipelines.Parameters;

/// <summary>Where a parameter's value came from, and the raw text.</summary>
internal sealed record ParameterSource(string Description, IReadOnlyList<string> Values);

/// <summary>Finds each parameter's raw value (command line &gt; environment &gt; parameters.json with profile &gt; default), converts and injects it.</summary>
internal sealed class ParameterResolver
{
    private readonly CommandLine _commandLine;
    private readonly IReadOnlyDictionary<string, string?> _environment;
    private readonly string _rootDirectory;
    private readonly Dictionary<string, ParameterSource> _json = new(StringComparer.Ordinal);

    public ParameterResolver(CommandLine commandLine, IReadOnlyDictionary<string, string?> environment, string rootDirectory)
    {
        _commandLine = commandLine;
        _environment = environment;
        _rootDirectory = rootDirectory;
        var directory = Path.Combine(rootDirectory, ".nuke");
        LoadJson(Path.Combine(directory, "parameters.json"), required: false);
        if (commandLine.Profile is { } profile)
        {
            LoadJson(Path.Combine(directory, $"parameters.{profile}.json"), required: true);
        }
    }

    public ParameterSource? FindSource(BuildParameter parameter)
    {
        if (_commandLine.ParameterValues.TryGetValue(parameter, out var values))
        {
            return new ParameterSource("command line", values);
        }

        foreach (var name in parameter.EnvironmentNames)
        {
            if (_environment.TryGetValue(name, out var value) && value is not null)
            {
                IReadOnlyList<string> raw = parameter.IsList
                    ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : parameter.IsFlag && value.Length == 0 ? [] : [value];
                return new ParameterSource($"environment variable {name}", raw);
            }
        }

        return _json.GetValueOrDefault(Text.Normalize(parameter.Name));
    }

    /// <summary>Converts and injects every parameter that has a source; registers secret values; throws one error listing every bad parameter.</summary>
    public Dictionary<string, object?> Resolve(object build, IReadOnlyList<BuildParameter> parameters)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<string>();
        BuildParameter? first = null;
        foreach (var parameter in parameters)
        {
            if (FindSource(parameter) is not { } source)
            {
                if (parameter.IsSecret && parameter.CanInject && parameter.ReadInjected(build) is string initial)
                {
                    SecretMasker.Register(initial);
                }

                continue;
            }

            if (parameter.IsSecret)
            {
                foreach (var raw in source.Values)
                {
                    SecretMasker.Register(raw);
                }
            }

            object? value;
            try
            {
                value = ValueConverter.Convert(source.Values, parameter.ValueType, _rootDirectory);
            }
            catch (FormatException exception)
            {
                first ??= parameter;
                var shown = parameter.IsSecret ? SecretMasker.Mask : string.Join(' ', source.Values);
                errors.Add(
                    $"Parameter '{parameter.Name}' ({ValueConverter.FriendlyName(parameter.ValueType)}) from the {source.Description} has an invalid value '{shown}': " +
                    SecretMasker.Redact(exception.Message).TrimEnd('.') + "." + Environment.NewLine + "Supply a valid value with one of:" + Environment.NewLine + parameter.HowToSupply());
                continue;
            }

            values[parameter.Name] = value;
            if (parameter.CanInject)
            {
                parameter.Inject(build, value);
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidParameterException(first!.Name, string.Join(Environment.NewLine, errors));
        }

        return values;
    }

    private void LoadJson(string file, bool required)
    {
        if (!File.Exists(file))
        {
            if (required)
            {
                throw new InvalidCommandLineException($"Profile file {file} does not exist (--profile {_commandLine.Profile}).");
            }

            return;
        }

        ParseJson(file, Path.GetRelativePath(_rootDirectory, file));
    }

    /// <summary>Separate from <see cref="LoadJson"/> so System.Text.Json is only loaded when a file exists (start-up time).</summary>
    private void ParseJson(string file, string relative)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidParameterException(null, $"{relative} must contain a JSON object of parameter names and values.");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name.StartsWith('$') || property.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                IReadOnlyList<string> values = property.Value.ValueKind == JsonValueKind.Array
                    ? [.. property.Value.EnumerateArray().Select(ToText)]
                    : [ToText(property.Value)];
                _json[Text.Normalize(property.Name)] = new ParameterSource(relative, values);
            }
        }
        catch (JsonException exception)
        {
            throw new InvalidParameterException(null, $"{relative} is not valid JSON: {exception.Message}");
        }
    }

    private static string ToText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString() ?? string.Empty,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => element.GetRawText(),
    };
}
