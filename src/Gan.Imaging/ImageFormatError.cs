namespace Gan.Imaging;

/// <summary>Why bytes were rejected as an image (<see cref="ImageFormatException.Error"/>).</summary>
public enum ImageFormatError
{
    /// <summary>There were no bytes (a zero-byte file).</summary>
    Empty,
    /// <summary>The bytes start with no signature of a supported format (text, random bytes, another format).</summary>
    Unrecognized,
    /// <summary>The file ends before the image does (header cut off, missing PNG IEND or JPEG EOI, short pixel data).</summary>
    Truncated,
    /// <summary>The header or the compressed data is invalid, or the decoder failed.</summary>
    Corrupt,
    /// <summary>A valid file using a feature this library does not decode (e.g. BigTIFF headers).</summary>
    Unsupported,
}
