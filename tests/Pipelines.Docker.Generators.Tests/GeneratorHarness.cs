using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Pipelines.Docker.Generators.Tests;

/// <summary>Runs <see cref="DockerfileStagesGenerator"/> through Roslyn's <see cref="CSharpGeneratorDriver"/>.</summary>
internal static class GeneratorHarness
{
    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p)),
    ];

    public sealed record ListedDockerfile(string Path, string Text, string? Name = null, bool Listed = true, string? Namespace = null);

    public sealed record Result(Compilation Compilation, ImmutableArray<Diagnostic> GeneratorDiagnostics, IReadOnlyDictionary<string, string> Sources)
    {
        public IEnumerable<Diagnostic> CompileErrors => Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);

        public object? Constant(string type, string member)
            => Compilation.GetTypeByMetadataName(type)?.GetMembers(member).OfType<IFieldSymbol>().SingleOrDefault()?.ConstantValue;
    }

    public static Result Run(string userCode, string? rootNamespace, params ListedDockerfile[] dockerfiles)
    {
        var compilation = CSharpCompilation.Create(
            "Build",
            [CSharpSyntaxTree.ParseText(userCode, new CSharpParseOptions(LanguageVersion.Latest))],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var texts = dockerfiles.Select(d => (AdditionalText)new InMemoryText(d.Path, d.Text)).ToImmutableArray();
        var perFile = dockerfiles.ToDictionary(d => d.Path, d =>
        {
            var values = new Dictionary<string, string>();
            if (d.Listed)
            {
                values["build_metadata.AdditionalFiles.PipelinesDockerfile"] = "true";
            }

            if (d.Name is not null)
            {
                values["build_metadata.AdditionalFiles.PipelinesName"] = d.Name;
            }

            if (d.Namespace is not null)
            {
                values["build_metadata.AdditionalFiles.PipelinesNamespace"] = d.Namespace;
            }

            return values;
        });
        var global = rootNamespace is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace };

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new DockerfileStagesGenerator().AsSourceGenerator()],
            texts,
            new CSharpParseOptions(LanguageVersion.Latest),
            new OptionsProvider(global, perFile));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var sources = driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        return new Result(output, diagnostics, sources);
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value)
        {
            var found = values.TryGetValue(key, out var v);
            value = v ?? "";
            return found;
        }
    }

    private sealed class OptionsProvider(Dictionary<string, string> global, Dictionary<string, Dictionary<string, string>> perFile) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions => new Options(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
            => new Options(perFile.TryGetValue(textFile.Path, out var values) ? values : new Dictionary<string, string>());
    }
}
