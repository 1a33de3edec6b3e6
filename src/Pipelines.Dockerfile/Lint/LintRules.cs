namespace Pipelines.Dockerfile;

/// <summary>The catalogue of lint rules. Each rule: id, name, default severity, doc line, fix hint, check.</summary>
internal static partial class LintRules
{
    /// <summary>Not a check: the rule parse errors are reported under in machine-readable output (SARIF, JSON, GitHub).</summary>
    public static readonly LintRule ParseError = new("PL000", "DockerfileParseError", LintSeverity.Error,
        "The Dockerfile cannot be parsed; BuildKit rejects it too.",
        "fix the syntax at the reported position");

    public static readonly IReadOnlyList<RuleCheck> All =
    [
        new(new("PL001", "FinalStageRunsAsRoot", LintSeverity.Warning,
            "The shipped image should not run as root: a process escape then owns the container.",
            "add 'USER 65532:65532' (or another non-root uid) to the production stage"), FinalStageRunsAsRoot),
        new(new("PL002", "MissingHealthcheck", LintSeverity.Warning,
            "The production image should tell the runtime how to probe it.",
            "add 'HEALTHCHECK CMD [\"/app\", \"--healthcheck\"]' (or 'HEALTHCHECK NONE' to opt out explicitly)"), MissingHealthcheck),
        new(new("PL003", "UnpinnedBaseImage", LintSeverity.Warning,
            "A base image without a tag or with ':latest' changes under you and breaks reproducible builds.",
            "pin a version tag (debian:12-slim) or a digest (image@sha256:…)"), UnpinnedBaseImage),
        new(new("PL004", "SecretInArgOrEnv", LintSeverity.Error,
            "ARG and ENV values are stored in the image config and history; secrets there leak.",
            "pass secrets with 'RUN --mount=type=secret,id=NAME' and 'docker buildx build --secret id=NAME,…'"), SecretInArgOrEnv),
        new(new("PL005", "ContextCopiedBeforeDependencyInstall", LintSeverity.Warning,
            "Copying the whole context before installing dependencies re-runs the install on every source change.",
            "copy only the manifests first (e.g. 'COPY package.json package-lock.json ./'), install, then 'COPY . .'"), ContextCopiedBeforeDependencyInstall),
        new(new("PL006", "AptInstallRecommends", LintSeverity.Warning,
            "apt-get install without --no-install-recommends pulls in packages nobody asked for.",
            "use 'apt-get install -y --no-install-recommends …'"), AptInstallRecommends),
        new(new("PL007", "AptListsNotCleaned", LintSeverity.Warning,
            "Package lists left in /var/lib/apt/lists add megabytes to the layer.",
            "end the same RUN with '&& rm -rf /var/lib/apt/lists/*' or use a cache mount on /var/lib/apt"), AptListsNotCleaned),
        new(new("PL008", "AptUpdateAlone", LintSeverity.Warning,
            "'apt-get update' in its own RUN is cached separately, so a later install uses stale lists.",
            "run 'apt-get update && apt-get install …' in one RUN"), AptUpdateAlone),
        new(new("PL009", "ToolchainInFinalImage", LintSeverity.Warning,
            "A compiler/SDK base in the final image ships hundreds of MB of tools and attack surface.",
            "build in a builder stage and COPY --from it into a runtime, distroless or scratch base"), ToolchainInFinalImage),
        new(new("PL010", "DockerignoreMissing", LintSeverity.Warning,
            "Without a .dockerignore excluding .git, the whole repository history is sent to BuildKit and 'COPY . .' copies it.",
            "add a .dockerignore next to the build context with at least '.git'"), DockerignoreMissing),
        new(new("PL011", "AddInsteadOfCopy", LintSeverity.Warning,
            "ADD also fetches URLs and unpacks archives; for plain files COPY says what it does.",
            "use COPY; keep ADD for URLs, git sources and local archives to extract"), AddInsteadOfCopy),
        new(new("PL012", "ShellFormEntrypoint", LintSeverity.Warning,
            "Shell-form ENTRYPOINT/CMD runs under /bin/sh -c, so the process is not PID 1 and misses SIGTERM.",
            "use the exec form: ENTRYPOINT [\"/app\", \"--flag\"]"), ShellFormEntrypoint),
        new(new("PL013", "BuilderWithoutBuildPlatform", LintSeverity.Warning,
            "A builder stage of a multi-platform image without --platform=$BUILDPLATFORM runs under slow emulation.",
            "use 'FROM --platform=$BUILDPLATFORM …' in builder stages and cross-compile with $TARGETOS/$TARGETARCH"), BuilderWithoutBuildPlatform),
        new(new("PL014", "UnusedStage", LintSeverity.Info,
            "A stage neither the final stage nor a named target needs is dead code (BuildKit skips it).",
            "remove the stage, or build it as a target (test/debug stages) and configure it"), UnusedStage),
        new(new("PL015", "UnpinnedCopyFromImage", LintSeverity.Warning,
            "COPY --from an external image without tag or digest copies whatever that image is today.",
            "pin the image: COPY --from=image:1.2.3 or image@sha256:…"), UnpinnedCopyFromImage),
        new(new("PL016", "RelativeWorkdir", LintSeverity.Warning,
            "A relative WORKDIR depends on the previous WORKDIR, which a base image can change.",
            "use an absolute path: WORKDIR /app"), RelativeWorkdir),
        new(new("PL017", "CdInRun", LintSeverity.Warning,
            "'cd' in RUN only lasts for that RUN and hides where later instructions run.",
            "use WORKDIR to change directory"), CdInRun),
        new(new("PL018", "DuplicateStageName", LintSeverity.Error,
            "Two stages with the same name make --target and COPY --from ambiguous.",
            "give each stage a unique name"), DuplicateStageName),
        new(new("PL019", "WholeContextInFinalImage", LintSeverity.Warning,
            "Copying the whole build context into the shipped image ships sources, tests and build files.",
            "build in a builder stage and copy only the artefacts: COPY --from=build /out/app /app"), WholeContextInFinalImage),
        new(new("PL020", "UnknownStageReference", LintSeverity.Error,
            "COPY --from or RUN --mount from= names a stage that does not exist (BuildKit would try to pull an image).",
            "fix the stage name, or give an image reference with a tag"), UnknownStageReference),
        new(new("PL021", "ForwardStageReference", LintSeverity.Error,
            "A stage can only use stages defined before it.",
            "move the referenced stage above the one that uses it"), ForwardStageReference),
        new(new("PL022", "MaintainerDeprecated", LintSeverity.Info,
            "MAINTAINER is deprecated.",
            "use LABEL org.opencontainers.image.authors=\"…\""), MaintainerDeprecated),
        new(new("PL023", "RepeatedCmdOrEntrypoint", LintSeverity.Warning,
            "Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage takes effect.",
            "keep a single one per stage"), RepeatedCmdOrEntrypoint),
        new(new("PL024", "SudoInRun", LintSeverity.Warning,
            "sudo in a build step hides privilege changes and is rarely installed.",
            "RUN already runs as the current USER; switch with USER root / USER app around the step"), SudoInRun),
        new(new("PL025", "AptUpgrade", LintSeverity.Info,
            "apt-get upgrade in a build makes the image depend on the day it was built.",
            "use a newer base image tag instead of upgrading inside the build"), AptUpgrade),
        new(new("PL026", "StageNameCasing", LintSeverity.Info,
            "Stage names are case-insensitive and lower-cased by BuildKit; mixed case misleads readers and --target users.",
            "write stage names in lower case"), StageNameCasing),
        new(new("PL027", "CurlPipedToShell", LintSeverity.Warning,
            "Piping a downloaded script into a shell runs unreviewed, unpinned code in the build.",
            "download to a file, verify its checksum (or use ADD --checksum), then run it"), CurlPipedToShell),
    ];

    private static readonly string[] DependencyInstallCommands =
    [
        "npm ci", "npm install", "npm i", "yarn install", "yarn", "pnpm install", "pip install", "pip3 install", "poetry install",
        "pipenv install", "go mod download", "dotnet restore", "mvn dependency:go-offline", "mvn dependency:resolve",
        "gradle dependencies", "bundle install", "composer install", "cargo fetch", "mix deps.get",
    ];

    private static IEnumerable<(RunInstruction Run, List<List<string>> Commands)> Runs(LintContext ctx, DockerfileStage stage)
        => stage.OfType<RunInstruction>().Select(r => (r, ctx.Programs(r)));

    private static bool IsApt(List<string> command, string subcommand)
    {
        if (command.Count <= 1 || command[0] is not ("apt-get" or "apt"))
        {
            return false;
        }

        for (var i = 1; i < command.Count; i++)
        {
            if (!command[i].StartsWith('-'))
            {
                return command[i] == subcommand;
            }
        }

        return false;
    }

    private static readonly string[][] DependencyInstallWords = DependencyInstallCommands.Select(c => c.Split(' ')).ToArray();

    /// <summary>The dependency-install command a program starts with, or <c>null</c>.</summary>
    private static string? DependencyInstall(List<string> command)
    {
        for (var i = 0; i < DependencyInstallWords.Length; i++)
        {
            var words = DependencyInstallWords[i];
            if (command.Count < words.Length || command[0] != words[0])
            {
                continue;
            }

            var match = true;
            for (var j = 1; j < words.Length && match; j++)
            {
                match = command[j] == words[j];
            }

            if (match)
            {
                return DependencyInstallCommands[i];
            }
        }

        return null;
    }

    private static bool CopiesWholeContext(CopyInstruction copy)
        => copy.From is null && copy.Heredocs.Count == 0 && copy.Sources.Any(s => s is "." or "./" or "*" or "./*");
}
