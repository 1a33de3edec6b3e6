namespace Pipelines.Dockerfile;

/// <summary>Splits instructions into stages, expands variables in stage references and resolves them to edges.</summary>
internal static class StageGraphBuilder
{
    public static (IReadOnlyList<KeyValue> GlobalArgs, StageGraph Graph) Build(ParsedDockerfile parsed, DockerfileParseOptions options)
    {
        var escape = parsed.Directives.Escape;
        var automatic = options.AutomaticArguments();
        var globalArgs = new List<KeyValue>();
        var globalValues = new Dictionary<string, string?>(StringComparer.Ordinal);
        Func<string, string?> globalLookup = name => globalValues.TryGetValue(name, out var v) ? v : automatic.GetValueOrDefault(name);

        foreach (var arg in parsed.Instructions.TakeWhile(i => i.StageIndex < 0).OfType<ArgInstruction>())
        {
            foreach (var declaration in arg.Declarations)
            {
                globalArgs.Add(declaration);
                globalValues[declaration.Name] = options.BuildArguments.TryGetValue(declaration.Name, out var given)
                    ? given
                    : declaration.Value is null ? null : Expand(declaration.Value, globalLookup, escape, arg.Location);
            }
        }

        var stages = new List<DockerfileStage>();
        var edges = new List<StageEdge>();
        var errors = new List<StageGraphError>();
        var groups = parsed.Instructions.Where(i => i.StageIndex >= 0).GroupBy(i => i.StageIndex).ToList();
        var names = groups.Select(g => ((FromInstruction)g.First()).StageName).ToList();

        foreach (var group in groups)
        {
            var index = group.Key;
            var from = (FromInstruction)group.First();
            var body = group.Skip(1).ToList();
            var image = Expand(from.Image, globalLookup, escape, from.ArgumentsLocation);
            var platform = from.Platform is null ? null : Expand(from.Platform, globalLookup, escape, from.Location);

            StageBaseKind kind;
            int? baseStage = null;
            var earlier = FindName(names, image, 0, index);
            if (string.Equals(image, "scratch", StringComparison.OrdinalIgnoreCase))
            {
                kind = StageBaseKind.Scratch;
            }
            else if (earlier is { } e)
            {
                kind = StageBaseKind.Stage;
                baseStage = e;
                edges.Add(new StageEdge(index, e, null, StageEdgeKind.Base, from.Image, from.ArgumentsLocation));
            }
            else
            {
                kind = StageBaseKind.Image;
                edges.Add(new StageEdge(index, null, image, StageEdgeKind.Base, from.Image, from.ArgumentsLocation));
                if (FindName(names, image, index, names.Count) is { } later)
                {
                    errors.Add(new StageGraphError(
                        $"FROM {from.Image}: stage '{names[later]}' is defined later (line {((FromInstruction)groups[later].First()).Location.Line}); a stage can only be based on an earlier stage, so BuildKit would pull an image named '{image}'",
                        from.Image, names[later], IsForwardReference: true, from.ArgumentsLocation));
                }
            }

            // stage scope: ARGs declared in the stage (inheriting global defaults) and ENV
            var scope = new Dictionary<string, string?>(StringComparer.Ordinal);
            Func<string, string?> stageLookup = name => scope.TryGetValue(name, out var v) ? v : null;
            foreach (var instruction in body)
            {
                switch (instruction)
                {
                    case ArgInstruction arg:
                        foreach (var d in arg.Declarations)
                        {
                            scope[d.Name] = options.BuildArguments.TryGetValue(d.Name, out var given) ? given
                                : d.Value is not null ? Expand(d.Value, stageLookup, escape, d.Location)
                                : globalValues.TryGetValue(d.Name, out var g) ? g
                                : automatic.GetValueOrDefault(d.Name);
                        }

                        break;
                    case KeyValueInstruction { Keyword: "ENV" } env:
                        foreach (var pair in env.Pairs)
                        {
                            scope[pair.Name] = Expand(pair.Value ?? "", stageLookup, escape, pair.Location);
                        }

                        break;
                    case CopyInstruction copy when copy.GetFlag("from") is { Value: not null } flag:
                        Resolve(flag.Value!, StageEdgeKind.CopyFrom, flag.Location, "COPY --from");
                        break;
                    case RunInstruction run:
                        foreach (var mount in run.Mounts.Where(m => m.From is not null))
                        {
                            Resolve(mount.From!, StageEdgeKind.MountFrom, mount.Location, "RUN --mount from");
                        }

                        break;
                }
            }

            stages.Add(new DockerfileStage(index, from, body, image, platform, kind, baseStage));

            void Resolve(string reference, StageEdgeKind edgeKind, SourceLocation location, string what)
            {
                var value = Expand(reference, stageLookup, escape, location);
                if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
                {
                    if (number < index)
                    {
                        edges.Add(new StageEdge(index, number, null, edgeKind, reference, location));
                    }
                    else
                    {
                        errors.Add(new StageGraphError(
                            $"{what}={reference}: stage {number} is {(number == index ? "the current stage" : number < names.Count ? "a later stage" : "not defined")}; only earlier stages (0..{index - 1}) can be used",
                            reference, null, IsForwardReference: number < names.Count, location));
                    }

                    return;
                }

                if (FindName(names, value, 0, index) is { } found)
                {
                    edges.Add(new StageEdge(index, found, null, edgeKind, reference, location));
                    return;
                }

                if (FindName(names, value, index, names.Count) is { } later)
                {
                    errors.Add(new StageGraphError(
                        $"{what}={reference}: stage '{names[later]}' is {(later == index ? "the current stage" : "defined later")}; move it above line {location.Line} or copy from an earlier stage",
                        reference, names[later], IsForwardReference: true, location));
                    return;
                }

                var bare = !value.Contains(':', StringComparison.Ordinal) && !value.Contains('/', StringComparison.Ordinal) && !value.Contains('@', StringComparison.Ordinal);
                var suggestion = bare ? Pipelines.Engine.Text.DidYouMean(value, names.Take(index).OfType<string>()) : null;
                if (suggestion is not null)
                {
                    errors.Add(new StageGraphError(
                        $"{what}={reference}: no stage named '{value}' before line {location.Line} (did you mean '{suggestion}'?); to copy from an image, give it a tag",
                        reference, suggestion, IsForwardReference: false, location));
                    return;
                }

                edges.Add(new StageEdge(index, null, value, edgeKind, reference, location));
            }
        }

        return (globalArgs, new StageGraph(stages, edges, errors));
    }

    private static int? FindName(List<string?> names, string value, int from, int to)
    {
        for (var i = Math.Min(to, names.Count) - 1; i >= from; i--)
        {
            if (names[i] is { } name && string.Equals(name, value, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return null;
    }

    private static string Expand(string word, Func<string, string?> lookup, char escape, SourceLocation location)
    {
        if (!word.Contains('$', StringComparison.Ordinal) && !word.Contains('"', StringComparison.Ordinal) && !word.Contains('\'', StringComparison.Ordinal) && !word.Contains(escape, StringComparison.Ordinal))
        {
            return word;
        }

        var expander = new VariableExpander(lookup, escape, offset => location with { Column = location.Column + offset });
        return expander.Expand(word);
    }
}
