namespace Gan.Models.IO;

/// <summary>
/// Writes a file so that readers see either the old content or the complete new one, never a half-written file: the
/// content goes to a temporary file in the same folder (so the final rename stays on one file system), is flushed to
/// disk, and then replaces the destination. When writing fails, the temporary file is deleted and the destination is
/// untouched. Without <c>overwrite</c>, an existing destination makes the rename fail with an <see cref="IOException"/>.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes through a fresh, unique temporary name beside <paramref name="path"/>.</summary>
    public static void Write(string path, Action<Stream> write, bool overwrite = true) =>
        Write(path, write, overwrite, temporaryName: null);

    /// <summary>
    /// Writes through the temporary name <paramref name="temporaryName"/> (a file name in the destination's folder),
    /// replacing any leftover of that name: a writer that owns the destination exclusively uses a fixed name so that
    /// the leftover of a killed run is reused rather than piling up. Null chooses a fresh unique name.
    /// </summary>
    public static void Write(string path, Action<Stream> write, bool overwrite, string? temporaryName)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fullPath = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException($"'{path}' has no folder.", nameof(path));
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"Folder '{folder}' does not exist.");
        string temporary = Path.Combine(folder, temporaryName ?? $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        var mode = temporaryName is null ? FileMode.CreateNew : FileMode.Create;
        try
        {
            using (var stream = new FileStream(temporary, mode, FileAccess.Write, FileShare.None))
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
