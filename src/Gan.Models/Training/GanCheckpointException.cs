namespace Gan.Models.Training;

/// <summary>A training checkpoint cannot be read: missing, truncated, corrupt (checksum mismatch) or not a checkpoint. The message names the file.</summary>
public sealed class GanCheckpointException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public GanCheckpointException(string path, string message, Exception? inner = null)
        : base($"GAN checkpoint '{path}': {message}", inner) => Path = path;

    /// <summary>The checkpoint file.</summary>
    public string Path { get; }
}
