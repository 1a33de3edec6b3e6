namespace Pipelines.Dockerfile;

/// <summary>How lint findings are written.</summary>
public enum LintOutputFormat
{
    /// <summary><c>file:line:col: PL001 warning: message (fix: …)</c>, one per line.</summary>
    Human,

    /// <summary>A JSON document with findings and a summary.</summary>
    Json,

    /// <summary>SARIF 2.1.0, for GitHub code scanning and editors.</summary>
    Sarif,

    /// <summary>GitHub Actions workflow commands (<c>::warning file=…,line=…,col=…,title=…::message</c>).</summary>
    GitHub,
}
