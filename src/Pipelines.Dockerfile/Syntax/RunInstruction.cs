namespace Pipelines.Dockerfile;

/// <summary><c>RUN [--mount=…] [--network=…] [--security=…] command</c>.</summary>
public sealed class RunInstruction : DockerfileInstruction
{
    internal RunInstruction(InstructionParts parts, IReadOnlyList<RunMount> mounts)
        : base(parts) => Mounts = mounts;

    /// <summary>The <c>--mount</c> options, in order.</summary>
    public IReadOnlyList<RunMount> Mounts { get; }

    /// <summary><c>--network</c> (default, none, host), or <c>null</c>.</summary>
    public string? Network => GetFlag("network")?.Value;

    /// <summary><c>--security</c> (sandbox, insecure), or <c>null</c>.</summary>
    public string? Security => GetFlag("security")?.Value;

    /// <summary>The command as a shell script: the shell-form text followed by heredoc bodies, or the JSON elements joined by spaces.</summary>
    public string Script => IsJsonForm
        ? string.Join(' ', Words)
        : Heredocs.Count == 0 ? Arguments : Arguments + "\n" + string.Concat(Heredocs.Select(h => h.Content));
}
