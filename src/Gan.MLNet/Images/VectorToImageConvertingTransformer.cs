using Gan.Imaging;
using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>
/// Turns vectors of <see cref="float"/> (laid out as ExtractPixels lays them out) into images of a fixed size:
/// pixel = clamp(round(v / scale + offset), 0, 255), rounding half away from zero. The result is Rgba32 when the
/// vector holds alpha or <c>defaultAlpha</c> is not 255, Rgb24 otherwise; channels absent from the vector take their
/// default value.
/// <para>
/// Deliberate deviation from ML.NET, which computes round(v × scale − offset): that is not the inverse of
/// ExtractPixels's (pixel − offset) × scale, so the same offset and scale given to both transforms would not give the
/// original image back. Here they do: ExtractPixels followed by ConvertToImage with the same settings reproduces the
/// image bit for bit. ML.NET's transparent alpha on its scaled path without an alpha channel is not reproduced either.
/// </para>
/// </summary>
public sealed class VectorToImageConvertingTransformer : OneToOneTransformerBase, IImageColumnTypeMapper
{
    internal const string ModelKind = "ConvertToImage";
    private readonly int[] _channels;

    internal VectorToImageConvertingTransformer(VectorToImageConvertingEstimator.ColumnOptions options)
        : base((options.Name, options.InputColumnName!))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ImageHeight, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ImageWidth, 1, nameof(options));
        if (options.ScaleImage == 0 || !float.IsFinite(options.ScaleImage) || !float.IsFinite(options.OffsetImage))
            throw new ArgumentOutOfRangeException(nameof(options), "The scale must be finite and non-zero, the offset finite.");
        foreach (int level in (int[])[options.DefaultAlpha, options.DefaultRed, options.DefaultGreen, options.DefaultBlue])
            ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)level, 255u, nameof(options));
        _channels = PixelChannels.Select(options.ColorsPresent, options.OrderOfColors);
        Options = options;
    }

    /// <summary>The settings.</summary>
    public VectorToImageConvertingEstimator.ColumnOptions Options { get; }

    private int VectorSize => Options.ImageHeight * Options.ImageWidth * _channels.Length;

    /// <summary>Saves the settings.</summary>
    /// <param name="context">Where to write.</param>
    public override void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Kind = ModelKind;
        context.SetOption("options", Options);
    }

    internal static ITransformer Load(ModelLoadContext context) =>
        new VectorToImageConvertingTransformer(context.GetOption<VectorToImageConvertingEstimator.ColumnOptions>("options"));

    DataViewType IImageColumnTypeMapper.GetOutputType(int pairIndex, string inputColumnName, DataViewType inputType)
    {
        string expected = $"a vector of Single with {VectorSize} items";
        if (inputType is not VectorDataViewType { ItemType: NumberDataViewType item } vector || item != NumberDataViewType.Single)
            throw new SchemaMismatchException(inputColumnName, expected, inputType.ToString());
        if (vector.IsKnownSize && vector.Size != VectorSize)
            throw new SchemaMismatchException(inputColumnName, expected, inputType.ToString());
        return new ImageDataViewType(Options.ImageHeight, Options.ImageWidth);
    }

    /// <inheritdoc />
    protected override DataViewSchema.DetachedColumn GetOutputColumn(int pairIndex, DataViewSchema.Column inputColumn) =>
        new(inputColumn.Name, ((IImageColumnTypeMapper)this).GetOutputType(pairIndex, inputColumn.Name, inputColumn.Type));

    /// <inheritdoc />
    protected override Delegate CreateGetter(DataViewRow input, int pairIndex, DataViewSchema.Column inputColumn)
    {
        var getVector = input.GetGetter<VBuffer<float>>(inputColumn);
        var options = Options;
        int pixels = options.ImageHeight * options.ImageWidth, channels = _channels.Length;
        bool withAlpha = _channels.Contains(3) || options.DefaultAlpha != 255;
        var format = withAlpha ? PixelFormat.Rgba32 : PixelFormat.Rgb24;
        int depth = format.ChannelCount();
        byte[] defaults = [(byte)options.DefaultRed, (byte)options.DefaultGreen, (byte)options.DefaultBlue, (byte)options.DefaultAlpha];
        var vector = default(VBuffer<float>);
        return (ValueGetter<Image?>)((ref Image? value) =>
        {
            getVector(ref vector);
            if (vector.Length != VectorSize)
                throw new InvalidOperationException($"Row {input.Position} of column '{inputColumn.Name}' has {vector.Length} values; a {options.ImageWidth}x{options.ImageHeight} image with {channels} channels needs {VectorSize}.");
            var values = vector.GetValues();
            var bytes = new byte[pixels * depth];
            for (int p = 0; p < pixels; p++)
                defaults.AsSpan(0, depth).CopyTo(bytes.AsSpan(p * depth));
            for (int p = 0; p < pixels; p++)
            {
                for (int c = 0; c < channels; c++)
                {
                    double level = values[options.InterleavedColors ? p * channels + c : c * pixels + p] / (double)options.ScaleImage + options.OffsetImage;
                    bytes[p * depth + _channels[c]] = (byte)Math.Clamp(Math.Round(level, MidpointRounding.AwayFromZero), 0, 255);
                }
            }
            value = Image.FromPixels(options.ImageWidth, options.ImageHeight, format, bytes);
        });
    }
}
