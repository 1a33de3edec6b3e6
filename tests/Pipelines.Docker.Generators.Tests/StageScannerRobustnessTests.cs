namespace Pipelines.Docker.Generators.Tests;

/// <summary>The scanner runs inside the compiler: on any input it returns a result or an error, it never throws.</summary>
public class StageScannerRobustnessTests
{
    private const string Seed = "# escape=\\\nARG V=1\nFROM --platform=$BUILDPLATFORM busybox:${V} AS deps\nRUN <<EOF\necho hi\nEOF\nCOPY <<-X /f\n\tx\n\tX\nFROM scratch AS production\nCOPY --from=deps /a /a\n";

    private static readonly string[] Fragments = ["\\", "`", "\"", "'", "<<", "<<-", "--", "=", "#", "\n", " ", "\t", "AS", "FROM", "\r\n", "ARG", "\\\n"];

    [Fact]
    public void Random_mutations_never_throw()
    {
        var random = new Random(20261130);
        var errors = 0;
        for (var round = 0; round < 3000; round++)
        {
            var text = Seed;
            for (var e = random.Next(1, 4); e > 0; e--)
            {
                var at = random.Next(text.Length + 1);
                text = random.Next(2) == 0 || at == text.Length
                    ? text.Insert(at, Fragments[random.Next(Fragments.Length)])
                    : text.Remove(at, Math.Min(random.Next(1, 8), text.Length - at));
            }

            var result = Should.NotThrow(() => StageScanner.Scan(text), text);
            if (result.Error is not null)
            {
                errors++;
                result.ErrorLine.ShouldBeInRange(1, text.Split('\n').Length, text);
            }
        }

        errors.ShouldBeInRange(1, 2999);
    }
}
