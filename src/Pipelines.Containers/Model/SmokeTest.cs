namespace Pipelines.Containers;

/// <summary>
/// One smoke test of a built image: <c>docker run --rm --pull never --network none IMAGE:local ARGUMENTS…</c> must exit
/// 0 and, when <see cref="ExpectedOutput"/> is set, print it (standard output or error, ordinal substring match).
/// </summary>
/// <param name="Arguments">The arguments after the image (the command, or arguments to the entrypoint); empty runs the default command.</param>
/// <param name="ExpectedOutput">A substring the output must contain, or null to check the exit code only.</param>
public sealed record SmokeTest(IReadOnlyList<string> Arguments, string? ExpectedOutput = null)
{
    /// <summary>The arguments as one line, for messages (<c>(default command)</c> when empty).</summary>
    public string Describe() => Arguments.Count == 0 ? "(default command)" : string.Join(' ', Arguments.Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) ? $"\"{a}\"" : a));
}
