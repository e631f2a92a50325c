namespace Gan.Imaging;

/// <summary>Bytes that are not a decodable image: empty, unrecognized, truncated, corrupt or unsupported.</summary>
public class ImageFormatException : Exception
{
    /// <summary>Creates the exception; the message names <paramref name="path"/> when it is known.</summary>
    public ImageFormatException(ImageFormatError error, string reason, string? path = null, Exception? inner = null)
        : base(path is null ? reason : $"{path}: {reason}", inner)
    {
        Error = error;
        Reason = reason;
        Path = path;
    }

    /// <summary>The kind of failure.</summary>
    public ImageFormatError Error { get; }

    /// <summary>The failure without the file name.</summary>
    public string Reason { get; }

    /// <summary>The file the bytes came from, or null when decoding from memory.</summary>
    public string? Path { get; }

    internal ImageFormatException WithPath(string path) => new(Error, Reason, path, InnerException);
}
