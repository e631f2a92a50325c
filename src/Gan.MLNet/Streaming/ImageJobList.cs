using CsvHelper;
using Gan.Imaging;

namespace Gan.MLNet.Streaming;

/// <summary>
/// Builds the inputs of a stream run from a folder or a CSV manifest, in a deterministic order (ordinal by key), so
/// that every run, shard and restart sees the same list.
/// </summary>
public static class ImageJobList
{
    /// <summary>The manifest column naming each input (required).</summary>
    public const string PathColumn = "path";

    /// <summary>The optional manifest column naming each output, relative to the output folder.</summary>
    public const string OutputColumn = "output";

    /// <summary>
    /// Every file under <paramref name="inputFolder"/> (recursive; hidden files, such as our temporary files, and the
    /// output folder when it lies inside the input folder are left out), sorted by relative path. Each output keeps
    /// the relative path, with the extension of <paramref name="outputFormat"/> when one is given.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The input folder does not exist.</exception>
    /// <exception cref="ArgumentException">The output folder is the input folder.</exception>
    public static IReadOnlyList<ImageJob> FromFolder(string inputFolder, string outputFolder, ImageFormat? outputFormat = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(inputFolder);
        ArgumentException.ThrowIfNullOrEmpty(outputFolder);
        string input = Path.GetFullPath(inputFolder), output = Path.GetFullPath(outputFolder);
        if (!Directory.Exists(input)) throw new DirectoryNotFoundException($"Input folder '{inputFolder}' does not exist.");
        if (Path.TrimEndingDirectorySeparator(input) == Path.TrimEndingDirectorySeparator(output))
            throw new ArgumentException($"The output folder '{outputFolder}' is the input folder; write the outputs elsewhere (a subfolder is fine).", nameof(outputFolder));
        string outputPrefix = output.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(input, "*", new EnumerationOptions { RecurseSubdirectories = true })
            .Where(file => !file.StartsWith(outputPrefix, StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(input, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .Select(key => new ImageJob(Path.Combine(input, key), key, OutputPath(output, key, outputFormat), outputFormat))
            .ToArray();
    }

    /// <summary>
    /// The rows of a CSV manifest with a header: column <c>path</c> (absolute, or relative to the manifest's folder) and
    /// optionally <c>output</c> (relative to the output folder; its extension sets the format unless
    /// <paramref name="outputFormat"/> is given). Without an output name, the output is the path when it is relative
    /// and stays inside its folder, else the file name alone, with <paramref name="outputFormat"/>'s extension when given.
    /// </summary>
    /// <exception cref="FileNotFoundException">The manifest does not exist.</exception>
    /// <exception cref="InvalidDataException">No <c>path</c> column, or a row with an empty path or an output leaving the output folder (the message names the line).</exception>
    public static IReadOnlyList<ImageJob> FromManifest(string manifestPath, string outputFolder, ImageFormat? outputFormat = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(manifestPath);
        ArgumentException.ThrowIfNullOrEmpty(outputFolder);
        if (!File.Exists(manifestPath)) throw new FileNotFoundException($"Manifest '{manifestPath}' does not exist.", manifestPath);
        string baseFolder = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!, output = Path.GetFullPath(outputFolder);
        var csvOptions = CsvReaderOptions.Default with { HasHeader = false, TrimWhitespace = true, SkipEmptyLines = true, TrackLineNumbers = true };
        using var csv = CsvReader.FromFile(manifestPath, csvOptions);
        string[] header = csv.Read() ? Fields(csv) : [];
        int pathIndex = Array.IndexOf(header, PathColumn), outputIndex = Array.IndexOf(header, OutputColumn);
        if (pathIndex < 0)
            throw new InvalidDataException($"Manifest '{manifestPath}' needs a header row with a '{PathColumn}' column (and optionally '{OutputColumn}').");
        var jobs = new List<ImageJob>();
        while (csv.Read())
        {
            var fields = Fields(csv);
            long line = csv.LineNumber;
            string key = pathIndex < fields.Length ? fields[pathIndex] : "";
            if (key.Length == 0) throw new InvalidDataException($"Manifest '{manifestPath}', line {line}: the '{PathColumn}' is empty.");
            string? named = outputIndex >= 0 && outputIndex < fields.Length ? fields[outputIndex] : null;
            string outputPath;
            ImageFormat? format = outputFormat;
            if (!string.IsNullOrEmpty(named))
            {
                outputPath = Inside(output, named) ?? throw new InvalidDataException($"Manifest '{manifestPath}', line {line}: output '{named}' leaves the output folder.");
                if (format is null && ImageFormats.TryFromPath(named, out var fromName)) format = fromName;
            }
            else
            {
                string relative = !Path.IsPathRooted(key) && Inside(baseFolder, key) is not null ? key : Path.GetFileName(key);
                outputPath = OutputPath(output, relative, outputFormat);
            }
            jobs.Add(new ImageJob(Path.GetFullPath(key, baseFolder), key, outputPath, format));
        }
        return jobs;
    }

    /// <summary>The usual extension of <paramref name="format"/>.</summary>
    public static string Extension(ImageFormat format) => format switch
    {
        ImageFormat.Png => ".png",
        ImageFormat.Jpeg => ".jpg",
        ImageFormat.Bmp => ".bmp",
        ImageFormat.WebP => ".webp",
        _ => ".tif",
    };

    private static string[] Fields(CsvReader csv)
    {
        var fields = new string[csv.FieldCount];
        for (int i = 0; i < fields.Length; i++) fields[i] = csv.GetString(i);
        return fields;
    }

    private static string OutputPath(string outputFolder, string relative, ImageFormat? format) =>
        Path.GetFullPath(Path.Combine(outputFolder, format is { } f ? Path.ChangeExtension(relative, Extension(f)) : relative));

    private static string? Inside(string folder, string relative)
    {
        string full = Path.GetFullPath(Path.Combine(folder, relative));
        return full.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
