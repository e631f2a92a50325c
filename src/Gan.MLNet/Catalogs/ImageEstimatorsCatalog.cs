using Gan.MLNet.Transforms;

namespace Gan.MLNet;

/// <summary>Image transforms on <c>mlContext.Transforms</c>, with ML.NET's names, parameters and defaults.</summary>
public static class ImageEstimatorsCatalog
{
    /// <summary>Loads the images whose paths a text column holds (lazily, row by row); see <see cref="ImageLoadingTransformer"/>.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="outputColumnName">The image column to produce (of any size).</param>
    /// <param name="imageFolder">The folder paths are relative to; null or empty uses them as they are.</param>
    /// <param name="inputColumnName">The text column of paths; null means <paramref name="outputColumnName"/>.</param>
    public static ImageLoadingEstimator LoadImages(this TransformsCatalog catalog, string outputColumnName, string? imageFolder, string? inputColumnName = null) =>
        catalog.LoadImages(new ImageLoadingEstimator.Options { OutputColumnName = outputColumnName, ImageFolder = imageFolder, InputColumnName = inputColumnName });

    /// <summary>Loads images with the given settings, including how failures are handled (<see cref="ImageLoadErrorHandling"/>).</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="options">The settings.</param>
    public static ImageLoadingEstimator LoadImages(this TransformsCatalog catalog, ImageLoadingEstimator.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new ImageLoadingEstimator(options);
    }

    /// <summary>Resizes images to a fixed size; see <see cref="ImageResizingTransformer"/>.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="outputColumnName">The resized image column (of fixed size).</param>
    /// <param name="imageWidth">The target width.</param>
    /// <param name="imageHeight">The target height.</param>
    /// <param name="inputColumnName">The image column; null means <paramref name="outputColumnName"/>.</param>
    /// <param name="resizing">How the aspect ratio is handled.</param>
    /// <param name="cropAnchor">Where to crop (IsoCrop) or place the image (IsoPad).</param>
    public static ImageResizingEstimator ResizeImages(this TransformsCatalog catalog, string outputColumnName, int imageWidth, int imageHeight,
        string? inputColumnName = null, ResizingKind resizing = ResizingKind.IsoCrop, Anchor cropAnchor = Anchor.Center) =>
        catalog.ResizeImages(new ImageResizingEstimator.ColumnOptions
        {
            Name = outputColumnName, InputColumnName = inputColumnName, ImageWidth = imageWidth, ImageHeight = imageHeight, Resizing = resizing, Anchor = cropAnchor,
        });

    /// <summary>Resizes images with the given settings.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="options">The settings.</param>
    public static ImageResizingEstimator ResizeImages(this TransformsCatalog catalog, ImageResizingEstimator.ColumnOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new ImageResizingEstimator(options);
    }

    /// <summary>Turns images of known size into Single vectors, (pixel − offset) × scale; see <see cref="ImagePixelExtractingTransformer"/>.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="outputColumnName">The vector column to produce.</param>
    /// <param name="inputColumnName">The image column (of known size); null means <paramref name="outputColumnName"/>.</param>
    /// <param name="colorsToExtract">The channels to extract.</param>
    /// <param name="orderOfExtraction">The order of the channels.</param>
    /// <param name="interleavePixelColors">[H, W, C] when true, [C, H, W] when false.</param>
    /// <param name="offsetImage">Subtracted from each pixel.</param>
    /// <param name="scaleImage">Multiplies each pixel after the offset.</param>
    /// <param name="outputAsFloatArray">Must be true (there is no Byte column type).</param>
    public static ImagePixelExtractingEstimator ExtractPixels(this TransformsCatalog catalog, string outputColumnName, string? inputColumnName = null,
        ColorBits colorsToExtract = ColorBits.Rgb, ColorsOrder orderOfExtraction = ColorsOrder.ARGB, bool interleavePixelColors = false,
        float offsetImage = 0f, float scaleImage = 1f, bool outputAsFloatArray = true) =>
        catalog.ExtractPixels(new ImagePixelExtractingEstimator.ColumnOptions
        {
            Name = outputColumnName, InputColumnName = inputColumnName, ColorsToExtract = colorsToExtract, OrderOfExtraction = orderOfExtraction,
            InterleavePixelColors = interleavePixelColors, OffsetImage = offsetImage, ScaleImage = scaleImage, OutputAsFloatArray = outputAsFloatArray,
        });

    /// <summary>Extracts pixels with the given settings.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="options">The settings.</param>
    public static ImagePixelExtractingEstimator ExtractPixels(this TransformsCatalog catalog, ImagePixelExtractingEstimator.ColumnOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new ImagePixelExtractingEstimator(options);
    }

    /// <summary>
    /// Turns Single vectors into images, pixel = clamp(round(v / scale + offset)), the inverse of ExtractPixels with the
    /// same settings (a deliberate deviation from ML.NET's round(v × scale − offset); see <see cref="VectorToImageConvertingTransformer"/>).
    /// </summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="imageHeight">The image height (ML.NET's order: height first).</param>
    /// <param name="imageWidth">The image width.</param>
    /// <param name="outputColumnName">The image column to produce.</param>
    /// <param name="inputColumnName">The vector column; null means <paramref name="outputColumnName"/>.</param>
    /// <param name="colorsPresent">The channels the vector holds.</param>
    /// <param name="orderOfColors">The order of the channels.</param>
    /// <param name="interleavedColors">[H, W, C] when true, [C, H, W] when false.</param>
    /// <param name="scaleImage">Each value is divided by this.</param>
    /// <param name="offsetImage">Added after dividing.</param>
    /// <param name="defaultAlpha">The alpha when the vector has none.</param>
    /// <param name="defaultRed">The red level when the vector has none.</param>
    /// <param name="defaultGreen">The green level when the vector has none.</param>
    /// <param name="defaultBlue">The blue level when the vector has none.</param>
    public static VectorToImageConvertingEstimator ConvertToImage(this TransformsCatalog catalog, int imageHeight, int imageWidth, string outputColumnName,
        string? inputColumnName = null, ColorBits colorsPresent = ColorBits.Rgb, ColorsOrder orderOfColors = ColorsOrder.ARGB, bool interleavedColors = false,
        float scaleImage = 1f, float offsetImage = 0f, int defaultAlpha = 255, int defaultRed = 0, int defaultGreen = 0, int defaultBlue = 0) =>
        catalog.ConvertToImage(new VectorToImageConvertingEstimator.ColumnOptions
        {
            Name = outputColumnName, InputColumnName = inputColumnName, ImageHeight = imageHeight, ImageWidth = imageWidth, ColorsPresent = colorsPresent,
            OrderOfColors = orderOfColors, InterleavedColors = interleavedColors, ScaleImage = scaleImage, OffsetImage = offsetImage,
            DefaultAlpha = defaultAlpha, DefaultRed = defaultRed, DefaultGreen = defaultGreen, DefaultBlue = defaultBlue,
        });

    /// <summary>Converts vectors to images with the given settings.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="options">The settings.</param>
    public static VectorToImageConvertingEstimator ConvertToImage(this TransformsCatalog catalog, VectorToImageConvertingEstimator.ColumnOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        return new VectorToImageConvertingEstimator(options);
    }

    /// <summary>Converts images to grayscale (Gray8); see <see cref="ImageGrayscalingTransformer"/>.</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="outputColumnName">The grayscale image column.</param>
    /// <param name="inputColumnName">The image column; null means <paramref name="outputColumnName"/>.</param>
    public static ImageGrayscalingEstimator ConvertToGrayscale(this TransformsCatalog catalog, string outputColumnName, string? inputColumnName = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new ImageGrayscalingEstimator((outputColumnName, string.IsNullOrEmpty(inputColumnName) ? outputColumnName : inputColumnName));
    }
}
