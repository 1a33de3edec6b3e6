using System.Diagnostics;
using System.Text;
using Pipelines.Output;
using Pipelines.Parameters;

namespace Pipelines.Engine;

/// <summary>Command line → parameters → plan → execution → summary. Every error before execution is reported with exit code 2.</summary>
internal static class BuildEngine
{
    public static async Task<int> RunAsync(PipelineBuild build, string defaultTarget, IReadOnlyList<string> args, EngineContext context, CancellationToken cancellationToken)
    {
        var host = context.Host ?? build.CreateHostCore(context.Environment);
        var noColor = context.Environment.ContainsKey("NO_COLOR");
        var colors = !noColor && host.SupportsColors && (!context.OutputRedirected || host is GitHubActionsHost);
        var plain = context.OutputRedirected || host.IsContinuousIntegration;
        var output = new EngineOutput(context.Output, context.Console, plain, colors);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var root = FindRootDirectory(context.WorkingDirectory);
            build.Initialize(root, host, cancellationToken);
            var model = BuildModel.Create(build);
            var parameters = BuildParameter.Discover(build.GetType());
            var commandLine = CommandLine.Parse(args, parameters);
            output.Verbosity = commandLine.Verbosity;
            Log.Verbosity = commandLine.Verbosity;
            var resolver = new ParameterResolver(commandLine, context.Environment, root);
            if (commandLine.Help)
            {
                WriteHelp(output, build, model, parameters, resolver, defaultTarget);
                return ExitCodes.Succeeded;
            }

            var values = resolver.Resolve(build, parameters);
            build.SetParameters(values, parameters);
            var invoked = ExecutionPlan.ResolveNames(model, commandLine.Targets.Count > 0 ? commandLine.Targets : [defaultTarget]);
            var skip = commandLine.Skip is null ? null : ExecutionPlan.ResolveNames(model, commandLine.Skip);
            build.RaiseInitialized();
            var plan = ExecutionPlan.Create(model, invoked, skip);
            CheckRequirements(plan, parameters);

            if (!commandLine.NoLogo && commandLine.Verbosity >= Verbosity.Normal && !commandLine.Plan)
            {
                output.Dim($"Pipelines · {string.Join(", ", invoked.Select(t => t.Name))} · {host.Name} · {root}");
            }

            if (commandLine.Plan || commandLine.DryRun)
            {
                WritePlan(output, plan, commandLine.MaxParallelism);
                if (commandLine.Plan)
                {
                    var file = WriteMermaid(model, plan, build.TemporaryDirectory);
                    output.Line($"Mermaid graph: {file}");
                }

                if (commandLine.DryRun)
                {
                    output.Line("Dry run: no target was executed.");
                }

                return ExitCodes.Succeeded;
            }

            var executor = new Executor(output, host, commandLine.MaxParallelism);
            var results = await executor.RunAsync(plan, cancellationToken).ConfigureAwait(false);
            build.RaiseFinished();
            return Finish(output, results, stopwatch.Elapsed, commandLine.Verbosity, cancellationToken.IsCancellationRequested);
        }
        catch (PipelinesException exception)
        {
            output.Error(exception.Message);
            return ExitCodes.InvalidBuild;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // a bug in the build class (constructor, OnBuildInitialized, a property) or in the engine: show everything
            output.Error(SecretMasker.Redact($"The build crashed: {exception}"));
            return ExitCodes.TargetFailed;
        }
        finally
        {
            output.Flush();
        }
    }

    /// <summary>The nearest directory at or above <paramref name="workingDirectory"/> that contains <c>.nuke</c>; the working directory when none does.</summary>
    public static AbsolutePath FindRootDirectory(string workingDirectory)
    {
        for (var directory = new DirectoryInfo(workingDirectory); directory is not null; directory = directory.Parent)
        {
            var marker = Path.Combine(directory.FullName, ".nuke");
            if (Directory.Exists(marker) || File.Exists(marker))
            {
                return AbsolutePath.Create(directory.FullName);
            }
        }

        return AbsolutePath.Create(workingDirectory);
    }

    private static int Finish(EngineOutput output, List<TargetResult> results, TimeSpan elapsed, Verbosity verbosity, bool cancelled)
    {
        if (verbosity >= Verbosity.Normal || cancelled || results.Any(r => r.Status == TargetStatus.Failed))
        {
            output.Line();
            output.Summary(results);
        }

        var duration = Text.FormatDuration(elapsed);
        if (cancelled)
        {
            var running = results.Where(r => r.Status == TargetStatus.Cancelled).Select(r => r.Name).ToList();
            var notRun = results.Where(r => r.Status == TargetStatus.NotRun).Select(r => r.Name).ToList();
            output.Error($"Build cancelled after {duration}. Cancelled: {Names(running)}. Not run: {Names(notRun)}.");
            return ExitCodes.Cancelled;
        }

        var failed = results.Where(r => r.Status == TargetStatus.Failed).Select(r => r.Name).ToList();
        if (failed.Count > 0)
        {
            output.Error($"Build failed in {duration}: {string.Join(", ", failed)} failed.");
            return ExitCodes.TargetFailed;
        }

        output.Success($"Build succeeded in {duration}.");
        return ExitCodes.Succeeded;
    }

    private static string Names(List<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);

    private static void CheckRequirements(ExecutionPlan plan, IReadOnlyList<BuildParameter> parameters)
    {
        var errors = new List<string>();
        string? first = null;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in plan.Order.Where(t => !plan.Skipped.ContainsKey(t)))
        {
            foreach (var requirement in target.Definition.Requirements)
            {
                var member = MemberNames.MemberOf(requirement);
                object? value;
                try
                {
                    value = MemberNames.Evaluate(requirement);
                }
                catch (Exception)
                {
                    value = null;
                }

                if (value is not null && !(value is string text && string.IsNullOrWhiteSpace(text)))
                {
                    continue;
                }

                var name = member?.Name ?? requirement.Body.ToString();
                if (!reported.Add(name))
                {
                    continue;
                }

                first ??= name;
                var parameter = parameters.FirstOrDefault(p => p.Member.Name == name || p.Name == name);
                errors.Add(parameter is null
                    ? $"Target '{target.Name}' requires '{name}', which has no value (it is not a [Parameter]; set it before the build starts)."
                    : $"Missing required parameter '{parameter.Name}' (needed by target '{target.Name}'). Supply it with one of:{Environment.NewLine}{parameter.HowToSupply()}");
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidParameterException(first, string.Join(Environment.NewLine, errors));
        }
    }

    private static void WriteHelp(EngineOutput output, PipelineBuild build, BuildModel model, IReadOnlyList<BuildParameter> parameters, ParameterResolver resolver, string defaultTarget)
    {
        output.Line("Usage: build [targets...] [--parameter value...] [options]");
        output.Line();
        output.Line("Targets:");
        var listed = model.Targets.Where(t => !t.Definition.IsUnlisted).ToList();
        var width = listed.Count == 0 ? 0 : listed.Max(t => t.Name.Length) + 2;
        foreach (var target in listed)
        {
            var line = new StringBuilder("  ").Append(target.Name.PadRight(width));
            if (string.Equals(target.Name, defaultTarget, StringComparison.OrdinalIgnoreCase))
            {
                line.Append("(default) ");
            }

            line.Append(target.Definition.DescriptionText);
            if (target.Dependencies.Count > 0)
            {
                line.Append(target.Definition.DescriptionText is null ? string.Empty : "; ").Append("depends on ").Append(string.Join(", ", target.Dependencies.Select(d => d.Name)));
            }

            output.Line(line.ToString().TrimEnd());
        }

        if (parameters.Count > 0)
        {
            output.Line();
            output.Line("Parameters:");
            var options = parameters.Select(p => (Parameter: p, Option: $"--{p.OptionName} <{ValueConverter.FriendlyName(p.ValueType)}>")).ToList();
            var optionWidth = options.Max(o => o.Option.Length) + 2;
            foreach (var (parameter, option) in options)
            {
                var source = resolver.FindSource(parameter);
                string current;
                if (source is not null)
                {
                    current = $"{(parameter.IsSecret ? SecretMasker.Mask : string.Join(' ', source.Values))} from {source.Description}";
                }
                else
                {
                    var value = parameter.CanInject ? parameter.ReadInjected(build) : parameter.ReadThroughGetter(build);
                    current = value is null ? "not set" : $"{(parameter.IsSecret ? SecretMasker.Mask : Format(value))} (default)";
                }

                var secret = parameter.IsSecret ? " (secret)" : string.Empty;
                output.Line($"  {option.PadRight(optionWidth)}{parameter.Description}{secret} [{current}]".Replace("  [", " [", StringComparison.Ordinal));
            }
        }

        output.Line();
        output.Line("Options:");
        output.Line("  --skip [targets...]     skip these targets (all but the invoked ones when none are named)");
        output.Line("  --parallel [N]          run up to N independent targets at once (default: processor count)");
        output.Line("  --plan                  print the execution plan and write .nuke/temp/plan.mmd");
        output.Line("  --dry-run               print what would run, run nothing");
        output.Line("  --verbosity <level>     quiet, normal (default) or verbose");
        output.Line("  --profile <name>        also read .nuke/parameters.<name>.json");
        output.Line("  --no-logo               no header line");
        output.Line("  --help, -h              this help");
        output.Line();
        output.Line("Parameters come from --kebab-name on the command line, then UPPER_SNAKE environment variables, then .nuke/parameters.json.");
    }

    private static string Format(object value) =>
        value is System.Collections.IEnumerable items and not string
            ? string.Join(' ', items.Cast<object?>())
            : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    private static void WritePlan(EngineOutput output, ExecutionPlan plan, int maxParallelism)
    {
        var runs = plan.Order.Count(t => !plan.Skipped.ContainsKey(t));
        output.Line($"Execution plan ({runs} of {plan.Order.Count} targets run{(maxParallelism > 1 ? $", up to {maxParallelism} at once" : string.Empty)}):");
        var width = plan.Order.Max(t => t.Name.Length) + 2;
        var index = 0;
        foreach (var target in plan.Order)
        {
            var notes = new List<string>();
            if (plan.Skipped.TryGetValue(target, out var reason))
            {
                notes.Add($"skipped: {reason}");
            }

            if (target.Dependencies.Count > 0)
            {
                notes.Add("depends on " + string.Join(", ", target.Dependencies.Select(d => d.Name)));
            }

            var after = target.RunsAfter.Where(plan.Contains).Except(target.Dependencies).ToList();
            if (after.Count > 0)
            {
                notes.Add("after " + string.Join(", ", after.Select(d => d.Name)));
            }

            if (plan.Invoked.Contains(target))
            {
                notes.Add("invoked");
            }

            output.Line($"  {++index,2}. {target.Name.PadRight(width)}{string.Join("; ", notes)}".TrimEnd());
        }
    }

    /// <summary>Mermaid node id: the target name, suffixed when it is a Mermaid keyword (<c>end</c> breaks a flowchart).</summary>
    private static string Node(TargetInfo target) =>
        target.Name.ToLowerInvariant() is "end" or "graph" or "subgraph" or "class" or "classdef" or "style" or "click" or "linkstyle" or "flowchart"
            ? target.Name + "_"
            : target.Name;

    private static string WriteMermaid(BuildModel model, ExecutionPlan plan, AbsolutePath temporaryDirectory)
    {
        var text = new StringBuilder("graph LR\n");
        foreach (var target in model.Targets)
        {
            text.Append("  ").Append(Node(target)).Append('[').Append(target.Name).Append("]\n");
        }

        foreach (var target in model.Targets)
        {
            foreach (var dependency in target.Dependencies)
            {
                text.Append("  ").Append(Node(dependency)).Append(" --> ").Append(Node(target)).Append('\n');
            }

            foreach (var predecessor in target.RunsAfter.Except(target.Dependencies))
            {
                var arrow = predecessor.Triggers.Contains(target) ? " ==> " : " -.-> ";
                text.Append("  ").Append(Node(predecessor)).Append(arrow).Append(Node(target)).Append('\n');
            }
        }

        text.Append("  classDef run fill:#d4f7d4,stroke:#2b8a3e;\n  classDef skipped fill:#eee,stroke:#999,stroke-dasharray:4;\n");
        var runs = plan.Order.Where(t => !plan.Skipped.ContainsKey(t)).ToList();
        if (runs.Count > 0)
        {
            text.Append("  class ").Append(string.Join(',', runs.Select(Node))).Append(" run;\n");
        }

        if (plan.Skipped.Count > 0)
        {
            text.Append("  class ").Append(string.Join(',', plan.Skipped.Keys.Select(Node))).Append(" skipped;\n");
        }

        var file = temporaryDirectory / "plan.mmd";
        temporaryDirectory.CreateDirectory();
        File.WriteAllText(file, text.ToString());
        return file;
    }
}
