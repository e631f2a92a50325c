using Gan.Imaging;

namespace Gan.Imaging.Tests.Support;

/// <summary>Random images, PSNR, temporary folders and the real photographs shipped by Debian's python3-skimage.</summary>
internal static class TestImages
{
    public const string SkimageData = "/usr/lib/python3/dist-packages/skimage/data";

    public static Image Random(int width, int height, PixelFormat format, int seed)
    {
        var pixels = new byte[width * height * format.ChannelCount()];
        new Random(seed).NextBytes(pixels);
        return Image.FromPixels(width, height, format, pixels);
    }

    /// <summary>A smooth image (gradients): lossy codecs keep it well, so PSNR bounds can be tight.</summary>
    public static Image Smooth(int width, int height, PixelFormat format)
    {
        int channels = format.ChannelCount();
        var pixels = new byte[width * height * channels];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
                for (int c = 0; c < channels; c++)
                    pixels[(y * width + x) * channels + c] = (byte)(30 + x * 90 / (width - 1) + y * 60 / (height - 1) + 20 * c);
        return Image.FromPixels(width, height, format, pixels);
    }

    public static double Psnr(Image a, Image b)
    {
        Assert.AreEqual(a.Pixels.Length, b.Pixels.Length);
        double sum = 0;
        for (int i = 0; i < a.Pixels.Length; i++)
        {
            double d = a.Pixels[i] - b.Pixels[i];
            sum += d * d;
        }
        double mse = sum / a.Pixels.Length;
        return mse == 0 ? double.PositiveInfinity : 10 * Math.Log10(255.0 * 255.0 / mse);
    }

    /// <summary>Asserts what the header of <paramref name="file"/> counts and what <see cref="Image.Decode"/> makes of it.</summary>
    public static void AssertDecodes(byte[] file, int headerChannels, PixelFormat format, byte[] pixels)
    {
        Assert.AreEqual(headerChannels, ImageHeader.Read(file).Channels, "header channels");
        var image = Image.Decode(file);
        Assert.AreEqual(format, image.Format);
        CollectionAssert.AreEqual(pixels, image.Pixels.ToArray());
    }

    /// <summary>The path of a skimage photograph; the test is inconclusive when python3-skimage is missing.</summary>
    public static string Skimage(string name)
    {
        var path = Path.Combine(SkimageData, name);
        if (!File.Exists(path)) Assert.Inconclusive($"{path} is missing (bash scripts/setup.sh installs python3-skimage).");
        return path;
    }

    public static string NewTemporaryFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gan-imaging-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
