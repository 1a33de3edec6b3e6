namespace Pipelines;

/// <summary>
/// Marks a field or property (of the build class or of a component interface) as a build parameter, filled
/// before any target runs from, in order of precedence: the command line (<c>--kebab-name value</c>), an
/// environment variable (<c>NAME</c>, <c>UPPER_SNAKE_NAME</c> or the exact member name), <c>.nuke/parameters.json</c>
/// (and <c>.nuke/parameters.PROFILE.json</c> with <c>--profile PROFILE</c>), or else its initial value.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, Inherited = true)]
public sealed class ParameterAttribute : Attribute
{
    /// <summary>Declares a parameter with an optional description shown by <c>--help</c>.</summary>
    public ParameterAttribute(string? description = null) => Description = description;

    /// <summary>Shown by <c>--help</c>.</summary>
    public string? Description { get; }

    /// <summary>Overrides the name (default: the member name; the command-line option is its kebab-case form).</summary>
    public string? Name { get; init; }
}
