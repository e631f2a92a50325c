namespace Gan.Models.Torch;

/// <summary>A safetensors file (or stream) that is malformed: truncated, a bad header, or offsets that do not add up.</summary>
public sealed class SafeTensorsFormatException : Exception
{
    /// <summary>Creates the exception; the message starts with <paramref name="path"/> when it is known.</summary>
    public SafeTensorsFormatException(string message, string? path = null, Exception? inner = null)
        : base(path is null ? message : $"{path}: {message}", inner) =>
        FilePath = path;

    /// <summary>The file that was being read, or null for a stream.</summary>
    public string? FilePath { get; }
}
