namespace Pipelines.Dockerfile;

internal static partial class LintRules
{
    private static IEnumerable<RuleHit> FinalStageRunsAsRoot(LintContext ctx)
    {
        var stage = ctx.Production;
        var user = ctx.Inherited(stage, "USER");
        if (user is null)
        {
            if (!ctx.RootImage(stage).Contains("nonroot", StringComparison.OrdinalIgnoreCase))
            {
                yield return new(stage.Location, $"the production stage '{stage.DisplayName}' runs as root: it sets no USER", stage.From);
            }

            yield break;
        }

        var name = user.Words.FirstOrDefault() ?? "";
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        var uid = colon < 0 ? name : name[..colon];
        if (uid is "root" or "0")
        {
            yield return new(user.Location, $"the production stage '{stage.DisplayName}' runs as root: its last USER is '{name}'", user);
        }
    }

    private static IEnumerable<RuleHit> MissingHealthcheck(LintContext ctx)
    {
        var stage = ctx.Production;
        var policy = ctx.Options.RequireHealthcheck;
        if (policy == HealthcheckPolicy.Never || (policy == HealthcheckPolicy.ExceptStatic && ctx.IsStatic(stage)))
        {
            yield break;
        }

        if (ctx.Inherited(stage, "HEALTHCHECK") is null)
        {
            yield return new(stage.Location, $"the production stage '{stage.DisplayName}' has no HEALTHCHECK", stage.From);
        }
    }

    private static IEnumerable<RuleHit> UnpinnedBaseImage(LintContext ctx)
    {
        foreach (var stage in ctx.Stages.Where(s => s.BaseKind == StageBaseKind.Image && s.ResolvedBaseImage.Length > 0))
        {
            var image = ImageReference.Parse(stage.ResolvedBaseImage);
            if (image.IsUnpinned)
            {
                var what = image.Tag is null ? "has no tag" : "uses ':latest'";
                yield return new(stage.From.ArgumentsLocation, $"base image '{stage.ResolvedBaseImage}' of stage '{stage.DisplayName}' {what}", stage.From);
            }
        }
    }

    private static readonly string[] SecretWords = ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "APIKEY", "CREDENTIAL", "CREDENTIALS", "PRIVATEKEY"];
    private static readonly string[] SecretPairs = ["API_KEY", "ACCESS_KEY", "PRIVATE_KEY", "SECRET_KEY", "AUTH_KEY", "SIGNING_KEY", "ENCRYPTION_KEY", "CLIENT_SECRET"];
    private static readonly string[] PaddedSecretPairs = SecretPairs.Select(p => "_" + p + "_").ToArray();
    private static readonly string[] HarmlessSuffixes = ["FILE", "PATH", "DIR", "ID", "NAME", "URL", "ENDPOINT", "HOST", "USER", "USERNAME", "TYPE", "LENGTH", "SIZE", "ENABLED", "REQUIRED", "MOUNT"];
    private static readonly string[] SecretValuePrefixes = ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "xoxa-", "-----BEGIN", "sk_live_", "npm_"];

    internal static bool IsSecretName(string name)
    {
        var upper = name.ToUpperInvariant().Replace('-', '_').Replace('.', '_');
        var tokens = upper.Split('_', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0 || HarmlessSuffixes.Contains(tokens[^1]))
        {
            return false;
        }

        foreach (var t in tokens)
        {
            if (SecretWords.Contains(t) || t.Contains("PASSWORD", StringComparison.Ordinal) || t.Contains("SECRET", StringComparison.Ordinal))
            {
                return true;
            }
        }

        var padded = "_" + upper + "_";
        foreach (var pair in PaddedSecretPairs)
        {
            if (padded.Contains(pair, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool LooksLikeSecretValue(string value)
    {
        if (SecretValuePrefixes.Any(p => value.StartsWith(p, StringComparison.Ordinal) && value.Length >= p.Length + 16))
        {
            return true;
        }

        return value.Length == 20 && value.StartsWith("AKIA", StringComparison.Ordinal) && value.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
    }

    private static IEnumerable<RuleHit> SecretInArgOrEnv(LintContext ctx)
    {
        foreach (var instruction in ctx.Document.Instructions)
        {
            var pairs = instruction switch
            {
                ArgInstruction arg => arg.Declarations,
                KeyValueInstruction { Keyword: "ENV" } env => env.Pairs,
                _ => [],
            };
            foreach (var pair in pairs)
            {
                if (IsSecretName(pair.Name))
                {
                    yield return new(pair.Location, $"{instruction.Keyword} {pair.Name} looks like a secret; its value is stored in the image history", instruction);
                }
                else if (pair.Value is { } value && LooksLikeSecretValue(value))
                {
                    yield return new(pair.Location, $"the value of {instruction.Keyword} {pair.Name} looks like a credential; it is stored in the image history", instruction);
                }
            }
        }
    }

    private static IEnumerable<RuleHit> ContextCopiedBeforeDependencyInstall(LintContext ctx)
    {
        foreach (var stage in ctx.Stages)
        {
            CopyInstruction? wholeCopy = null;
            foreach (var instruction in stage.Instructions)
            {
                if (wholeCopy is null && instruction is CopyInstruction copy && CopiesWholeContext(copy))
                {
                    wholeCopy = copy;
                    continue;
                }

                if (wholeCopy is not null && instruction is RunInstruction run)
                {
                    var install = ctx.Programs(run).Select(DependencyInstall).FirstOrDefault(d => d is not null);
                    if (install is not null)
                    {
                        yield return new(wholeCopy.Location, $"'{wholeCopy}' comes before the dependency install '{install}' (line {run.Location.Line}): every source change re-runs it", wholeCopy);
                        break;
                    }
                }
            }
        }
    }

    private static IEnumerable<RuleHit> AptInstallRecommends(LintContext ctx)
    {
        foreach (var stage in ctx.Stages)
        {
            foreach (var (run, commands) in Runs(ctx, stage))
            {
                if (commands.Any(c => IsApt(c, "install") && !c.Contains("--no-install-recommends") && !c.Any(w => w.Contains("Install-Recommends=false", StringComparison.OrdinalIgnoreCase) || w.Contains("Install-Recommends=0", StringComparison.OrdinalIgnoreCase))))
                {
                    yield return new(run.Location, "apt-get install without --no-install-recommends", run);
                }
            }
        }
    }

    private static IEnumerable<RuleHit> AptListsNotCleaned(LintContext ctx)
    {
        foreach (var stage in ctx.Stages.Where(s => ctx.FinalImage.Contains(s.Index)))
        {
            foreach (var (run, commands) in Runs(ctx, stage))
            {
                if (!commands.Any(c => IsApt(c, "install")))
                {
                    continue;
                }

                var cached = run.Mounts.Any(m => m.Type == "cache" && (m.Target ?? "").TrimEnd('/') is "/var/lib/apt" or "/var/lib/apt/lists");
                var cleaned = commands.Any(c => c[0] == "rm" && c.Any(w => w.StartsWith("/var/lib/apt/lists", StringComparison.Ordinal)));
                if (!cached && !cleaned)
                {
                    yield return new(run.Location, $"apt-get install in stage '{stage.DisplayName}' of the final image leaves /var/lib/apt/lists behind", run);
                }
            }
        }
    }

    private static IEnumerable<RuleHit> AptUpdateAlone(LintContext ctx)
    {
        foreach (var stage in ctx.Stages)
        {
            foreach (var (run, commands) in Runs(ctx, stage))
            {
                if (commands.Any(c => IsApt(c, "update")) && !commands.Any(c => IsApt(c, "install") || IsApt(c, "build-dep") || IsApt(c, "upgrade") || IsApt(c, "dist-upgrade")))
                {
                    yield return new(run.Location, "apt-get update runs in a RUN without an install: its cached result goes stale", run);
                }
            }
        }
    }

    private static readonly string[] ToolchainImages = ["golang", "gcc", "rust", "maven", "gradle", "buildpack-deps", "clang", "swift", "haskell", "openjdk", "sdk", "jdk"];
    private static readonly string[] ToolchainPackages = ["build-essential", "gcc", "g++", "clang", "golang-go", "golang", "default-jdk", "openjdk-17-jdk", "maven", "gradle", "cargo", "rustc", "make"];

    private static IEnumerable<RuleHit> ToolchainInFinalImage(LintContext ctx)
    {
        var stage = ctx.Production;
        var root = ctx.Chain(stage).Last();
        var image = ImageReference.Parse(ctx.RootImage(stage));
        var isJdk = image.Name is "eclipse-temurin" or "amazoncorretto" or "sapmachine" && (image.Tag ?? "").Contains("jdk", StringComparison.Ordinal);
        if (root.BaseKind == StageBaseKind.Image && (ToolchainImages.Contains(image.Name) || isJdk))
        {
            yield return new(root.From.ArgumentsLocation, $"the production stage '{stage.DisplayName}' is based on the toolchain image '{root.ResolvedBaseImage}'", root.From);
            yield break;
        }

        foreach (var chained in ctx.Chain(stage))
        {
            foreach (var (run, commands) in Runs(ctx, chained))
            {
                var package = commands.Where(c => IsApt(c, "install")).SelectMany(c => c).FirstOrDefault(w => ToolchainPackages.Contains(w));
                if (package is not null)
                {
                    yield return new(run.Location, $"the production stage '{stage.DisplayName}' installs the toolchain package '{package}'", run);
                }
            }
        }
    }

    private static IEnumerable<RuleHit> DockerignoreMissing(LintContext ctx)
    {
        var documentPath = ctx.Document.Path;
        var context = ctx.Options.ContextDirectory ?? (File.Exists(documentPath) ? Path.GetDirectoryName(Path.GetFullPath(documentPath)) : null);
        if (context is null || !Directory.Exists(context))
        {
            yield break;
        }

        var location = new SourceLocation(documentPath, 1, 1);
        var candidates = new[] { documentPath + ".dockerignore", Path.Combine(context, ".dockerignore") };
        var ignore = candidates.FirstOrDefault(File.Exists);
        if (ignore is null)
        {
            yield return new(location, $"the build context '{context}' has no .dockerignore");
            yield break;
        }

        var patterns = File.ReadAllLines(ignore).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var excludesGit = patterns.Any(p => p.TrimStart('/').TrimEnd('/') is ".git" or "**/.git" or ".git*" or "*" or "**" or ".*")
            && !patterns.Any(p => p.TrimStart('!', '/').TrimEnd('/') == ".git" && p.StartsWith('!'));
        if (!excludesGit)
        {
            yield return new(location, $"{Path.GetFileName(ignore)} ({ignore}) does not exclude .git");
        }
    }

    private static readonly string[] ArchiveSuffixes = [".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz", ".tar.zst", ".tzst", ".gz", ".bz2", ".xz"];

    private static IEnumerable<RuleHit> AddInsteadOfCopy(LintContext ctx)
    {
        foreach (var add in ctx.Stages.SelectMany(s => s.OfType<CopyInstruction>()).Where(c => c.IsAdd))
        {
            if (add.HasFlag("checksum") || add.HasFlag("keep-git-dir") || add.HasFlag("unpack"))
            {
                continue;
            }

            var remoteOrArchive = add.Sources.Any(s => s.Contains("://", StringComparison.Ordinal) || s.StartsWith("git@", StringComparison.Ordinal)
                || ArchiveSuffixes.Any(a => s.EndsWith(a, StringComparison.OrdinalIgnoreCase)));
            if (!remoteOrArchive)
            {
                yield return new(add.Location, $"ADD of local files ({string.Join(' ', add.Sources)}): COPY does the same without the surprises", add);
            }
        }
    }

    private static IEnumerable<RuleHit> ShellFormEntrypoint(LintContext ctx)
    {
        foreach (var instruction in ctx.Stages.SelectMany(s => s.Instructions).Where(i => i.Keyword is "ENTRYPOINT" or "CMD" && !i.IsJsonForm))
        {
            yield return new(instruction.Location, $"{instruction.Keyword} uses the shell form: '{instruction.Arguments}'", instruction);
        }
    }

    private static IEnumerable<RuleHit> BuilderWithoutBuildPlatform(LintContext ctx)
    {
        var multiPlatform = ctx.Options.Platforms.Count > 1
            || ctx.Document.DeclaredArgs.Any(a => a.Name is "TARGETARCH" or "TARGETOS" or "TARGETPLATFORM" or "TARGETVARIANT");
        if (!multiPlatform)
        {
            yield break;
        }

        var needed = ctx.Document.Graph.StagesNeededFor(ctx.Production).Select(s => s.Index).ToHashSet();
        var reported = new HashSet<int>();
        foreach (var stage in ctx.Stages.Where(s => needed.Contains(s.Index) && !ctx.FinalImage.Contains(s.Index) && s.OfType<RunInstruction>().Any()))
        {
            var root = ctx.Chain(stage).Last();
            if (root.BaseKind == StageBaseKind.Image && root.From.Platform is null && reported.Add(root.Index))
            {
                yield return new(root.From.Location, $"builder stage '{stage.DisplayName}' runs RUN steps for the target platform (emulated); its base '{root.DisplayName}' has no --platform=$BUILDPLATFORM", root.From);
            }
        }
    }

    private static IEnumerable<RuleHit> UnusedStage(LintContext ctx)
    {
        var targets = new[] { ctx.Options.ProductionStage, ctx.Options.TestStage }.OfType<string>().Concat(ctx.Options.Targets);
        foreach (var stage in ctx.Document.Graph.UnusedStages(targets))
        {
            yield return new(stage.Location, $"stage '{stage.DisplayName}' is needed neither by the final stage '{ctx.Document.FinalStage.DisplayName}' nor by a configured target", stage.From);
        }
    }

    private static IEnumerable<RuleHit> UnpinnedCopyFromImage(LintContext ctx)
    {
        foreach (var edge in ctx.Document.Graph.Edges.Where(e => e.Kind != StageEdgeKind.Base && e.ExternalImage is not null))
        {
            if (ImageReference.Parse(edge.ExternalImage!).IsUnpinned)
            {
                var instruction = ctx.Stages[edge.StageIndex].Instructions.LastOrDefault(i => i.Location.Line <= edge.Location.Line);
                yield return new(edge.Location, $"{(edge.Kind == StageEdgeKind.CopyFrom ? "COPY --from" : "RUN --mount from")}={edge.Reference} uses the external image '{edge.ExternalImage}' without tag or digest", instruction);
            }
        }
    }

    private static IEnumerable<RuleHit> RelativeWorkdir(LintContext ctx)
    {
        foreach (var workdir in ctx.Stages.SelectMany(s => s.WithKeyword("WORKDIR")))
        {
            var path = workdir.Words.FirstOrDefault() ?? "";
            var absolute = path.StartsWith('/') || path.StartsWith('$') || path.StartsWith('\\') || (path.Length >= 2 && path[1] == ':');
            if (!absolute)
            {
                yield return new(workdir.ArgumentsLocation, $"WORKDIR '{path}' is relative", workdir);
            }
        }
    }

    private static IEnumerable<RuleHit> CdInRun(LintContext ctx)
    {
        foreach (var (run, commands) in ctx.Stages.SelectMany(s => Runs(ctx, s)))
        {
            if (commands.Any(c => c[0] == "cd"))
            {
                yield return new(run.Location, "RUN changes directory with 'cd'", run);
            }
        }
    }

    private static IEnumerable<RuleHit> DuplicateStageName(LintContext ctx)
    {
        foreach (var group in ctx.Stages.Where(s => s.Name is not null).GroupBy(s => s.Name!, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                yield return new(duplicate.From.StageNameLocation ?? duplicate.Location, $"stage name '{group.Key}' is already used by the stage at line {first.Line}", duplicate.From);
            }
        }
    }

    private static IEnumerable<RuleHit> WholeContextInFinalImage(LintContext ctx)
    {
        foreach (var stage in ctx.Stages.Where(s => ctx.FinalImage.Contains(s.Index)))
        {
            foreach (var copy in stage.OfType<CopyInstruction>().Where(CopiesWholeContext))
            {
                yield return new(copy.Location, $"'{copy}' copies the whole build context into the image of stage '{ctx.Production.DisplayName}'", copy);
            }
        }
    }

    private static IEnumerable<RuleHit> UnknownStageReference(LintContext ctx)
        => ctx.Document.Graph.Errors.Where(e => !e.IsForwardReference).Select(e => new RuleHit(e.Location, e.Message, InstructionAt(ctx, e.Location)));

    private static IEnumerable<RuleHit> ForwardStageReference(LintContext ctx)
        => ctx.Document.Graph.Errors.Where(e => e.IsForwardReference).Select(e => new RuleHit(e.Location, e.Message, InstructionAt(ctx, e.Location)));

    private static DockerfileInstruction? InstructionAt(LintContext ctx, SourceLocation location)
        => ctx.Document.Instructions.LastOrDefault(i => i.Location.Line <= location.Line);

    private static IEnumerable<RuleHit> MaintainerDeprecated(LintContext ctx)
        => ctx.Document.Instructions.Where(i => i.Keyword == "MAINTAINER").Select(i => new RuleHit(i.Location, $"MAINTAINER {i.Arguments} is deprecated", i));

    private static readonly string[] OverridingKeywords = ["CMD", "ENTRYPOINT", "HEALTHCHECK"];

    private static IEnumerable<RuleHit> RepeatedCmdOrEntrypoint(LintContext ctx)
    {
        foreach (var stage in ctx.Stages)
        {
            foreach (var keyword in OverridingKeywords)
            {
                var instructions = stage.Instructions;
                var last = -1;
                for (var i = instructions.Count - 1; i >= 0 && last < 0; i--)
                {
                    last = instructions[i].Keyword == keyword ? i : -1;
                }

                for (var i = 0; i < last; i++)
                {
                    var ignored = instructions[i];
                    if (ignored.Keyword == keyword)
                    {
                        yield return new(ignored.Location, $"this {keyword} is overridden by the one at line {instructions[last].Location.Line}", ignored);
                    }
                }
            }
        }
    }

    private static IEnumerable<RuleHit> SudoInRun(LintContext ctx)
    {
        foreach (var run in ctx.Stages.SelectMany(s => s.OfType<RunInstruction>()))
        {
            if (ctx.Pipeline(run).Any(c => c.Words[0] == "sudo"))
            {
                yield return new(run.Location, "RUN uses sudo", run);
            }
        }
    }

    private static IEnumerable<RuleHit> AptUpgrade(LintContext ctx)
    {
        foreach (var (run, commands) in ctx.Stages.SelectMany(s => Runs(ctx, s)))
        {
            if (commands.FirstOrDefault(c => IsApt(c, "upgrade") || IsApt(c, "dist-upgrade") || IsApt(c, "full-upgrade")) is { } upgrade)
            {
                yield return new(run.Location, $"RUN upgrades packages with '{string.Join(' ', upgrade.Take(2))}'", run);
            }
        }
    }

    private static IEnumerable<RuleHit> StageNameCasing(LintContext ctx)
    {
        foreach (var stage in ctx.Stages.Where(s => s.Name is not null && s.From.Words.Count == 3))
        {
            var written = stage.From.Words[2];
            if (written != stage.Name)
            {
                yield return new(stage.From.StageNameLocation ?? stage.Location, $"stage name '{written}' is not lower case (BuildKit uses '{stage.Name}')", stage.From);
            }
        }
    }

    private static IEnumerable<RuleHit> CurlPipedToShell(LintContext ctx)
    {
        foreach (var run in ctx.Stages.SelectMany(s => s.OfType<RunInstruction>()))
        {
            var pipeline = ctx.Pipeline(run);
            for (var i = 0; i + 1 < pipeline.Count; i++)
            {
                var (words, piped) = pipeline[i];
                if (!piped)
                {
                    continue;
                }

                var next = ShellScript.Program(pipeline[i + 1].Words);
                if (ShellScript.Program(words).FirstOrDefault() is "curl" or "wget" && next.FirstOrDefault() is "sh" or "bash" or "ash" or "zsh" or "dash" or "python" or "python3")
                {
                    yield return new(run.Location, $"RUN pipes '{ShellScript.Program(words)[0]}' into '{next[0]}'", run);
                    break;
                }
            }
        }
    }
}
