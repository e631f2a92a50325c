using Gan.Imaging;
using Gan.MLNet.Data;

namespace Gan.MLNet.Transforms;

/// <summary>
/// Resizes images (bilinear) to a fixed width × height; the output column type has that fixed size. IsoCrop scales to
/// cover the target and crops the excess at the anchor, IsoPad scales to fit and pads with black around the image
/// placed at the anchor, Fill stretches. The pixel format is kept; null images stay null.
/// </summary>
public sealed class ImageResizingTransformer : OneToOneTransformerBase, IImageColumnTypeMapper
{
    internal const string ModelKind = "ResizeImages";

    internal ImageResizingTransformer(ImageResizingEstimator.ColumnOptions options) : base((options.Name, options.InputColumnName!))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ImageWidth, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ImageHeight, 1, nameof(options));
        if (!Enum.IsDefined(options.Resizing) || !Enum.IsDefined(options.Anchor))
            throw new ArgumentOutOfRangeException(nameof(options), "Unknown resizing kind or anchor.");
        Options = options;
    }

    /// <summary>The settings.</summary>
    public ImageResizingEstimator.ColumnOptions Options { get; }

    /// <summary>Saves the settings.</summary>
    /// <param name="context">Where to write.</param>
    public override void Save(ModelSaveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Kind = ModelKind;
        context.SetOption("options", Options);
    }

    internal static ITransformer Load(ModelLoadContext context) =>
        new ImageResizingTransformer(context.GetOption<ImageResizingEstimator.ColumnOptions>("options"));

    DataViewType IImageColumnTypeMapper.GetOutputType(int pairIndex, string inputColumnName, DataViewType inputType)
    {
        ImageColumnTypes.RequireImage(inputColumnName, inputType, knownSize: false);
        return new ImageDataViewType(Options.ImageHeight, Options.ImageWidth);
    }

    /// <inheritdoc />
    protected override DataViewSchema.DetachedColumn GetOutputColumn(int pairIndex, DataViewSchema.Column inputColumn) =>
        new(inputColumn.Name, ((IImageColumnTypeMapper)this).GetOutputType(pairIndex, inputColumn.Name, inputColumn.Type));

    /// <inheritdoc />
    protected override Delegate CreateGetter(DataViewRow input, int pairIndex, DataViewSchema.Column inputColumn) =>
        ImageColumnTypes.MapImages(input, inputColumn,
            image => Resize(image, Options.ImageWidth, Options.ImageHeight, Options.Resizing, Options.Anchor));

    /// <summary>Resizes one image; public so that code outside a pipeline resizes exactly as the transform does.</summary>
    /// <param name="image">The image.</param>
    /// <param name="width">The target width.</param>
    /// <param name="height">The target height.</param>
    /// <param name="resizing">How the aspect ratio is handled.</param>
    /// <param name="anchor">Where to crop or place the image.</param>
    public static Image Resize(Image image, int width, int height, ResizingKind resizing, Anchor anchor)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (resizing == ResizingKind.Fill)
            return Same(image, width, height) ? image : image.Resize(width, height);
        double scaleX = (double)width / image.Width, scaleY = (double)height / image.Height;
        double scale = resizing == ResizingKind.IsoCrop ? Math.Max(scaleX, scaleY) : Math.Min(scaleX, scaleY);
        int scaledWidth = Math.Max(1, (int)Math.Round(image.Width * scale)), scaledHeight = Math.Max(1, (int)Math.Round(image.Height * scale));
        scaledWidth = resizing == ResizingKind.IsoCrop ? Math.Max(scaledWidth, width) : Math.Min(scaledWidth, width);
        scaledHeight = resizing == ResizingKind.IsoCrop ? Math.Max(scaledHeight, height) : Math.Min(scaledHeight, height);
        var scaled = Same(image, scaledWidth, scaledHeight) ? image : image.Resize(scaledWidth, scaledHeight);
        if (resizing == ResizingKind.IsoCrop)
        {
            var (x, y) = Place(anchor, scaledWidth - width, scaledHeight - height);
            return Same(scaled, width, height) ? scaled : scaled.Crop(x, y, width, height);
        }
        var (left, top) = Place(anchor, width - scaledWidth, height - scaledHeight);
        return Same(scaled, width, height) ? scaled : Pad(scaled, width, height, left, top);
    }

    private static bool Same(Image image, int width, int height) => image.Width == width && image.Height == height;

    /// <summary>The offset of the kept region (crop) or of the image (pad) given the slack on each axis.</summary>
    private static (int X, int Y) Place(Anchor anchor, int slackX, int slackY) => anchor switch
    {
        Anchor.Left => (0, slackY / 2),
        Anchor.Right => (slackX, slackY / 2),
        Anchor.Top => (slackX / 2, 0),
        Anchor.Bottom => (slackX / 2, slackY),
        _ => (slackX / 2, slackY / 2),
    };

    private static Image Pad(Image image, int width, int height, int left, int top)
    {
        var canvas = Image.Create(width, height, image.Format, ImageColor.Black).Pixels.ToArray();
        int stride = width * image.Channels;
        for (int row = 0; row < image.Height; row++)
            image.Pixels.Slice(row * image.Stride, image.Stride).CopyTo(canvas.AsSpan((top + row) * stride + left * image.Channels));
        return Image.FromPixels(width, height, image.Format, canvas);
    }
}
