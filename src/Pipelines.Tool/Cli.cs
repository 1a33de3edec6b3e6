using System.Globalization;
using Pipelines.Dockerfile;

namespace Pipelines.Tool;

/// <summary>
/// Hand-parsed command line (two commands, a handful of options: no framework needed).
/// Exit codes: 0 clean, 1 an error-severity finding, 2 usage error, unparsable Dockerfile or unknown target.
/// </summary>
internal sealed class Cli
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int Failure = 2;

    private const string Usage = """
        Usage:
          pipelines lint <Dockerfile>... [--format human|json|sarif|github] [--production-stage NAME]
                         [--test-stage NAME] [--target NAME]... [--disable PL001[,PL002]] [--context DIR]
                         [--platform OS/ARCH]... [--require-healthcheck except-static|always|never]
          pipelines stages <Dockerfile> [--target NAME] [--build-arg NAME=VALUE]... [--platform OS/ARCH]
          pipelines rules [--format markdown]
          pipelines --help | --version

        lint exits 1 when a finding has error severity, 2 when a Dockerfile cannot be parsed.
        stages exits 2 when the target is not a stage of the Dockerfile.
        Suppress a finding with '# pipelines-ignore: PL001' on the line above the instruction.
        """;

    private readonly TextWriter _out;
    private readonly TextWriter _error;

    public Cli(TextWriter output, TextWriter error)
    {
        _out = output;
        _error = error;
    }

    public int Run(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            _out.WriteLine(Usage);
            return args.Length == 0 ? Failure : Ok;
        }

        if (args[0] == "--version")
        {
            _out.WriteLine(typeof(Cli).Assembly.GetName().Version?.ToString(3));
            return Ok;
        }

        try
        {
            var options = Options.Parse(args.Skip(1));
            return args[0] switch
            {
                "lint" => Lint(options),
                "stages" => Stages(options),
                "rules" => Rules(options),
                _ => throw new UsageException($"unknown command '{args[0]}'"),
            };
        }
        catch (UsageException e)
        {
            _error.WriteLine($"pipelines: {e.Message}");
            _error.WriteLine(Usage);
            return Failure;
        }
    }

    private int Lint(Options options)
    {
        if (options.Files.Count == 0)
        {
            throw new UsageException("lint needs at least one Dockerfile");
        }

        var format = LintOutputFormat.Human;
        if (options.Single("format") is { } f && !LintReportWriter.TryParseFormat(f, out format))
        {
            throw new UsageException($"unknown format '{f}' (human, json, sarif or github)");
        }

        var lintOptions = new LintOptions
        {
            ProductionStage = options.Single("production-stage"),
            TestStage = options.Single("test-stage"),
            Targets = options.All("target"),
            DisabledRules = options.All("disable").SelectMany(d => d.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList(),
            ContextDirectory = options.Single("context"),
            Platforms = options.All("platform"),
            RequireHealthcheck = options.Single("require-healthcheck") switch
            {
                null or "except-static" => HealthcheckPolicy.ExceptStatic,
                "always" => HealthcheckPolicy.Always,
                "never" => HealthcheckPolicy.Never,
                var other => throw new UsageException($"unknown healthcheck policy '{other}' (except-static, always or never)"),
            },
        };

        var findings = new List<LintFinding>();
        var unparsable = false;
        foreach (var file in options.Files)
        {
            try
            {
                findings.AddRange(DockerfileLinter.Lint(DockerfileDocument.Load(file, options.ParseOptions()), lintOptions));
            }
            catch (DockerfileParseException e)
            {
                // human output: the message on stderr; machine formats: a PL000 finding in the report
                unparsable = true;
                if (format == LintOutputFormat.Human)
                {
                    _error.WriteLine(e.Message);
                }
                else
                {
                    findings.Add(DockerfileLinter.ParseErrorFinding(e));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                unparsable = true;
                _error.WriteLine($"{file}: cannot read: {e.Message}");
            }
        }

        _out.Write(LintReportWriter.Write(findings, format));
        if (format == LintOutputFormat.Human)
        {
            _error.WriteLine($"{options.Files.Count} Dockerfile(s): {findings.Count(x => x.Severity == LintSeverity.Error)} error(s), {findings.Count(x => x.Severity == LintSeverity.Warning)} warning(s), {findings.Count(x => x.Severity == LintSeverity.Info)} info");
        }

        return unparsable ? Failure : findings.Any(x => x.Severity == LintSeverity.Error) ? Findings : Ok;
    }

    private int Stages(Options options)
    {
        if (options.Files.Count != 1)
        {
            throw new UsageException("stages needs exactly one Dockerfile");
        }

        var path = options.Files[0];
        DockerfileDocument document;
        try
        {
            document = DockerfileDocument.Load(path, options.ParseOptions());
        }
        catch (DockerfileParseException e)
        {
            _error.WriteLine(e.Message);
            return Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _error.WriteLine($"{path}: cannot read: {e.Message}");
            return Failure;
        }

        var graph = document.Graph;
        _out.WriteLine($"{path}: {document.Stages.Count} stage(s), final stage '{document.FinalStage.DisplayName}'");
        var width = document.Stages.Max(s => s.DisplayName.Length);
        foreach (var stage in document.Stages)
        {
            var platform = stage.From.Platform is null ? "" : $" --platform={stage.ResolvedPlatform}";
            var needs = graph.DependenciesOf(stage).Select(s => s.DisplayName).ToList();
            var images = graph.Edges.Where(e => e.StageIndex == stage.Index && e.Kind != StageEdgeKind.Base && e.ExternalImage is not null).Select(e => e.ExternalImage!);
            var uses = needs.Concat(images).ToList();
            _out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {stage.Index,2} {stage.DisplayName.PadRight(width)}  line {stage.Line,-4} FROM{platform} {stage.ResolvedBaseImage}{(uses.Count == 0 ? "" : "  <- " + string.Join(", ", uses))}"));
        }

        foreach (var error in graph.Errors)
        {
            _error.WriteLine($"{error.Location}: {error.Message}");
        }

        if (options.Single("target") is not { } target)
        {
            var levels = graph.Levels().Select(l => string.Join(" ", l.Select(s => s.DisplayName)));
            _out.WriteLine("parallel levels: " + string.Join(" | ", levels));
            return Ok;
        }

        try
        {
            var stage = document.ValidateTarget(target);
            var needed = graph.StagesNeededFor(stage);
            _out.WriteLine($"target '{stage.DisplayName}' needs {needed.Count} stage(s): {string.Join(" -> ", needed.Select(s => s.DisplayName))}");
            var skipped = document.Stages.Except(needed).Select(s => s.DisplayName).ToList();
            if (skipped.Count > 0)
            {
                _out.WriteLine($"not built: {string.Join(", ", skipped)}");
            }

            return Ok;
        }
        catch (UnknownStageException e)
        {
            _error.WriteLine(e.Message);
            return Failure;
        }
    }

    private int Rules(Options options)
    {
        if (options.Single("format") is "markdown")
        {
            _out.Write(LintReportWriter.RulesMarkdown());
            return Ok;
        }

        foreach (var rule in DockerfileLinter.Rules)
        {
            _out.WriteLine($"{rule.Id} {rule.DefaultSeverity.Word()} {rule.Name}: {rule.Description} Fix: {rule.FixHint}");
        }

        return Ok;
    }
}
