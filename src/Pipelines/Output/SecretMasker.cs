namespace Pipelines.Output;

/// <summary>
/// Process-wide set of secret values. Every line Pipelines writes, every echoed command line and
/// every exception message passes through <see cref="Redact"/>.
/// </summary>
public static class SecretMasker
{
    /// <summary>What a secret value is replaced with.</summary>
    public const string Mask = "***";

    private static readonly Lock _gate = new();
    private static string[] _secrets = [];

    /// <summary>Registers a value to be masked from now on; values shorter than 3 characters are ignored (they would mask ordinary text).</summary>
    public static void Register(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < 3)
        {
            return;
        }

        lock (_gate)
        {
            if (!_secrets.Contains(secret, StringComparer.Ordinal))
            {
                // longest first, so a secret that contains another is masked whole
                _secrets = [.. _secrets.Append(secret).OrderByDescending(s => s.Length)];
            }
        }
    }

    /// <summary>Returns <paramref name="text"/> with every registered secret (and every extra one given) replaced by <see cref="Mask"/>.</summary>
    public static string Redact(string text, IEnumerable<string>? extraSecrets = null)
    {
        var secrets = Volatile.Read(ref _secrets);
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        if (extraSecrets is not null)
        {
            foreach (var secret in extraSecrets.Where(s => !string.IsNullOrEmpty(s)).OrderByDescending(s => s.Length))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
