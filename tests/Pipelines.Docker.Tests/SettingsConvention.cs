using System.Reflection;

namespace Pipelines.Docker.Tests;

/// <summary>Reflection helpers for "every settings property is rendered" convention tests.</summary>
internal static class SettingsConvention
{
    /// <summary>Every public init property of <typeparamref name="T"/> with a sample value and the flag it declares (null for positional).</summary>
    public static IEnumerable<(PropertyInfo Property, string? Flag)> Properties<T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Select(p => (p, p.GetCustomAttributes<BuildxFlagAttribute>().FirstOrDefault()?.Name));

    /// <summary>A copy of <paramref name="settings"/> with <paramref name="property"/> set to a non-default sample value.</summary>
    public static T With<T>(T settings, PropertyInfo property)
        where T : class
    {
        var clone = (T)typeof(T).GetMethod("<Clone>$")!.Invoke(settings, null)!;
        property.SetValue(clone, Sample(property.PropertyType, property.Name));
        return clone;
    }

    public static object Sample(Type type, string name)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return $"sample-{name.ToLowerInvariant()}";
        }

        if (underlying == typeof(bool))
        {
            return true;
        }

        if (underlying == typeof(int))
        {
            return 7;
        }

        if (underlying == typeof(long))
        {
            return 7L;
        }

        if (underlying == typeof(TimeSpan))
        {
            return TimeSpan.FromHours(1);
        }

        if (underlying.IsEnum)
        {
            return Enum.GetValues(underlying).GetValue(Enum.GetValues(underlying).Length - 1)!;
        }

        if (underlying == typeof(Platform))
        {
            return Platform.LinuxArm64;
        }

        if (underlying == typeof(CacheEntry))
        {
            return CacheEntry.Registry("r/app:cache", CacheMode.Max);
        }

        if (underlying == typeof(BuildOutput))
        {
            return BuildOutput.Local("out");
        }

        if (underlying == typeof(SecretSource))
        {
            return SecretSource.FromEnvironment("token", "TOKEN");
        }

        if (underlying == typeof(SshSource))
        {
            return SshSource.Default;
        }

        if (underlying == typeof(BuildArg))
        {
            return new BuildArg("VERSION", "1");
        }

        if (underlying == typeof(BuildContext))
        {
            return new BuildContext("shared", "../common");
        }

        if (underlying == typeof(KeyValuePair<string, string>))
        {
            return new KeyValuePair<string, string>("key", "value");
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var element = underlying.GetGenericArguments()[0];
            var array = Array.CreateInstance(element, 1);
            array.SetValue(Sample(element, name), 0);
            return array;
        }

        if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            return new Dictionary<string, string> { ["key"] = "value" };
        }

        throw new NotSupportedException($"No sample value for {type} ({name}): add one to SettingsConvention.Sample.");
    }
}
