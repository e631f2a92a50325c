namespace Gan.Imaging;

/// <summary>An 8-bit RGBA colour, used for backgrounds, fills and single-pixel reads.</summary>
/// <param name="R">Red.</param>
/// <param name="G">Green.</param>
/// <param name="B">Blue.</param>
/// <param name="A">Alpha (255 = opaque).</param>
public readonly record struct ImageColor(byte R, byte G, byte B, byte A = 255)
{
    /// <summary>Opaque black.</summary>
    public static ImageColor Black => new(0, 0, 0);

    /// <summary>Opaque white.</summary>
    public static ImageColor White => new(255, 255, 255);

    /// <summary>An opaque gray of the given level.</summary>
    public static ImageColor Gray(byte level) => new(level, level, level);

    /// <summary>BT.601 luma, 0.299 R + 0.587 G + 0.114 B rounded to nearest; alpha is ignored.</summary>
    public byte Luma => Luma601(R, G, B);

    internal static byte Luma601(int r, int g, int b) => (byte)((299 * r + 587 * g + 114 * b + 500) / 1000);
}
