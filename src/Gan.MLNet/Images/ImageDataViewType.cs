using Gan.Imaging;

namespace Gan.MLNet.Data;

/// <summary>
/// The image column type; values are read as <see cref="Image"/> (null when a row has no image). An image type may
/// fix the <see cref="Height"/> and <see cref="Width"/> of every value (as ResizeImages produces), which ExtractPixels
/// needs to know its output size; 0 × 0 means the size varies from row to row.
/// </summary>
public sealed class ImageDataViewType : StructuredDataViewType
{
    /// <summary>An image type whose values have any size.</summary>
    public ImageDataViewType() : base(typeof(Image)) { }

    /// <summary>An image type whose values are all <paramref name="height"/> × <paramref name="width"/> (ML.NET's argument order).</summary>
    /// <param name="height">The height in pixels, positive.</param>
    /// <param name="width">The width in pixels, positive.</param>
    public ImageDataViewType(int height, int width) : base(typeof(Image))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        Height = height;
        Width = width;
    }

    /// <summary>The fixed height, or 0 when the size varies.</summary>
    public int Height { get; }

    /// <summary>The fixed width, or 0 when the size varies.</summary>
    public int Width { get; }

    /// <summary>Whether every value has the fixed <see cref="Height"/> and <see cref="Width"/>.</summary>
    public bool IsKnownSize => Height > 0;

    /// <inheritdoc />
    public override bool Equals(DataViewType? other) => other is ImageDataViewType image && image.Height == Height && image.Width == Width;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(RawType, Height, Width);

    /// <inheritdoc />
    public override string ToString() => IsKnownSize ? $"Image<{Height}, {Width}>" : "Image";
}
