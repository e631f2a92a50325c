using Gan.Imaging;

namespace Gan.MLNet.Streaming;

/// <summary>
/// The resume rule: an output is complete when its final name exists and the file is a whole image
/// (<see cref="ImageHeader.IsCompleteFile"/>). The stream only ever creates final names by renaming a fully written,
/// flushed temporary file, so an existing final name is complete by construction; the structural check also catches
/// files cut off by a crash of the file system or put there by other tools. It reads the file but decodes no pixels.
/// </summary>
public static class ImageOutputCompleteness
{
    /// <summary>Whether <paramref name="path"/> holds a complete image file.</summary>
    public static bool IsComplete(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return File.Exists(path) && ImageHeader.IsCompleteFile(File.ReadAllBytes(path));
        }
        catch (IOException)
        {
            return false;
        }
    }
}
