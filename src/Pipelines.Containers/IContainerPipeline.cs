using Pipelines.Docker;
using Pipelines.Output;

namespace Pipelines.Containers;

/// <summary>
/// The container pipeline as a build component: implement it on a build class, list the images, and get the targets
/// <c>Lint → Test → Build → Verify → Publish</c> (plus <c>Run</c> for smoke tests after Build, <c>Dev</c>, <c>Debug</c> and <c>Report</c>), each a default
/// interface member that a build may override:
/// <code>
/// class Build : PipelineBuild, IContainerPipeline
/// {
///     public static int Main(string[] args) => Execute&lt;Build&gt;(args, x => ((IContainerPipeline)x).Publish);
///     IEnumerable&lt;ContainerImage&gt; IContainerPipeline.Images =>
///         [((IContainerPipeline)this).Image("api").WithContext("examples/go-api").WithSizeBudget(ByteSize.Megabytes(15))];
/// }
/// </code>
/// Parameters (command line <c>--registry</c>, environment <c>REGISTRY</c>, or <c>.nuke/parameters.json</c>):
/// <see cref="Registry"/>, <see cref="Repository"/>, <see cref="Platforms"/>, <see cref="CacheMode"/>, <see cref="Push"/>,
/// <see cref="RegistryUsername"/>, <see cref="RegistryPassword"/>.
/// </summary>
public interface IContainerPipeline : IPipelineBuild
{
    /// <summary>The images the pipeline builds.</summary>
    IEnumerable<ContainerImage> Images { get; }

    /// <summary>A new image named <paramref name="name"/> whose context is the folder <paramref name="name"/> (change it with <c>WithContext</c>).</summary>
    ContainerImage Image(string name) => new(name);

    /// <summary>Registry (<c>host[:port]</c>) to publish to and keep the registry cache in. Default <c>127.0.0.1:5000</c>.</summary>
    [Parameter("Registry (host[:port]) to publish to and keep the build cache in; default 127.0.0.1:5000")]
    string Registry => TryGetValue(() => Registry) ?? "127.0.0.1:5000";

    /// <summary>Repository prefix inside the registry, e.g. <c>acme</c> → <c>REGISTRY/acme/IMAGE</c>. Default none.</summary>
    [Parameter("Repository prefix inside the registry, e.g. acme -> REGISTRY/acme/IMAGE")]
    string? Repository => TryGetValue(() => Repository);

    /// <summary>Platforms for images that declare none (comma-separated or repeated). Default linux/amd64 and linux/arm64.</summary>
    [Parameter("Platforms for images that declare none; default linux/amd64,linux/arm64")]
    IReadOnlyList<string>? Platforms => TryGetValue(() => Platforms);

    /// <summary>Cache backend: auto (gha on GitHub Actions, registry when one is set, else local), gha, registry, local, none.</summary>
    [Parameter("Build cache: auto, gha, registry, local or none; default auto")]
    CacheBackend CacheMode => TryGetValue<CacheBackend?>(() => CacheMode) ?? CacheBackend.Auto;

    /// <summary>Whether <c>Publish</c> pushes and tags. Default true.</summary>
    [Parameter("Push and tag in Publish; default true")]
    bool Push => TryGetValue<bool?>(() => Push) ?? true;

    /// <summary>Registry user for <c>docker login</c> (with <see cref="RegistryPassword"/>).</summary>
    [Parameter("Registry user name (login only when a password is given too)")]
    string? RegistryUsername => TryGetValue(() => RegistryUsername);

    /// <summary>Registry password or token, given to <c>docker login --password-stdin</c>; masked everywhere.</summary>
    [Parameter("Registry password or token"), Secret]
    string? RegistryPassword => TryGetValue(() => RegistryPassword);

    /// <summary>The settings the targets run with, from the parameters above. Override to change anything else.</summary>
    ContainerPipelineSettings ContainerSettings => new()
    {
        RootDirectory = RootDirectory,
        Registry = Registry,
        Repository = Repository,
        Platforms = Platforms is { Count: > 0 } platforms ? ImageNames.ParsePlatforms("Parameter --platforms", platforms) : [Platform.LinuxAmd64, Platform.LinuxArm64],
        Cache = CacheMode,
        Push = Push,
        RegistryUsername = RegistryUsername,
        RegistryPassword = RegistryPassword,
    };

    /// <summary>The runner behind the targets (one per build instance; it carries results from one target to the next).</summary>
    ContainerPipelineRunner ContainerPipeline => ContainerPipelineRunners.For(this);

    /// <summary>Lints every image's Dockerfile; errors fail.</summary>
    Target Lint => _ => _
        .Description("Lint every image's Dockerfile (errors fail)")
        .Executes(async ct => await ContainerPipeline.LintAsync(ct).ConfigureAwait(false));

    /// <summary>Runs every image's test stage in BuildKit and reports the results; failed tests fail the target.</summary>
    Target Test => _ => _
        .Description("Build each image's test stage, export and check the test results")
        .DependsOn(Lint)
        .Executes(async ct => await ContainerPipeline.TestAsync(ct).ConfigureAwait(false));

    /// <summary>Builds every image's production stage for every platform in one bake solve (and the test stages when Test did not run).</summary>
    Target Build => _ => _
        .Description("Build every production image for every platform in one BuildKit solve")
        .DependsOn(Lint)
        .After(Test)
        .Executes(async ct => await ContainerPipeline.BuildAsync(ct).ConfigureAwait(false));

    /// <summary>
    /// Loads every built production image (build platform) into the engine as <c>IMAGE:local</c> and runs its smoke tests
    /// (<see cref="ContainerImage.WithSmokeTest(string[])"/>). Not required by Verify or Publish; a build's own target can
    /// <c>DependsOn(Run)</c> and <c>docker run</c> <see cref="ContainerImage.Local"/>.
    /// </summary>
    Target Run => _ => _
        .Description("Load each built image as IMAGE:local and run its smoke tests")
        .DependsOn(Build)
        .Executes(async ct => await ContainerPipeline.RunSmokeTestsAsync(ct).ConfigureAwait(false));

    /// <summary>Verifies the built images (budget, non-root, healthcheck, minimal, secrets).</summary>
    Target Verify => _ => _
        .Description("Verify size budget, user, healthcheck, minimality and secrets of every built image")
        .DependsOn(Build)
        .Executes(async ct => await ContainerPipeline.VerifyAsync(ct).ConfigureAwait(false));

    /// <summary>Pushes the verified images by digest, then tags them from git.</summary>
    Target Publish => _ => _
        .Description("Push the verified images by digest, then create the tags from git")
        .DependsOn(Verify)
        .Executes(async ct => await ContainerPipeline.PublishAsync(ct).ConfigureAwait(false));

    /// <summary>Writes the report (console table, <c>artifacts/pipeline-report.md</c> and <c>.json</c>) after the pipeline targets, even when they fail.</summary>
    Target Report => _ => _
        .Description("Write the pipeline report (table, Markdown, JSON)")
        .TriggeredBy(Test, Build, Verify, Publish)
        .AssuredAfterFailure()
        .Executes(() => ReportRenderer.WriteAll(ContainerPipeline.Report(), ContainerSettings.ArtifactsDirectory ?? (string)(RootDirectory / "artifacts")));

    /// <summary>Builds each image's development stage (role <c>dev</c>, else a stage named <c>development</c> or <c>dev</c>) for the local platform and loads it as <c>IMAGE:dev</c>.</summary>
    Target Dev => _ => _
        .Description("Build each image's development stage and load it as IMAGE:dev")
        .Executes(async ct => await LoadRoleAsync("dev", ["development", "dev"], ct).ConfigureAwait(false));

    /// <summary>Builds each image's debug stage (role <c>debug</c>, else a stage named <c>debug</c>) for the local platform and loads it as <c>IMAGE:debug</c>.</summary>
    Target Debug => _ => _
        .Description("Build each image's debug stage and load it as IMAGE:debug")
        .Executes(async ct => await LoadRoleAsync("debug", ["debug"], ct).ConfigureAwait(false));

    /// <summary>Loads the stage of role <paramref name="role"/> of every image that has one.</summary>
    async Task LoadRoleAsync(string role, IReadOnlyList<string> defaultStages, CancellationToken cancellationToken)
    {
        var loaded = 0;
        foreach (var image in Images)
        {
            var document = Dockerfile.DockerfileDocument.Load(Path.GetFullPath(image.Dockerfile ?? "Dockerfile", Path.GetFullPath(image.Context, RootDirectory)));
            var stage = image.StageFor(role) ?? defaultStages.FirstOrDefault(s => document.FindStage(s) is not null);
            if (stage is null)
            {
                Log.Information($"{image.Name}: no {role} stage");
                continue;
            }

            await ContainerPipeline.LoadStageAsync(image, stage, $"{image.Name}:{role}", cancellationToken).ConfigureAwait(false);
            loaded++;
        }

        if (loaded == 0)
        {
            throw new ContainerPipelineException($"No image has a {role} stage: declare one with .WithStage(\"{role}\", \"STAGE\").");
        }
    }
}
