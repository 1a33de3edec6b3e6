using Pipelines.Output;
using Pipelines.Parameters;

namespace Pipelines.Engine;

/// <summary>The parsed command line: <c>[targets…] [--skip T…] [--parallel [N]] [--plan] [--dry-run] [--help] [--verbosity V] [--no-logo] [--profile P] [--parameter value…]</c>.</summary>
internal sealed class CommandLine
{
    internal static readonly string[] EngineOptions = ["help", "skip", "parallel", "plan", "dry-run", "verbosity", "no-logo", "profile"];

    public List<string> Targets { get; } = [];

    /// <summary>Null when <c>--skip</c> was not given; empty when given without names (skip everything not invoked).</summary>
    public List<string>? Skip { get; private set; }

    /// <summary>1 unless <c>--parallel [N]</c>.</summary>
    public int MaxParallelism { get; private set; } = 1;

    public bool Help { get; private set; }

    public bool Plan { get; private set; }

    public bool DryRun { get; private set; }

    public bool NoLogo { get; private set; }

    public Verbosity Verbosity { get; private set; } = Verbosity.Normal;

    public string? Profile { get; private set; }

    public Dictionary<BuildParameter, List<string>> ParameterValues { get; } = [];

    public static CommandLine Parse(IReadOnlyList<string> args, IReadOnlyList<BuildParameter> parameters)
    {
        var result = new CommandLine();
        var byOption = new Dictionary<string, BuildParameter>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            byOption.TryAdd(Text.Normalize(parameter.OptionName), parameter);
        }

        var i = 0;
        bool IsOption(int index) => index < args.Count && args[index].StartsWith("--", StringComparison.Ordinal) && args[index].Length > 2;
        List<string> TakeValues()
        {
            var values = new List<string>();
            while (i + 1 < args.Count && !IsOption(i + 1))
            {
                values.Add(args[++i]);
            }

            return values;
        }

        for (; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "-?")
            {
                result.Help = true;
                continue;
            }

            if (!IsOption(i))
            {
                result.Targets.Add(arg);
                continue;
            }

            var name = arg[2..];
            string? inlineValue = null;
            if (name.IndexOf('=', StringComparison.Ordinal) is var equals and > 0)
            {
                inlineValue = name[(equals + 1)..];
                name = name[..equals];
            }

            switch (Text.Normalize(name))
            {
                case "help":
                    result.Help = true;
                    continue;
                case "plan":
                    result.Plan = true;
                    continue;
                case "dryrun":
                    result.DryRun = true;
                    continue;
                case "nologo":
                    result.NoLogo = true;
                    continue;
                case "skip":
                    result.Skip ??= [];
                    result.Skip.AddRange(inlineValue is not null ? inlineValue.Split(',', StringSplitOptions.RemoveEmptyEntries) : TakeValues());
                    continue;
                case "parallel":
                    var count = inlineValue ?? (i + 1 < args.Count && int.TryParse(args[i + 1], out _) ? args[++i] : null);
                    if (count is null)
                    {
                        result.MaxParallelism = Environment.ProcessorCount;
                    }
                    else if (int.TryParse(count, out var n) && n > 0)
                    {
                        result.MaxParallelism = n;
                    }
                    else
                    {
                        throw new InvalidCommandLineException($"--parallel expects a positive number of targets to run at once, not '{count}'.");
                    }

                    continue;
                case "verbosity":
                    var level = inlineValue ?? (i + 1 < args.Count && !IsOption(i + 1) ? args[++i] : null);
                    result.Verbosity = level?.ToLowerInvariant() switch
                    {
                        "quiet" or "q" or "minimal" => Verbosity.Quiet,
                        "normal" or "n" => Verbosity.Normal,
                        "verbose" or "v" or "detailed" or "diag" => Verbosity.Verbose,
                        _ => throw new InvalidCommandLineException($"--verbosity expects quiet, normal or verbose, not '{level}'."),
                    };
                    continue;
                case "profile":
                    var profile = inlineValue ?? (i + 1 < args.Count && !IsOption(i + 1) ? args[++i] : null);
                    result.Profile = profile ?? throw new InvalidCommandLineException("--profile expects a name (reads .nuke/parameters.NAME.json).");
                    continue;
            }

            if (!byOption.TryGetValue(Text.Normalize(name), out var parameter))
            {
                var candidates = EngineOptions.Concat(parameters.Select(p => p.OptionName)).Select(o => "--" + o);
                throw new InvalidParameterException(
                    null,
                    $"Unknown option '--{name}'.{Text.Suggestion("--" + Text.ToKebab(name), candidates)} Run with --help to list targets and parameters.");
            }

            List<string> values;
            if (inlineValue is not null)
            {
                values = parameter.IsList ? [.. inlineValue.Split(',', StringSplitOptions.RemoveEmptyEntries)] : [inlineValue];
            }
            else if (parameter.IsList)
            {
                values = TakeValues();
            }
            else if (parameter.IsFlag)
            {
                values = i + 1 < args.Count && IsBoolean(args[i + 1]) ? [args[++i]] : [];
            }
            else if (i + 1 < args.Count && !IsOption(i + 1))
            {
                values = [args[++i]];
            }
            else
            {
                throw new InvalidParameterException(
                    parameter.Name,
                    $"Parameter '{parameter.Name}': --{parameter.OptionName} needs a value ({ValueConverter.FriendlyName(parameter.ValueType)}).");
            }

            result.ParameterValues[parameter] = values;
        }

        return result;
    }

    private static bool IsBoolean(string value) =>
        value.ToLowerInvariant() is "true" or "false" or "yes" or "no" or "on" or "off" or "1" or "0";
}
