namespace Gan.MLNet;

/// <summary>SaveImages would replace an existing file and overwriting was not asked for.</summary>
public sealed class ImageFileExistsException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The full path of the existing file.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public ImageFileExistsException(string path, Exception? innerException = null)
        : base($"Image file '{path}' already exists; pass overwrite: true to replace it.", innerException) => Path = path;

    /// <summary>The full path of the existing file.</summary>
    public string Path { get; }
}
