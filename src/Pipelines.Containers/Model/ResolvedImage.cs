using Pipelines.Docker;
using Pipelines.Dockerfile;

namespace Pipelines.Containers;

/// <summary>An image with its paths, stages and platforms resolved against the Dockerfile and the pipeline settings.</summary>
internal sealed record ResolvedImage(
    ContainerImage Image,
    string Context,
    string Dockerfile,
    DockerfileDocument Document,
    string? TestStage,
    string ProductionStage,
    IReadOnlyList<Platform> Platforms,
    string? BaselineDockerfile,
    string? BaselineStage)
{
    public string Name => Image.Name;

    /// <summary>A bake target name for this image (bake allows letters, digits, '-' and '_').</summary>
    public string TargetName(string? suffix = null) =>
        new string(Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray()) + (suffix is null ? "" : "-" + suffix);

    public static ResolvedImage Resolve(ContainerImage image, ContainerPipelineSettings settings)
    {
        var context = Path.GetFullPath(image.Context, settings.RootDirectory);
        if (!Directory.Exists(context))
        {
            throw new ContainerPipelineException($"Image '{image.Name}': context directory {context} does not exist.");
        }

        var dockerfile = Path.GetFullPath(image.Dockerfile ?? "Dockerfile", context);
        if (!File.Exists(dockerfile))
        {
            throw new ContainerPipelineException($"Image '{image.Name}': Dockerfile {dockerfile} does not exist.");
        }

        var document = DockerfileDocument.Load(dockerfile);
        string? test = image.TestStage switch
        {
            "" => null,
            null => document.FindStage("test")?.Name,
            var stage => document.ValidateTarget(stage).Name ?? stage,
        };
        var production = image.ProductionStage is { } p
            ? document.ValidateTarget(p).DisplayName
            : document.FindStage("production")?.DisplayName ?? document.FinalStage.DisplayName;
        foreach (var stage in image.Stages.Values)
        {
            document.ValidateTarget(stage);
        }

        string? baselineDockerfile = null;
        string? baselineStage = null;
        if (image.Policy.BaselineStage is { } b)
        {
            baselineStage = document.ValidateTarget(b).DisplayName;
        }
        else if (image.Policy.BaselineDockerfile is { } file)
        {
            baselineDockerfile = Path.GetFullPath(file, context);
            if (!File.Exists(baselineDockerfile))
            {
                throw new ContainerPipelineException($"Image '{image.Name}': baseline Dockerfile {baselineDockerfile} does not exist.");
            }
        }
        else if (File.Exists(dockerfile + ".single-stage"))
        {
            baselineDockerfile = dockerfile + ".single-stage";
        }

        var platforms = image.Platforms.Count > 0 ? image.Platforms : settings.Platforms;
        return new ResolvedImage(image, context, dockerfile, document, test, production, platforms, baselineDockerfile, baselineStage);
    }
}
