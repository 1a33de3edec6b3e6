using System.Linq.Expressions;

namespace Pipelines;

/// <summary>
/// What every build (and every build component) can see. Components are interfaces deriving from this one
/// that declare targets and parameters as default members:
/// <code>
/// interface ITest : IPipelineBuild
/// {
///     [Parameter("Test filter")] string? Filter => TryGetValue(() => Filter);
///     Target Test => _ => _.Executes(ct => Tool.RunAsync("dotnet", ["test"], ct));
/// }
/// </code>
/// </summary>
public interface IPipelineBuild
{
    /// <summary>The directory that contains <c>.nuke/</c> (searched upward from the working directory; the working directory when there is none).</summary>
    AbsolutePath RootDirectory { get; }

    /// <summary><c>RootDirectory/.nuke/temp</c>, for plans and scratch files (git-ignored).</summary>
    AbsolutePath TemporaryDirectory => RootDirectory / ".nuke" / "temp";

    /// <summary>Where the build runs (terminal, GitHub Actions, another CI).</summary>
    Host Host { get; }

    /// <summary>True when not running on a build server (<see cref="Host.IsContinuousIntegration"/> is false).</summary>
    bool IsLocalBuild => !Host.IsContinuousIntegration;

    /// <summary>Cancelled when the build is interrupted (Ctrl+C, SIGTERM); the same token the <c>Executes</c> overloads receive.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>
    /// The value of parameter <paramref name="name"/> (member name, case-insensitive) converted to <typeparamref name="T"/>;
    /// <c>default</c> when no source supplied one. Works for parameters declared anywhere on the build or its components.
    /// </summary>
    T? ParameterValue<T>(string name);

    /// <summary>
    /// NUKE-style accessor for a parameter declared as a component property:
    /// <c>[Parameter] string? Registry => TryGetValue(() => Registry);</c> (the expression only names the member; it is not evaluated).
    /// </summary>
    T? TryGetValue<T>(Expression<Func<T>> parameter) => ParameterValue<T>(Engine.MemberNames.Of(parameter));
}
