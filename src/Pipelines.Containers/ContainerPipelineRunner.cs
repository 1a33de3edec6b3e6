using System.Globalization;
using System.Text.Json;
using Pipelines.Docker;
using Pipelines.Dockerfile;
using Pipelines.Output;
using Pipelines.Tooling;

namespace Pipelines.Containers;

/// <summary>
/// Runs the pipeline steps over a set of images and keeps what each step learned for the next one (the targets of
/// <see cref="IContainerPipeline"/> call it; it is usable without the target engine too). Steps:
/// <see cref="LintAsync"/>, <see cref="TestAsync"/>, <see cref="BuildAsync"/>, <see cref="VerifyAsync"/>, <see cref="PublishAsync"/>.
/// </summary>
public sealed class ContainerPipelineRunner
{
    private readonly Dictionary<string, ImageState> _states = new(StringComparer.Ordinal);
    private readonly List<ContainerImage> _images;
    private GitContext? _git;

    /// <summary>Creates a runner for <paramref name="images"/> (names must be unique).</summary>
    public ContainerPipelineRunner(ContainerPipelineSettings settings, IEnumerable<ContainerImage> images)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(images);
        Settings = settings;
        _images = [.. images];
        if (_images.Count == 0)
        {
            throw new ContainerPipelineException("The container pipeline has no images: implement IContainerPipeline.Images, e.g. `IEnumerable<ContainerImage> IContainerPipeline.Images => [Image(\"api\")];`.");
        }

        if (_images.GroupBy(i => i.Name).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ContainerPipelineException($"Image '{duplicate.Key}' is declared twice.");
        }

        if (!string.IsNullOrEmpty(settings.Registry))
        {
            ImageNames.ValidateRegistry(settings.Registry);
        }

        ImageNames.ValidateRepository(settings.Repository);
    }

    /// <summary>The settings.</summary>
    public ContainerPipelineSettings Settings { get; }

    /// <summary>The images.</summary>
    public IReadOnlyList<ContainerImage> Images => _images;

    /// <summary>True once <see cref="TestAsync"/> ran (then <see cref="BuildAsync"/> does not build the test stages again).</summary>
    public bool Tested { get; private set; }

    /// <summary>Overrides the git context (tests; otherwise read from the root directory on first use).</summary>
    public GitContext? Git { get => _git; set => _git = value; }

    /// <summary>Lints every image's Dockerfile (and checks the declared stages exist); errors fail, warnings are printed.</summary>
    public Task<IReadOnlyList<LintFinding>> LintAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<LintFinding>();
        var errors = new List<string>();
        foreach (var image in _images)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var resolved = Resolve(image);
            var options = LintOptions.Default with
            {
                ProductionStage = resolved.ProductionStage,
                TestStage = resolved.TestStage,
                ContextDirectory = resolved.Context,
                Platforms = [.. resolved.Platforms.Select(p => p.ToString())],
                Targets = [.. image.Stages.Values.Concat(DevelopmentStages.Where(stage => resolved.Document.FindStage(stage) is not null)).Distinct(StringComparer.Ordinal)],
            };
            var findings = DockerfileLinter.Lint(resolved.Document, options);
            foreach (var finding in findings)
            {
                var line = $"{image.Name}: {Path.GetFileName(finding.Location.File)}:{finding.Location.Line} {finding.RuleId} {finding.RuleName}: {finding.Message}";
                switch (finding.Severity)
                {
                    case LintSeverity.Error:
                        errors.Add(line);
                        Log.Error(line);
                        break;
                    case LintSeverity.Warning:
                        Log.Warning(line);
                        break;
                    default:
                        Log.Information(line);
                        break;
                }
            }

            all.AddRange(findings);
        }

        if (errors.Count > 0)
        {
            throw new ContainerPipelineException($"Lint found {errors.Count} error(s):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", errors)}");
        }

        Log.Information($"Lint: {_images.Count} Dockerfile(s), {all.Count} finding(s), no errors.");
        return Task.FromResult<IReadOnlyList<LintFinding>>(all);
    }

    /// <summary>
    /// Builds every image's test stage for the build platform in one bake solve, exports it to
    /// <c>artifacts/test-results/IMAGE</c> (even when tests fail: the stage records the exit code), reads JUnit/TRX results
    /// and fails naming the failed tests.
    /// </summary>
    public async Task<IReadOnlyList<TestRunReport>> TestAsync(CancellationToken cancellationToken = default)
    {
        var resolved = _images.Select(Resolve).Where(r => r.TestStage is not null).ToList();
        if (resolved.Count == 0)
        {
            Log.Information("Test: no image has a test stage.");
            Tested = true;
            return [];
        }

        var targets = resolved.Select(TestTarget).ToList();
        await BakeRunner.RunAsync(targets, WorkDirectory, Settings.RootDirectory, cancellationToken).ConfigureAwait(false);
        Tested = true;
        return EvaluateTests(resolved);
    }

    /// <summary>
    /// Builds the production stage of every image for all its platforms in one bake solve (with the test stages when
    /// <see cref="TestAsync"/> did not run, and the single-stage baselines), exporting each image as an OCI layout under
    /// <c>artifacts/oci/IMAGE</c>, with cache import/export per <see cref="CacheStrategy"/>.
    /// </summary>
    public async Task BuildAsync(CancellationToken cancellationToken = default)
    {
        var git = await GitAsync(cancellationToken).ConfigureAwait(false);
        var tags = TagRules.Compute(git);
        var resolved = _images.Select(Resolve).ToList();
        var targets = new List<BakeTarget>();
        foreach (var image in resolved)
        {
            var state = State(image.Image);
            var oci = Path.Combine(Settings.Artifacts, "oci", image.TargetName());
            DeleteDirectory(oci);
            state.OciDirectory = oci;
            var cache = CachePlanFor(image, null);
            state.Cache = cache;
            targets.Add(new BakeTarget
            {
                Name = image.TargetName(),
                Context = image.Context,
                Dockerfile = image.Dockerfile,
                Stage = image.ProductionStage,
                Platforms = image.Platforms,
                Args = image.Image.BuildArgs,
                Labels = Labels(image.Image, git, tags),
                Secrets = image.Image.Secrets,
                Contexts = image.Image.BuildContexts,
                CacheFrom = cache.From,
                CacheTo = cache.To,
                Outputs = [BuildOutput.Oci(oci).With("tar", "false")],
            });
            if (image.BaselineDockerfile is not null || image.BaselineStage is not null)
            {
                targets.Add(new BakeTarget
                {
                    Name = image.TargetName("baseline"),
                    Context = image.Context,
                    Dockerfile = image.BaselineDockerfile ?? image.Dockerfile,
                    Stage = image.BaselineStage,
                    Args = image.Image.BuildArgs,
                    Secrets = image.Image.Secrets,
                    Contexts = image.Image.BuildContexts,
                    Outputs = [BuildOutput.Image(BaselineName(image))],
                });
            }
        }

        var testImages = Tested ? [] : resolved.Where(r => r.TestStage is not null).ToList();
        targets.AddRange(testImages.Select(TestTarget));
        var bake = await BakeRunner.RunAsync(targets, WorkDirectory, Settings.RootDirectory, cancellationToken).ConfigureAwait(false);
        foreach (var image in resolved)
        {
            var state = State(image.Image);
            state.IndexDigest = bake.Digests.GetValueOrDefault(image.TargetName()) ?? new OciLayout(state.OciDirectory!).Root().Digest;
            state.Duration = bake.Duration;
            var hits = new[] { image.TargetName(), image.TargetName("test"), image.TargetName("baseline") }
                .Select(t => bake.CacheHits.GetValueOrDefault(t)).ToList();
            state.CachedSteps = hits.Sum(h => h.Cached);
            state.TotalSteps = hits.Sum(h => h.Total);
            if (image.BaselineDockerfile is not null || image.BaselineStage is not null)
            {
                var size = await Tool.RunAsync(new ToolCommand("docker", ["image", "inspect", "--format", "{{.Size}}", BaselineName(image)]) { StreamOutput = false }, cancellationToken).ConfigureAwait(false);
                state.Baseline = new ByteSize(long.Parse(size.StandardOutput.Trim(), CultureInfo.InvariantCulture));
                state.BaselineSource = image.BaselineStage is { } stage ? $"stage {stage}" : Path.GetFileName(image.BaselineDockerfile);
            }

            Log.Information($"Build: {image.Name} {string.Join(",", image.Platforms)} -> {state.IndexDigest} ({state.CachedSteps}/{state.TotalSteps} steps cached)");
        }

        if (testImages.Count > 0)
        {
            Tested = true;
            EvaluateTests(testImages);
        }
    }

    /// <summary>Verifies every built image, per platform, from its OCI layout: budget, non-root, healthcheck, minimality, secrets. Fails listing every broken rule.</summary>
    public Task<IReadOnlyList<VerificationFinding>> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var findings = new List<VerificationFinding>();
        foreach (var image in _images)
        {
            var state = State(image);
            if (state.OciDirectory is null || !Directory.Exists(state.OciDirectory))
            {
                throw new ContainerPipelineException($"Verify: image '{image.Name}' was not built; run the Build target first.");
            }

            var layout = new OciLayout(state.OciDirectory);
            var digest = layout.Root().Digest;
            if (state.IndexDigest is { } built && built != digest)
            {
                throw new ContainerPipelineException($"Verify: image '{image.Name}': the OCI layout holds {digest} but the build reported {built}.");
            }

            state.IndexDigest = digest;
            state.Facts = ImageInspector.Inspect(layout, cancellationToken);
            state.Findings = [.. state.Facts.SelectMany(facts => VerificationRules.Check(image, facts))];
            state.VerifiedDigest = digest;
            findings.AddRange(state.Findings);
            foreach (var facts in state.Facts)
            {
                Log.Information($"Verify: {image.Name} ({facts.Platform}) {new ByteSize(facts.CompressedSize)} compressed, {new ByteSize(facts.UncompressedSize)} uncompressed, {facts.Layers.Count} layers, user '{facts.User}'");
            }
        }

        if (findings.Count > 0)
        {
            foreach (var finding in findings)
            {
                Log.Error(finding.ToString());
            }

            throw new ContainerPipelineException($"Verify failed: {findings.Count} rule(s) broken:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", findings)}");
        }

        return Task.FromResult<IReadOnlyList<VerificationFinding>>(findings);
    }

    /// <summary>
    /// Publishes the verified images: pushes each OCI layout by digest (no tag), and only when every image and platform
    /// is in the registry, creates each image's tags in one <c>imagetools create</c>, then checks every tag points at the
    /// verified digest. Returns the published references.
    /// </summary>
    public async Task<IReadOnlyList<string>> PublishAsync(CancellationToken cancellationToken = default)
    {
        if (!Settings.Push)
        {
            Log.Information("Publish: push is disabled (--push false); nothing published.");
            return [];
        }

        if (string.IsNullOrWhiteSpace(Settings.Registry))
        {
            throw new ContainerPipelineException("Publish needs a registry: set --registry (e.g. ghcr.io) or .nuke/parameters.json \"Registry\".");
        }

        foreach (var image in _images)
        {
            if (State(image).VerifiedDigest is null)
            {
                throw new ContainerPipelineException($"Publish: image '{image.Name}' was not verified; run the Verify target first (only verified digests are published).");
            }
        }

        await LoginAsync(cancellationToken).ConfigureAwait(false);
        var git = await GitAsync(cancellationToken).ConfigureAwait(false);
        var computed = TagRules.Compute(git);
        if (computed.Tags.Count == 0 && _images.FirstOrDefault(i => i.ExtraTags.Count == 0) is { } untagged)
        {
            throw new ContainerPipelineException(
                $"Publish: no tags for image '{untagged.Name}': {Settings.RootDirectory} is not a git work tree with a commit (tags come from git) and the image declares none (.WithTags(\"…\")). Nothing was pushed.");
        }

        using var registry = new RegistryClient(Settings.Registry, Settings.RegistryUsername, Settings.RegistryPassword);

        // 1. every image, every platform, by digest: no tag yet
        foreach (var image in _images)
        {
            var state = State(image);
            var path = Settings.RepositoryPathOf(image);
            await PushLayoutAsync(registry, path, new OciLayout(state.OciDirectory!), cancellationToken).ConfigureAwait(false);
            Log.Information($"Publish: pushed {Settings.RepositoryOf(image)}@{state.VerifiedDigest} by digest");
        }

        // 2. tags, one imagetools create per image, then check them
        var published = new List<string>();
        foreach (var image in _images)
        {
            var state = State(image);
            var repository = Settings.RepositoryOf(image)!;
            var tags = computed.Tags.Concat(image.ExtraTags).Distinct(StringComparer.Ordinal).ToList();
            var create = new ImagetoolsCreateSettings()
                .AddSources($"{repository}@{state.VerifiedDigest}")
                .SetPreferIndex(true);
            create = tags.Aggregate(create, (s, tag) => s.AddTag($"{repository}:{tag}"));
            await Tool.RunAsync(new ToolCommand("docker", create.Render()) { WorkingDirectory = Settings.RootDirectory }, cancellationToken).ConfigureAwait(false);
            foreach (var tag in tags)
            {
                var digest = await registry.GetManifestDigestAsync(Settings.RepositoryPathOf(image), tag, cancellationToken).ConfigureAwait(false);
                if (digest != state.VerifiedDigest)
                {
                    throw new ContainerPipelineException($"Publish: {repository}:{tag} points at {digest ?? "nothing"}, not the verified {state.VerifiedDigest}.");
                }

                published.Add($"{repository}:{tag}");
            }

            state.Tags = tags;
            state.Published = true;
            Log.Information($"Publish: {repository}@{state.VerifiedDigest} tagged {string.Join(", ", tags)}");
        }

        return published;
    }

    /// <summary>Builds stage <paramref name="stage"/> of <paramref name="image"/> for the local platform and loads it into the engine as <paramref name="tag"/>.</summary>
    public async Task<string> LoadStageAsync(ContainerImage image, string stage, string tag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        var resolved = Resolve(image);
        string name;
        try
        {
            name = resolved.Document.ValidateTarget(stage).DisplayName;
        }
        catch (UnknownStageException exception)
        {
            throw new ContainerPipelineException($"Image '{image.Name}': {exception.Message}", exception);
        }

        var settings = new BuildxBuildSettings()
            .SetContext(resolved.Context)
            .SetFile(resolved.Dockerfile)
            .SetTarget(name)
            .AddTag(tag) with
        {
            Load = true,
            BuildArgs = image.BuildArgs,
            Secrets = image.Secrets,
            BuildContexts = image.BuildContexts,
            CacheFrom = CachePlanFor(resolved, null).From,
            Progress = ProgressMode.Plain,
        };
        await Tool.RunAsync(new ToolCommand("docker", settings.Render()) { WorkingDirectory = Settings.RootDirectory }, cancellationToken).ConfigureAwait(false);
        Log.Information($"Loaded {image.Name} stage {name} as {tag}");
        return tag;
    }

    /// <summary>
    /// Loads the production image <see cref="BuildAsync"/> built for <paramref name="image"/> into the engine as
    /// <see cref="ContainerImage.Local"/> (<c>NAME:local</c>), from its OCI layout (no rebuild), for the build platform
    /// (or the image's first platform, emulated, when it is not built for the build platform), and checks the engine
    /// holds the built digest. Returns the platform loaded, e.g. to pass to <c>docker run --platform</c>.
    /// </summary>
    public async Task<Platform> LoadLocalAsync(ContainerImage image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        var state = State(image);
        if (state.OciDirectory is null || !Directory.Exists(state.OciDirectory))
        {
            throw new ContainerPipelineException($"Image '{image.Name}' was not built; run the Build target first (the local image is loaded from its OCI layout).");
        }

        var layout = new OciLayout(state.OciDirectory);
        var root = layout.Root();
        var expected = state.VerifiedDigest ?? state.IndexDigest;
        if (expected is not null && expected != root.Digest)
        {
            throw new ContainerPipelineException($"Image '{image.Name}': the OCI layout holds {root.Digest} but the build reported {expected}.");
        }

        var resolved = Resolve(image);
        var platform = BuildPlatformOf(resolved.Platforms);
        var tarball = Path.Combine(Settings.RootDirectory, ".pipelines", "load", $"{resolved.TargetName()}.tar");
        Directory.CreateDirectory(Path.GetDirectoryName(tarball)!);
        try
        {
            await WriteLoadableTarAsync(layout, root, image, tarball, cancellationToken).ConfigureAwait(false);
            await Tool.RunAsync(new ToolCommand("docker", ["load", "--input", tarball, "--platform", platform.ToString()]) { StreamOutput = false }, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(tarball);
        }

        var id = (await Tool.RunAsync(new ToolCommand("docker", ["image", "inspect", "--format", "{{.Id}}", image.Local]) { StreamOutput = false }, cancellationToken).ConfigureAwait(false)).StandardOutput.Trim();
        if (id != root.Digest)
        {
            throw new ContainerPipelineException($"Image '{image.Name}': the engine holds {image.Local} as {id}, not the built {root.Digest}.");
        }

        Log.Information($"Loaded {image.Name} ({platform}) {root.Digest} as {image.Local}");
        return platform;
    }

    /// <summary>
    /// Loads every built image as <see cref="ContainerImage.Local"/> (<see cref="LoadLocalAsync"/>) and runs its
    /// <see cref="ContainerImage.SmokeTests"/> in throw-away containers (<c>--rm --pull never --network none</c>); fails
    /// naming the image, arguments, exit code and output of every failed test. Returns the number of tests run.
    /// </summary>
    public async Task<int> RunSmokeTestsAsync(CancellationToken cancellationToken = default)
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var image in _images)
        {
            var platform = await LoadLocalAsync(image, cancellationToken).ConfigureAwait(false);
            foreach (var test in image.SmokeTests)
            {
                count++;
                var failure = await RunSmokeTestAsync(image, platform, test, cancellationToken).ConfigureAwait(false);
                if (failure is null)
                {
                    Log.Information($"Run: {image.Local} {test.Describe()}: ok");
                }
                else
                {
                    Log.Error(failure);
                    failures.Add(failure);
                }
            }
        }

        if (failures.Count > 0)
        {
            throw new ContainerPipelineException($"Smoke tests failed: {failures.Count} of {count}:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", failures)}");
        }

        Log.Information($"Run: {count} smoke test(s) passed.");
        return count;
    }

    /// <summary>The report of what ran so far.</summary>
    public PipelineReport Report() => new()
    {
        Images = [.. _images.Select(image =>
        {
            var state = State(image);
            return new ImageReport
            {
                Image = image.Name,
                Repository = Settings.RepositoryOf(image),
                Digest = state.VerifiedDigest ?? state.IndexDigest,
                Platforms = [.. (state.Facts ?? []).Select(f => new PlatformReport
                {
                    Platform = f.Platform,
                    ManifestDigest = f.ManifestDigest,
                    CompressedSize = new ByteSize(f.CompressedSize),
                    UncompressedSize = new ByteSize(f.UncompressedSize),
                    WastedSize = new ByteSize(f.WastedBytes),
                    User = f.User,
                    HasHealthcheck = f.Healthcheck is not null,
                    Layers = f.Layers,
                })],
                Budget = image.SizeBudget,
                Baseline = state.Baseline,
                BaselineSource = state.BaselineSource,
                Tests = state.Tests,
                Tags = state.Tags,
                Published = state.Published,
                CachedSteps = state.CachedSteps,
                TotalSteps = state.TotalSteps,
                BuildDuration = state.Duration,
                Findings = state.Findings,
            };
        })],
    };

    /// <summary>The cache plan of an image (exposed for reports and tests).</summary>
    public CachePlan CachePlanFor(ContainerImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return CachePlanFor(Resolve(image), null);
    }

    /// <summary>Stages the <c>Dev</c>/<c>Debug</c> targets build by default (so Lint does not call them unused).</summary>
    internal static IReadOnlyList<string> DevelopmentStages { get; } = ["development", "dev", "debug"];

    private string WorkDirectory => Path.Combine(Settings.RootDirectory, ".pipelines", "bake");

    private ImageState State(ContainerImage image)
    {
        if (!_states.TryGetValue(image.Name, out var state))
        {
            _states[image.Name] = state = new ImageState();
        }

        return state;
    }

    private ResolvedImage Resolve(ContainerImage image)
    {
        var state = State(image);
        if (state.Resolved is null)
        {
            try
            {
                state.Resolved = ResolvedImage.Resolve(image, Settings);
            }
            catch (UnknownStageException exception)
            {
                throw new ContainerPipelineException($"Image '{image.Name}': {exception.Message}", exception);
            }
        }

        return state.Resolved;
    }

    private CachePlan CachePlanFor(ResolvedImage image, string? variant)
    {
        var name = variant is null ? image.Name : $"{image.Name}-{variant}";
        var repository = Settings.RepositoryOf(image.Image);
        var local = Path.Combine(Settings.RootDirectory, ".pipelines", "cache", image.TargetName(variant));
        var plan = CacheStrategy.Select(Settings.Cache, name.Replace('/', '-'), image.Platforms, repository, local, Settings.Env);
        if (variant is not null && plan.Backend == CacheBackend.Registry)
        {
            var reference = $"{repository}:buildcache-{variant}";
            plan = plan with
            {
                From = [CacheEntry.Registry(reference), CacheEntry.Registry($"{repository}:buildcache")],
                To = [CacheEntry.Registry(reference, Docker.CacheMode.Max, ignoreError: true)],
            };
        }

        return plan;
    }

    private BakeTarget TestTarget(ResolvedImage image)
    {
        var destination = Path.Combine(Settings.Artifacts, "test-results", image.TargetName());
        DeleteDirectory(destination);
        var cache = CachePlanFor(image, "test");
        return new BakeTarget
        {
            Name = image.TargetName("test"),
            Context = image.Context,
            Dockerfile = image.Dockerfile,
            Stage = image.TestStage,
            Args = image.Image.BuildArgs,
            Secrets = image.Image.Secrets,
            Contexts = image.Image.BuildContexts,
            CacheFrom = cache.From,
            CacheTo = cache.To,
            Outputs = [BuildOutput.Local(destination)],
        };
    }

    private IReadOnlyList<TestRunReport> EvaluateTests(IReadOnlyList<ResolvedImage> images)
    {
        var reports = new List<TestRunReport>();
        foreach (var image in images)
        {
            var report = TestResultReader.ReadDirectory(image.Name, Path.Combine(Settings.Artifacts, "test-results", image.TargetName()));
            State(image.Image).Tests = report;
            reports.Add(report);
            if (report.Succeeded)
            {
                Log.Information($"Test: {report.Summary}");
            }
            else
            {
                Log.Error($"Test: {report.Summary}");
                foreach (var failed in report.Failed)
                {
                    Log.Error($"  FAIL {failed.FullName}: {failed.Message}");
                }
            }
        }

        var failures = reports.Where(r => !r.Succeeded).ToList();
        if (failures.Count > 0)
        {
            throw new ContainerPipelineException(
                $"Tests failed:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", failures.Select(r => r.Files.Count == 0 && r.ExitCode is null ? $"{r.Image}: the test stage exported no results to {r.ResultsDirectory} (expected /test-results/junit.xml and /test-results/exit-code)" : r.Summary))}");
        }

        return reports;
    }

    private IReadOnlyList<KeyValuePair<string, string>> Labels(ContainerImage image, GitContext git, ImageTags tags)
    {
        var labels = new List<KeyValuePair<string, string>>
        {
            new("org.opencontainers.image.title", image.Name),
            new("org.opencontainers.image.version", tags.Version),
            new("org.opencontainers.image.created", (git.CommitTime ?? DateTimeOffset.UtcNow).ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
        };
        if (git.Sha.Length > 0)
        {
            labels.Add(new("org.opencontainers.image.revision", git.Sha));
        }

        if (git.SourceUrl is { } source)
        {
            labels.Add(new("org.opencontainers.image.source", source));
        }

        if (image.Description is { } description)
        {
            labels.Add(new("org.opencontainers.image.description", description));
        }

        if (Settings.Licenses is { } licenses)
        {
            labels.Add(new("org.opencontainers.image.licenses", licenses));
        }

        return labels;
    }

    private async Task<GitContext> GitAsync(CancellationToken cancellationToken) =>
        _git ??= await GitContext.ReadAsync(Settings.RootDirectory, Settings.Env, cancellationToken).ConfigureAwait(false);

    private async Task LoginAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(Settings.RegistryUsername) || string.IsNullOrEmpty(Settings.RegistryPassword))
        {
            return;
        }

        SecretMasker.Register(Settings.RegistryPassword);
        await Tool.RunAsync(new ToolCommand("docker", ["login", "--username", Settings.RegistryUsername, "--password-stdin", Settings.Registry!])
        {
            StandardInput = Settings.RegistryPassword,
            Secrets = [Settings.RegistryPassword],
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task PushLayoutAsync(RegistryClient registry, string repository, OciLayout layout, CancellationToken cancellationToken)
    {
        var root = layout.Root();
        var manifests = root.IsIndex ? layout.PlatformManifests().Select(p => p.Manifest).ToList() : [root];
        if (root.IsIndex)
        {
            // attestation manifests (if any) are part of the index too
            using var index = layout.ReadJson(root.Digest);
            manifests = [.. index.RootElement.GetProperty("manifests").EnumerateArray().Select(OciDescriptor.From)];
        }

        foreach (var manifest in manifests)
        {
            using var json = layout.ReadJson(manifest.Digest);
            var blobs = new[] { json.RootElement.GetProperty("config") }.Concat(json.RootElement.GetProperty("layers").EnumerateArray()).Select(OciDescriptor.From);
            foreach (var blob in blobs)
            {
                await registry.UploadBlobAsync(repository, blob.Digest, layout.BlobPath(blob.Digest), cancellationToken).ConfigureAwait(false);
            }

            await registry.PutManifestAsync(repository, manifest.Digest, manifest.MediaType, await File.ReadAllBytesAsync(layout.BlobPath(manifest.Digest), cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        if (root.IsIndex)
        {
            var pushed = await registry.PutManifestAsync(repository, root.Digest, root.MediaType, await File.ReadAllBytesAsync(layout.BlobPath(root.Digest), cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            if (pushed != root.Digest)
            {
                throw new ContainerPipelineException($"Publish: the registry stored {repository}@{pushed}, not the verified {root.Digest}.");
            }
        }
    }

    private static Platform BuildPlatformOf(IReadOnlyList<Platform> platforms)
    {
        var architecture = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
        {
            System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
            System.Runtime.InteropServices.Architecture.Arm => "arm",
            System.Runtime.InteropServices.Architecture.X86 => "386",
            _ => "amd64",
        };
        var native = platforms.Where(p => p.ToString() == $"linux/{architecture}" || p.ToString().StartsWith($"linux/{architecture}/", StringComparison.Ordinal)).ToList();
        return native.Count > 0 ? native[0] : platforms[0];
    }

    private static async Task WriteLoadableTarAsync(OciLayout layout, OciDescriptor root, ContainerImage image, string tarball, CancellationToken cancellationToken)
    {
        // the engine names a loaded OCI layout after its index annotations: point them at NAME:local
        var reference = (image.Name.Contains('/', StringComparison.Ordinal) ? "docker.io/" : "docker.io/library/") + image.Local;
        var index = new System.Text.Json.Nodes.JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.index.v1+json",
            ["manifests"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["mediaType"] = root.MediaType,
                ["digest"] = root.Digest,
                ["size"] = root.Size,
                ["annotations"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["io.containerd.image.name"] = reference,
                    ["org.opencontainers.image.ref.name"] = "local",
                },
            }),
        };
        var stream = File.Create(tarball);
        await using (stream.ConfigureAwait(false))
        {
            var writer = new System.Formats.Tar.TarWriter(stream, System.Formats.Tar.TarEntryFormat.Pax, leaveOpen: false);
            await using (writer.ConfigureAwait(false))
            {
                await writer.WriteEntryAsync(Path.Combine(layout.Directory, "oci-layout"), "oci-layout", cancellationToken).ConfigureAwait(false);
                var bytes = System.Text.Encoding.UTF8.GetBytes(index.ToJsonString());
                using var content = new MemoryStream(bytes);
                await writer.WriteEntryAsync(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, "index.json") { DataStream = content }, cancellationToken).ConfigureAwait(false);
                foreach (var file in Directory.EnumerateFiles(Path.Combine(layout.Directory, "blobs"), "*", SearchOption.AllDirectories))
                {
                    await writer.WriteEntryAsync(file, Path.GetRelativePath(layout.Directory, file).Replace('\\', '/'), cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private static async Task<string?> RunSmokeTestAsync(ContainerImage image, Platform platform, SmokeTest test, CancellationToken cancellationToken)
    {
        var settings = new DockerRunSettings(image.Local) { Arguments = test.Arguments, Platform = platform, Network = "none", Pull = "never", Remove = true };
        int exitCode;
        string output;
        try
        {
            var result = await DockerCli.RunAsync(settings, cancellationToken).ConfigureAwait(false);
            exitCode = result.ExitCode;
            output = string.Join(Environment.NewLine, new[] { result.StandardOutput.TrimEnd(), result.StandardError.TrimEnd() }.Where(t => t.Length > 0));
        }
        catch (BuildxFailedException exception)
        {
            return $"{image.Local} {test.Describe()}: exited {exception.ExitCode}; output: {Tail(exception.Output)}";
        }

        if (test.ExpectedOutput is { } expected && !output.Contains(expected, StringComparison.Ordinal))
        {
            return $"{image.Local} {test.Describe()}: exited {exitCode} but the output does not contain \"{expected}\"; output: {Tail(output)}";
        }

        return null;
    }

    private static string Tail(string output)
    {
        var trimmed = output.Trim();
        return trimmed.Length == 0 ? "(none)" : trimmed.Length <= 2000 ? trimmed : "…" + trimmed[^2000..];
    }

    private static string BaselineName(ResolvedImage image) => $"pipelines-baseline/{image.Name}:latest";

    private static void DeleteDirectory(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    private sealed class ImageState
    {
        public ResolvedImage? Resolved { get; set; }

        public string? OciDirectory { get; set; }

        public string? IndexDigest { get; set; }

        public string? VerifiedDigest { get; set; }

        public CachePlan? Cache { get; set; }

        public TestRunReport? Tests { get; set; }

        public IReadOnlyList<ImageFacts>? Facts { get; set; }

        public IReadOnlyList<VerificationFinding> Findings { get; set; } = [];

        public ByteSize? Baseline { get; set; }

        public string? BaselineSource { get; set; }

        public IReadOnlyList<string> Tags { get; set; } = [];

        public bool Published { get; set; }

        public int CachedSteps { get; set; }

        public int TotalSteps { get; set; }

        public TimeSpan Duration { get; set; }
    }
}
