namespace Pipelines.Dockerfile.Tests;

public class StageGraphTests
{
    private const string App = """
        FROM --platform=$BUILDPLATFORM debian:bookworm-slim AS deps
        RUN apt-get update
        FROM deps AS build
        RUN make
        FROM deps AS lint
        RUN make lint
        FROM build AS test
        RUN --mount=type=bind,from=lint,source=/report,target=/r make test
        FROM busybox:1 AS docs
        FROM scratch AS production
        COPY --from=build /out/app /app
        COPY --from=0 /etc/ssl /etc/ssl
        COPY --from=registry.example/tools:1.2 /bin/tool /tool
        """;

    private static StageGraph Graph(string text) => DockerfileDocument.Parse(text).Graph;

    private static string[] Names(IEnumerable<DockerfileStage> stages) => stages.Select(s => s.DisplayName).ToArray();

    [Fact]
    public void Edges_come_from_from_copy_from_and_mount_from()
    {
        var graph = Graph(App);

        graph.Edges.Select(e => (e.StageIndex, e.TargetStageIndex, e.ExternalImage, e.Kind)).ShouldBe(
        [
            (0, null, "debian:bookworm-slim", StageEdgeKind.Base),
            (1, 0, null, StageEdgeKind.Base),
            (2, 0, null, StageEdgeKind.Base),
            (3, 1, null, StageEdgeKind.Base),
            (3, 2, null, StageEdgeKind.MountFrom),
            (4, null, "busybox:1", StageEdgeKind.Base),
            (5, 1, null, StageEdgeKind.CopyFrom),
            (5, 0, null, StageEdgeKind.CopyFrom),
            (5, null, "registry.example/tools:1.2", StageEdgeKind.CopyFrom),
        ]);
        graph.Errors.ShouldBeEmpty();
        graph.ExternalImages.ShouldBe(["debian:bookworm-slim", "busybox:1", "registry.example/tools:1.2"]);
        graph.Stages[5].BaseKind.ShouldBe(StageBaseKind.Scratch);
    }

    [Fact]
    public void Stages_needed_for_a_target_follow_every_edge_transitively()
    {
        var graph = Graph(App);

        Names(graph.StagesNeededFor("test")).ShouldBe(["deps", "build", "lint", "test"]);
        Names(graph.StagesNeededFor("production")).ShouldBe(["deps", "build", "production"]);
        Names(graph.StagesNeededFor("4")).ShouldBe(["docs"]);
        Names(graph.DependenciesOf(graph.Stages[3])).ShouldBe(["build", "lint"]);
        Names(graph.DependentsOf(graph.Stages[0])).ShouldBe(["build", "lint", "production"]);
    }

    [Fact]
    public void Stages_needed_for_an_unknown_target_fails_with_a_suggestion()
    {
        Should.Throw<UnknownStageException>(() => Graph(App).StagesNeededFor("prodcution")).Suggestion.ShouldBe("production");
    }

    [Fact]
    public void Independent_stages_share_no_path()
    {
        var graph = Graph(App);

        graph.AreIndependent(graph.Find("build")!, graph.Find("lint")!).ShouldBeTrue();
        graph.AreIndependent(graph.Find("test")!, graph.Find("production")!).ShouldBeTrue();
        graph.AreIndependent(graph.Find("build")!, graph.Find("production")!).ShouldBeFalse();
        graph.Levels().Select(Names).ShouldBe([["deps", "docs"], ["build", "lint"], ["test", "production"]]);
    }

    [Fact]
    public void Unused_stages_are_those_neither_the_final_stage_nor_a_named_target_needs()
    {
        var graph = Graph(App);

        Names(graph.UnusedStages()).ShouldBe(["lint", "test", "docs"]);
        Names(graph.UnusedStages("test")).ShouldBe(["docs"]);
    }

    [Fact]
    public void Copy_from_a_later_stage_is_a_forward_reference_error()
    {
        var graph = Graph("FROM busybox:1 AS a\nCOPY --from=b /x /x\nFROM busybox:1 AS b\n");

        var error = graph.Errors.Single();
        (error.IsForwardReference, error.Reference, error.Location.Line, error.Location.Column).ShouldBe((true, "b", 2, 6));
        error.Message.ShouldContain("defined later");
        graph.Edges.ShouldNotContain(e => e.Kind == StageEdgeKind.CopyFrom);
    }

    [Fact]
    public void Copy_from_the_current_stage_index_is_an_error()
    {
        var error = Graph("FROM busybox:1\nCOPY --from=0 /x /y\n").Errors.Single();

        error.Message.ShouldContain("the current stage");
    }

    [Fact]
    public void From_a_later_stage_name_is_a_forward_reference_error()
    {
        var graph = Graph("FROM build AS test\nFROM busybox:1 AS build\n");

        graph.Errors.Single().IsForwardReference.ShouldBeTrue();
        graph.Stages[0].BaseKind.ShouldBe(StageBaseKind.Image);
    }

    [Fact]
    public void A_misspelt_copy_from_stage_is_an_unknown_stage_error_with_suggestion()
    {
        var error = Graph("FROM busybox:1 AS build\nFROM scratch\nCOPY --from=biuld /a /a\n").Errors.Single();

        (error.IsForwardReference, error.Suggestion).ShouldBe((false, "build"));
        error.Message.ShouldContain("did you mean 'build'?");
    }

    [Fact]
    public void A_misspelt_mount_from_stage_is_an_unknown_stage_error()
    {
        Graph("FROM busybox:1 AS deps\nFROM busybox:1\nRUN --mount=from=dpes,target=/d true\n").Errors.Single().Suggestion.ShouldBe("deps");
    }

    [Fact]
    public void Copy_from_an_untagged_image_unlike_any_stage_is_an_external_edge()
    {
        var graph = Graph("FROM busybox:1 AS build\nFROM scratch\nCOPY --from=nginx /etc/nginx /etc/nginx\n");

        graph.Errors.ShouldBeEmpty();
        graph.Edges.ShouldContain(e => e.ExternalImage == "nginx" && e.Kind == StageEdgeKind.CopyFrom);
    }
}
