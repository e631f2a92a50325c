using Gan.Imaging;
using Gan.MLNet.Data;
using Gan.MLNet.Streaming;

namespace Gan.MLNet;

public sealed partial class DataOperationsCatalog
{
    /// <summary>
    /// Writes each row's image to <paramref name="outputFolder"/>/<c>fileName</c> through the streaming engine
    /// (<see cref="ImageStream"/>: rows read in order, encoded in parallel, a bounded number of images in memory). Each
    /// file is written atomically: under a temporary name beside it, then renamed into place. The format is
    /// <paramref name="format"/>, or taken from the file name's extension. Not part of ML.NET.
    /// </summary>
    /// <param name="data">The rows.</param>
    /// <param name="imageColumnName">The image column; a null image (a failed load) is an error naming the row.</param>
    /// <param name="outputFolder">The folder to write into; created when missing.</param>
    /// <param name="fileNameColumnName">A text column of file names, relative to the folder and staying inside it.</param>
    /// <param name="format">The encoding of every file, or null to infer it from each extension.</param>
    /// <param name="overwrite">Whether an existing file may be replaced.</param>
    /// <returns>The number of files written.</returns>
    /// <exception cref="ImageFileExistsException">A file exists and <paramref name="overwrite"/> is false; files of earlier rows are kept.</exception>
    public long SaveImages(IDataView data, string imageColumnName, string outputFolder, string fileNameColumnName, ImageFormat? format = null, bool overwrite = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(outputFolder);
        var imageColumn = data.Schema[imageColumnName];
        var nameColumn = data.Schema[fileNameColumnName];
        if (imageColumn.Type is not ImageDataViewType)
            throw new SchemaMismatchException(imageColumnName, "an image", imageColumn.Type.ToString());
        if (nameColumn.Type is not TextDataViewType)
            throw new SchemaMismatchException(fileNameColumnName, "text (a file name)", nameColumn.Type.ToString());

        string folder = Path.GetFullPath(outputFolder);
        Directory.CreateDirectory(folder);
        var options = new ImageStreamOptions
        {
            ExistingOutputs = overwrite ? ExistingOutputPolicy.Overwrite : ExistingOutputPolicy.Fail,
            OnError = ImageErrorPolicy.Fail,
        };
        long written;
        try
        {
            written = ImageStream.Run(Rows(data, imageColumn, nameColumn, folder, format), ImageBatchTransform.Identity, options).Written;
        }
        catch (ImageStreamFailedException e) when (e.Failure.Stage is ImageJobStage.Output or ImageJobStage.Write && !overwrite && File.Exists(e.Failure.Job.OutputPath))
        {
            throw new ImageFileExistsException(e.Failure.Job.OutputPath, e);
        }
        catch (ImageStreamFailedException e)
        {
            throw new IOException($"SaveImages: '{e.Failure.Job.OutputPath}' could not be written: {e.Failure.Message}", e);
        }
        Context.WriteLog(Source, ChannelMessageKind.Info, $"SaveImages: wrote {written} images to '{folder}'.");
        return written;
    }

    // The rows as already-decoded stream inputs, read on the stream's producer thread (cursors are single-threaded).
    private static IEnumerable<DecodedImageJob> Rows(IDataView data, DataViewSchema.Column imageColumn, DataViewSchema.Column nameColumn, string folder, ImageFormat? format)
    {
        using var cursor = data.GetRowCursor(imageColumn, nameColumn);
        var getImage = cursor.GetGetter<Image?>(imageColumn);
        var getName = cursor.GetGetter<ReadOnlyMemory<char>>(nameColumn);
        Image? image = null;
        ReadOnlyMemory<char> name = default;
        while (cursor.MoveNext())
        {
            getName(ref name);
            getImage(ref image);
            string path = Path.GetFullPath(Path.Combine(folder, name.ToString()));
            if (name.IsEmpty || !path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new ArgumentException($"Row {cursor.Position}: file name '{name}' is empty or leaves the folder '{folder}'.", nameof(nameColumn));
            if (image is null)
                throw new InvalidOperationException($"Row {cursor.Position} has no image in column '{imageColumn.Name}' (for '{path}').");
            var job = new ImageJob(path, name.ToString(), path, format ?? ImageFormats.FromPath(path));
            yield return new DecodedImageJob(job, image);
            image = null;
        }
    }
}
