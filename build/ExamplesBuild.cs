using Pipelines;
using Pipelines.Containers;
using RepositoryBuild;
using Pipelines.Docker;

/// <summary>
/// The container pipeline over <c>examples/</c>: what <c>./build.sh</c> runs (through <see cref="Build"/>'s
/// <c>Default</c> target) and what <c>./build.sh examples &lt;Target&gt;</c> reaches directly. It is an
/// ordinary user build: one class, the images, and the <see cref="IContainerPipeline"/> component.
/// </summary>
internal sealed partial class ExamplesBuild : PipelineBuild, IContainerPipeline
{
    IContainerPipeline Pipeline => this;

    /// <summary>
    /// Production images with the size goals of issue 7; every one is compared with its naive
    /// <c>Dockerfile.single-stage</c> build, the way the multi-stage articles measure the saving.
    /// </summary>
    IEnumerable<ContainerImage> IContainerPipeline.Images =>
    [
        Example("go-api", GoApiStages.Test, GoApiStages.Production, GoApiStages.Development, megabytes: 6, healthcheck: true)
            .WithSmokeTest("--version"),
        Example("c-cli", CCliStages.Test, CCliStages.Production, CCliStages.Development, megabytes: 1, healthcheck: false)
            .WithSmokeTest(["--version"], "wcount"),
        Example("static-site", StaticSiteStages.Test, StaticSiteStages.Production, StaticSiteStages.Development, megabytes: 3, healthcheck: true, minimal: false),
        Example("python-api", PythonApiStages.Test, PythonApiStages.Production, PythonApiStages.Development, megabytes: 40, healthcheck: true),
        Example("node-web", NodeWebStages.Test, NodeWebStages.Production, NodeWebStages.Development, megabytes: 100, healthcheck: true),
        Example("java-app", JavaAppStages.Test, JavaAppStages.Production, JavaAppStages.Development, megabytes: 50, healthcheck: true),
    ];

    ContainerImage Example(string name, string test, string production, string development, int megabytes, bool healthcheck, bool minimal = true) =>
        Pipeline.Image(name)
            .WithContext($"examples/{name}")
            .WithTestStage(test)
            .WithProductionStage(production)
            .WithStage("dev", development)
            .WithPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64)
            .WithSizeBudget(ByteSize.Megabytes(megabytes))
            .WithPolicy(policy => policy
                .WithRequireNonRoot()
                .WithRequireHealthcheck(healthcheck)
                .WithMinimal(minimal) // static-site serves with busybox httpd: a shell is its web server
                .WithBaselineDockerfile("Dockerfile.single-stage"));
}
