using System.Reflection;
using Pipelines.Engine;

namespace Pipelines.Parameters;

/// <summary>A discovered <see cref="ParameterAttribute"/> member.</summary>
internal sealed class BuildParameter
{
    private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private readonly FieldInfo? _field;
    private readonly PropertyInfo? _settable;

    private BuildParameter(MemberInfo member, ParameterAttribute attribute, Type valueType, FieldInfo? field, bool isSecret)
    {
        Member = member;
        Name = attribute.Name ?? member.Name;
        OptionName = Text.ToKebab(Name);
        Description = attribute.Description;
        ValueType = valueType;
        IsSecret = isSecret;
        _field = field;
        _settable = field is null && member is PropertyInfo { SetMethod: not null, DeclaringType.IsInterface: false } property ? property : null;
        var type = Nullable.GetUnderlyingType(valueType) ?? valueType;
        IsFlag = type == typeof(bool);
        IsList = ValueConverter.ElementType(valueType) is not null;
    }

    public MemberInfo Member { get; }

    public string Name { get; }

    /// <summary>The command-line option without dashes (kebab case).</summary>
    public string OptionName { get; }

    public string? Description { get; }

    public Type ValueType { get; }

    public bool IsSecret { get; }

    public bool IsFlag { get; }

    public bool IsList { get; }

    /// <summary>True when the engine can write the value into the build object (field, settable or auto property).</summary>
    public bool CanInject => _field is not null || _settable is not null;

    public IEnumerable<string> EnvironmentNames => new[] { Name, Text.ToUpperSnake(Name), Name.ToUpperInvariant() }.Distinct(StringComparer.Ordinal);

    public void Inject(object build, object? value)
    {
        if (_field is not null)
        {
            _field.SetValue(build, value);
        }
        else
        {
            _settable?.SetValue(build, value);
        }
    }

    /// <summary>The value held by the build object (null for parameters that only exist as component properties).</summary>
    public object? ReadInjected(object build) => _field is not null ? _field.GetValue(build) : _settable?.GetValue(build);

    /// <summary>Reads the member through its getter (component properties compute their default there); errors read as null.</summary>
    public object? ReadThroughGetter(object build)
    {
        try
        {
            return Member switch
            {
                FieldInfo field => field.GetValue(build),
                PropertyInfo property => property.GetValue(build),
                _ => null,
            };
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }

    public string HowToSupply() =>
        $"  --{OptionName} <value>   on the command line{Environment.NewLine}" +
        $"  {Text.ToUpperSnake(Name)}=<value>   as an environment variable{Environment.NewLine}" +
        $"  \"{Name}\": <value>   in .nuke/parameters.json";

    public static List<BuildParameter> Discover(Type buildType)
    {
        var result = new List<BuildParameter>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(Members))
            {
                if (field.GetCustomAttribute<ParameterAttribute>() is { } attribute && !field.Name.StartsWith('<'))
                {
                    Add(new BuildParameter(field, attribute, field.FieldType, field, field.IsDefined(typeof(SecretAttribute))));
                }
            }

            foreach (var property in type.GetProperties(Members))
            {
                if (property.GetCustomAttribute<ParameterAttribute>() is { } attribute && !property.Name.Contains('.', StringComparison.Ordinal))
                {
                    var backing = property.SetMethod is not null
                        ? null
                        : type.GetField($"<{property.Name}>k__BackingField", Members);
                    Add(new BuildParameter(property, attribute, property.PropertyType, backing ?? SetterField(property), property.IsDefined(typeof(SecretAttribute))));
                }
            }
        }

        foreach (var @interface in buildType.GetInterfaces())
        {
            foreach (var property in @interface.GetProperties(Members))
            {
                if (property.GetCustomAttribute<ParameterAttribute>() is { } attribute)
                {
                    Add(new BuildParameter(property, attribute, property.PropertyType, null, property.IsDefined(typeof(SecretAttribute))));
                }
            }
        }

        return result;

        void Add(BuildParameter parameter)
        {
            if (names.Add(parameter.Name))
            {
                result.Add(parameter);
            }
        }
    }

    /// <summary>Auto properties with a setter: write the backing field too (so init-only works the same way).</summary>
    private static FieldInfo? SetterField(PropertyInfo property) =>
        property.SetMethod is null ? null : property.DeclaringType?.GetField($"<{property.Name}>k__BackingField", Members);
}
