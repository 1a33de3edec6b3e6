using System.Diagnostics.Contracts;

namespace Pipelines.Containers;

/// <summary>
/// What <c>Verify</c> checks in an image besides its size budget. Defaults: non-root required, secret scan on,
/// healthcheck and minimality not required, the baseline taken from <c>Dockerfile.single-stage</c> next to the Dockerfile when present.
/// </summary>
public sealed record VerificationPolicy
{
    /// <summary>The default policy.</summary>
    public static VerificationPolicy Default { get; } = new();

    /// <summary>The image must not run as root (<c>USER</c> set to a non-zero uid / non-root name). Default true.</summary>
    public bool RequireNonRoot { get; init; } = true;

    /// <summary>The image must declare a <c>HEALTHCHECK</c>. Default false.</summary>
    public bool RequireHealthcheck { get; init; }

    /// <summary>The image must contain no shell (<c>bin/sh</c>, <c>bin/bash</c>, busybox) and no package manager (apt, dpkg, apk, yum, dnf, rpm, microdnf). Default false.</summary>
    public bool Minimal { get; init; }

    /// <summary>Fail when env variables, labels or history look like they contain a secret (tokens, keys, passwords). Default true.</summary>
    public bool ScanSecrets { get; init; } = true;

    /// <summary>A stage of the image's own Dockerfile whose size is the "single-stage" baseline (e.g. the builder stage).</summary>
    public string? BaselineStage { get; init; }

    /// <summary>A Dockerfile (relative to the context) whose image is the baseline, e.g. <c>Dockerfile.single-stage</c>.</summary>
    public string? BaselineDockerfile { get; init; }

    /// <summary>Returns a copy with <see cref="RequireNonRoot"/> set.</summary>
    [Pure] public VerificationPolicy WithRequireNonRoot(bool required = true) => this with { RequireNonRoot = required };

    /// <summary>Returns a copy with <see cref="RequireHealthcheck"/> set.</summary>
    [Pure] public VerificationPolicy WithRequireHealthcheck(bool required = true) => this with { RequireHealthcheck = required };

    /// <summary>Returns a copy with <see cref="Minimal"/> set.</summary>
    [Pure] public VerificationPolicy WithMinimal(bool minimal = true) => this with { Minimal = minimal };

    /// <summary>Returns a copy with <see cref="ScanSecrets"/> set.</summary>
    [Pure] public VerificationPolicy WithSecretScan(bool scan = true) => this with { ScanSecrets = scan };

    /// <summary>Returns a copy whose baseline is stage <paramref name="stage"/> (clears <see cref="BaselineDockerfile"/>).</summary>
    [Pure] public VerificationPolicy WithBaselineStage(string? stage) => this with { BaselineStage = stage, BaselineDockerfile = null };

    /// <summary>Returns a copy whose baseline is built from <paramref name="dockerfile"/> (clears <see cref="BaselineStage"/>).</summary>
    [Pure] public VerificationPolicy WithBaselineDockerfile(string? dockerfile) => this with { BaselineDockerfile = dockerfile, BaselineStage = null };
}
