namespace Gan.MLNet.Data;

/// <summary>
/// Writes a file so that readers see either the old content or the complete new one, never a half-written file: the
/// content goes to a temporary file in the same folder (so the final rename stays on one file system), is flushed to
/// disk, and then replaces the destination. When writing fails, the temporary file is deleted and the destination is
/// untouched. Without <c>overwrite</c>, an existing destination makes the rename fail with an <see cref="IOException"/>.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, Action<Stream> write, bool overwrite = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{path}' has no folder.", nameof(path));
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"Folder '{folder}' does not exist.");
        string temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, fullPath, overwrite);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
