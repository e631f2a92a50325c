using Gan.Imaging;

namespace Gan.Models.Datasets;

/// <summary>How <see cref="ImageFolderDataset"/> turns image files into a tensor set.</summary>
public sealed record ImageFolderOptions
{
    /// <summary>The side of the square every image is resized to (aspect ratio not kept).</summary>
    public int ImageSize { get; init; } = 28;

    /// <summary>1 for gray (BT.601 luma of colour images) or 3 for RGB (gray replicated, alpha dropped).</summary>
    public int Channels { get; init; } = 1;

    /// <summary>The range pixels are scaled to.</summary>
    public PixelRange Range { get; init; } = PixelRange.MinusOneToOne;

    /// <summary>The interpolation used when an image is not already <see cref="ImageSize"/> square; area averaging suits shrinking.</summary>
    public ResizeMethod Resize { get; init; } = ResizeMethod.Area;

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option out of range (named).</exception>
    public void Validate()
    {
        if (ImageSize is < 1 or > 4096)
            throw new ArgumentOutOfRangeException(nameof(ImageSize), ImageSize, "the image size must be in 1..4096 pixels");
        if (Channels is not (1 or 3))
            throw new ArgumentOutOfRangeException(nameof(Channels), Channels, "images are loaded as gray (1) or RGB (3)");
        if (!Enum.IsDefined(Range)) throw new ArgumentOutOfRangeException(nameof(Range), Range, "unknown pixel range");
        if (!Enum.IsDefined(Resize)) throw new ArgumentOutOfRangeException(nameof(Resize), Resize, "unknown resize method");
    }
}
