namespace Pipelines.Docker;

/// <summary>A buildx builder driver.</summary>
public enum BuildxDriver
{
    /// <summary><c>docker</c>: BuildKit inside the engine (the <c>default</c> builder; cannot be created).</summary>
    Docker,

    /// <summary><c>docker-container</c>: BuildKit in a container started by buildx.</summary>
    DockerContainer,

    /// <summary><c>remote</c>: an already running BuildKit daemon (tcp://, unix://).</summary>
    Remote,

    /// <summary><c>kubernetes</c>: BuildKit pods in a cluster.</summary>
    Kubernetes,
}
