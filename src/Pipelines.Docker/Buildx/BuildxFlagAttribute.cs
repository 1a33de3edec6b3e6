namespace Pipelines.Docker;

/// <summary>
/// Declares the command-line flag a settings property renders to. Read by the convention tests that
/// compare the settings with the installed CLI's <c>--help</c>; rendering itself is a pure method per command.
/// </summary>
/// <param name="name">The long flag name, e.g. <c>--platform</c>.</param>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class BuildxFlagAttribute(string name) : Attribute
{
    /// <summary>The long flag name, e.g. <c>--platform</c>.</summary>
    public string Name { get; } = name;
}
