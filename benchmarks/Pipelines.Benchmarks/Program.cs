using BenchmarkDotNet.Running;
using Pipelines.Benchmarks.EndToEnd;

// Hot code:    dotnet run -c Release --project benchmarks/Pipelines.Benchmarks -- --filter '*'
// End to end:  dotnet run -c Release --project benchmarks/Pipelines.Benchmarks -- e2e [--reps N] [--only wrapper,bake,...]
if (args is ["e2e", .. var rest])
{
    return await EndToEndBenchmarks.RunAsync(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>Entry point marker for the benchmark switcher.</summary>
public partial class Program;
