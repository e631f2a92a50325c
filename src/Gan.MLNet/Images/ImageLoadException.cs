namespace Gan.MLNet.Transforms;

/// <summary>LoadImages could not read or decode the image file of a row.</summary>
public sealed class ImageLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The full path of the file.</param>
    /// <param name="row">The row position.</param>
    /// <param name="innerException">The I/O or decoding error.</param>
    public ImageLoadException(string path, long row, Exception innerException)
        : base($"Cannot load image '{path}' (row {row}): {innerException.Message}", innerException)
    {
        Path = path;
        Row = row;
    }

    /// <summary>The full path of the file.</summary>
    public string Path { get; }

    /// <summary>The row position.</summary>
    public long Row { get; }
}
