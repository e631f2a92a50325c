using Gan.Imaging;

namespace Gan.MLNet.Data;

/// <summary>Marks an <see cref="Image"/> member of a POCO as an image column of fixed size (ML.NET's argument order: height, width).</summary>
/// <param name="height">The height in pixels.</param>
/// <param name="width">The width in pixels.</param>
public sealed class ImageTypeAttribute(int height, int width) : DataViewTypeAttribute
{
    /// <summary>The fixed height.</summary>
    public int Height { get; } = height;

    /// <summary>The fixed width.</summary>
    public int Width { get; } = width;

    /// <inheritdoc />
    public override DataViewType GetColumnType(Type memberType)
    {
        if (memberType != typeof(Image))
            throw new ArgumentException($"[ImageType] applies to members of type Image, not {memberType.Name}.", nameof(memberType));
        return new ImageDataViewType(Height, Width);
    }
}
