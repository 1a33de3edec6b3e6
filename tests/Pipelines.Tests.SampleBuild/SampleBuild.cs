using System.Globalization;
using Pipelines;
using Pipelines.Output;
using Pipelines.Tooling;

namespace SampleBuild;

/// <summary>The build the end-to-end tests start with <c>dotnet Pipelines.Tests.SampleBuild.dll …</c>.</summary>
internal sealed class SampleBuild : PipelineBuild, IGreeter
{
    [Parameter("Argument passed to sleep")]
    readonly string SleepSeconds = "300";

    [Parameter("A token that must never be printed"), Secret]
    readonly string? ApiToken = null;

    public static int Main(string[] args) =>
        args.FirstOrDefault() == "--component-default"
            ? Execute<SampleBuild, IGreeter>(args[1..], x => x.Greet)
            : Execute<SampleBuild>(args, x => x.Hello);

    Target Hello => _ => _.Description("Says hello").Executes(() => Log.Information("hello from sample"));

    Target Sleep => _ => _.Description("Runs sleep through the Tool runner").Executes(async cancellationToken =>
    {
        Log.Information($"sleeping {SleepSeconds}");
        await Tool.RunAsync("sleep", [SleepSeconds], cancellationToken);
    });

    Target AfterSleep => _ => _.DependsOn(Sleep).Executes(() => Log.Information("after sleep"));

    Target Left => _ => _.Executes(() => Work("left"));

    Target Right => _ => _.Executes(() => Work("right"));

    Target Both => _ => _.DependsOn(Left, Right).DependsOn<IGreeter>(x => x.Greet).Executes(() => Log.Information("both done"));

    Target ShowSecret => _ => _.Requires(() => ApiToken).Executes(async cancellationToken =>
    {
        Log.Information($"token is {ApiToken}");
        await Tool.RunAsync("echo", [$"echoed {ApiToken}"], cancellationToken);
        throw new InvalidOperationException($"failing with {ApiToken}");
    });

    Target Chatty => _ => _.Executes(() =>
    {
        Console.WriteLine($"console says {ApiToken}");
        Console.Error.WriteLine("console error line");
        for (var i = 0; i < 300; i++)
        {
            Console.WriteLine($"console line {i}");
            Console.Error.WriteLine($"console error {i}");
        }
    });

    Target Noisy => _ => _.Executes(() =>
    {
        for (var i = 0; i < 300; i++)
        {
            Log.Information($"log line {i}");
        }
    });

    Target ChattyBoth => _ => _.DependsOn(Chatty, Noisy);

    Target Fail => _ => _.Executes(() => throw new InvalidOperationException("sample failure"));

    private static async Task Work(string name)
    {
        Log.Information($"{name} start {Now()}");
        await Task.Delay(1500);
        Log.Information($"{name} end {Now()}");
    }

    private static string Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}

/// <summary>A component whose target the build uses.</summary>
internal interface IGreeter : IPipelineBuild
{
    [Parameter("Who to greet")]
    string? Name => TryGetValue(() => Name);

    Target Greet => _ => _.Executes(() => Log.Information($"greetings, {Name ?? "world"}"));
}
