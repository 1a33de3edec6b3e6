using Pipelines.Docker;

namespace Pipelines.Containers;

/// <summary>One broken verification rule.</summary>
/// <param name="Image">The image.</param>
/// <param name="Platform">The platform whose image broke the rule.</param>
/// <param name="Rule">The rule id: <c>size-budget</c>, <c>non-root</c>, <c>healthcheck</c>, <c>minimal</c>, <c>secret</c>.</param>
/// <param name="Message">What was found (secrets redacted).</param>
public sealed record VerificationFinding(string Image, Platform Platform, string Rule, string Message)
{
    /// <summary><c>api (linux/arm64) [non-root]: …</c>.</summary>
    public override string ToString() => $"{Image} ({Platform}) [{Rule}]: {Message}";
}
