using Gan.Imaging;
using Gan.Imaging.Composition;
using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.Training;

/// <summary>Turns generated samples in [−1, 1] into images and lays them out as one grid PNG.</summary>
internal static class GanSampleGrid
{
    /// <summary>Vectors whose length is not a square are drawn as strips this many pixels high, so they stay visible.</summary>
    private const int StripHeight = 4;

    /// <summary>Writes <paramref name="samples"/> [n, …] as a grid of <paramref name="columns"/> per row to <paramref name="path"/> (atomically).</summary>
    public static void Write(Tensor samples, int columns, IReadOnlyList<string>? rowLabels, string path) =>
        SampleGrid.Compose(ToImages(samples), columns, padding: 2, rowLabels: rowLabels).Save(path, ImageFormat.Png);

    /// <summary>
    /// One image per sample: [3, H, W] as RGB; [C, H, W] otherwise as gray with the channels stacked vertically;
    /// [F] as a √F × √F gray square when F is a square, else as a gray strip F wide.
    /// </summary>
    public static IReadOnlyList<Image> ToImages(Tensor samples)
    {
        using var scope = NewDisposeScope();
        long n = samples.size(0);
        var pixels = samples.detach().add(1).mul(127.5).round().clamp(0, 255).to(ScalarType.Byte);
        int[] shape = [.. samples.shape.Skip(1).Select(d => checked((int)d))];
        var (width, height, format, layout) = shape switch
        {
            [3, var h, var w] => (w, h, PixelFormat.Rgb24, pixels.permute(0, 2, 3, 1)),
            [var c, var h, var w] => (w, c * h, PixelFormat.Gray8, pixels),
            [var f] when IsSquare(f) => ((int)Math.Sqrt(f), (int)Math.Sqrt(f), PixelFormat.Gray8, pixels),
            [var f] => (f, StripHeight, PixelFormat.Gray8, pixels.unsqueeze(1).expand(n, StripHeight, f)),
            _ => throw new ArgumentException($"samples shaped [{string.Join(", ", samples.shape)}] cannot be drawn", nameof(samples)),
        };
        byte[] bytes = layout.CopyToArray<byte>();
        int size = width * height * format.ChannelCount();
        return [.. Enumerable.Range(0, (int)n).Select(i => Image.FromPixels(width, height, format, bytes.AsSpan(i * size, size)))];
    }

    private static bool IsSquare(int value)
    {
        int root = (int)Math.Round(Math.Sqrt(value));
        return root * root == value;
    }
}
