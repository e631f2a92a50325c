namespace Gan.Imaging;

/// <summary>
/// Moves 8-bit pixels between 3- and 4-byte layouts. Skia has no packed 24-bit colour type, so every Rgb24 image
/// crosses to it as RGBA; <see cref="Image.ConvertTo"/> uses the same loop.
/// </summary>
internal static class ChannelPacking
{
    /// <summary>RGBA → RGB: alpha dropped, not composited.</summary>
    public static void DropAlpha(ReadOnlySpan<byte> rgba, Span<byte> rgb) => CopyColour(rgba, 4, rgb, 3, rgb.Length / 3);

    /// <summary>RGB → RGBA with every pixel opaque.</summary>
    public static void AddOpaqueAlpha(ReadOnlySpan<byte> rgb, Span<byte> rgba) => CopyColour(rgb, 3, rgba, 4, rgb.Length / 3);

    // Copies R, G, B of each pixel; a 4-byte target gets alpha 255.
    private static unsafe void CopyColour(ReadOnlySpan<byte> source, int sourceStep, Span<byte> target, int targetStep, int pixels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(source.Length, pixels * sourceStep, nameof(source));
        ArgumentOutOfRangeException.ThrowIfLessThan(target.Length, pixels * targetStep, nameof(target));
        bool opaque = targetStep == 4;
        fixed (byte* from = source)
        fixed (byte* to = target)
        {
            byte* s = from, t = to, end = to + (long)pixels * targetStep;
            for (; t < end; s += sourceStep, t += targetStep)
            {
                t[0] = s[0];
                t[1] = s[1];
                t[2] = s[2];
                if (opaque) t[3] = 255;
            }
        }
    }
}
