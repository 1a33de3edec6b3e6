using System.Globalization;
using System.Reflection;

namespace Pipelines.Parameters;

/// <summary>Turns raw parameter text into typed values: string, bool, numbers, enums, arrays, TimeSpan, <see cref="AbsolutePath"/>, and any type with a static <c>Parse</c>.</summary>
internal static class ValueConverter
{
    /// <summary>The element type when <paramref name="type"/> is an array or a read-only list/enumerable (not string), else null.</summary>
    public static Type? ElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(IReadOnlyList<>) || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>) ||
                definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(ICollection<>))
            {
                return type.GetGenericArguments()[0];
            }
        }

        return null;
    }

    /// <summary>Converts <paramref name="values"/> to <paramref name="type"/>. A flag with no value is true. Throws <see cref="FormatException"/> with a readable message.</summary>
    public static object? Convert(IReadOnlyList<string> values, Type type, string baseDirectory)
    {
        if (ElementType(type) is { } elementType)
        {
            var array = Array.CreateInstance(elementType, values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                array.SetValue(ConvertOne(values[i], elementType, baseDirectory), i);
            }

            return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>)
                ? Activator.CreateInstance(type, array)
                : array;
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (values.Count == 0)
        {
            return underlying == typeof(bool) ? true : throw new FormatException("a value is required");
        }

        if (values.Count > 1)
        {
            throw new FormatException($"expected one value but got {values.Count} ({string.Join(' ', values)})");
        }

        return ConvertOne(values[0], type, baseDirectory);
    }

    public static object? ConvertOne(string value, Type type, string baseDirectory)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return value;
        }

        if (underlying == typeof(bool))
        {
            return value.Trim().ToLowerInvariant() switch
            {
                "true" or "1" or "yes" or "on" => true,
                "false" or "0" or "no" or "off" => false,
                _ => throw new FormatException($"'{value}' is not a boolean (true/false)"),
            };
        }

        if (underlying.IsEnum)
        {
            var normalized = Engine.Text.Normalize(value);
            foreach (var name in Enum.GetNames(underlying))
            {
                if (Engine.Text.Normalize(name) == normalized)
                {
                    return Enum.Parse(underlying, name);
                }
            }

            var names = Enum.GetNames(underlying);
            throw new FormatException($"'{value}' is not one of {string.Join(", ", names)}.{Engine.Text.Suggestion(value, names)}".TrimEnd());
        }

        if (underlying == typeof(TimeSpan))
        {
            return ParseTimeSpan(value);
        }

        if (underlying == typeof(AbsolutePath))
        {
            return AbsolutePath.Create(value, baseDirectory);
        }

        var parseWithProvider = underlying.GetMethod("Parse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider)]);
        var parse = parseWithProvider ?? underlying.GetMethod("Parse", BindingFlags.Public | BindingFlags.Static, [typeof(string)]);
        if (parse is not null && underlying.IsAssignableFrom(parse.ReturnType))
        {
            try
            {
                return parse.Invoke(null, parseWithProvider is not null ? [value, CultureInfo.InvariantCulture] : [value]);
            }
            catch (TargetInvocationException exception) when (exception.InnerException is not null)
            {
                throw new FormatException($"'{value}' is not a valid {FriendlyName(underlying)}: {exception.InnerException.Message}");
            }
        }

        if (underlying.GetConstructor([typeof(string)]) is { } constructor)
        {
            try
            {
                return constructor.Invoke([value]);
            }
            catch (TargetInvocationException exception) when (exception.InnerException is not null)
            {
                throw new FormatException($"'{value}' is not a valid {FriendlyName(underlying)}: {exception.InnerException.Message}");
            }
        }

        throw new FormatException($"type {FriendlyName(underlying)} cannot be read from text (give it a static Parse(string) method)");
    }

    public static string FriendlyName(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return FriendlyName(underlying);
        }

        if (ElementType(type) is { } element)
        {
            return FriendlyName(element) + "[]";
        }

        return type == typeof(string) ? "string"
            : type == typeof(bool) ? "bool"
            : type == typeof(int) ? "int"
            : type == typeof(long) ? "long"
            : type == typeof(double) ? "double"
            : type == typeof(decimal) ? "decimal"
            : type.Name;
    }

    /// <summary><c>90s</c>, <c>5m</c>, <c>2h</c>, <c>1d</c>, <c>250ms</c>, or any <see cref="TimeSpan.Parse(string, IFormatProvider)"/> form (<c>00:05:00</c>).</summary>
    private static TimeSpan ParseTimeSpan(string value)
    {
        var text = value.Trim();
        (string Suffix, Func<double, TimeSpan> Make)[] units =
        [
            ("ms", TimeSpan.FromMilliseconds), ("s", TimeSpan.FromSeconds), ("m", TimeSpan.FromMinutes),
            ("h", TimeSpan.FromHours), ("d", TimeSpan.FromDays),
        ];
        foreach (var (suffix, make) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) &&
                double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return make(number);
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span)
            ? span
            : throw new FormatException($"'{value}' is not a valid TimeSpan (examples: 90s, 5m, 1h, 00:05:00)");
    }
}
