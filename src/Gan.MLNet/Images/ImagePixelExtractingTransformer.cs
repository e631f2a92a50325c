using Gan.Imaging;
using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>
/// Turns images of known size into vectors of <see cref="float"/>: value = (pixel − offset) × scale, laid out as
/// [channels, height, width] (planar) or [height, width, channels] (interleaved), channels in the chosen order.
/// A null image (a failed load in <see cref="ImageLoadErrorHandling.ErrorColumn"/> mode) gives a vector of zeros.
/// </summary>
public sealed class ImagePixelExtractingTransformer : OneToOneTransformerBase, IImageColumnTypeMapper
{
    internal const string ModelKind = "ExtractPixels";
    private readonly int[] _channels;

    internal ImagePixelExtractingTransformer(ImagePixelExtractingEstimator.ColumnOptions options)
        : base((options.Name, options.InputColumnName!))
    {
        if (!options.OutputAsFloatArray)
            throw new NotSupportedException("ExtractPixels produces Single vectors only: this layer has no Byte column type (outputAsFloatArray must be true).");
        if (options.ScaleImage == 0 || !float.IsFinite(options.ScaleImage) || !float.IsFinite(options.OffsetImage))
            throw new ArgumentOutOfRangeException(nameof(options), "The scale must be finite and non-zero, the offset finite.");
        _channels = PixelChannels.Select(options.ColorsToExtract, options.OrderOfExtraction);
        Options = options;
    }

    /// <summary>The settings.</summary>
    public ImagePixelExtractingEstimator.ColumnOptions Options { get; }

    /// <summary>Saves the settings.</summary>
    /// <param name="context">Where to write.</param>
    public override void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Kind = ModelKind;
        context.SetOption("options", Options);
    }

    internal static ITransformer Load(ModelLoadContext context) =>
        new ImagePixelExtractingTransformer(context.GetOption<ImagePixelExtractingEstimator.ColumnOptions>("options"));

    DataViewType IImageColumnTypeMapper.GetOutputType(int pairIndex, string inputColumnName, DataViewType inputType)
    {
        var image = ImageColumnTypes.RequireImage(inputColumnName, inputType, knownSize: true);
        int[] dimensions = Options.InterleavePixelColors ? [image.Height, image.Width, _channels.Length] : [_channels.Length, image.Height, image.Width];
        return new VectorDataViewType(NumberDataViewType.Single, dimensions);
    }

    /// <inheritdoc />
    protected override DataViewSchema.DetachedColumn GetOutputColumn(int pairIndex, DataViewSchema.Column inputColumn) =>
        new(inputColumn.Name, ((IImageColumnTypeMapper)this).GetOutputType(pairIndex, inputColumn.Name, inputColumn.Type));

    /// <inheritdoc />
    protected override Delegate CreateGetter(DataViewRow input, int pairIndex, DataViewSchema.Column inputColumn)
    {
        var type = (ImageDataViewType)inputColumn.Type;
        var getImage = input.GetGetter<Image?>(inputColumn);
        int pixels = type.Height * type.Width, channels = _channels.Length;
        float offset = Options.OffsetImage, scale = Options.ScaleImage;
        bool interleaved = Options.InterleavePixelColors;
        Image? image = null;
        return (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
        {
            getImage(ref image);
            var editor = VBufferEditor.Create(ref value, pixels * channels);
            var values = editor.Values;
            if (image is null)
            {
                values.Clear();
                value = editor.Commit();
                return;
            }
            if (image.Width != type.Width || image.Height != type.Height)
                throw new InvalidOperationException($"Column '{inputColumn.Name}' is declared {type} but row {input.Position} holds a {image.Width}x{image.Height} image.");
            var rgba = PixelChannels.Rgba(image);
            for (int p = 0; p < pixels; p++)
            {
                for (int c = 0; c < channels; c++)
                {
                    float v = (rgba[p * 4 + _channels[c]] - offset) * scale;
                    values[interleaved ? p * channels + c : c * pixels + p] = v;
                }
            }
            value = editor.Commit();
        });
    }
}
