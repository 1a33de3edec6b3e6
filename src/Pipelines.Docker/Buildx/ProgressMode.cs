namespace Pipelines.Docker;

/// <summary>The <c>--progress</c> output style.</summary>
public enum ProgressMode
{
    /// <summary><c>auto</c>: tty on a terminal, plain otherwise.</summary>
    Auto,

    /// <summary><c>plain</c>: line-oriented log including RUN output (best for CI).</summary>
    Plain,

    /// <summary><c>tty</c>: the interactive display.</summary>
    Tty,

    /// <summary><c>quiet</c>: only the result.</summary>
    Quiet,

    /// <summary><c>none</c>: nothing.</summary>
    None,

    /// <summary><c>rawjson</c>: BuildKit's status stream as JSON lines; Pipelines parses it for step timings and cache hits.</summary>
    RawJson,
}
