using System.Diagnostics.Contracts;
using Pipelines.Docker;

namespace Pipelines.Containers;

/// <summary>
/// One image the pipeline builds from a multi-stage Dockerfile: where its context is, which stage is tested, which
/// is shipped, for which platforms, and what it must satisfy. Immutable; every <c>With*</c> method validates its
/// input and returns a changed copy, so a bad platform, tag or budget fails when the build class is configured,
/// before any target runs.
/// </summary>
public sealed record ContainerImage
{
    /// <summary>Creates an image named <paramref name="name"/> (the last repository path segment, e.g. <c>api</c>) whose context is the folder of the same name.</summary>
    public ContainerImage(string name)
    {
        Name = ImageNames.ValidateName(name);
        Context = name;
    }

    /// <summary>The image name: a lower-case repository path component (<c>api</c>, <c>tools/cli</c>). Pushed as <c>REGISTRY/REPOSITORY/NAME</c>.</summary>
    public string Name { get; }

    /// <summary>The build context directory; relative paths are resolved against the build's root directory. Default: <see cref="Name"/>.</summary>
    public string Context { get; init; }

    /// <summary>The Dockerfile; relative paths are resolved against the context. Null means <c>CONTEXT/Dockerfile</c>.</summary>
    public string? Dockerfile { get; init; }

    /// <summary>The stage holding test results (<c>/test-results/*.xml</c> and an <c>exit-code</c> file, usually <c>FROM scratch</c>). Null: <c>test</c> when the Dockerfile has one.</summary>
    public string? TestStage { get; init; }

    /// <summary>The stage that is shipped. Null: <c>production</c> when the Dockerfile has one, else the last stage.</summary>
    public string? ProductionStage { get; init; }

    /// <summary>Other named stages for the <c>Dev</c>/<c>Debug</c> helpers, by role (e.g. <c>dev</c> → <c>development</c>).</summary>
    public IReadOnlyDictionary<string, string> Stages { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Target platforms; empty means the pipeline's <c>Platforms</c> parameter.</summary>
    public IReadOnlyList<Platform> Platforms { get; init; } = [];

    /// <summary>Build args (they land in the image history: never secrets).</summary>
    public IReadOnlyList<BuildArg> BuildArgs { get; init; } = [];

    /// <summary>Build secrets for <c>RUN --mount=type=secret</c>.</summary>
    public IReadOnlyList<SecretSource> Secrets { get; init; } = [];

    /// <summary>Extra named build contexts (<c>--build-context name=source</c>).</summary>
    public IReadOnlyList<BuildContext> BuildContexts { get; init; } = [];

    /// <summary>The largest compressed size any platform's image may have; no budget when null.</summary>
    public ByteSize? SizeBudget { get; init; }

    /// <summary>What <c>Verify</c> checks besides the budget.</summary>
    public VerificationPolicy Policy { get; init; } = VerificationPolicy.Default;

    /// <summary>Tags added to every publication besides the ones computed from git (e.g. <c>stable</c>).</summary>
    public IReadOnlyList<string> ExtraTags { get; init; } = [];

    /// <summary>Human description (OCI <c>description</c> label).</summary>
    public string? Description { get; init; }

    /// <summary>Smoke tests the <c>Run</c> target runs against the built image (loaded as <see cref="Local"/>), in order.</summary>
    public IReadOnlyList<SmokeTest> SmokeTests { get; init; } = [];

    /// <summary>The name under which <c>Dev</c>/<c>Debug</c> load images into the local engine: <c>NAME:local</c>, or <c>NAME:ROLE</c> for a named stage.</summary>
    public string Local => $"{Name}:local";

    /// <summary>Returns a copy whose context is <paramref name="context"/> (relative to the root directory, or absolute).</summary>
    [Pure] public ContainerImage WithContext(string context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(context);
        return this with { Context = context };
    }

    /// <summary>Returns a copy built from <paramref name="dockerfile"/> (relative to the context, or absolute).</summary>
    [Pure] public ContainerImage WithDockerfile(string dockerfile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dockerfile);
        return this with { Dockerfile = dockerfile };
    }

    /// <summary>Returns a copy whose test stage is <paramref name="stage"/>; null restores the default, <c>""</c> disables testing.</summary>
    [Pure] public ContainerImage WithTestStage(string? stage) => this with { TestStage = stage is null ? null : ImageNames.ValidateStage(stage, allowEmpty: true) };

    /// <summary>Returns a copy whose production stage is <paramref name="stage"/>.</summary>
    [Pure] public ContainerImage WithProductionStage(string stage) => this with { ProductionStage = ImageNames.ValidateStage(stage, allowEmpty: false) };

    /// <summary>Returns a copy that knows stage <paramref name="stage"/> under <paramref name="role"/> (e.g. <c>("dev", "development")</c>, <c>("debug", "debug")</c>).</summary>
    [Pure] public ContainerImage WithStage(string role, string stage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        return this with { Stages = new Dictionary<string, string>(Stages, StringComparer.OrdinalIgnoreCase) { [role] = ImageNames.ValidateStage(stage, allowEmpty: false) } };
    }

    /// <summary>Returns a copy built for exactly <paramref name="platforms"/> (at least one, no duplicates).</summary>
    [Pure] public ContainerImage WithPlatforms(params IEnumerable<Platform> platforms)
    {
        ArgumentNullException.ThrowIfNull(platforms);
        var list = platforms.ToList();
        if (list.Count == 0)
        {
            throw new ContainerPipelineException($"Image '{Name}': WithPlatforms needs at least one platform, e.g. Platform.LinuxAmd64.");
        }

        if (list.GroupBy(p => p.ToString()).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new ContainerPipelineException($"Image '{Name}': platform '{duplicate.Key}' is listed twice.");
        }

        return this with { Platforms = list };
    }

    /// <summary>Returns a copy built for the platforms in <paramref name="platforms"/> (<c>os/arch[/variant]</c>, parsed and validated now).</summary>
    [Pure] public ContainerImage WithPlatforms(params IEnumerable<string> platforms) => WithPlatforms(ImageNames.ParsePlatforms(Name, platforms));

    /// <summary>Returns a copy with build arg <paramref name="name"/>=<paramref name="value"/> (replaced when present).</summary>
    [Pure] public ContainerImage WithBuildArg(string name, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        return this with { BuildArgs = [.. BuildArgs.Where(arg => arg.Name != name), new BuildArg(name, value)] };
    }

    /// <summary>Returns a copy with a build secret.</summary>
    [Pure] public ContainerImage WithSecret(SecretSource secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return this with { Secrets = [.. Secrets.Where(s => s.Id != secret.Id), secret] };
    }

    /// <summary>Returns a copy with an extra named build context.</summary>
    [Pure] public ContainerImage WithBuildContext(string name, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return this with { BuildContexts = [.. BuildContexts.Where(c => c.Name != name), new BuildContext(name, source)] };
    }

    /// <summary>Returns a copy whose compressed size (per platform) must not exceed <paramref name="budget"/>.</summary>
    [Pure] public ContainerImage WithSizeBudget(ByteSize budget)
    {
        if (budget.Bytes <= 0)
        {
            throw new ContainerPipelineException($"Image '{Name}': size budget must be positive, got {budget.Bytes} bytes.");
        }

        return this with { SizeBudget = budget };
    }

    /// <summary>Returns a copy with no size budget.</summary>
    [Pure] public ContainerImage WithoutSizeBudget() => this with { SizeBudget = null };

    /// <summary>Returns a copy verified by <paramref name="policy"/>.</summary>
    [Pure] public ContainerImage WithPolicy(VerificationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return this with { Policy = policy };
    }

    /// <summary>Returns a copy whose policy is changed by <paramref name="configure"/>: <c>.WithPolicy(p =&gt; p.WithMinimal().WithRequireHealthcheck())</c>.</summary>
    [Pure] public ContainerImage WithPolicy(Func<VerificationPolicy, VerificationPolicy> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return WithPolicy(configure(Policy));
    }

    /// <summary>Returns a copy that is also published under <paramref name="tags"/> (validated now).</summary>
    [Pure] public ContainerImage WithTags(params IEnumerable<string> tags) =>
        this with { ExtraTags = [.. ExtraTags, .. tags.Select(tag => ImageNames.ValidateTag(tag, Name))] };

    /// <summary>Returns a copy with a description (OCI label).</summary>
    [Pure] public ContainerImage WithDescription(string description) => this with { Description = description };

    /// <summary>Returns a copy with a smoke test: the built image run with <paramref name="arguments"/> must exit 0 (e.g. <c>.WithSmokeTest("--version")</c>).</summary>
    [Pure] public ContainerImage WithSmokeTest(params string[] arguments) => WithSmokeTest(new SmokeTest(ValidateSmokeArguments(arguments)));

    /// <summary>Returns a copy with a smoke test: the built image run with <paramref name="arguments"/> must exit 0 and print <paramref name="expectedOutput"/> (e.g. <c>.WithSmokeTest(["--version"], "1.2")</c>).</summary>
    [Pure] public ContainerImage WithSmokeTest(IEnumerable<string> arguments, string expectedOutput)
    {
        if (string.IsNullOrEmpty(expectedOutput))
        {
            throw new ContainerPipelineException($"Image '{Name}': a smoke test's expected output must not be empty (use WithSmokeTest(arguments) to check the exit code only).");
        }

        return WithSmokeTest(new SmokeTest(ValidateSmokeArguments(arguments), expectedOutput));
    }

    /// <summary>Returns a copy with the smoke test <paramref name="test"/> (validated now).</summary>
    [Pure] public ContainerImage WithSmokeTest(SmokeTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var arguments = ValidateSmokeArguments(test.Arguments);
        if (test.ExpectedOutput is { Length: 0 })
        {
            throw new ContainerPipelineException($"Image '{Name}': a smoke test's expected output must not be empty (null checks the exit code only).");
        }

        return this with { SmokeTests = [.. SmokeTests, test with { Arguments = arguments }] };
    }

    /// <summary>Returns a copy without smoke tests.</summary>
    [Pure] public ContainerImage WithoutSmokeTests() => this with { SmokeTests = [] };

    /// <summary>The stage name registered for <paramref name="role"/>, or null.</summary>
    public string? StageFor(string role) => Stages.TryGetValue(role, out var stage) ? stage : null;

    private IReadOnlyList<string> ValidateSmokeArguments(IEnumerable<string>? arguments)
    {
        if (arguments is null)
        {
            throw new ContainerPipelineException($"Image '{Name}': smoke test arguments must not be null (pass none to run the default command).");
        }

        var list = arguments.ToList();
        if (list.Any(a => a is null))
        {
            throw new ContainerPipelineException($"Image '{Name}': a smoke test argument is null.");
        }

        return list;
    }
}
