using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Pipelines.Docker.Generators;

/// <summary>
/// Generates a static class of stage-name and ARG-name constants for every Dockerfile listed as an additional file with
/// <c>PipelinesDockerfile="true"</c> metadata, so <c>WithTarget(GoApiStages.Production)</c> is checked at compile time.
/// </summary>
/// <remarks>
/// Project file convention (import <c>build/Pipelines.Docker.Generators.targets</c> for the item type):
/// <code>
/// &lt;PipelinesDockerfile Include="examples/go-api/Dockerfile" PipelinesName="GoApi" /&gt;
/// </code>
/// or, without the targets file, directly
/// <code>
/// &lt;AdditionalFiles Include="examples/go-api/Dockerfile" PipelinesDockerfile="true" PipelinesName="GoApi" /&gt;
/// &lt;CompilerVisibleItemMetadata Include="AdditionalFiles" MetadataName="PipelinesDockerfile" /&gt;
/// &lt;CompilerVisibleItemMetadata Include="AdditionalFiles" MetadataName="PipelinesName" /&gt;
/// </code>
/// <c>PipelinesName</c> defaults to the folder name in PascalCase (<c>go-api</c> → <c>GoApi</c>, plus the file suffix for
/// <c>Dockerfile.debug</c>); the class is <c>{Name}Stages</c> in <c>PipelinesNamespace</c> (default: the project's RootNamespace).
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class DockerfileStagesGenerator : IIncrementalGenerator
{
    /// <summary>A listed Dockerfile does not parse.</summary>
    public static readonly DiagnosticDescriptor ParseError = new(
        "PLGEN001", "Dockerfile does not parse", "{0}: {1}", "Pipelines.Dockerfile", DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <summary>Two listed Dockerfiles map to the same class name.</summary>
    public static readonly DiagnosticDescriptor DuplicateName = new(
        "PLGEN002", "Duplicate stage class name", "Dockerfiles '{0}' and '{1}' both generate '{2}'; set PipelinesName on one of them", "Pipelines.Dockerfile", DiagnosticSeverity.Error, isEnabledByDefault: true);

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var dockerfiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select((pair, cancellationToken) => Read(pair.Left, pair.Right, cancellationToken))
            .Where(input => input is not null)
            .Collect();

        context.RegisterSourceOutput(dockerfiles, Emit);
    }

    private static DockerfileInput? Read(AdditionalText file, AnalyzerConfigOptionsProvider provider, CancellationToken cancellationToken)
    {
        var options = provider.GetOptions(file);
        if (!options.TryGetValue("build_metadata.AdditionalFiles.PipelinesDockerfile", out var flag) || !string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        options.TryGetValue("build_metadata.AdditionalFiles.PipelinesName", out var name);
        if (!options.TryGetValue("build_metadata.AdditionalFiles.PipelinesNamespace", out var ns) || string.IsNullOrWhiteSpace(ns))
        {
            provider.GlobalOptions.TryGetValue("build_property.RootNamespace", out ns);
        }

        var text = file.GetText(cancellationToken)?.ToString() ?? "";
        return new DockerfileInput(file.Path, string.IsNullOrWhiteSpace(name) ? DefaultName(file.Path) : Identifier(name!), string.IsNullOrWhiteSpace(ns) ? null : ns, text);
    }

    private static void Emit(SourceProductionContext context, ImmutableArray<DockerfileInput?> inputs)
    {
        var used = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in inputs.Where(i => i is not null).Select(i => i!).OrderBy(i => i.Path, StringComparer.Ordinal))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var className = input.Name + "Stages";
            var key = (input.Namespace ?? "") + "." + className;
            if (used.TryGetValue(key, out var other))
            {
                context.ReportDiagnostic(Diagnostic.Create(DuplicateName, Location.None, other, input.Path, className));
                continue;
            }

            used[key] = input.Path;
            var scan = StageScanner.Scan(input.Text);
            if (scan.Error is not null)
            {
                var position = new LinePosition(scan.ErrorLine - 1, Math.Max(0, scan.ErrorColumn - 1));
                var location = Location.Create(input.Path, default, new LinePositionSpan(position, position));
                context.ReportDiagnostic(Diagnostic.Create(ParseError, location, $"{input.Path}:{scan.ErrorLine}:{scan.ErrorColumn}", scan.Error));
                continue;
            }

            context.AddSource(className + ".g.cs", SourceText.From(Render(input, className, scan), Encoding.UTF8));
        }
    }

    internal static string Render(DockerfileInput input, string className, ScanResult scan)
    {
        var fileName = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(input.Path) ?? "") + "/" + System.IO.Path.GetFileName(input.Path);
        var sb = new StringBuilder();
        sb.AppendLine("// <auto-generated/> by Pipelines.Docker.Generators from " + fileName);
        sb.AppendLine("#nullable enable");
        if (input.Namespace is not null)
        {
            sb.AppendLine().Append("namespace ").Append(input.Namespace).AppendLine(";");
        }

        sb.AppendLine();
        sb.AppendLine($"/// <summary>Stage names and build arguments of <c>{Xml(fileName)}</c>; pass a stage to <c>--target</c>.</summary>");
        sb.AppendLine("[global::System.CodeDom.Compiler.GeneratedCode(\"Pipelines.Docker.Generators\", \"1.0\")]");
        sb.AppendLine($"public static class {className}");
        sb.AppendLine("{");
        var members = new HashSet<string>(StringComparer.Ordinal) { "All", "Final", "Args", className };
        var named = scan.Stages.Where(s => s.Name is not null).GroupBy(s => s.Name!, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(s => s.Index).ToList();
        foreach (var stage in named)
        {
            var member = Unique(Identifier(stage.Name!), members, "Stage");
            sb.AppendLine($"    /// <summary>Stage <c>{Xml(stage.Name!)}</c> (index {stage.Index}, line {stage.Line}): <c>FROM {Xml(stage.Image)}</c>.</summary>");
            sb.AppendLine($"    public const string {member} = {Literal(stage.Name!)};");
            sb.AppendLine();
        }

        var final = scan.Stages[scan.Stages.Count - 1];
        sb.AppendLine("    /// <summary>The final stage (built without <c>--target</c>)" + (final.Name is null ? $": unnamed, index {final.Index}" : "") + ".</summary>");
        sb.AppendLine($"    public const string Final = {Literal(final.Name ?? final.Index.ToString(CultureInfo.InvariantCulture))};");
        sb.AppendLine();
        sb.AppendLine("    /// <summary>Every named stage, in file order.</summary>");
        sb.AppendLine($"    public static global::System.Collections.Generic.IReadOnlyList<string> All {{ get; }} = new string[] {{ {string.Join(", ", named.Select(s => Literal(s.Name!)))} }};");
        sb.AppendLine();
        sb.AppendLine("    /// <summary>Build arguments declared with ARG (pass them with <c>--build-arg</c>).</summary>");
        sb.AppendLine("    public static class Args");
        sb.AppendLine("    {");
        var argMembers = new HashSet<string>(StringComparer.Ordinal) { "Args" };
        foreach (var arg in scan.Args.GroupBy(a => a.Name, StringComparer.Ordinal).Select(g => g.First()))
        {
            if (argMembers.Count > 1)
            {
                sb.AppendLine();
            }

            var member = Unique(Identifier(arg.Name), argMembers, "Arg");
            var scope = arg.Global ? "global (usable in FROM)" : "stage";
            var fallback = arg.DefaultValue is null ? "no default" : $"default <c>{Xml(arg.DefaultValue)}</c>";
            sb.AppendLine($"        /// <summary><c>ARG {Xml(arg.Name)}</c>, {scope}, {fallback} (line {arg.Line}).</summary>");
            sb.AppendLine($"        public const string {member} = {Literal(arg.Name)};");
        }

        sb.AppendLine("    }");
        sb.AppendLine("}");
        return sb.ToString().Replace("\r\n", "\n");
    }

    internal static string DefaultName(string path)
    {
        var directory = System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(path) ?? "");
        var file = System.IO.Path.GetFileName(path);
        var suffix = file.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase) ? file.Substring("Dockerfile.".Length)
            : file.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase) ? file.Substring(0, file.Length - ".Dockerfile".Length)
            : "";
        return Identifier(directory + "-" + suffix);
    }

    /// <summary>PascalCase identifier from a name such as <c>test-run</c> or <c>GO_VERSION</c>.</summary>
    internal static string Identifier(string name)
    {
        var sb = new StringBuilder();
        foreach (var part in name.Split(new[] { '-', '_', '.', ' ', '/', '\\' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var clean = new string(part.Where(char.IsLetterOrDigit).ToArray());
            if (clean.Length == 0)
            {
                continue;
            }

            var allUpper = clean.All(c => !char.IsLetter(c) || char.IsUpper(c));
            sb.Append(char.ToUpperInvariant(clean[0])).Append(allUpper ? clean.Substring(1).ToLowerInvariant() : clean.Substring(1));
        }

        if (sb.Length == 0)
        {
            sb.Append("Dockerfile");
        }

        if (char.IsDigit(sb[0]))
        {
            sb.Insert(0, '_');
        }

        return sb.ToString();
    }

    private static string Unique(string member, HashSet<string> used, string suffix)
    {
        var candidate = member;
        if (used.Contains(candidate))
        {
            candidate = member + suffix;
        }

        for (var n = 2; used.Contains(candidate); n++)
        {
            candidate = member + suffix + n.ToString(CultureInfo.InvariantCulture);
        }

        used.Add(candidate);
        return candidate;
    }

    private static string Literal(string value) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);

    private static string Xml(string value) => value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
