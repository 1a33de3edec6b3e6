using Pipelines.Dockerfile;

namespace Pipelines.Tool;

/// <summary>Positional files and <c>--name value</c> / <c>--name=value</c> options.</summary>
internal sealed class Options
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "format", "production-stage", "test-stage", "target", "disable", "context", "platform", "require-healthcheck", "build-arg",
    };

    private readonly List<(string Name, string Value)> _values = [];

    public List<string> Files { get; } = [];

    public static Options Parse(IEnumerable<string> args)
    {
        var options = new Options();
        using var e = args.GetEnumerator();
        var onlyFiles = false;
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (onlyFiles || !arg.StartsWith("--", StringComparison.Ordinal))
            {
                options.Files.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                onlyFiles = true;
                continue;
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? arg[2..] : arg[2..eq];
            if (!Known.Contains(name))
            {
                throw new UsageException($"unknown option '--{name}'");
            }

            string value;
            if (eq >= 0)
            {
                value = arg[(eq + 1)..];
            }
            else if (e.MoveNext())
            {
                value = e.Current;
            }
            else
            {
                throw new UsageException($"option '--{name}' needs a value");
            }

            options._values.Add((name, value));
        }

        return options;
    }

    public string? Single(string name) => _values.LastOrDefault(v => v.Name == name).Value;

    public List<string> All(string name) => _values.Where(v => v.Name == name).Select(v => v.Value).ToList();

    public DockerfileParseOptions ParseOptions()
    {
        var result = DockerfileParseOptions.Default;
        foreach (var buildArg in All("build-arg"))
        {
            var eq = buildArg.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new UsageException($"--build-arg '{buildArg}' is not NAME=VALUE");
            }

            result = result.SetBuildArgument(buildArg[..eq], buildArg[(eq + 1)..]);
        }

        if (All("platform").FirstOrDefault() is { } platform)
        {
            result = result.SetTargetPlatform(platform);
        }

        return result;
    }
}
