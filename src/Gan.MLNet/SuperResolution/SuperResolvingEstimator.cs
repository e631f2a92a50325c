using System.Runtime.InteropServices;
using Gan.Imaging;
using Gan.Models.SuperResolution;
using Gan.Models.Torch;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;

namespace Gan.MLNet.Transforms;

/// <summary>
/// Upscales an image column with an SRResNet (<c>mlContext.Transforms.SuperResolve</c>) and returns a
/// <see cref="SuperResolvingTransformer"/>.
/// </summary>
/// <remarks>
/// Fit takes the network from where <see cref="Options.ModelSource"/> says: the bundled default for the scale, an
/// SRResNet file, or one trained on the input column's images (read once into memory, then <see cref="SrTrainer"/>,
/// reporting to <see cref="Options.Progress"/> and <see cref="Options.Log"/>).
/// </remarks>
public sealed partial class SuperResolvingEstimator : IEstimator<SuperResolvingTransformer>
{
    private readonly TransformsCatalog _catalog;

    internal SuperResolvingEstimator(TransformsCatalog catalog, Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _catalog = catalog;
        Settings = options with
        {
            Network = options.Network.Clone(), Training = options.Training.Clone(), Patches = options.Patches.Clone(), Tiling = options.Tiling.Clone(),
        };
    }

    /// <summary>The settings (a copy).</summary>
    public Options Settings { get; }

    /// <inheritdoc />
    /// <exception cref="ColumnNotFoundException">The input column is missing.</exception>
    /// <exception cref="SchemaMismatchException">The input column is not an image column.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        var input = inputSchema.Where(c => c.Name == Settings.SourceColumnName).Select(c => (SchemaShape.Column?)c).FirstOrDefault()
            ?? throw new ColumnNotFoundException(Settings.SourceColumnName, inputSchema.Select(c => c.Name));
        if (input.Kind != SchemaShape.Column.VectorKind.Scalar || input.ItemType is not ImageDataViewType image)
            throw new SchemaMismatchException(input.Name, "an image column (LoadImages, ResizeImages, ConvertToImage)", input.ItemType.ToString());
        // ML.NET lets only its own stages make schema-shape columns: stock estimators describe ours.
        return image.Height > 0
            ? _catalog.ResizeImages(Settings.OutputColumnName, image.Width * Settings.Scale, image.Height * Settings.Scale, input.Name).GetOutputSchema(inputSchema)
            : _catalog.CopyColumns(Settings.OutputColumnName, input.Name).GetOutputSchema(inputSchema);
    }

    /// <summary>Gets the network (bundled, from the file, or trained on the input images) and returns the transformer holding it.</summary>
    /// <exception cref="ColumnNotFoundException">The input column is missing.</exception>
    /// <exception cref="SchemaMismatchException">The input column is not an image column.</exception>
    /// <exception cref="BundledSrModelNotFoundException">This build has no bundled model for the scale.</exception>
    /// <exception cref="FileNotFoundException">The model file does not exist.</exception>
    /// <exception cref="FormatException">The model file is not an SRResNet file, or not of the scale.</exception>
    /// <exception cref="InvalidDataException">Training: fewer than two input images are at least a patch in size.</exception>
    /// <exception cref="TorchException">Training: libtorch refused (e.g. out of memory); the message names the column.</exception>
    /// <exception cref="SrTrainingDivergedException">Training: a loss became NaN or infinite.</exception>
    /// <exception cref="OperationCanceledException">Training was cancelled.</exception>
    public SuperResolvingTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var column = input.Schema.GetColumnOrNull(Settings.SourceColumnName) ?? throw new ColumnNotFoundException(Settings.SourceColumnName, input.Schema);
        SuperResolvingTransformer.OutputType(column.Name, column.Type, Settings.Scale);
        var network = Settings.ModelSource switch
        {
            SuperResolveModelSource.Bundled => BundledSrModels.Load(Settings.Scale),
            SuperResolveModelSource.File => LoadFile(Settings.ModelPath!),
            _ => Train(input, column),
        };
        string source = Settings.ModelSource switch
        {
            SuperResolveModelSource.Bundled => $"the bundled ×{Settings.Scale} model",
            SuperResolveModelSource.File => $"'{Path.GetFullPath(Settings.ModelPath!)}'",
            _ => $"a network trained on '{column.Name}'",
        };
        Log($"upscaling '{column.Name}' ×{Settings.Scale} into '{Settings.OutputColumnName}' with {source} " +
            $"({network.Options.BlockCount} blocks × {network.Options.Width} channels)");
        var settings = new SuperResolvingTransformer.Settings(Settings.OutputColumnName, column.Name, Settings.ModelSource,
            Settings.Tiling.TileSize, Settings.Tiling.Overlap, Settings.Tiling.BatchSize, Settings.RowBatchSize, Settings.MaxPendingPixels);
        return new SuperResolvingTransformer(network, settings);
    }

    private SrResNet LoadFile(string path)
    {
        SrResNet network;
        try
        {
            network = SrResNetSerialization.Load(path);
        }
        catch (Exception e) when (e is SafeTensorsFormatException or StateDictException or FormatException)
        {
            throw new FormatException($"SuperResolve: the model file '{Path.GetFullPath(path)}' is not an SRResNet file: {e.Message}", e);
        }
        if (network.Scale != Settings.Scale)
        {
            network.Dispose();
            throw new FormatException($"SuperResolve: the model file '{Path.GetFullPath(path)}' upscales ×{network.Scale}, but Scale is {Settings.Scale}");
        }
        return network;
    }

    private SrResNet Train(IDataView input, DataViewSchema.Column column)
    {
        var images = new List<(string, Image)>();
        long missing = 0;
        using (var cursor = input.GetRowCursor([column]))
        {
            var getter = cursor.GetGetter<MLImage?>(column);
            MLImage? image = null;
            while (cursor.MoveNext())
            {
                getter(ref image);
                // Borrowed from the cursor: copied before it moves.
                if (image is null) missing++;
                else images.Add(($"row {cursor.Position}", MLImageConversion.ToImage(image)));
            }
        }
        using var data = SrPatchDataset.FromImages(images, Settings.ScaledPatches);
        Log($"training an SRResNet ×{Settings.Scale} on {data.TrainingPhotos.Count} images of '{column.Name}' " +
            $"({data.ValidationPhotos.Count} held out, {data.Skipped.Count} smaller than a {Settings.Patches.PatchSize}-pixel patch, {missing} without an image)");
        using var trainer = new SrTrainer(Settings.ScaledNetwork, Settings.Training);
        trainer.Log += (_, e) => Log(e.Message);
        try
        {
            trainer.Train(data, Settings.Progress, Settings.CancellationToken);
        }
        catch (ExternalException e)
        {
            throw TorchException.From(e, $"SuperResolve: training on '{column.Name}'");
        }
        return SrResNetSerialization.Copy(trainer.Generator);
    }

    private void Log(string message) => Settings.Log?.Invoke($"SuperResolve: {message}");
}
