using Pipelines.Dockerfile;

namespace Pipelines.Tool;

/// <summary>The <c>pipelines</c> command: Dockerfile lint and stage graph outside a build.</summary>
internal static class Program
{
    public static int Main(string[] args) => new Cli(Console.Out, Console.Error).Run(args);
}
