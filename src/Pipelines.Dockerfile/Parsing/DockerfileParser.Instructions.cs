namespace Pipelines.Dockerfile;

internal sealed partial class DockerfileParser
{
    private DockerfileInstruction ParseInstruction(LogicalLine logical)
    {
        var text = logical.Text;
        var i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        var keywordStart = i;
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        var keyword = KnownKeyword(text.AsSpan(keywordStart, i - keywordStart)) ?? text[keywordStart..i].ToUpperInvariant();
        var location = logical.Locate(keywordStart);
        if (Array.IndexOf(Keywords, keyword) < 0)
        {
            var suggestion = Pipelines.Engine.Text.DidYouMean(keyword, Keywords);
            throw new DockerfileParseException(location, $"unknown instruction '{text[keywordStart..i]}'{(suggestion is null ? "" : $" (did you mean {suggestion}?)")}", "an instruction such as FROM, RUN, COPY, ARG, ENV, CMD");
        }

        if (keyword == "FROM")
        {
            _stageIndex++;
        }
        else if (_stageIndex < 0 && keyword != "ARG")
        {
            throw new DockerfileParseException(location, $"{keyword} before the first FROM", "FROM (only ARG may come before the first FROM)");
        }

        var flags = keyword == "ONBUILD" ? [] : ReadFlags(logical, keyword, ref i);
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        var argumentsStart = i;
        var arguments = text[i..].TrimEnd();
        var jsonCapable = keyword is "RUN" or "CMD" or "ENTRYPOINT" or "COPY" or "ADD" or "SHELL" or "VOLUME";
        var json = jsonCapable ? JsonArray.TryParse(arguments) : null;
        var lenient = keyword is "RUN" or "CMD" or "ENTRYPOINT" or "ONBUILD" or "HEALTHCHECK";

        // shell-form commands are split into words only when asked (or when a heredoc marker may be present)
        var deferred = json is null && keyword is "RUN" or "CMD" or "ENTRYPOINT" or "ONBUILD" && !arguments.Contains("<<", StringComparison.Ordinal);
        var words = json is not null ? json.Select(w => new ShellWord(w, w, 0)).ToList()
            : deferred ? []
            : SplitWords(arguments, logical, argumentsStart, lenient);

        List<Heredoc>? heredocs = null;
        if (json is null && !deferred && keyword is "RUN" or "COPY" or "ADD")
        {
            foreach (var word in words)
            {
                if (TryReadHeredocMarker(word.Raw, out var fd, out var strip, out var name, out var expand))
                {
                    heredocs ??= [];
                    heredocs.Add(ReadHeredocBody(name, strip, expand, fd, logical.Locate(argumentsStart + word.Offset)));
                }
            }
        }

        var endLine = heredocs is not null ? _next : logical.LastLine;
        var escape = Escape;
        var wordValues = deferred
            ? new Lazy<IReadOnlyList<string>>(() => LenientSplit(arguments, escape).Select(w => w.Value).ToList())
            : new Lazy<IReadOnlyList<string>>(Values(words, 0, words.Count));
        var parts = new InstructionParts(
            keyword, location, endLine, flags, arguments, logical.Locate(argumentsStart), json is not null,
            wordValues, heredocs ?? (IReadOnlyList<Heredoc>)[], _stageIndex);
        SourceLocation At(ShellWord w) => logical.Locate(argumentsStart + w.Offset);

        switch (keyword)
        {
            case "FROM":
                return ParseFrom(parts, words, At);
            case "ARG":
                return ParseArg(parts, words, At);
            case "ENV":
            case "LABEL":
                return ParseKeyValues(parts, words, arguments, At);
            case "COPY":
            case "ADD":
                if (words.Count < 2)
                {
                    throw new DockerfileParseException(parts.ArgumentsLocation, $"{keyword} requires at least two arguments", $"{keyword} <src>... <dest>");
                }

                return new CopyInstruction(parts, Values(words, 0, words.Count - 1), words[^1].Value);
            case "RUN":
                if (arguments.Length == 0)
                {
                    throw new DockerfileParseException(parts.ArgumentsLocation, "RUN requires a command", "RUN <command> or RUN [\"executable\", \"arg\"]");
                }

                var mounts = new List<RunMount>();
                foreach (var flag in flags)
                {
                    if (flag.Name == "mount")
                    {
                        mounts.Add(ParseMount(flag));
                    }
                }

                return new RunInstruction(parts, mounts);
            case "SHELL":
                if (json is null || json.Count == 0)
                {
                    throw new DockerfileParseException(parts.ArgumentsLocation, "SHELL requires the arguments in JSON form", "SHELL [\"executable\", \"parameters\"]");
                }

                break;
            case "WORKDIR":
            case "USER":
            case "MAINTAINER":
            case "STOPSIGNAL":
            case "EXPOSE":
            case "VOLUME":
            case "ONBUILD":
                if (arguments.Length == 0)
                {
                    throw new DockerfileParseException(parts.ArgumentsLocation, $"{keyword} requires an argument", $"{keyword} <value>");
                }

                break;
            case "HEALTHCHECK":
                if (words.Count == 0 || !(words[0].Value.Equals("NONE", StringComparison.OrdinalIgnoreCase) || (words[0].Value.Equals("CMD", StringComparison.OrdinalIgnoreCase) && words.Count > 1)))
                {
                    throw new DockerfileParseException(parts.ArgumentsLocation, "HEALTHCHECK needs NONE or CMD <command>", "HEALTHCHECK [options] CMD <command> or HEALTHCHECK NONE");
                }

                break;
        }

        return new DockerfileInstruction(parts);
    }

    /// <summary>The keyword an ASCII word spells (any case), without allocating; <c>null</c> otherwise.</summary>
    private static string? KnownKeyword(ReadOnlySpan<char> word)
    {
        if (!System.Text.Ascii.IsValid(word))
        {
            return null;
        }

        foreach (var keyword in Keywords)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(word, keyword))
            {
                return keyword;
            }
        }

        return null;
    }

    private static List<string> Values(List<ShellWord> words, int start, int count)
    {
        var values = new List<string>(count);
        for (var k = start; k < start + count; k++)
        {
            values.Add(words[k].Value);
        }

        return values;
    }

    private List<ShellWord> SplitWords(string arguments, LogicalLine logical, int argumentsStart, bool lenient)
    {
        try
        {
            return ShellWords.Split(arguments, Escape, logical, argumentsStart);
        }
        catch (DockerfileParseException) when (lenient)
        {
            return WhitespaceSplit(arguments);
        }
    }

    private static List<ShellWord> LenientSplit(string arguments, char escape)
    {
        try
        {
            return ShellWords.Split(arguments, escape);
        }
        catch (DockerfileParseException)
        {
            return WhitespaceSplit(arguments);
        }
    }

    /// <summary>Shell form is handed to the shell as text; a quote the shell would reject is the shell's business.</summary>
    private static List<ShellWord> WhitespaceSplit(string arguments)
    {
        {
            var words = new List<ShellWord>();
            var offset = 0;
            foreach (var w in arguments.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                offset = arguments.IndexOf(w, offset, StringComparison.Ordinal);
                words.Add(new ShellWord(w, w, offset));
                offset += w.Length;
            }

            return words;
        }
    }

    private List<DockerfileFlag> ReadFlags(LogicalLine logical, string keyword, ref int i)
    {
        var text = logical.Text;
        var flags = new List<DockerfileFlag>();
        while (true)
        {
            var start = i;
            while (start < text.Length && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            if (start + 2 >= text.Length || text[start] != '-' || text[start + 1] != '-' || char.IsWhiteSpace(text[start + 2]))
            {
                return flags;
            }

            var end = start;
            while (end < text.Length && !char.IsWhiteSpace(text[end]))
            {
                if (text[end] is '"' or '\'')
                {
                    var close = ShellWords.FindClosingQuote(text, end, Escape);
                    if (close < 0)
                    {
                        throw new DockerfileParseException(logical.Locate(end), "unterminated quote in flag", $"a closing {text[end]}");
                    }

                    end = close;
                }

                end++;
            }

            var token = text[(start + 2)..end];
            var eq = token.IndexOf('=', StringComparison.Ordinal);
            var name = (eq < 0 ? token : token[..eq]).ToLowerInvariant();
            var location = logical.Locate(start);
            if (name.Length == 0)
            {
                throw new DockerfileParseException(location, "flag without a name", "--name=value");
            }

            var allowed = AllowedFlags.GetValueOrDefault(keyword, []);
            if (Array.IndexOf(allowed, name) < 0)
            {
                var expected = allowed.Length == 0 ? $"no flags on {keyword}" : "one of " + string.Join(", ", allowed.Select(a => "--" + a));
                throw new DockerfileParseException(location, $"unknown flag --{name} for {keyword}", expected);
            }

            string? value = null;
            if (eq >= 0)
            {
                var raw = token[(eq + 1)..];
                var parts = ShellWords.Split(raw, Escape, logical, start + 2 + eq + 1);
                value = parts.Count switch
                {
                    0 => "",
                    1 => parts[0].Value,
                    _ => string.Join(' ', parts.Select(p => p.Value)),
                };
            }

            flags.Add(new DockerfileFlag(name, value, location));
            i = end;
        }
    }

    private static bool TryReadHeredocMarker(string raw, out int? fd, out bool strip, out string name, out bool expand)
    {
        fd = null;
        strip = false;
        name = "";
        expand = true;
        var i = 0;
        while (i < raw.Length && char.IsAsciiDigit(raw[i]))
        {
            i++;
        }

        if (i + 2 > raw.Length || raw[i] != '<' || raw[i + 1] != '<')
        {
            return false;
        }

        if (i > 0)
        {
            fd = int.Parse(raw.AsSpan(0, i), System.Globalization.CultureInfo.InvariantCulture);
        }

        i += 2;
        if (i < raw.Length && raw[i] == '-')
        {
            strip = true;
            i++;
        }

        var rest = raw[i..];
        if (rest.Length == 0 || rest.Contains('<', StringComparison.Ordinal))
        {
            return false;
        }

        expand = !rest.Contains('"', StringComparison.Ordinal) && !rest.Contains('\'', StringComparison.Ordinal);
        name = expand ? rest : rest.Replace("\"", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
        return name.Length > 0;
    }

    private Heredoc ReadHeredocBody(string name, bool strip, bool expand, int? fd, SourceLocation marker)
    {
        var body = new System.Text.StringBuilder();
        while (_next < _lines.Length)
        {
            var line = _lines[_next++];
            var content = strip ? line.TrimStart('\t') : line;
            if (content == name)
            {
                return new Heredoc(name, body.ToString(), strip, expand, fd, marker);
            }

            body.Append(content).Append('\n');
        }

        throw new DockerfileParseException(new SourceLocation(_file, _lines.Length, 1), $"heredoc '{name}' started at {marker.Line}:{marker.Column} is not terminated", $"a line containing only {name}");
    }

    private static FromInstruction ParseFrom(InstructionParts parts, List<ShellWord> words, Func<ShellWord, SourceLocation> at)
    {
        const string form = "FROM [--platform=<platform>] <image> [AS <name>]";
        if (words.Count == 0)
        {
            throw new DockerfileParseException(parts.ArgumentsLocation, "FROM requires an image", form);
        }

        if (words.Count == 2 || words.Count > 3 || (words.Count == 3 && !words[1].Value.Equals("AS", StringComparison.OrdinalIgnoreCase)))
        {
            var bad = words.Count == 2 ? words[1] : words[1].Value.Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[^1] : words[1];
            throw new DockerfileParseException(at(bad), $"unexpected '{bad.Raw}' after the image", form);
        }

        if (words.Count == 1)
        {
            return new FromInstruction(parts, words[0].Value, null, null);
        }

        var name = words[2].Value.ToLowerInvariant();
        if (!IsValidStageName(name))
        {
            throw new DockerfileParseException(at(words[2]), $"invalid stage name '{words[2].Value}'", "a name starting with a letter, then letters, digits, '-', '_' or '.'");
        }

        return new FromInstruction(parts, words[0].Value, name, at(words[2]));
    }

    internal static bool IsValidStageName(string name)
        => name.Length > 0 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.');

    private static ArgInstruction ParseArg(InstructionParts parts, List<ShellWord> words, Func<ShellWord, SourceLocation> at)
    {
        if (words.Count == 0)
        {
            throw new DockerfileParseException(parts.ArgumentsLocation, "ARG requires a name", "ARG <name>[=<default>]");
        }

        var declarations = new List<KeyValue>();
        foreach (var word in words)
        {
            var eq = word.Value.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? word.Value : word.Value[..eq];
            if (name.Length == 0)
            {
                throw new DockerfileParseException(at(word), "ARG name is empty", "<name>[=<default>]");
            }

            declarations.Add(new KeyValue(name, eq < 0 ? null : word.Value[(eq + 1)..], at(word)));
        }

        return new ArgInstruction(parts, declarations);
    }

    private static KeyValueInstruction ParseKeyValues(InstructionParts parts, List<ShellWord> words, string arguments, Func<ShellWord, SourceLocation> at)
    {
        var keyword = parts.Keyword;
        if (words.Count == 0)
        {
            throw new DockerfileParseException(parts.ArgumentsLocation, $"{keyword} requires at least one argument", $"{keyword} <name>=<value> ...");
        }

        if (!words[0].Raw.Contains('=', StringComparison.Ordinal))
        {
            // legacy form: ENV name value with spaces
            if (words.Count < 2)
            {
                throw new DockerfileParseException(at(words[0]), $"{keyword} {words[0].Raw} has no value", $"{keyword} <name>=<value> or {keyword} <name> <value>");
            }

            var value = string.Join(' ', words.Skip(1).Select(w => w.Value));
            return new KeyValueInstruction(parts, [new KeyValue(words[0].Value, value, at(words[0]))], isLegacyForm: true);
        }

        var pairs = new List<KeyValue>();
        foreach (var word in words)
        {
            var eq = word.Value.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                throw new DockerfileParseException(at(word), $"'{word.Raw}' has no '='", "<name>=<value>");
            }

            if (eq == 0)
            {
                throw new DockerfileParseException(at(word), $"{keyword} name is empty", "<name>=<value>");
            }

            pairs.Add(new KeyValue(word.Value[..eq], word.Value[(eq + 1)..], at(word)));
        }

        return new KeyValueInstruction(parts, pairs, isLegacyForm: false);
    }

    private static RunMount ParseMount(DockerfileFlag flag)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in (flag.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = field.IndexOf('=', StringComparison.Ordinal);
            var key = (eq < 0 ? field : field[..eq]).Trim().ToLowerInvariant();
            options[key] = eq < 0 ? "" : field[(eq + 1)..].Trim().Trim('"', '\'');
        }

        var type = options.GetValueOrDefault("type", "bind");
        if (!MountTypes.Contains(type))
        {
            throw new DockerfileParseException(flag.Location, $"unsupported mount type '{type}'", "type=bind, cache, secret, ssh or tmpfs");
        }

        string? Get(params ReadOnlySpan<string> keys)
        {
            foreach (var key in keys)
            {
                if (options.TryGetValue(key, out var value))
                {
                    return value;
                }
            }

            return null;
        }

        var target = Get("target", "dst", "destination");
        if (target is null && type is "bind" or "cache" or "tmpfs")
        {
            throw new DockerfileParseException(flag.Location, $"--mount=type={type} has no target", "target=<path in the container>");
        }

        return new RunMount
        {
            Type = type,
            Target = target,
            Source = Get("source", "src"),
            From = Get("from"),
            Id = Get("id"),
            Options = options,
            Location = flag.Location,
        };
    }
}
