using Gan.Imaging;

namespace Gan.MLNet.Transforms;

/// <summary>The channels of a pixel vector in order, as offsets into an RGBA pixel (R = 0, G = 1, B = 2, A = 3).</summary>
internal static class PixelChannels
{
    public static int[] Select(ColorBits colors, ColorsOrder order)
    {
        if (!Enum.IsDefined(order))
            throw new ArgumentOutOfRangeException(nameof(order), order, "Unknown colour order.");
        if ((colors & ColorBits.All) == 0 || (colors & ~ColorBits.All) != 0)
            throw new ArgumentOutOfRangeException(nameof(colors), colors, "Select at least one of Alpha, Red, Green, Blue.");
        return [.. order.ToString().Where(letter => colors.HasFlag(Bit(letter))).Select(Offset)];
    }

    /// <summary>The image's pixels as RGBA bytes (gray replicated, missing alpha opaque).</summary>
    public static ReadOnlySpan<byte> Rgba(Image image) => image.ConvertTo(PixelFormat.Rgba32).Pixels;

    private static ColorBits Bit(char letter) => letter switch
    {
        'A' => ColorBits.Alpha,
        'R' => ColorBits.Red,
        'G' => ColorBits.Green,
        _ => ColorBits.Blue,
    };

    private static int Offset(char letter) => letter switch
    {
        'R' => 0,
        'G' => 1,
        'B' => 2,
        _ => 3,
    };
}
