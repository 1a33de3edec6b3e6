namespace Pipelines.Dockerfile;

/// <summary>A whitespace-separated word: its unquoted value, its raw text and where it starts.</summary>
internal readonly record struct ShellWord(string Value, string Raw, int Offset);
