namespace Pipelines;

/// <summary>
/// Where the build runs. The host decides colours, progress rendering and how target logs are grouped;
/// <see cref="Detect"/> picks <see cref="GitHubActionsHost"/> (<c>GITHUB_ACTIONS=true</c>),
/// <see cref="ContinuousIntegrationHost"/> (<c>CI=true</c>) or <see cref="TerminalHost"/>.
/// </summary>
public abstract class Host
{
    /// <summary>A short name shown in the build header.</summary>
    public abstract string Name { get; }

    /// <summary>True on a build server; summaries are then rendered as plain text.</summary>
    public abstract bool IsContinuousIntegration { get; }

    /// <summary>True when ANSI colours may be written.</summary>
    public virtual bool SupportsColors => !IsContinuousIntegration;

    /// <summary>Writes whatever opens the log section of <paramref name="targetName"/> (default: a <c>&gt; Name</c> header line).</summary>
    public virtual void BeginGroup(TextWriter output, string targetName)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"> {targetName}");
    }

    /// <summary>Writes whatever closes the log section of <paramref name="targetName"/> (default: nothing).</summary>
    public virtual void EndGroup(TextWriter output, string targetName)
    {
    }

    /// <summary>Called once when a target fails, after its error was logged (default: nothing; GitHub Actions writes an error annotation).</summary>
    public virtual void WriteTargetFailure(TextWriter output, string targetName, string message)
    {
    }

    /// <summary>Picks the host from environment variables.</summary>
    public static Host Detect(IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (IsTrue(environment, "GITHUB_ACTIONS"))
        {
            return new GitHubActionsHost();
        }

        return IsTrue(environment, "CI") || IsTrue(environment, "TF_BUILD") ? new ContinuousIntegrationHost() : new TerminalHost();
    }

    private static bool IsTrue(IReadOnlyDictionary<string, string?> environment, string name) =>
        environment.TryGetValue(name, out var value) && value is not null &&
        (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
