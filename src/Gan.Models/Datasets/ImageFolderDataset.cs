using System.Globalization;
using CsvHelper;
using Gan.Imaging;
using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.Datasets;

/// <summary>
/// Loads labelled images from files: labelled by the subfolder they are in, or by a CSV of (path, label) rows.
/// Every image is decoded with Gan.Imaging, converted to gray or RGB and resized to a square (see
/// <see cref="ImageFolderOptions"/>), and the whole set is held in memory as one tensor [N, C, S, S].
/// </summary>
public static class ImageFolderDataset
{
    /// <summary>
    /// One class per subfolder of <paramref name="root"/>, classes in ordinal order of their names (label 0 is the
    /// first), images in ordinal order of their paths. Subfolders are searched recursively; files whose extension
    /// names no image format (.png, .jpg, .jpeg, .bmp, .webp, .tif, .tiff) and folders starting with "." are ignored.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException"><paramref name="root"/> does not exist.</exception>
    /// <exception cref="DatasetFormatException">No class folder, a class folder without images, or an image that cannot be decoded (named).</exception>
    public static LabelledImageSet LoadBySubfolder(string root, ImageFolderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        options ??= new ImageFolderOptions();
        options.Validate();
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"{root}: the image folder does not exist");
        var classFolders = Directory.GetDirectories(root)
            .Where(d => !Path.GetFileName(d).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (classFolders.Length == 0)
            throw new DatasetFormatException(root, "has no class subfolders (one folder per class, named after it)");
        var items = new List<LabelledFile>();
        for (int label = 0; label < classFolders.Length; label++)
        {
            var files = Directory.EnumerateFiles(classFolders[label], "*", SearchOption.AllDirectories)
                .Where(f => ImageFormats.TryFromPath(f, out _) && !IsHidden(classFolders[label], f))
                .Order(StringComparer.Ordinal)
                .ToArray();
            if (files.Length == 0)
                throw new DatasetFormatException(classFolders[label], "the class folder holds no image files (.png, .jpg, .jpeg, .bmp, .webp, .tif, .tiff)");
            items.AddRange(files.Select(f => new LabelledFile(f, label, null)));
        }
        return Load(items, [.. classFolders.Select(Path.GetFileName).OfType<string>()], options);
    }

    /// <summary>
    /// The images a CSV lists: a header row naming a <c>path</c> and a <c>label</c> column (any order, any case;
    /// other columns ignored), then one row per image. Relative paths are taken from <paramref name="imageFolder"/>
    /// (default: the CSV's folder). Labels are class names: ordered numerically when all are integers, else ordinally.
    /// </summary>
    /// <exception cref="FileNotFoundException">The CSV does not exist.</exception>
    /// <exception cref="DatasetFormatException">
    /// The CSV is malformed (a missing column, bad quoting, an empty path or label, a listed file that does not
    /// exist: the message names the line and column), or an image cannot be decoded (the message names the file
    /// and the CSV line).
    /// </exception>
    public static LabelledImageSet LoadFromCsv(string csvPath, ImageFolderOptions? options = null, string? imageFolder = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(csvPath);
        options ??= new ImageFolderOptions();
        options.Validate();
        if (!File.Exists(csvPath)) throw new FileNotFoundException($"{csvPath} does not exist", csvPath);
        imageFolder ??= Path.GetDirectoryName(Path.GetFullPath(csvPath))!;
        var rows = ReadCsv(csvPath, imageFolder);
        var classNames = OrderClassNames(rows.Select(r => r.Label).Distinct());
        var labelOf = classNames.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index, StringComparer.Ordinal);
        var items = rows.Select(r => new LabelledFile(r.Path, labelOf[r.Label], $"listed on line {r.Line} of {csvPath}")).ToList();
        return Load(items, classNames, options);
    }

    private sealed record LabelledFile(string Path, int Label, string? ListedWhere);

    private sealed record CsvRow(string Path, string Label, long Line);

    private static bool IsHidden(string classFolder, string file) =>
        Path.GetRelativePath(classFolder, file).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'));

    private static List<CsvRow> ReadCsv(string csvPath, string imageFolder)
    {
        var readerOptions = CsvReaderOptions.Default with
        {
            HasHeader = false,
            Mode = CsvMode.Rfc4180,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        using var reader = CsvReader.FromFile(csvPath, readerOptions);
        try
        {
            if (!reader.Read()) throw new DatasetFormatException(csvPath, "is empty; expected a header row naming 'path' and 'label' columns");
            var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray();
            int pathColumn = ColumnIndex(header, "path", csvPath);
            int labelColumn = ColumnIndex(header, "label", csvPath);
            var rows = new List<CsvRow>();
            while (reader.Read())
            {
                long line = reader.LineNumber;
                string Field(int column, string name)
                {
                    string value = column < reader.FieldCount ? reader.GetString(column) : "";
                    return value.Length > 0 ? value : throw new DatasetFormatException(csvPath, $"line {line}, column '{name}' is empty");
                }
                string path = Path.Combine(imageFolder, Field(pathColumn, "path"));
                string label = Field(labelColumn, "label");
                if (!File.Exists(path))
                    throw new DatasetFormatException(csvPath, $"line {line}, column 'path': the file {path} does not exist");
                rows.Add(new CsvRow(path, label, line));
            }
            if (rows.Count == 0) throw new DatasetFormatException(csvPath, "lists no images (only a header row)");
            return rows;
        }
        catch (CsvFormatException e)
        {
            throw new DatasetFormatException(csvPath, $"line {e.LineNumber}: bad quoting ({e.Message})", e);
        }
    }

    private static int ColumnIndex(string[] header, string name, string csvPath)
    {
        int index = Array.FindIndex(header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index
            : throw new DatasetFormatException(csvPath, $"line 1: the header has no '{name}' column (it has {string.Join(", ", header.Select(h => $"'{h}'"))})");
    }

    private static string[] OrderClassNames(IEnumerable<string> names)
    {
        var distinct = names.ToArray();
        return distinct.All(n => long.TryParse(n, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            ? [.. distinct.OrderBy(n => long.Parse(n, CultureInfo.InvariantCulture)).ThenBy(n => n, StringComparer.Ordinal)]
            : [.. distinct.Order(StringComparer.Ordinal)];
    }

    private static LabelledImageSet Load(IReadOnlyList<LabelledFile> items, IReadOnlyList<string> classNames, ImageFolderOptions options)
    {
        int side = options.ImageSize, channels = options.Channels;
        int imageBytes = side * side * channels;
        if ((long)items.Count * imageBytes > Array.MaxLength)
            throw new InvalidOperationException($"{items.Count} images of {side}×{side}×{channels} bytes are more than one in-memory set can hold");
        var pixels = new byte[items.Count * imageBytes];
        var labels = new long[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            var image = Decode(items[i]).ConvertTo(channels == 1 ? PixelFormat.Gray8 : PixelFormat.Rgb24);
            if (image.Width != side || image.Height != side) image = image.Resize(side, side, options.Resize);
            ToChannelsFirst(image.Pixels, channels, pixels.AsSpan(i * imageBytes, imageBytes));
            labels[i] = items[i].Label;
        }
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        var images = LabelledImageSet.ScalePixels(TensorData.FromSpan<byte>(pixels, items.Count, channels, side, side), options.Range);
        return new LabelledImageSet(images, TensorData.FromSpan<long>(labels, labels.Length), classNames, options.Range);
    }

    private static Image Decode(LabelledFile item)
    {
        string where = item.ListedWhere is null ? "" : $"; {item.ListedWhere}";
        try
        {
            return Image.Load(item.Path);
        }
        catch (ImageFormatException e)
        {
            throw new DatasetFormatException(item.Path, $"not a decodable image ({e.Reason}){where}", e);
        }
        catch (ImageTooLargeException e)
        {
            throw new DatasetFormatException(item.Path, $"the image is too large ({e.Width}x{e.Height}){where}", e);
        }
    }

    /// <summary>Interleaved H×W×C pixels → planar C×H×W.</summary>
    private static void ToChannelsFirst(ReadOnlySpan<byte> interleaved, int channels, Span<byte> planar)
    {
        int plane = interleaved.Length / channels;
        for (int p = 0; p < plane; p++)
            for (int c = 0; c < channels; c++)
                planar[c * plane + p] = interleaved[p * channels + c];
    }
}
