using Gan.Imaging;

namespace Gan.MLNet.Tests.Support;

/// <summary>A folder of good and bad inputs for the streaming tests (shared with Gan.Cli.Tests).</summary>
internal static class FaultyImageFiles
{
    /// <summary>The files <see cref="WriteMixedFolder"/> writes that cannot be decoded, by relative path.</summary>
    public static readonly string[] BadFiles = ["bad/corrupt.png", "bad/huge-header.png", "bad/notes.txt", "bad/truncated.jpg", "bad/zero.png"];

    /// <summary>The files <see cref="WriteMixedFolder"/> writes that decode, by relative path.</summary>
    public static readonly string[] GoodFiles = ["a.png", "b.jpg", "sub/c.png"];

    /// <summary>A small RGB image whose pixels depend on <paramref name="seed"/>.</summary>
    public static Image Pattern(int width, int height, int seed)
    {
        var bytes = new byte[width * height * 3];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)((i * 29 + seed * 53 + i / (width * 3) * 11) % 256);
        return Image.FromPixels(width, height, PixelFormat.Rgb24, bytes);
    }

    /// <summary>Writes three good images and one of each bad kind: corrupt, huge header, non-image, truncated, zero bytes.</summary>
    public static void WriteMixedFolder(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        Directory.CreateDirectory(Path.Combine(folder, "bad"));
        byte[] png = Pattern(12, 10, 1).Encode(ImageFormat.Png);
        File.WriteAllBytes(Path.Combine(folder, "a.png"), png);
        File.WriteAllBytes(Path.Combine(folder, "b.jpg"), Pattern(16, 8, 2).Encode(ImageFormat.Jpeg));
        File.WriteAllBytes(Path.Combine(folder, "sub/c.png"), Pattern(9, 11, 3).Encode(ImageFormat.Png));
        File.WriteAllBytes(Path.Combine(folder, "bad/zero.png"), []);
        File.WriteAllText(Path.Combine(folder, "bad/notes.txt"), "not an image");
        byte[] jpeg = Pattern(32, 32, 4).Encode(ImageFormat.Jpeg);
        File.WriteAllBytes(Path.Combine(folder, "bad/truncated.jpg"), jpeg[..(jpeg.Length / 2)]);
        byte[] corrupt = Pattern(24, 24, 5).Encode(ImageFormat.Png);
        for (int i = 41; i < corrupt.Length - 12; i++) corrupt[i] ^= 0x5A; // IDAT payload scrambled, chunk layout kept
        File.WriteAllBytes(Path.Combine(folder, "bad/corrupt.png"), corrupt);
        byte[] huge = (byte[])png.Clone();
        // IHDR width and height (big-endian at bytes 16 and 20) claim 100000 × 100000: a decompression bomb's header.
        byte[] side = [0x00, 0x01, 0x86, 0xA0];
        side.CopyTo(huge, 16);
        side.CopyTo(huge, 20);
        File.WriteAllBytes(Path.Combine(folder, "bad/huge-header.png"), huge);
    }

    /// <summary>Writes <paramref name="count"/> small distinct PNGs named img-000.png, img-001.png, … into <paramref name="folder"/>.</summary>
    public static void WriteImages(string folder, int count, int width = 8, int height = 6)
    {
        Directory.CreateDirectory(folder);
        for (int i = 0; i < count; i++)
            File.WriteAllBytes(Path.Combine(folder, $"img-{i:D3}.png"), Pattern(width, height, i).Encode(ImageFormat.Png));
    }
}
