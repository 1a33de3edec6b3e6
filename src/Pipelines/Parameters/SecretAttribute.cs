namespace Pipelines;

/// <summary>Marks a <see cref="ParameterAttribute"/> parameter as secret: its value is registered with <see cref="Output.SecretMasker"/> and masked in every output, including <c>--help</c>.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, Inherited = true)]
public sealed class SecretAttribute : Attribute;
