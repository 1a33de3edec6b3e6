namespace Pipelines.Docker;

/// <summary>A target platform such as <c>linux/amd64</c> or <c>linux/arm/v7</c> (OS, architecture, optional variant).</summary>
public readonly record struct Platform
{
    /// <summary>Creates a platform; parts are lower-cased.</summary>
    public Platform(string os, string architecture, string? variant = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(os);
        ArgumentException.ThrowIfNullOrWhiteSpace(architecture);
        Os = os.ToLowerInvariant();
        Architecture = architecture.ToLowerInvariant();
        Variant = string.IsNullOrWhiteSpace(variant) ? null : variant.ToLowerInvariant();
    }

    /// <summary><c>linux/amd64</c>.</summary>
    public static Platform LinuxAmd64 { get; } = new("linux", "amd64");

    /// <summary><c>linux/arm64</c>.</summary>
    public static Platform LinuxArm64 { get; } = new("linux", "arm64");

    /// <summary><c>linux/arm/v7</c>.</summary>
    public static Platform LinuxArmV7 { get; } = new("linux", "arm", "v7");

    /// <summary><c>linux/arm/v6</c>.</summary>
    public static Platform LinuxArmV6 { get; } = new("linux", "arm", "v6");

    /// <summary><c>linux/386</c>.</summary>
    public static Platform Linux386 { get; } = new("linux", "386");

    /// <summary><c>linux/riscv64</c>.</summary>
    public static Platform LinuxRiscv64 { get; } = new("linux", "riscv64");

    /// <summary><c>linux/ppc64le</c>.</summary>
    public static Platform LinuxPpc64le { get; } = new("linux", "ppc64le");

    /// <summary><c>linux/s390x</c>.</summary>
    public static Platform LinuxS390x { get; } = new("linux", "s390x");

    /// <summary>The operating system, e.g. <c>linux</c>.</summary>
    public string Os { get; }

    /// <summary>The CPU architecture, e.g. <c>arm64</c>.</summary>
    public string Architecture { get; }

    /// <summary>The architecture variant, e.g. <c>v7</c>; null when none.</summary>
    public string? Variant { get; }

    /// <summary>Parses <c>os/arch[/variant]</c>; throws <see cref="FormatException"/> naming the bad value.</summary>
    public static Platform Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new FormatException($"Invalid platform '{text}': expected os/arch[/variant], e.g. linux/amd64 or linux/arm/v7.");
        }

        return new Platform(parts[0], parts[1], parts.Length == 3 ? parts[2] : null);
    }

    /// <summary>Parses like <see cref="Parse"/>, returning false instead of throwing.</summary>
    public static bool TryParse(string? text, out Platform platform)
    {
        platform = default;
        if (text is null)
        {
            return false;
        }

        try
        {
            platform = Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The <c>os/arch[/variant]</c> form buildx expects.</summary>
    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";
}
