namespace Pipelines;

/// <summary>
/// A build target: a function that configures its <see cref="ITargetDefinition"/>. Declare one as a
/// property of the build class (<c>Target Compile => _ => _.Executes(...)</c>) or as a default member of a
/// component interface; the property name is the target name.
/// </summary>
/// <param name="definition">The definition to configure.</param>
/// <returns>The configured definition (usually the same instance).</returns>
public delegate ITargetDefinition Target(ITargetDefinition definition);
