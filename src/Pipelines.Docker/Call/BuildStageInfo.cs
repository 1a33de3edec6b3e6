namespace Pipelines.Docker;

/// <summary>A stage as BuildKit reports it (<c>--call targets</c>).</summary>
/// <param name="Name">The stage name.</param>
/// <param name="Description">The comment above the FROM line, without the leading stage name.</param>
/// <param name="Base">The FROM image or stage.</param>
/// <param name="Platform">The <c>--platform</c> of the FROM line, if any (e.g. <c>$BUILDPLATFORM</c>).</param>
/// <param name="IsDefault">True for the stage built without <c>--target</c>.</param>
/// <param name="Line">1-based line of the FROM instruction.</param>
public sealed record BuildStageInfo(string Name, string? Description, string? Base, string? Platform, bool IsDefault, int Line);
