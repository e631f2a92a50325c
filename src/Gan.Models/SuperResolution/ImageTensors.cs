using Gan.Imaging;
using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.SuperResolution;

/// <summary>Converts between 8-bit <see cref="Image"/>s and float32 channels-first tensors in [0, 1] (value / 255).</summary>
public static class ImageTensors
{
    /// <summary>
    /// The <paramref name="width"/> × <paramref name="height"/> region at (<paramref name="x"/>, <paramref name="y"/>)
    /// of channels <paramref name="firstChannel"/> … + <paramref name="channelCount"/> as float32 [1, channelCount, height, width] in [0, 1].
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The region or the channels leave the image.</exception>
    public static Tensor FromImage(Image image, int x, int y, int width, int height, int firstChannel, int channelCount)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (x < 0 || y < 0 || width < 1 || height < 1 || (long)x + width > image.Width || (long)y + height > image.Height)
            throw new ArgumentOutOfRangeException(nameof(width), $"the region ({x},{y}) {width}x{height} leaves the {image.Width}x{image.Height} image");
        if (firstChannel < 0 || channelCount < 1 || firstChannel + channelCount > image.Channels)
            throw new ArgumentOutOfRangeException(nameof(channelCount), $"channels {firstChannel}..{firstChannel + channelCount - 1} leave the image's {image.Channels}");
        var values = new float[checked(channelCount * width * height)];
        var pixels = image.Pixels;
        int stride = image.Stride, channels = image.Channels, plane = width * height;
        for (int row = 0; row < height; row++)
        {
            int source = (y + row) * stride + x * channels + firstChannel;
            for (int column = 0; column < width; column++, source += channels)
                for (int c = 0; c < channelCount; c++)
                    values[c * plane + row * width + column] = pixels[source + c] / 255f;
        }
        return TensorData.FromSpan<float>(values, 1, channelCount, height, width);
    }

    /// <summary>The whole image, every channel, as float32 [1, C, H, W] in [0, 1].</summary>
    public static Tensor FromImage(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return FromImage(image, 0, 0, image.Width, image.Height, 0, image.Channels);
    }

    /// <summary>
    /// Writes <paramref name="values"/> (float [C, H, W], any range: clamped to [0, 1], then rounded to 8 bits) into
    /// channels <paramref name="firstChannel"/> … of the interleaved <paramref name="pixels"/> of an image
    /// <paramref name="imageWidth"/> wide with <paramref name="imageChannels"/> channels, at (<paramref name="x"/>, <paramref name="y"/>).
    /// </summary>
    internal static void Write(Tensor values, byte[] pixels, int imageWidth, int imageChannels, int x, int y, int firstChannel)
    {
        int channels = (int)values.size(0), height = (int)values.size(1), width = (int)values.size(2);
        using var scope = NewDisposeScope();
        byte[] bytes = values.detach().clamp(0.0, 1.0).mul(255.0).round().to(ScalarType.Byte).CopyToArray<byte>();
        int plane = width * height;
        for (int row = 0; row < height; row++)
        {
            int target = ((y + row) * imageWidth + x) * imageChannels + firstChannel;
            for (int column = 0; column < width; column++, target += imageChannels)
                for (int c = 0; c < channels; c++)
                    pixels[target + c] = bytes[c * plane + row * width + column];
        }
    }

    /// <summary>An image from float [C, H, W] or [1, C, H, W] with C = 1 (gray), 3 (RGB) or 4 (RGBA), clamped to [0, 1] and rounded.</summary>
    /// <exception cref="ArgumentException">The shape is not an image's.</exception>
    public static Image ToImage(Tensor values)
    {
        ArgumentNullException.ThrowIfNull(values);
        using var scope = NewDisposeScope();
        var image = values.dim() == 4 && values.size(0) == 1 ? values.squeeze(0) : values;
        if (image.dim() != 3 || image.size(0) is not (1 or 3 or 4))
            throw new ArgumentException($"an image tensor is [C, H, W] or [1, C, H, W] with C 1, 3 or 4, got {ShapeText.Of(values)}", nameof(values));
        int channels = (int)image.size(0), height = (int)image.size(1), width = (int)image.size(2);
        var pixels = new byte[checked(channels * height * width)];
        Write(image, pixels, width, channels, 0, 0, 0);
        var format = channels switch { 1 => PixelFormat.Gray8, 3 => PixelFormat.Rgb24, _ => PixelFormat.Rgba32 };
        return Image.FromPixels(width, height, format, pixels);
    }
}
