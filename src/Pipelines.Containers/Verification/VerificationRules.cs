using System.Text.RegularExpressions;

namespace Pipelines.Containers;

/// <summary>The verification rules, applied to the facts of one platform's image. Pure.</summary>
public static partial class VerificationRules
{
    /// <summary>Rule id: compressed size over the image's budget.</summary>
    public const string SizeBudget = "size-budget";

    /// <summary>Rule id: the image runs as root.</summary>
    public const string NonRoot = "non-root";

    /// <summary>Rule id: no HEALTHCHECK although the policy requires one.</summary>
    public const string Healthcheck = "healthcheck";

    /// <summary>Rule id: a shell or package manager in an image declared minimal.</summary>
    public const string Minimal = "minimal";

    /// <summary>Rule id: a secret-looking value in env, labels or history.</summary>
    public const string Secret = "secret";

    private static readonly string[] _shells = ["bin/sh", "bin/bash", "bin/ash", "bin/dash", "bin/zsh", "bin/busybox", "usr/bin/sh", "usr/bin/bash", "usr/bin/dash", "usr/bin/busybox"];

    private static readonly string[] _packageManagers =
        ["usr/bin/apt", "usr/bin/apt-get", "usr/bin/dpkg", "sbin/apk", "usr/sbin/apk", "usr/bin/yum", "usr/bin/dnf", "usr/bin/microdnf", "usr/bin/rpm", "bin/rpm", "usr/bin/pip", "usr/bin/pip3", "usr/bin/npm", "usr/local/bin/npm"];

    [GeneratedRegex("(?i)^[A-Z0-9_.-]*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH)[A-Z0-9_.-]*$")]
    private static partial Regex SecretName();

    [GeneratedRegex("(?i)\\b([A-Z0-9_.-]*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?)[A-Z0-9_.-]*)=(\"[^\"]*\"|'[^']*'|\\S+)")]
    private static partial Regex SecretAssignment();

    [GeneratedRegex("(ghp_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|gh[osu]_[A-Za-z0-9]{30,}|AKIA[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----|xox[abprs]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{16,}|glpat-[A-Za-z0-9_-]{20}|eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]+)")]
    private static partial Regex SecretValue();

    /// <summary>Every rule <paramref name="image"/>'s policy and budget ask for, applied to <paramref name="facts"/>.</summary>
    public static IReadOnlyList<VerificationFinding> Check(ContainerImage image, ImageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(facts);
        var findings = new List<VerificationFinding>();
        void Add(string rule, string message) => findings.Add(new VerificationFinding(image.Name, facts.Platform, rule, message));

        if (image.SizeBudget is { } budget && facts.CompressedSize > budget.Bytes)
        {
            Add(SizeBudget, $"compressed size {new ByteSize(facts.CompressedSize)} exceeds the budget of {budget} by {new ByteSize(facts.CompressedSize - budget.Bytes)}.");
        }

        var policy = image.Policy;
        if (policy.RequireNonRoot && IsRoot(facts.User))
        {
            Add(NonRoot, facts.User.Length == 0
                ? "the image runs as root (no USER); add e.g. `USER 65532:65532` to the production stage."
                : $"the image runs as root (USER {facts.User}); use a non-zero uid, e.g. `USER 65532:65532`.");
        }

        if (policy.RequireHealthcheck && facts.Healthcheck is null)
        {
            Add(Healthcheck, "no HEALTHCHECK in the image; add one to the production stage (exec form, no shell needed).");
        }

        if (policy.Minimal)
        {
            var shells = _shells.Where(facts.Files.Contains).ToList();
            var managers = _packageManagers.Where(facts.Files.Contains).ToList();
            if (shells.Count > 0 || managers.Count > 0)
            {
                Add(Minimal, $"the image is declared minimal but contains {string.Join(", ", shells.Concat(managers).Select(p => "/" + p))}; start the production stage FROM scratch or a distroless base.");
            }
        }

        if (policy.ScanSecrets)
        {
            foreach (var variable in facts.Environment)
            {
                var equals = variable.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? variable : variable[..equals];
                var value = equals < 0 ? "" : variable[(equals + 1)..];
                if (LooksSecret(name, value))
                {
                    Add(Secret, $"environment variable {name} holds a secret-looking value ({Redact(value)}); pass secrets at run time or with RUN --mount=type=secret, never ENV.");
                }
            }

            foreach (var (key, value) in facts.Labels)
            {
                if (LooksSecret(key, value))
                {
                    Add(Secret, $"label {key} holds a secret-looking value ({Redact(value)}).");
                }
            }

            foreach (var line in facts.History.Distinct(StringComparer.Ordinal))
            {
                if (line.StartsWith("ENV ", StringComparison.Ordinal))
                {
                    continue; // reported through the environment
                }

                foreach (Match match in SecretAssignment().Matches(line))
                {
                    var value = match.Groups[2].Value.Trim('"', '\'');
                    if (LooksSecret(match.Groups[1].Value, value))
                    {
                        Add(Secret, $"history step `{Shorten(line)}` holds {match.Groups[1].Value}={Redact(value)}; build args and RUN commands are stored in the image: use --secret.");
                    }
                }

                if (SecretValue().Match(line) is { Success: true } token && !SecretAssignment().IsMatch(line))
                {
                    Add(Secret, $"history step `{Shorten(line.Replace(token.Value, Redact(token.Value), StringComparison.Ordinal))}` contains a credential-like value.");
                }
            }
        }

        return findings;
    }

    /// <summary>True when <paramref name="user"/> (a config <c>User</c>) means root: empty, <c>root</c>, <c>0</c>, or those with a group.</summary>
    public static bool IsRoot(string user)
    {
        var name = (user ?? "").Split(':')[0].Trim();
        return name.Length == 0 || name == "root" || name == "0";
    }

    /// <summary>True when <paramref name="name"/>=<paramref name="value"/> looks like a credential (a secret-like name with a literal value, or a known token format).</summary>
    public static bool LooksSecret(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (SecretValue().IsMatch(value))
        {
            return true;
        }

        if (!SecretName().IsMatch(name) || name.EndsWith("_FILE", StringComparison.OrdinalIgnoreCase) || name.EndsWith("_PATH", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var v = value.Trim();
        return v.Length >= 6 && !v.StartsWith('/') && !v.StartsWith('$') && !v.Contains("/run/secrets", StringComparison.Ordinal)
            && v is not ("true" or "false" or "none" or "null" or "changeme");
    }

    private static string Redact(string value) => value.Length <= 4 ? "[REDACTED]" : value[..Math.Min(4, value.Length / 4)] + "…[REDACTED]";

    private static string Shorten(string line) => line.Length > 120 ? line[..117] + "…" : line;
}
