using Gan.Imaging;
using Gan.MLNet;
using Gan.MLNet.Streaming;
using Gan.MLNet.Transforms;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;

namespace Microsoft.ML;

/// <summary>Gan.MLNet's operations on <c>mlContext.Data</c>: samples from a fitted GAN, and images written to files.</summary>
public static class GanDataCatalog
{
    /// <summary>
    /// A view of <paramref name="count"/> fresh samples of a fitted (or loaded) GanGenerate step.
    /// </summary>
    /// <remarks>
    /// The view has the sample column and, for a conditional GAN, the label column (a key with the class names as
    /// KeyValues). Sample k is the same for the same transformer seed, before and after SaveWithNetworks/LoadWithNetworks.
    /// The view generates lazily, in batches; an image is valid until its cursor moves (copy it to keep it).
    /// </remarks>
    /// <param name="catalog">The data catalog.</param>
    /// <param name="transformer">The fitted GanGenerate step.</param>
    /// <param name="count">How many rows.</param>
    /// <param name="label">The class to generate (as in <see cref="GanGeneratingTransformer.ClassNames"/>); null cycles through all classes.</param>
    /// <param name="seed">The noise seed; null uses the transformer's <see cref="GanGeneratingTransformer.GenerationSeed"/>. Views with different seeds hold different samples.</param>
    /// <exception cref="ArgumentException">The label is not a class of the transformer, or one is given to an unconditional GAN.</exception>
    public static IDataView Generate(this DataOperationsCatalog catalog, GanGeneratingTransformer transformer, long count, string? label = null, ulong? seed = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(transformer);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        int? classIndex = null;
        if (label is not null)
        {
            if (transformer.ClassNames.Count == 0)
                throw new ArgumentException($"The GAN is unconditional; it takes no label (got '{label}').", nameof(label));
            int index = transformer.ClassNames.ToList().IndexOf(label);
            if (index < 0)
                throw new ArgumentException($"'{label}' is not a class of the GAN; its classes are {string.Join(", ", transformer.ClassNames)}.", nameof(label));
            classIndex = index;
        }
        return transformer.Generate(count, classIndex, seed);
    }

    /// <summary>
    /// Writes each row's image to <paramref name="outputFolder"/>/<c>fileName</c> through the streaming engine.
    /// </summary>
    /// <remarks>
    /// Rows are read in order and encoded in parallel (<see cref="ImageStream"/>), with a bounded number of images in
    /// memory. Each file is written atomically: under a temporary name beside it, then renamed into place. The format is
    /// <paramref name="format"/>, or taken from each file name's extension. Opaque gray images are written as gray, opaque
    /// ones without alpha, so <c>LoadImages → SuperResolve → SaveImages</c> writes the pixels <c>gan upscale</c> writes.
    /// </remarks>
    /// <param name="catalog">The data catalog.</param>
    /// <param name="data">The rows.</param>
    /// <param name="imageColumnName">The image column; a null image is an error naming the row.</param>
    /// <param name="outputFolder">The folder to write into; created when missing.</param>
    /// <param name="fileNameColumnName">A text column of file names, relative to the folder and staying inside it.</param>
    /// <param name="format">The encoding of every file, or null to infer it from each extension.</param>
    /// <param name="overwrite">Whether an existing file may be replaced.</param>
    /// <returns>The number of files written.</returns>
    /// <exception cref="ColumnNotFoundException">A column is missing.</exception>
    /// <exception cref="SchemaMismatchException">The image column is not an image column, or the name column not text.</exception>
    /// <exception cref="InvalidColumnValueException">A row has no image, or a file name that is empty or leaves the folder.</exception>
    /// <exception cref="ImageFileExistsException">A file exists and <paramref name="overwrite"/> is false; files of earlier rows are kept.</exception>
    public static long SaveImages(this DataOperationsCatalog catalog, IDataView data, string imageColumnName, string outputFolder, string fileNameColumnName,
        ImageFormat? format = null, bool overwrite = false)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(outputFolder);
        var imageColumn = data.Schema.GetColumnOrNull(imageColumnName) ?? throw new ColumnNotFoundException(imageColumnName, data.Schema);
        var nameColumn = data.Schema.GetColumnOrNull(fileNameColumnName) ?? throw new ColumnNotFoundException(fileNameColumnName, data.Schema);
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
        try
        {
            return ImageStream.Run(Rows(data, imageColumn, nameColumn, folder, format), ImageBatchTransform.Identity, options).Written;
        }
        catch (ImageStreamFailedException e) when (e.Failure.Stage is ImageJobStage.Output or ImageJobStage.Write && !overwrite && File.Exists(e.Failure.Job.OutputPath))
        {
            throw new ImageFileExistsException(e.Failure.Job.OutputPath, e);
        }
        catch (ImageStreamFailedException e)
        {
            throw new IOException($"SaveImages: '{e.Failure.Job.OutputPath}' could not be written: {e.Failure.Message}", e);
        }
    }

    // The rows as already-decoded stream inputs, read on the stream's producer thread (cursors are single-threaded).
    // The MLImages are borrowed: their pixels are copied before the cursor moves.
    private static IEnumerable<DecodedImageJob> Rows(IDataView data, DataViewSchema.Column imageColumn, DataViewSchema.Column nameColumn, string folder, ImageFormat? format)
    {
        using var cursor = data.GetRowCursor([imageColumn, nameColumn]);
        var getImage = cursor.GetGetter<MLImage?>(imageColumn);
        var getName = cursor.GetGetter<ReadOnlyMemory<char>>(nameColumn);
        MLImage? image = null;
        ReadOnlyMemory<char> name = default;
        while (cursor.MoveNext())
        {
            getName(ref name);
            getImage(ref image);
            string path = Path.GetFullPath(Path.Combine(folder, name.ToString()));
            if (name.IsEmpty || !path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new InvalidColumnValueException(nameColumn.Name, cursor.Position, $"file name '{name}' is empty or leaves the folder '{folder}'");
            if (image is null)
                throw new InvalidColumnValueException(imageColumn.Name, cursor.Position, $"the image is missing (for '{path}')");
            var job = new ImageJob(path, name.ToString(), path, format ?? ImageFormats.FromPath(path));
            yield return new DecodedImageJob(job, MLImageConversion.ToImage(image));
        }
    }
}
