using Pipelines.Docker;
using Pipelines.IntegrationTests.Engine;
using BuildxCli = Pipelines.Docker.Buildx;

namespace Pipelines.IntegrationTests.Buildx;

[Collection(EngineCollection.Name)]
public sealed class BuildxBakeContextTests
{
    [Fact]
    public async Task Bake_of_a_definition_reads_contexts_outside_the_temp_folder_without_an_entitlement_prompt()
    {
        // Given: a context in a folder of its own (not below the temp folder where the bake file is written)
        var context = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, $"bake-context-{Guid.NewGuid():N}")).FullName;
        try
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Slice", "Dockerfile"), Path.Combine(context, "Dockerfile"));
            foreach (var file in new[] { "greet.sh", "greet_test.sh" })
            {
                File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Slice", file), Path.Combine(context, file));
            }

            var definition = new BakeDefinition()
                .AddTarget(new BakeTarget("slice") { Context = context, Target = "build", Outputs = [BuildOutput.CacheOnly()] })
                .AddGroup("default", "slice");

            // When
            var result = await BuildxCli.BakeAsync(definition);

            // Then: buildx did not stop at "additional privileges requested"
            result.Targets.Keys.ShouldContain("slice");
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }
}
