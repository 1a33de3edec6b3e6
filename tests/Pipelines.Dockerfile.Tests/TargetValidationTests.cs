using Pipelines.Dockerfile;

namespace Pipelines.Dockerfile.Tests;

public class TargetValidationTests
{
    private const string MultiStage = """
        ARG GO_VERSION=1.19
        FROM golang:${GO_VERSION} AS build
        RUN go build -o /out/app .
        FROM build AS test
        RUN go test ./...
        FROM scratch AS production
        COPY --from=build /out/app /app
        ENTRYPOINT ["/app"]
        """;

    [Fact]
    public void Stages_are_listed_with_name_index_base_and_line()
    {
        var document = DockerfileDocument.Parse(MultiStage);

        document.Stages.Select(s => (s.Name, s.Index, s.BaseImage, s.Line)).ShouldBe(
        [
            ("build", 0, "golang:${GO_VERSION}", 2),
            ("test", 1, "build", 4),
            ("production", 2, "scratch", 6),
        ]);
        document.Stages[0].ResolvedBaseImage.ShouldBe("golang:1.19");
        document.Stages.Select(s => s.BaseKind).ShouldBe([StageBaseKind.Image, StageBaseKind.Stage, StageBaseKind.Scratch]);
    }

    [Fact]
    public void Known_target_returns_its_stage_case_insensitively()
    {
        var document = DockerfileDocument.Parse(MultiStage);

        document.ValidateTarget("Production").Index.ShouldBe(2);
        document.ValidateTarget("").ShouldBe(document.FinalStage);
    }

    [Fact]
    public void Unknown_target_fails_listing_stages_and_suggesting_the_closest()
    {
        var document = DockerfileDocument.Parse(MultiStage, "examples/go-api/Dockerfile");

        var error = Should.Throw<UnknownStageException>(() => document.ValidateTarget("tset"));

        error.ShouldBeAssignableTo<PipelinesException>();
        error.Suggestion.ShouldBe("test");
        error.AvailableStages.ShouldBe(["build", "test", "production"]);
        error.Message.ShouldBe("Target stage 'tset' is not defined in examples/go-api/Dockerfile: its stages are 'build', 'test', 'production'. Did you mean 'test'?");
    }

    [Fact]
    public void Unknown_target_far_from_every_stage_has_no_suggestion()
    {
        var error = Should.Throw<UnknownStageException>(() => DockerfileDocument.Parse(MultiStage).ValidateTarget("documentation"));

        error.Suggestion.ShouldBeNull();
        error.Message.ShouldNotContain("Did you mean");
    }

    [Fact]
    public void Load_reads_the_file_and_reports_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pipelines-{Guid.NewGuid():N}.Dockerfile");
        File.WriteAllText(path, MultiStage);
        try
        {
            var document = DockerfileDocument.Load(path);

            document.Path.ShouldBe(path);
            document.StagesNeededFor("production").Select(s => s.DisplayName).ShouldBe(["build", "production"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Bad_input_fails_with_file_line_and_column()
    {
        var error = Should.Throw<DockerfileParseException>(() => DockerfileDocument.Parse("FROM busybox\nRUNN echo hi\n", "app/Dockerfile"));

        (error.File, error.Line, error.Column).ShouldBe(("app/Dockerfile", 2, 1));
        error.Message.ShouldStartWith("app/Dockerfile:2:1: unknown instruction 'RUNN' (did you mean RUN?)");
    }
}
