using System.Runtime.CompilerServices;

namespace Pipelines.Containers;

/// <summary>One <see cref="ContainerPipelineRunner"/> per build instance, so targets share results.</summary>
internal static class ContainerPipelineRunners
{
    private static readonly ConditionalWeakTable<IContainerPipeline, ContainerPipelineRunner> _runners = new();

    public static ContainerPipelineRunner For(IContainerPipeline build) =>
        _runners.GetValue(build, b => new ContainerPipelineRunner(b.ContainerSettings, b.Images));
}
