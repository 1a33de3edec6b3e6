using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Pipelines.Containers;

/// <summary>Reads JUnit XML and TRX files exported from a test stage.</summary>
public static class TestResultReader
{
    /// <summary>
    /// Reads the exported test stage at <paramref name="directory"/>: every <c>*.xml</c> (JUnit) and <c>*.trx</c> file
    /// below it, and the <c>exit-code</c> file (at the top or in <c>test-results/</c>).
    /// </summary>
    public static TestRunReport ReadDirectory(string image, string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var cases = new List<TestCaseResult>();
        var files = new List<string>();
        int? exitCode = null;
        if (Directory.Exists(directory))
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (name.Equals("exit-code", StringComparison.OrdinalIgnoreCase))
                {
                    exitCode = int.TryParse(File.ReadAllText(file).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) ? code : 1;
                }
                else if (name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".trx", StringComparison.OrdinalIgnoreCase))
                {
                    cases.AddRange(Parse(File.ReadAllText(file), file));
                    files.Add(file);
                }
            }
        }

        return new TestRunReport { Image = image, ResultsDirectory = directory, Cases = cases, Files = files, ExitCode = exitCode };
    }

    /// <summary>Parses JUnit XML (<c>testsuites</c>/<c>testsuite</c>/<c>testcase</c>) or TRX (<c>TestRun</c>) text.</summary>
    public static IReadOnlyList<TestCaseResult> Parse(string xml, string fileName = "results.xml")
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(xml);
        }
        catch (XmlException exception)
        {
            throw new ContainerPipelineException($"Test results file {fileName} is not valid XML: {exception.Message}", exception);
        }

        var root = document.Root!;
        return root.Name.LocalName == "TestRun" ? ParseTrx(root) : ParseJUnit(root);
    }

    private static List<TestCaseResult> ParseJUnit(XElement root)
    {
        var result = new List<TestCaseResult>();
        foreach (var testCase in root.DescendantsAndSelf().Where(e => e.Name.LocalName == "testcase"))
        {
            var suite = (string?)testCase.Attribute("classname") ?? (string?)testCase.Parent?.Attribute("name") ?? "";
            var failure = testCase.Elements().FirstOrDefault(e => e.Name.LocalName is "failure" or "error");
            var skipped = testCase.Elements().Any(e => e.Name.LocalName == "skipped");
            var outcome = failure is not null ? TestOutcome.Failed : skipped ? TestOutcome.Skipped : TestOutcome.Passed;
            var message = failure is null ? null : ((string?)failure.Attribute("message") ?? failure.Value).Trim();
            TimeSpan? duration = double.TryParse((string?)testCase.Attribute("time"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : null;
            result.Add(new TestCaseResult(suite, (string?)testCase.Attribute("name") ?? "(unnamed)", outcome, message, duration));
        }

        return result;
    }

    private static List<TestCaseResult> ParseTrx(XElement root)
    {
        var definitions = root.Descendants().Where(e => e.Name.LocalName == "UnitTest")
            .ToDictionary(
                e => (string?)e.Attribute("id") ?? "",
                e => (string?)e.Elements().FirstOrDefault(x => x.Name.LocalName == "TestMethod")?.Attribute("className") ?? "");
        var result = new List<TestCaseResult>();
        foreach (var run in root.Descendants().Where(e => e.Name.LocalName == "UnitTestResult"))
        {
            var outcome = ((string?)run.Attribute("outcome"))?.ToLowerInvariant() switch
            {
                "passed" => TestOutcome.Passed,
                "failed" or "error" or "timeout" or "aborted" => TestOutcome.Failed,
                _ => TestOutcome.Skipped,
            };
            var message = run.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value.Trim();
            var suite = definitions.GetValueOrDefault((string?)run.Attribute("testId") ?? "", "");
            TimeSpan? duration = TimeSpan.TryParse((string?)run.Attribute("duration"), CultureInfo.InvariantCulture, out var d) ? d : null;
            result.Add(new TestCaseResult(suite, (string?)run.Attribute("testName") ?? "(unnamed)", outcome, outcome == TestOutcome.Failed ? message : null, duration));
        }

        return result;
    }
}
