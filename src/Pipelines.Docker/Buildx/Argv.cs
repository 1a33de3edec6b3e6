namespace Pipelines.Docker;

/// <summary>Small helpers for the pure argv renderers.</summary>
internal sealed class Argv
{
    private readonly List<string> _arguments = [];

    public Argv(params IEnumerable<string> command) => _arguments.AddRange(command);

    public Argv Flag(string name, bool enabled)
    {
        if (enabled)
        {
            _arguments.Add(name);
        }

        return this;
    }

    /// <summary><c>--name=value</c> for booleans that buildx parses as optional-value flags (e.g. <c>--provenance=false</c>).</summary>
    public Argv Joined(string name, string? value)
    {
        if (value is not null)
        {
            _arguments.Add($"{name}={value}");
        }

        return this;
    }

    public Argv Option(string name, string? value)
    {
        if (value is not null)
        {
            _arguments.Add(name);
            _arguments.Add(value);
        }

        return this;
    }

    public Argv Option<T>(string name, T? value)
        where T : struct
    {
        if (value is not null)
        {
            _arguments.Add(name);
            _arguments.Add(value.Value.ToString()!);
        }

        return this;
    }

    public Argv Repeat<T>(string name, IEnumerable<T> values)
    {
        foreach (var value in values)
        {
            _arguments.Add(name);
            _arguments.Add(value!.ToString()!);
        }

        return this;
    }

    public Argv Add(params IEnumerable<string> arguments)
    {
        _arguments.AddRange(arguments);
        return this;
    }

    public IReadOnlyList<string> ToList() => [.. _arguments];

    public static string Lower(ProgressMode mode) => mode.ToString().ToLowerInvariant();
}
