namespace Pipelines.Dockerfile.Tests;

public class ParserTests
{
    private static DockerfileDocument Parse(string text, DockerfileParseOptions? options = null) => DockerfileDocument.Parse(text, "Dockerfile", options);

    private static DockerfileParseException ParseFails(string text) => Should.Throw<DockerfileParseException>(() => Parse(text));

    [Fact]
    public void Parser_directives_are_read_from_the_top()
    {
        var document = Parse("# syntax=docker/dockerfile:1.7\n# check=skip=JSONArgsRecommended;error=true\n# escape=`\nFROM busybox\n");

        document.Directives.Syntax.ShouldBe("docker/dockerfile:1.7");
        document.Directives.Check.ShouldBe("skip=JSONArgsRecommended;error=true");
        document.Directives.Escape.ShouldBe('`');
        document.Comments.ShouldBeEmpty();
    }

    [Fact]
    public void A_directive_after_a_comment_is_an_ordinary_comment()
    {
        var document = Parse("# hello\n# escape=`\nFROM busybox\n");

        document.Directives.Escape.ShouldBe('\\');
        document.Comments.Select(c => (c.Text, c.Location.Line)).ShouldBe([("hello", 1), ("escape=`", 2)]);
    }

    [Fact]
    public void A_repeated_directive_is_an_error_at_its_line()
    {
        var error = ParseFails("# escape=\\\n# escape=`\nFROM busybox\n");

        (error.Line, error.Column).ShouldBe((2, 1));
        error.Problem.ShouldContain("only one 'escape'");
    }

    [Fact]
    public void An_invalid_escape_character_is_an_error()
    {
        ParseFails("# escape=x\nFROM busybox\n").Expected.ShouldBe("'\\' or '`'");
    }

    [Fact]
    public void Backslash_continuations_join_lines_and_skip_comment_and_blank_lines()
    {
        var document = Parse("FROM busybox\nRUN apt-get update \\\n# a comment inside\n\n    && apt-get install -y curl\nUSER 1000\n");

        var run = document.Stages[0].OfType<RunInstruction>().Single();
        run.Arguments.ShouldBe("apt-get update     && apt-get install -y curl");
        (run.Location.Line, run.EndLine).ShouldBe((2, 5));
        document.Stages[0].Instructions[1].Location.Line.ShouldBe(6);
    }

    [Fact]
    public void Backtick_continuations_work_with_the_escape_directive()
    {
        var document = Parse("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command `\n    Write-Host hi\nWORKDIR C:\\app\n");

        document.Stages[0].OfType<RunInstruction>().Single().Arguments.ShouldBe("powershell -Command     Write-Host hi");
        document.Stages[0].WithKeyword("WORKDIR").Single().Words.ShouldBe(["C:\\app"]);
    }

    [Fact]
    public void Flags_on_continuation_lines_carry_their_own_line_and_column()
    {
        var document = Parse("FROM busybox AS base\nFROM busybox\nCOPY \\\n  --from=base \\\n  --chown=1000:1000 /a /b\n");

        var copy = document.Stages[1].OfType<CopyInstruction>().Single();
        copy.GetFlag("from")!.Location.ShouldBe(new SourceLocation("Dockerfile", 4, 3));
        copy.GetFlag("chown")!.Location.ShouldBe(new SourceLocation("Dockerfile", 5, 3));
        copy.ArgumentsLocation.ShouldBe(new SourceLocation("Dockerfile", 5, 21));
    }

    [Fact]
    public void A_lone_continuation_character_is_an_error_as_in_buildkit()
    {
        var error = ParseFails("FROM busybox\nRUN true\n\\\n");

        (error.Line, error.Column, error.Problem).ShouldBe((3, 1, "a continuation character continues nothing"));
    }

    [Fact]
    public void Comments_are_kept_with_their_positions()
    {
        var document = Parse("FROM busybox\n  # indented comment\nRUN true\n");

        document.Comments.Single().ShouldBe(new DockerfileComment("indented comment", new SourceLocation("Dockerfile", 2, 3)));
    }

    [Fact]
    public void Run_heredoc_body_is_attached_and_following_instructions_continue()
    {
        var document = Parse("FROM busybox\nRUN <<EOF\nset -e\necho hi\nEOF\nUSER 1000\n");

        var run = document.Stages[0].OfType<RunInstruction>().Single();
        var heredoc = run.Heredocs.Single();
        (heredoc.Name, heredoc.Content, heredoc.Expand, heredoc.StripTabs).ShouldBe(("EOF", "set -e\necho hi\n", true, false));
        heredoc.Location.ShouldBe(new SourceLocation("Dockerfile", 2, 5));
        run.EndLine.ShouldBe(5);
        run.Script.ShouldBe("<<EOF\nset -e\necho hi\n");
        document.Stages[0].Instructions[1].Keyword.ShouldBe("USER");
    }

    [Fact]
    public void Dash_heredoc_strips_leading_tabs_and_quoted_delimiter_disables_expansion()
    {
        var document = Parse("FROM busybox\nRUN <<-'END'\n\techo $HOME\n\tEND\n");

        var heredoc = document.Stages[0].OfType<RunInstruction>().Single().Heredocs.Single();
        (heredoc.Name, heredoc.Content, heredoc.StripTabs, heredoc.Expand).ShouldBe(("END", "echo $HOME\n", true, false));
    }

    [Fact]
    public void Several_heredocs_are_read_in_order_with_file_descriptors()
    {
        var document = Parse("FROM busybox\nRUN python3 3<<FIRST <<\"SECOND\"\none\nFIRST\ntwo\nSECOND\nCMD [\"sh\"]\n");

        var heredocs = document.Stages[0].OfType<RunInstruction>().Single().Heredocs;
        heredocs.Select(h => (h.Name, h.Content, h.FileDescriptor, h.Expand)).ShouldBe([("FIRST", "one\n", (int?)3, true), ("SECOND", "two\n", null, false)]);
        document.Stages[0].Instructions.Count.ShouldBe(2);
    }

    [Fact]
    public void Copy_heredoc_creates_a_file()
    {
        var document = Parse("FROM busybox\nCOPY <<EOF /etc/motd\nwelcome\nEOF\n");

        var copy = document.Stages[0].OfType<CopyInstruction>().Single();
        copy.Sources.ShouldBe(["<<EOF"]);
        copy.Destination.ShouldBe("/etc/motd");
        copy.Heredocs.Single().Content.ShouldBe("welcome\n");
    }

    [Fact]
    public void An_unterminated_heredoc_names_its_start()
    {
        var error = ParseFails("FROM busybox\nRUN <<EOF\necho hi\n");

        error.Problem.ShouldBe("heredoc 'EOF' started at 2:5 is not terminated");
        error.Expected.ShouldBe("a line containing only EOF");
    }

    [Fact]
    public void Json_form_and_shell_form_are_told_apart()
    {
        var document = Parse("FROM busybox\nCMD [\"/app\", \"--port\", \"8080\"]\nENTRYPOINT /app --verbose\nRUN [\"not json\"\n");

        var instructions = document.Stages[0].Instructions;
        instructions[0].IsJsonForm.ShouldBeTrue();
        instructions[0].Words.ShouldBe(["/app", "--port", "8080"]);
        instructions[1].IsJsonForm.ShouldBeFalse();
        instructions[1].Words.ShouldBe(["/app", "--verbose"]);
        instructions[2].IsJsonForm.ShouldBeFalse();
    }

    [Fact]
    public void Json_escapes_are_decoded()
    {
        var document = Parse("FROM busybox\nCMD [\"echo\", \"a\\\"b\\u0041\\\\\"]\n");

        document.Stages[0].Instructions[0].Words.ShouldBe(["echo", "a\"bA\\"]);
    }

    [Fact]
    public void From_platform_flag_and_stage_name_are_parsed()
    {
        var document = Parse("FROM --platform=$BUILDPLATFORM golang:1.22 as Build\n", new DockerfileParseOptions { BuildPlatform = "linux/arm64" });

        var stage = document.Stages.Single();
        stage.From.Platform.ShouldBe("$BUILDPLATFORM");
        stage.ResolvedPlatform.ShouldBe("linux/arm64");
        stage.Name.ShouldBe("build");
        stage.From.StageNameLocation.ShouldBe(new SourceLocation("Dockerfile", 1, 47));
    }

    [Fact]
    public void Copy_flags_are_parsed()
    {
        var document = Parse("FROM busybox AS a\nFROM busybox\nCOPY --from=a --chown=app:app --chmod=0755 --link --exclude=*.md --exclude=tmp --parents ./src/ ./docs/ /dst/\n");

        var copy = document.Stages[1].OfType<CopyInstruction>().Single();
        (copy.From, copy.Chown, copy.Chmod, copy.Link, copy.Parents).ShouldBe(("a", "app:app", "0755", true, true));
        copy.Excludes.ShouldBe(["*.md", "tmp"]);
        copy.Sources.ShouldBe(["./src/", "./docs/"]);
        copy.Destination.ShouldBe("/dst/");
    }

    [Fact]
    public void Add_flags_are_parsed()
    {
        var document = Parse("FROM busybox\nADD --checksum=sha256:abc --keep-git-dir=true https://example.test/x.tar.gz /x\n");

        var add = document.Stages[0].OfType<CopyInstruction>().Single();
        add.IsAdd.ShouldBeTrue();
        add.GetFlag("checksum")!.Value.ShouldBe("sha256:abc");
        add.Sources.ShouldBe(["https://example.test/x.tar.gz"]);
    }

    [Fact]
    public void Run_mounts_of_every_type_and_network_and_security_are_parsed()
    {
        var document = Parse("""
            FROM busybox AS deps
            FROM busybox
            RUN --mount=type=cache,target=/root/.cache,sharing=locked \
                --mount=type=secret,id=npm_token,required=false \
                --mount=type=ssh \
                --mount=type=bind,from=deps,source=/out,target=/deps \
                --mount=type=tmpfs,target=/tmp \
                --mount=target=/src \
                --network=none --security=sandbox \
                make
            """);

        var run = document.Stages[1].OfType<RunInstruction>().Single();
        run.Mounts.Select(m => (m.Type, m.Target, m.Id, m.From, m.Source)).ShouldBe(
        [
            ("cache", "/root/.cache", null, null, null),
            ("secret", null, "npm_token", null, null),
            ("ssh", null, null, null, null),
            ("bind", "/deps", null, "deps", "/out"),
            ("tmpfs", "/tmp", null, null, null),
            ("bind", "/src", null, null, null),
        ]);
        run.Mounts[0].Options["sharing"].ShouldBe("locked");
        (run.Network, run.Security, run.Arguments).ShouldBe(("none", "sandbox", "make"));
        run.Mounts[1].Location.Line.ShouldBe(4);
    }

    [Fact]
    public void An_unknown_flag_is_an_error_at_the_flag()
    {
        var error = ParseFails("FROM busybox\nCOPY --form=build /a /b\n");

        (error.Line, error.Column).ShouldBe((2, 6));
        error.Problem.ShouldBe("unknown flag --form for COPY");
        error.Expected!.ShouldContain("--from");
    }

    [Fact]
    public void A_flag_on_an_instruction_without_flags_is_an_error()
    {
        ParseFails("FROM busybox\nCMD --help\n").Expected.ShouldBe("no flags on CMD");
    }

    [Fact]
    public void An_unsupported_mount_type_is_an_error()
    {
        var error = ParseFails("FROM busybox\nRUN --mount=type=volume,target=/x true\n");

        (error.Line, error.Column, error.Problem).ShouldBe((2, 5, "unsupported mount type 'volume'"));
    }

    [Fact]
    public void A_cache_mount_without_target_is_an_error()
    {
        ParseFails("FROM busybox\nRUN --mount=type=cache,id=x true\n").Expected.ShouldBe("target=<path in the container>");
    }

    [Fact]
    public void Arg_declares_several_names_with_and_without_defaults()
    {
        var document = Parse("FROM busybox\nARG A B=2 C=\"three four\"\n");

        document.Stages[0].OfType<ArgInstruction>().Single().Declarations.Select(d => (d.Name, d.Value)).ShouldBe([("A", null), ("B", "2"), ("C", "three four")]);
    }

    [Fact]
    public void Env_takes_several_pairs_or_the_legacy_form()
    {
        var document = Parse("FROM busybox\nENV a=1 b=\"two words\" c=x\\ y\nENV legacy value with spaces\nLABEL org.opencontainers.image.title=\"api\"\n");

        var envs = document.Stages[0].OfType<KeyValueInstruction>().ToList();
        envs[0].Pairs.Select(p => (p.Name, p.Value)).ShouldBe([("a", "1"), ("b", "two words"), ("c", "x y")]);
        envs[0].IsLegacyForm.ShouldBeFalse();
        envs[1].Pairs.Single().ShouldBe(new KeyValue("legacy", "value with spaces", new SourceLocation("Dockerfile", 3, 5)));
        envs[1].IsLegacyForm.ShouldBeTrue();
        envs[2].Keyword.ShouldBe("LABEL");
        envs[2].Pairs.Single().Value.ShouldBe("api");
    }

    [Fact]
    public void Env_mixing_pairs_and_bare_words_is_an_error()
    {
        var error = ParseFails("FROM busybox\nENV a=1 b\n");

        (error.Line, error.Column, error.Expected).ShouldBe((2, 9, "<name>=<value>"));
    }

    [Fact]
    public void Global_args_expand_in_from_with_defaults_alternatives_and_build_arguments()
    {
        const string text = """
            ARG REGISTRY
            ARG BASE=debian
            ARG TAG=bookworm-slim
            ARG SUFFIX
            FROM ${REGISTRY:-docker.io}/library/${BASE}:${TAG}${SUFFIX:+-$SUFFIX} AS a
            FROM ${BASE}:${TAG%-slim}
            """;

        var document = Parse(text, DockerfileParseOptions.Default.SetBuildArgument("TAG", "12-slim").SetBuildArgument("SUFFIX", "x"));

        document.GlobalArgs.Select(a => a.Name).ShouldBe(["REGISTRY", "BASE", "TAG", "SUFFIX"]);
        document.Stages[0].ResolvedBaseImage.ShouldBe("docker.io/library/debian:12-slim-x");
        document.Stages[1].ResolvedBaseImage.ShouldBe("debian:12");
    }

    [Fact]
    public void Automatic_platform_args_expand_without_declaration()
    {
        var options = DockerfileParseOptions.Default.SetBuildPlatform("linux/amd64").SetTargetPlatform("linux/arm64/v8");

        var document = Parse("FROM --platform=$BUILDPLATFORM busybox AS build\nFROM example/app-$TARGETOS-${TARGETARCH}${TARGETVARIANT:+-$TARGETVARIANT}:1\n", options);

        document.Stages[0].ResolvedPlatform.ShouldBe("linux/amd64");
        document.Stages[1].ResolvedBaseImage.ShouldBe("example/app-linux-arm64-v8:1");
    }

    [Fact]
    public void An_unset_variable_expands_to_nothing()
    {
        Parse("FROM busybox${MISSING}\n").Stages[0].ResolvedBaseImage.ShouldBe("busybox");
    }

    [Fact]
    public void A_required_variable_that_is_unset_is_an_error()
    {
        ParseFails("ARG IMAGE\nFROM ${IMAGE:?required}\n").Problem.ShouldBe("IMAGE: required");
    }

    [Fact]
    public void An_unterminated_variable_is_an_error_on_the_from_line()
    {
        var error = ParseFails("FROM busybox\nFROM ${BASE\n");

        error.Line.ShouldBe(2);
        error.Expected.ShouldBe("'}'");
    }

    [Fact]
    public void Copy_from_expands_stage_args_and_env()
    {
        var document = Parse("ARG SOURCE=build\nFROM busybox AS build\nFROM busybox\nARG SOURCE\nCOPY --from=${SOURCE} /a /b\n");

        document.Graph.Edges.ShouldContain(e => e.Kind == StageEdgeKind.CopyFrom && e.TargetStageIndex == 0 && e.Reference == "${SOURCE}");
    }

    [Fact]
    public void Instructions_are_case_insensitive_and_keywords_upper_cased()
    {
        var document = Parse("from busybox as base\nrun echo hi\n");

        document.Stages[0].Instructions[0].Keyword.ShouldBe("RUN");
        document.Stages[0].Name.ShouldBe("base");
    }

    [Fact]
    public void Crlf_line_endings_and_a_byte_order_mark_are_accepted()
    {
        var document = Parse("\uFEFFFROM busybox\r\nRUN echo a \\\r\n  b\r\n");

        document.Stages[0].OfType<RunInstruction>().Single().Arguments.ShouldBe("echo a   b");
    }

    [Fact]
    public void Every_instruction_keyword_is_accepted()
    {
        const string text = """
            ARG V=1
            FROM busybox
            MAINTAINER someone
            LABEL a=b
            ENV E=1
            ARG X
            WORKDIR /app
            ADD a.tar.gz /app/
            COPY . .
            RUN true
            SHELL ["/bin/sh", "-c"]
            USER 1000:1000
            EXPOSE 8080/tcp
            VOLUME /data
            STOPSIGNAL SIGTERM
            HEALTHCHECK --interval=30s --retries=3 CMD wget -q -O /dev/null http://localhost:8080/ || exit 1
            ONBUILD RUN echo child
            ENTRYPOINT ["/app"]
            CMD ["--help"]
            """;

        var document = Parse(text);

        document.Instructions.Select(i => i.Keyword).Distinct().Count().ShouldBe(DockerfileParser.Keywords.Length);
        document.Stages[0].WithKeyword("HEALTHCHECK").Single().GetFlag("retries")!.Value.ShouldBe("3");
    }

    [Theory]
    [InlineData("RUN echo hi\n", 1, 1, "FROM (only ARG may come before the first FROM)")]
    [InlineData("# only a comment\n", 1, 1, "at least one FROM <image>")]
    [InlineData("FROM\n", 1, 5, "FROM [--platform=<platform>] <image> [AS <name>]")]
    [InlineData("FROM busybox AS\n", 1, 14, "FROM [--platform=<platform>] <image> [AS <name>]")]
    [InlineData("FROM busybox base\n", 1, 14, "FROM [--platform=<platform>] <image> [AS <name>]")]
    [InlineData("FROM busybox AS 1st\n", 1, 17, "a name starting with a letter, then letters, digits, '-', '_' or '.'")]
    [InlineData("FROM busybox\nCOPY onlyone\n", 2, 6, "COPY <src>... <dest>")]
    [InlineData("FROM busybox\nENV A=\"unterminated\n", 2, 7, "a closing \"")]
    [InlineData("FROM busybox\nSHELL /bin/bash -c\n", 2, 7, "SHELL [\"executable\", \"parameters\"]")]
    [InlineData("FROM busybox\nHEALTHCHECK wget localhost\n", 2, 13, "HEALTHCHECK [options] CMD <command> or HEALTHCHECK NONE")]
    [InlineData("FROM busybox\nWORKDIR\n", 2, 8, "WORKDIR <value>")]
    [InlineData("FROM busybox\nRUN\n", 2, 4, "RUN <command> or RUN [\"executable\", \"arg\"]")]
    [InlineData("FROM busybox\n  FORM x\n", 2, 3, "an instruction such as FROM, RUN, COPY, ARG, ENV, CMD")]
    public void Malformed_input_reports_position_and_expectation(string text, int line, int column, string expected)
    {
        var error = ParseFails(text);

        (error.Line, error.Column, error.Expected).ShouldBe((line, column, expected));
        error.Message.ShouldStartWith($"Dockerfile:{line}:{column}: ");
    }
}
