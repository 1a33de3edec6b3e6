using Pipelines.Containers;

namespace Pipelines.Containers.Tests;

public sealed class TestResultReaderTests
{
    [Fact]
    public void JUnit_cases_failures_and_skips_are_read()
    {
        const string xml = """
            <testsuites>
              <testsuite name="items" tests="3">
                <testcase classname="items" name="TestCreate" time="0.01"/>
                <testcase classname="items" name="TestDelete"><failure message="want 204, got 500">trace</failure></testcase>
                <testcase classname="items" name="TestSlow"><skipped/></testcase>
              </testsuite>
            </testsuites>
            """;

        var cases = TestResultReader.Parse(xml);

        cases.Select(c => (c.FullName, c.Outcome)).ShouldBe([
            ("items.TestCreate", TestOutcome.Passed), ("items.TestDelete", TestOutcome.Failed), ("items.TestSlow", TestOutcome.Skipped)]);
        cases[1].Message.ShouldBe("want 204, got 500");
    }

    [Fact]
    public void Trx_results_are_read()
    {
        const string trx = """
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results>
                <UnitTestResult testId="1" testName="Adds" outcome="Passed" duration="00:00:00.0100000"/>
                <UnitTestResult testId="2" testName="Divides" outcome="Failed"><Output><ErrorInfo><Message>boom</Message></ErrorInfo></Output></UnitTestResult>
              </Results>
              <TestDefinitions>
                <UnitTest id="1"><TestMethod className="Calc.Tests" name="Adds"/></UnitTest>
                <UnitTest id="2"><TestMethod className="Calc.Tests" name="Divides"/></UnitTest>
              </TestDefinitions>
            </TestRun>
            """;

        var cases = TestResultReader.Parse(trx, "results.trx");

        cases.Select(c => (c.FullName, c.Outcome, c.Message)).ShouldBe([("Calc.Tests.Adds", TestOutcome.Passed, (string?)null), ("Calc.Tests.Divides", TestOutcome.Failed, "boom")]);
    }

    [Fact]
    public void Exported_directory_with_a_non_zero_exit_code_fails_and_names_the_failed_tests()
    {
        var directory = Directory.CreateTempSubdirectory("pipelines-results-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, "test-results"));
            File.WriteAllText(Path.Combine(directory, "test-results", "junit.xml"),
                """<testsuite name="greet"><testcase classname="greet" name="ok"/><testcase classname="greet" name="broken"><failure message="no"/></testcase></testsuite>""");
            File.WriteAllText(Path.Combine(directory, "test-results", "exit-code"), "1\n");

            var report = TestResultReader.ReadDirectory("greeter", directory);

            report.Succeeded.ShouldBeFalse();
            report.ExitCode.ShouldBe(1);
            report.Summary.ShouldBe("greeter: 2 tests, 1 failed (greet.broken), 0 skipped, exit code 1");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Missing_results_are_not_a_success()
    {
        TestResultReader.ReadDirectory("api", Path.Combine(Path.GetTempPath(), "does-not-exist-" + Guid.NewGuid())).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public void Invalid_xml_names_the_file()
    {
        Should.Throw<ContainerPipelineException>(() => TestResultReader.Parse("<testsuite", "junit.xml")).Message.ShouldContain("junit.xml");
    }

    [Fact]
    public void Passing_results_without_an_exit_code_file_are_not_a_success()
    {
        var directory = Directory.CreateTempSubdirectory("pipelines-results-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "junit.xml"), """<testsuite name="s"><testcase name="ok"/></testsuite>""");

            var report = TestResultReader.ReadDirectory("api", directory);

            report.Succeeded.ShouldBeFalse();
            report.Summary.ShouldBe("api: 1 tests, 0 failed, 0 skipped, no exit-code file");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
