using static TorchSharp.torch;

namespace Gan.Models.Datasets;

/// <summary>
/// Images with integer class labels, held as tensors: <see cref="Images"/> float32 [N, C, H, W] and
/// <see cref="Labels"/> int64 [N] with values in [0, <see cref="ClassNames"/>.Count). Owns (and disposes) both.
/// </summary>
public sealed class LabelledImageSet : IDisposable
{
    /// <summary>Takes ownership of <paramref name="images"/> and <paramref name="labels"/> (detached from any dispose scope).</summary>
    /// <exception cref="ArgumentException">Shapes, dtypes or label count do not match.</exception>
    public LabelledImageSet(Tensor images, Tensor labels, IReadOnlyList<string> classNames, PixelRange range)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        if (images.dim() != 4 || images.dtype != ScalarType.Float32)
            throw new ArgumentException($"images must be float32 [N, C, H, W], not {images.dtype} [{string.Join(", ", images.shape)}]", nameof(images));
        if (labels.dim() != 1 || labels.dtype != ScalarType.Int64 || labels.size(0) != images.size(0))
            throw new ArgumentException($"labels must be int64 [{images.size(0)}], not {labels.dtype} [{string.Join(", ", labels.shape)}]", nameof(labels));
        if (classNames.Count == 0) throw new ArgumentException("at least one class name is required", nameof(classNames));
        Images = images.DetachFromDisposeScope();
        Labels = labels.DetachFromDisposeScope();
        ClassNames = classNames;
        Range = range;
    }

    /// <summary>float32 [N, C, H, W], scaled to <see cref="Range"/>.</summary>
    public Tensor Images { get; }

    /// <summary>int64 [N], class indices into <see cref="ClassNames"/>.</summary>
    public Tensor Labels { get; }

    /// <summary>The name of each class, by label.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The range the pixels were scaled to.</summary>
    public PixelRange Range { get; }

    /// <summary>The number of images N.</summary>
    public long Count => Images.size(0);

    /// <summary>Channels C (1 for gray, 3 for RGB).</summary>
    public long Channels => Images.size(1);

    /// <summary>Height H in pixels.</summary>
    public long Height => Images.size(2);

    /// <summary>Width W in pixels.</summary>
    public long Width => Images.size(3);

    /// <summary>Scales 8-bit pixel values (a tensor of any integer or float dtype in [0, 255]) to float32 in <paramref name="range"/>.</summary>
    public static Tensor ScalePixels(Tensor bytes, PixelRange range)
    {
        using var scope = NewDisposeScope();
        var unit = bytes.to(ScalarType.Float32).div(255.0);
        var scaled = range == PixelRange.MinusOneToOne ? unit.mul(2.0).sub(1.0) : unit;
        return scaled.MoveToOuterDisposeScope();
    }

    /// <summary>Disposes the image and label tensors.</summary>
    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
