using System.Diagnostics;
using System.Text.Json;

namespace Pipelines.Dockerfile.Tests;

/// <summary>
/// Compares the parser with the real BuildKit frontend (<c>docker buildx build --call targets|check</c>):
/// same stages, bases, platforms and lines; the same files rejected. Needs the engine (engine/provision.sh).
/// </summary>
[Trait("Category", "Engine")]
public sealed class BuildxCrossCheckTests : IDisposable
{
    private readonly TempDirectory _context = new();

    public void Dispose() => _context.Dispose();

    public static TheoryData<string> Dockerfiles()
    {
        var data = new TheoryData<string>
        {
            "# escape=`\nARG BASE=busybox\nARG TAG=1\nFROM ${BASE}:${TAG} AS Base\nRUN <<EOF\necho FROM x AS y\nEOF\nFROM base `\n  AS Build\nCOPY --from=0 /bin/sh /sh\nFROM scratch\nCOPY --from=build /sh /sh\n",
            "FROM --platform=$BUILDPLATFORM busybox:1 AS tools\n# FROM commented AS nope\nFROM --platform=linux/arm64 busybox:1\nFROM tools AS final\n",
            "ARG A=1 B\nFROM busybox:1\nARG C=\"x y\"\nCOPY <<-X /f\n\tFROM x AS nope\n\tX\nFROM scratch AS out\n",
        };
        var examples = Path.Combine(ToolEndToEndTests.FindRepositoryRoot(), "examples");
        foreach (var file in Directory.EnumerateFiles(examples, "*Dockerfile*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".dockerignore", StringComparison.Ordinal)).Order())
        {
            data.Add(Path.GetRelativePath(examples, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Dockerfiles))]
    public void Stages_match_buildx_call_targets(string dockerfileOrExample)
    {
        var path = Path.Combine(ToolEndToEndTests.FindRepositoryRoot(), "examples", dockerfileOrExample);
        var text = dockerfileOrExample.Contains('\n') ? dockerfileOrExample : File.ReadAllText(path);
        var file = _context.Write("Dockerfile.under-test", text);

        var (exit, output, error) = Buildx("--call", "targets,format=json", "-f", file, _context.Path);

        exit.ShouldBe(0, error);
        using var json = JsonDocument.Parse(output);
        var buildkit = json.RootElement.GetProperty("targets").EnumerateArray().Select(t => (
            Name: t.TryGetProperty("name", out var n) ? n.GetString() : null,
            Base: t.GetProperty("base").GetString(),
            Platform: t.TryGetProperty("platform", out var p) ? p.GetString() : null,
            Line: t.GetProperty("location").GetProperty("ranges")[0].GetProperty("start").GetProperty("line").GetInt32(),
            Default: t.TryGetProperty("default", out var d) && d.GetBoolean())).ToList();

        var document = DockerfileDocument.Parse(text, file);
        var ours = document.Stages.Select(s => (s.Name, Base: (string?)s.BaseImage, Platform: s.From.Platform, s.Line, Default: s == document.FinalStage)).ToList();
        ours.ShouldBe(buildkit);
    }

    [Theory]
    [InlineData("FROM busybox\nRUNN x\n", 2)]
    [InlineData("FROM busybox\nCOPY --form=x a b\n", 2)]
    [InlineData("FROM\n", 1)]
    [InlineData("FROM busybox trailing\n", 1)]
    [InlineData("FROM busybox AS 1st\n", 1)]
    [InlineData("FROM busybox\nCMD --help\n", 2)]
    [InlineData("FROM busybox\nENV a=1 b\n", -2)]
    [InlineData("FROM busybox\nHEALTHCHECK wget x\n", 2)]
    [InlineData("FROM busybox\nSHELL /bin/sh -c\n", 2)]
    [InlineData("FROM busybox\nWORKDIR\n", 2)]
    [InlineData("FROM busybox\nCOPY onlyone\n", 2)]
    [InlineData("RUN x\nFROM busybox\n", -1)]
    [InlineData("FROM busybox\nRUN <<EOF\necho\n", 0)]
    [InlineData("FROM busybox\nRUN true\n\\\n", 3)]
    [InlineData("FROM busybox\nRUN --mount=type=volume,target=/x true\n", 0)]
    [InlineData("FROM busybox\nRUN --mount=type=cache,id=x true\n", 0)]
    /// <param name="text">The Dockerfile.</param>
    /// <param name="line">The line both report; negative when only we report it (BuildKit's message has no line), 0 when neither is compared.</param>
    public void Files_buildkit_rejects_are_rejected_before_buildkit_starts(string text, int line)
    {
        var file = _context.Write("Dockerfile.under-test", text);

        var (exit, _, error) = Buildx("--call", "check", "-f", file, _context.Path);

        exit.ShouldNotBe(0, "BuildKit should reject it too");
        var ours = Should.Throw<DockerfileParseException>(() => DockerfileDocument.Parse(text, file));
        if (line > 0)
        {
            error.ShouldContain($"line {line}");
        }

        if (line != 0)
        {
            ours.Line.ShouldBe(Math.Abs(line));
        }
    }

    private static (int ExitCode, string Output, string Error) Buildx(params string[] args)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("buildx");
        start.ArgumentList.Add("build");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(120_000).ShouldBeTrue("buildx should answer within two minutes");
        return (process.ExitCode, output.Result, error.Result);
    }
}
