using System.Globalization;
using System.Text;
using Pipelines.Docker;

namespace Pipelines.Benchmarks.EndToEnd;

/// <summary>
/// End-to-end ratios against the real engine, side by side in one run (issue 7): wrapper overhead,
/// one bake solve vs builds one by one, source-only rebuild vs cold, registry cache on a cold
/// builder, cross-compilation vs QEMU, and build start-up. Writes benchmarks/results/DATE.md.
/// </summary>
internal static class EndToEndBenchmarks
{
    private const string Registry = "127.0.0.1:5000";

    public static async Task<int> RunAsync(string[] args)
    {
        var root = FindRoot();
        var repetitions = args.SkipWhile(a => a != "--reps").Skip(1).Select(int.Parse).FirstOrDefault(3);
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        // the cold bake comparison over every example takes tens of minutes on 2 cores: --examples narrows it
        var exampleNames = args.SkipWhile(a => a != "--examples").Skip(1).FirstOrDefault()?.Split(',');
        var ratios = new List<Ratio>();
        var examples = Path.Combine(root, "examples");
        var goApi = Path.Combine(examples, "go-api");

        async Task Add(string key, Func<Task<Ratio>> measure) => await AddAll(key, async () => [await measure()]);

        async Task AddAll(string key, Func<Task<IReadOnlyList<Ratio>>> measure)
        {
            if (only is null || only.Split(',').Contains(key))
            {
                Console.WriteLine($"[benchmark] {key} ...");
                foreach (var ratio in await measure())
                {
                    Console.WriteLine($"[benchmark] {key}: {ratio.Value:0.00} ({ratio.Numerator.Name} {ratio.Numerator.Median.TotalSeconds:0.00}s / {ratio.Denominator.Name} {ratio.Denominator.Median.TotalSeconds:0.00}s)");
                    ratios.Add(ratio);
                }
            }
        }

        await Add("wrapper", () => WrapperOverheadAsync(goApi, repetitions));
        await AddAll("bake", () => BakeVersusOneByOneAsync(examples, exampleNames));
        await Add("rebuild", () => SourceChangeVersusColdAsync(goApi, repetitions));
        await Add("registry-cache", () => RegistryCacheOnColdBuilderAsync(goApi));
        await Add("cross", () => CrossCompileVersusEmulationAsync(goApi));
        await Add("startup", () => StartupAsync(root, repetitions * 3));

        var report = Render(ratios, repetitions);
        Console.WriteLine(report);
        var file = Path.Combine(root, "benchmarks", "results", $"{DateTime.UtcNow:yyyy-MM-dd}.md");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.AppendAllTextAsync(file, report);
        Console.WriteLine($"[benchmark] written to {file}");
        return 0;
    }

    // 1. our typed build call vs the identical raw command line, both fully cached
    private static async Task<Ratio> WrapperOverheadAsync(string context, int repetitions)
    {
        var settings = new BuildxBuildSettings().SetContext(context).SetTarget("production")
            .AddPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64).AddOutput(BuildOutput.CacheOnly()).SetProgress(ProgressMode.Plain);
        await Buildx.BuildAsync(settings); // warm the cache once
        var ours = new List<TimeSpan>();
        var raw = new List<TimeSpan>();
        for (var i = 0; i < repetitions * 3; i++)
        {
            // interleaved, so drift on the machine hits both variants alike
            raw.Add(await Samples.TimeAsync(() => Samples.Run("docker", settings.Render())));
            ours.Add(await Samples.TimeAsync(() => Buildx.BuildAsync(settings)));
        }

        return new Ratio("Wrapper overhead: `Buildx.BuildAsync` ÷ identical raw `docker buildx build` (go-api production, 2 platforms, cached)",
            new Samples("ours", ours), new Samples("raw", raw), "≤ 1.05");
    }

    // 2. every example's test + production stages: one bake solve vs the same builds one by one, every step executed
    //    (--no-cache); first from an empty builder, then again with the package downloads the first pass left in the
    //    cache mounts (what a developer's machine has), so the mirror's speed weighs on neither side
    private static async Task<IReadOnlyList<Ratio>> BakeVersusOneByOneAsync(string examples, IReadOnlyList<string>? names)
    {
        var builds = Directory.GetDirectories(examples).Where(d => File.Exists(Path.Combine(d, "Dockerfile")))
            .Where(d => names is null || names.Contains(Path.GetFileName(d))).Order()
            .SelectMany(dir => new[]
            {
                (Name: $"{Path.GetFileName(dir)}-test", Settings: new BuildxBuildSettings().SetContext(dir).SetTarget("test").AddOutput(BuildOutput.CacheOnly())),
                (Name: $"{Path.GetFileName(dir)}-production", Settings: new BuildxBuildSettings().SetContext(dir).SetTarget("production")
                    .AddPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64).AddOutput(BuildOutput.CacheOnly())),
            }).ToList();
        var definition = builds.Aggregate(new BakeDefinition(), (d, b) => d.AddTarget(BakeTarget.FromBuild(b.Name, b.Settings with { NoCache = true })))
            .AddGroup("default", builds.Select(b => b.Name));
        Task Bake() => Buildx.BakeAsync(definition);
        async Task OneByOne()
        {
            foreach (var build in builds)
            {
                await Buildx.BuildAsync(build.Settings with { NoCache = true });
            }
        }

        await Samples.Run("docker", ["buildx", "prune", "-af"]);
        var emptyBake = await Samples.TimeAsync(Bake);
        await Samples.Run("docker", ["buildx", "prune", "-af"]);
        var emptyOneByOne = await Samples.TimeAsync(OneByOne);
        var warmBake = await Samples.TimeAsync(Bake);
        var warmOneByOne = await Samples.TimeAsync(OneByOne);
        var which = names is null ? "All examples'" : string.Join(", ", names) + ":";
        return
        [
            new Ratio($"{which} test + production stages ({builds.Count} builds, every step run), empty builder: one bake solve ÷ one by one",
                new Samples("bake", [emptyBake]), new Samples("one by one", [emptyOneByOne]), "≤ 0.6"),
            new Ratio($"{which} test + production stages ({builds.Count} builds, every step run), package downloads in the cache mounts: one bake solve ÷ one by one",
                new Samples("bake", [warmBake]), new Samples("one by one", [warmOneByOne]), "≤ 0.6"),
        ];
    }

    // 3. a source-only change rebuilds only the build stage: dependency layers come from the cache
    private static async Task<Ratio> SourceChangeVersusColdAsync(string goApi, int repetitions)
    {
        var copy = CopyToTemp(goApi);
        var settings = new BuildxBuildSettings().SetContext(copy).SetTarget("production")
            .AddPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64).AddOutput(BuildOutput.CacheOnly());
        var cold = new List<TimeSpan>();
        var changed = new List<TimeSpan>();
        var source = Directory.EnumerateFiles(copy, "main.go", SearchOption.AllDirectories).First();
        for (var i = 0; i < repetitions; i++)
        {
            cold.Add(await Samples.TimeAsync(() => Buildx.BuildAsync(settings with { NoCache = true })));
            await File.AppendAllTextAsync(source, $"\n// benchmark change {Guid.NewGuid():N}\n");
            changed.Add(await Samples.TimeAsync(() => Buildx.BuildAsync(settings)));
        }

        Directory.Delete(copy, recursive: true);
        return new Ratio("Rebuild after a source-only change ÷ cold build (go-api production, 2 platforms)",
            new Samples("source change", changed), new Samples("cold", cold), "≤ 0.3");
    }

    // 4. a cold builder (buildx prune -af) that imports the registry cache vs one that has nothing
    private static async Task<Ratio> RegistryCacheOnColdBuilderAsync(string goApi)
    {
        var cacheRef = $"{Registry}/benchmarks/go-api:buildcache";
        var settings = new BuildxBuildSettings().SetContext(goApi).SetTarget("production")
            .AddPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64).AddOutput(BuildOutput.CacheOnly());
        await Buildx.BuildAsync(settings.AddCacheTo(CacheEntry.Registry(cacheRef, CacheMode.Max)));
        await Samples.Run("docker", ["buildx", "prune", "-af"]);
        var withCache = await Samples.TimeAsync(() => Buildx.BuildAsync(settings.AddCacheFrom(CacheEntry.Registry(cacheRef))));
        await Samples.Run("docker", ["buildx", "prune", "-af"]);
        var without = await Samples.TimeAsync(() => Buildx.BuildAsync(settings));
        return new Ratio("Cold builder (`buildx prune -af`) with the registry cache ÷ without it (go-api production, 2 platforms)",
            new Samples("registry cache", [withCache]), new Samples("no cache", [without]), "≤ 0.5");
    }

    // 5. arm64 compiled on the build platform vs the same Dockerfile with every stage emulated
    private static async Task<Ratio> CrossCompileVersusEmulationAsync(string goApi)
    {
        var copy = CopyToTemp(goApi);
        var emulated = Path.Combine(copy, "Dockerfile.emulated");
        await File.WriteAllTextAsync(emulated, (await File.ReadAllTextAsync(Path.Combine(copy, "Dockerfile"))).Replace("--platform=$BUILDPLATFORM ", "", StringComparison.Ordinal));
        var settings = new BuildxBuildSettings().SetContext(copy).SetTarget("production").AddPlatform(Platform.LinuxArm64)
            .AddOutput(BuildOutput.CacheOnly()).EnableNoCache();
        var cross = await Samples.TimeAsync(() => Buildx.BuildAsync(settings));
        var qemu = await Samples.TimeAsync(() => Buildx.BuildAsync(settings.SetFile(emulated)));
        Directory.Delete(copy, recursive: true);
        return new Ratio("go-api for linux/arm64: cross-compiled on `$BUILDPLATFORM` ÷ emulated with QEMU (no cache)",
            new Samples("cross", [cross]), new Samples("qemu", [qemu]), "report");
    }

    // 6. warm ./build.sh --help vs a NUKE-style `dotnet run --project build -- --help` (hello world = the floor)
    private static async Task<Ratio> StartupAsync(string root, int repetitions)
    {
        var hello = Path.Combine(root, "benchmarks", "HelloWorld", "bin", "out");
        await Samples.Run("dotnet", ["build", Path.Combine(root, "benchmarks", "HelloWorld", "HelloWorld.csproj"), "-nologo", "-v", "q", "-o", hello]);
        await Samples.Run(Path.Combine(root, "build.sh"), ["--help"], root);
        var buildSh = new List<TimeSpan>();
        var dotnetRun = new List<TimeSpan>();
        var floor = new List<TimeSpan>();
        for (var i = 0; i < repetitions; i++)
        {
            buildSh.Add(await Samples.TimeAsync(() => Samples.Run(Path.Combine(root, "build.sh"), ["--help"], root)));
            dotnetRun.Add(await Samples.TimeAsync(() => Samples.Run("dotnet", ["run", "--project", Path.Combine(root, "build", "_build.csproj"), "--", "--help"], root)));
            floor.Add(await Samples.TimeAsync(() => Samples.Run("dotnet", [Path.Combine(hello, "HelloWorld.dll")])));
        }

        _floor = new Samples("hello world", floor);
        return new Ratio("Warm `./build.sh --help` ÷ `dotnet run --project build -- --help`",
            new Samples("build.sh", buildSh), new Samples("dotnet run", dotnetRun), "≤ 0.2");
    }

    private static Samples? _floor;

    private static string Render(IReadOnlyList<Ratio> ratios, int repetitions)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## End-to-end ratios, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; repetitions {repetitions} (×3 for the cached and start-up cases; 1 for cold builds).");
        text.AppendLine();
        text.AppendLine("| # | measurement | numerator min / median | denominator min / median | ratio (medians) | goal |");
        text.AppendLine("|---|---|---|---|---:|---|");
        var index = 1;
        foreach (var ratio in ratios)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {index++} | {ratio.Title} | {ratio.Numerator.Name}: {Seconds(ratio.Numerator.Min)} / {Seconds(ratio.Numerator.Median)} | {ratio.Denominator.Name}: {Seconds(ratio.Denominator.Min)} / {Seconds(ratio.Denominator.Median)} | **{ratio.Value:0.00}** | {ratio.Goal} |");
        }

        if (_floor is not null && ratios.FirstOrDefault(r => r.Numerator.Name == "build.sh") is { } startup)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Start-up floor: hello world `dotnet app.dll` {Seconds(_floor.Min)} / {Seconds(_floor.Median)}; `./build.sh --help` ÷ floor = **{startup.Numerator.Median.TotalMilliseconds / _floor.Median.TotalMilliseconds:0.00}**.");
        }

        text.AppendLine();
        return text.ToString();
    }

    private static string Seconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.000}s");

    private static string CopyToTemp(string directory)
    {
        var target = Directory.CreateTempSubdirectory("pipelines-bench-").FullName;
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(directory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pipelines.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the Pipelines repository.");
    }
}
