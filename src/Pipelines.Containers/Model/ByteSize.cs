using System.Globalization;

namespace Pipelines.Containers;

/// <summary>A number of bytes, shown in decimal units (<c>9.1 MB</c>) like registries and <c>docker images</c> do.</summary>
/// <param name="Bytes">The size in bytes (never negative).</param>
public readonly record struct ByteSize(long Bytes) : IComparable<ByteSize>
{
    /// <summary>Zero bytes.</summary>
    public static ByteSize Zero { get; }

    /// <summary><paramref name="kilobytes"/> × 1000 bytes.</summary>
    public static ByteSize Kilobytes(double kilobytes) => FromUnits(kilobytes, 1_000);

    /// <summary><paramref name="megabytes"/> × 1000² bytes.</summary>
    public static ByteSize Megabytes(double megabytes) => FromUnits(megabytes, 1_000_000);

    /// <summary><paramref name="gigabytes"/> × 1000³ bytes.</summary>
    public static ByteSize Gigabytes(double gigabytes) => FromUnits(gigabytes, 1_000_000_000);

    /// <summary>Parses <c>15MB</c>, <c>1.5 GB</c>, <c>900kB</c>, <c>512KiB</c>, <c>1024</c> (bytes); throws <see cref="FormatException"/> naming the value.</summary>
    public static ByteSize Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var split = 0;
        while (split < trimmed.Length && (char.IsAsciiDigit(trimmed[split]) || trimmed[split] == '.'))
        {
            split++;
        }

        if (split == 0 || !double.TryParse(trimmed[..split], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number < 0)
        {
            throw new FormatException($"Invalid size '{text}': expected a number and a unit, e.g. 15MB or 1.5GB.");
        }

        long factor = trimmed[split..].Trim().ToUpperInvariant() switch
        {
            "" or "B" => 1,
            "K" or "KB" => 1_000,
            "M" or "MB" => 1_000_000,
            "G" or "GB" => 1_000_000_000,
            "KIB" => 1L << 10,
            "MIB" => 1L << 20,
            "GIB" => 1L << 30,
            _ => throw new FormatException($"Invalid size '{text}': unknown unit '{trimmed[split..].Trim()}' (use B, kB, MB, GB, KiB, MiB or GiB)."),
        };
        return new ByteSize((long)Math.Round(number * factor));
    }

    /// <summary>Compares by byte count.</summary>
    public int CompareTo(ByteSize other) => Bytes.CompareTo(other.Bytes);

    /// <summary>True when <paramref name="left"/> is larger.</summary>
    public static bool operator >(ByteSize left, ByteSize right) => left.Bytes > right.Bytes;

    /// <summary>True when <paramref name="left"/> is smaller.</summary>
    public static bool operator <(ByteSize left, ByteSize right) => left.Bytes < right.Bytes;

    /// <summary>True when <paramref name="left"/> is larger or equal.</summary>
    public static bool operator >=(ByteSize left, ByteSize right) => left.Bytes >= right.Bytes;

    /// <summary>True when <paramref name="left"/> is smaller or equal.</summary>
    public static bool operator <=(ByteSize left, ByteSize right) => left.Bytes <= right.Bytes;

    /// <summary>The size in decimal units with at most one decimal: <c>812 B</c>, <c>14.2 kB</c>, <c>9.1 MB</c>, <c>1.1 GB</c>.</summary>
    public override string ToString()
    {
        var bytes = (double)Bytes;
        return Math.Abs(bytes) switch
        {
            < 1_000 => string.Create(CultureInfo.InvariantCulture, $"{Bytes} B"),
            < 999_950 => Format(bytes / 1_000, "kB"),
            < 999_950_000 => Format(bytes / 1_000_000, "MB"),
            _ => Format(bytes / 1_000_000_000, "GB"),
        };
    }

    private static string Format(double value, string unit) =>
        (value >= 100 ? Math.Round(value).ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.#", CultureInfo.InvariantCulture)) + " " + unit;

    private static ByteSize FromUnits(double value, long factor)
    {
        if (double.IsNaN(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A size cannot be negative.");
        }

        return new ByteSize((long)Math.Round(value * factor));
    }
}
