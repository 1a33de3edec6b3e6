namespace Pipelines;

/// <summary>The exit codes of <see cref="PipelineBuild"/> executables.</summary>
public static class ExitCodes
{
    /// <summary>Every target that ran succeeded (also after <c>--help</c>, <c>--plan</c>, <c>--dry-run</c>).</summary>
    public const int Succeeded = 0;

    /// <summary>At least one target failed.</summary>
    public const int TargetFailed = 1;

    /// <summary>Nothing ran: unknown target or option, bad or missing parameter, invalid target graph (cycle, missing dependency).</summary>
    public const int InvalidBuild = 2;

    /// <summary>Interrupted by Ctrl+C / SIGINT / SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
