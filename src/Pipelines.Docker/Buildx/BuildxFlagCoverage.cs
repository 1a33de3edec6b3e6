namespace Pipelines.Docker;

/// <summary>
/// Which settings record models which CLI command, and the flags deliberately left out (with the reason).
/// The "never lag the CLI" test compares this with the installed buildx's <c>--help</c>.
/// </summary>
internal static class BuildxFlagCoverage
{
    /// <summary>Command (words after <c>docker</c>) → settings type whose <see cref="BuildxFlagAttribute"/>s model it.</summary>
    public static IReadOnlyDictionary<string, Type> Commands { get; } = new Dictionary<string, Type>
    {
        ["buildx build"] = typeof(BuildxBuildSettings),
        ["buildx bake"] = typeof(BuildxBakeSettings),
        ["buildx imagetools create"] = typeof(ImagetoolsCreateSettings),
        ["buildx create"] = typeof(BuildxCreateSettings),
        ["buildx prune"] = typeof(BuildxPruneSettings),
    };

    /// <summary>Command → flag → why it is not modelled.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Unsupported { get; } = new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        ["buildx build"] = new Dictionary<string, string>(),
        ["buildx bake"] = new Dictionary<string, string>(),
        ["buildx imagetools create"] = new Dictionary<string, string>(),
        ["buildx create"] = new Dictionary<string, string>(),
        ["buildx prune"] = new Dictionary<string, string>
        {
            // older buildx releases only; kept out so settings never render a flag the installed CLI rejects
            ["--keep-storage"] = "deprecated alias of --max-used-space (removed in newer buildx)",
        },
    };
}
