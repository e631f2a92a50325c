using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

namespace Gan.Models.Training;

/// <summary>Applies a <see cref="DiscriminatorAugmentation"/> to a batch of images, differentiably and per image.</summary>
internal static class DiscriminatorAugmenter
{
    /// <summary>
    /// <paramref name="images"/> [N, C, H, W] transformed by <paramref name="augmentation"/>, each image with its own
    /// draw from <paramref name="random"/>; the images themselves when <paramref name="augmentation"/> is None.
    /// </summary>
    public static Tensor Apply(Tensor images, DiscriminatorAugmentation augmentation, Generator random)
    {
        if (augmentation == DiscriminatorAugmentation.None) return images;
        using var scope = NewDisposeScope();
        var result = images;
        if (augmentation.HasFlag(DiscriminatorAugmentation.Translation)) result = Translate(result, random);
        if (augmentation.HasFlag(DiscriminatorAugmentation.Cutout)) result = CutOut(result, random);
        return result.MoveToOuterDisposeScope();
    }

    // A whole-pixel shift through an affine sampling grid: nearest sampling lands exactly on pixel centres, so the
    // values are moved, not interpolated, and the gradient flows back to the pixels that were moved.
    private static Tensor Translate(Tensor images, Generator random)
    {
        long n = images.size(0), height = images.size(2), width = images.size(3);
        var shiftY = Shifts(n, MaxShift(height), random, images.device);
        var shiftX = Shifts(n, MaxShift(width), random, images.device);
        // align_corners = false: one pixel is 2 / size in normalised coordinates; the output at x reads the input at
        // x − shift, so the content moves by +shift.
        var theta = zeros([n, 2, 3], dtype: images.dtype, device: images.device);
        theta[.., 0, 0] = ones(n, dtype: images.dtype, device: images.device);
        theta[.., 1, 1] = ones(n, dtype: images.dtype, device: images.device);
        theta[.., 0, 2] = shiftX.mul(-2.0 / width);
        theta[.., 1, 2] = shiftY.mul(-2.0 / height);
        var grid = affine_grid(theta, [n, images.size(1), height, width], align_corners: false);
        return grid_sample(images, grid, GridSampleMode.Nearest, GridSamplePaddingMode.Border, align_corners: false);
    }

    // A square of half the size zeroed at a uniformly drawn centre; the square may hang over the edge, as in DiffAugment.
    private static Tensor CutOut(Tensor images, Generator random)
    {
        long n = images.size(0), height = images.size(2), width = images.size(3);
        long cutHeight = (height + 1) / 2, cutWidth = (width + 1) / 2;
        var top = Positions(n, height, cutHeight, random, images.device).view(n, 1, 1, 1);
        var left = Positions(n, width, cutWidth, random, images.device).view(n, 1, 1, 1);
        var rows = arange(height, device: images.device).view(1, 1, height, 1);
        var columns = arange(width, device: images.device).view(1, 1, 1, width);
        var inside = rows.ge(top).logical_and(rows.lt(top.add(cutHeight)))
            .logical_and(columns.ge(left).logical_and(columns.lt(left.add(cutWidth))));
        return images.mul(inside.logical_not().to(images.dtype));
    }

    private static long MaxShift(long size) => (size + 4) / 8;

    // Whole shifts in [−max, max], one per image, as floats on the images' device.
    private static Tensor Shifts(long n, long max, Generator random, Device device) =>
        randint(-max, max + 1, [n], dtype: ScalarType.Int64, generator: random).to(ScalarType.Float32).to(device);

    // The first row (or column) of the cut: its centre is uniform over the image, so it starts up to half a cut before it.
    private static Tensor Positions(long n, long size, long cut, Generator random, Device device) =>
        randint(0, size, [n], dtype: ScalarType.Int64, generator: random).sub(cut / 2).to(device);
}
