using System.Globalization;
using Gan.Imaging;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;

namespace Gan.MLNet.Transforms;

/// <summary>
/// How the values of the learned column map to the GAN's samples in [−1, 1] and back: images of fixed size (gray →
/// 1 channel, color → 3, pixel p ↦ p / 127.5 − 1) or Single vectors of fixed length (each slot min-max scaled to
/// [−1, 1] with the range seen in Fit, so tabular columns of any scale train well under G's tanh).
/// </summary>
internal sealed class GanSampleFormat
{
    private GanSampleFormat(int channels, int height, int width, float[]? minimum, float[]? maximum)
    {
        Channels = channels;
        Height = height;
        Width = width;
        Minimum = minimum;
        Maximum = maximum;
    }

    public int Channels { get; }

    public int Height { get; }

    public int Width { get; }

    /// <summary>Per-slot minimum of a vector column; null for images.</summary>
    public float[]? Minimum { get; }

    /// <summary>Per-slot maximum of a vector column; null for images.</summary>
    public float[]? Maximum { get; }

    public bool IsImage => Minimum is null;

    public int SampleSize => IsImage ? Channels * Height * Width : Minimum!.Length;

    /// <summary>The GAN sample shape: [C, H, W] or [F].</summary>
    public int[] SampleShape => IsImage ? [Channels, Height, Width] : [Minimum!.Length];

    /// <summary>The column type of generated values.</summary>
    public DataViewType ColumnType => IsImage
        ? new ImageDataViewType(Height, Width)
        : new VectorDataViewType(NumberDataViewType.Single, Minimum!.Length);

    public static GanSampleFormat ForImages(int channels, int height, int width) => new(channels, height, width, null, null);

    public static GanSampleFormat ForVectors(float[] minimum, float[] maximum) => new(0, 0, 0, minimum, maximum);

    /// <summary>Writes one image (converted to gray or RGB as the format says) into <paramref name="destination"/> in [−1, 1], channel-major.</summary>
    public void ImageToSample(Image image, Span<float> destination)
    {
        var pixels = image.ConvertTo(Channels == 1 ? PixelFormat.Gray8 : PixelFormat.Rgb24).Pixels;
        int plane = Height * Width;
        for (int p = 0; p < plane; p++)
            for (int c = 0; c < Channels; c++)
                destination[c * plane + p] = pixels[p * Channels + c] / 127.5f - 1f;
    }

    /// <summary>Scales one vector into <paramref name="destination"/> in [−1, 1] (a constant slot maps to 0).</summary>
    public void VectorToSample(ReadOnlySpan<float> values, Span<float> destination)
    {
        for (int i = 0; i < values.Length; i++)
        {
            float range = Maximum![i] - Minimum![i];
            destination[i] = range > 0 ? 2f * (values[i] - Minimum[i]) / range - 1f : 0f;
        }
    }

    /// <summary>One generated sample (channel-major, in [−1, 1]) as the column's value: an image or an unscaled vector.</summary>
    public object SampleToValue(ReadOnlySpan<float> sample)
    {
        if (!IsImage)
        {
            var values = new float[sample.Length];
            for (int i = 0; i < values.Length; i++)
                values[i] = Minimum![i] + (Math.Clamp(sample[i], -1f, 1f) + 1f) / 2f * (Maximum![i] - Minimum[i]);
            return new VBuffer<float>(values.Length, values);
        }
        int plane = Height * Width;
        var bytes = new byte[plane * Channels];
        for (int p = 0; p < plane; p++)
            for (int c = 0; c < Channels; c++)
                bytes[p * Channels + c] = (byte)Math.Clamp(Math.Round((sample[c * plane + p] + 1f) * 127.5f, MidpointRounding.AwayFromZero), 0, 255);
        return Image.FromPixels(Width, Height, Channels == 1 ? PixelFormat.Gray8 : PixelFormat.Rgb24, bytes);
    }

    /// <summary>The format as model-file options.</summary>
    public Dictionary<string, string> ToOptions()
    {
        var map = new Dictionary<string, string>();
        if (IsImage)
        {
            map["channels"] = Channels.ToString(CultureInfo.InvariantCulture);
            map["height"] = Height.ToString(CultureInfo.InvariantCulture);
            map["width"] = Width.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            map["minimum"] = string.Join(",", Minimum!.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
            map["maximum"] = string.Join(",", Maximum!.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        }
        return map;
    }

    /// <summary>Reads <see cref="ToOptions"/> back.</summary>
    /// <exception cref="FormatException">A value is missing or malformed.</exception>
    public static GanSampleFormat FromOptions(IReadOnlyDictionary<string, string> map)
    {
        if (map.TryGetValue("minimum", out var min) && map.TryGetValue("maximum", out var max))
        {
            float[] minimum = ParseFloats(min), maximum = ParseFloats(max);
            if (minimum.Length == 0 || minimum.Length != maximum.Length) throw new FormatException("sample format: minimum and maximum differ in length");
            return ForVectors(minimum, maximum);
        }
        int channels = ParseInt(map, "channels"), height = ParseInt(map, "height"), width = ParseInt(map, "width");
        if (channels is not (1 or 3) || height < 1 || width < 1) throw new FormatException($"sample format: {channels}×{height}×{width} is not an image format");
        return ForImages(channels, height, width);
    }

    private static float[] ParseFloats(string text) =>
        [.. text.Split(',').Select(s => float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out float v) && float.IsFinite(v)
            ? v : throw new FormatException($"sample format: '{s}' is not a finite number"))];

    private static int ParseInt(IReadOnlyDictionary<string, string> map, string key) =>
        map.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value : throw new FormatException($"sample format: '{key}' is missing or not an integer");
}
