using System;

namespace Pipelines.Docker.Generators;

/// <summary>One listed Dockerfile with its settings; equality by value so the incremental pipeline can cache.</summary>
internal sealed class DockerfileInput : IEquatable<DockerfileInput>
{
    public DockerfileInput(string path, string name, string? ns, string text)
    {
        Path = path;
        Name = name;
        Namespace = ns;
        Text = text;
    }

    public string Path { get; }

    public string Name { get; }

    public string? Namespace { get; }

    public string Text { get; }

    public bool Equals(DockerfileInput? other)
        => other is not null && Path == other.Path && Name == other.Name && Namespace == other.Namespace && Text == other.Text;

    public override bool Equals(object? obj) => Equals(obj as DockerfileInput);

    public override int GetHashCode() => (Path.GetHashCode() * 31) ^ Text.GetHashCode();
}
