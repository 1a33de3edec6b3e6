namespace Pipelines.Docker;

/// <summary>What a target needs (<c>--call outline</c>): its build args and secrets.</summary>
/// <param name="Name">The target stage.</param>
/// <param name="Description">The stage description.</param>
/// <param name="Args">Build args used by the target, with defaults and descriptions.</param>
/// <param name="Secrets">Secret ids mounted by the target.</param>
public sealed record BuildOutline(string? Name, string? Description, IReadOnlyList<BuildOutlineArg> Args, IReadOnlyList<string> Secrets);
