using Gan.Imaging;
using Gan.MLNet.Transforms;
using Gan.Models.SuperResolution;

namespace Gan.MLNet.Tests.SuperResolution;

/// <summary>Tiny SRResNet files, image rows and readers for the SuperResolve tests.</summary>
internal static class SuperResolveTestData
{
    public sealed class PictureRow
    {
        public string Name { get; set; } = "";
        public MLImage? Picture { get; set; }
    }

    public sealed class FixedPictureRow
    {
        [ImageType(8, 8)]
        public MLImage? Picture { get; set; }
    }

    /// <summary>A random image (every byte drawn from the seed).</summary>
    public static Image Random(int width, int height, PixelFormat format, int seed)
    {
        var pixels = new byte[width * height * format.ChannelCount()];
        new Random(seed).NextBytes(pixels);
        return Image.FromPixels(width, height, format, pixels);
    }

    /// <summary>Writes a tiny untrained SRResNet (1 block × 4 channels) of <paramref name="scale"/> into <paramref name="folder"/>.</summary>
    public static string TinyModelFile(string folder, int scale, ulong seed = 1)
    {
        string path = Path.Combine(folder, $"tiny-x{scale}.safetensors");
        using var network = SrResNet.Create(new SrResNetOptions { Scale = scale, BlockCount = 1, Width = 4 }, seed);
        SrResNetSerialization.Save(network, path);
        return path;
    }

    /// <summary>SuperResolve settings that use the model file, with small tiles so the images are really tiled.</summary>
    public static SuperResolvingEstimator.Options FromFile(string path, int scale) => new()
    {
        Scale = scale,
        ModelSource = SuperResolveModelSource.File,
        ModelPath = path,
        Tiling = new SuperResolverOptions { TileSize = 6 },
    };

    public static IDataView Pictures(MLContext context, params Image?[] images) =>
        context.Data.LoadFromEnumerable(images.Select((image, i) => new PictureRow { Name = $"p{i}", Picture = image?.ToMLImage() }).ToList());

    public static List<Image?> ReadImages(IDataView data, string column) => Gan.MLNet.Tests.Images.ImageTestData.Images(data, column);

    /// <summary>The largest channel difference, over pixels whose alpha (in <paramref name="a"/>) is at least <paramref name="minimumAlpha"/>.</summary>
    public static int MaxDifference(Image a, Image b, int minimumAlpha = 0)
    {
        Assert.AreEqual((a.Width, a.Height, a.Format), (b.Width, b.Height, b.Format));
        int max = 0, channels = a.Channels;
        for (int p = 0; p < a.Width * a.Height; p++)
        {
            if (channels == 4 && a.Pixels[p * 4 + 3] < minimumAlpha) continue;
            for (int c = 0; c < channels; c++) max = Math.Max(max, Math.Abs(a.Pixels[p * channels + c] - b.Pixels[p * channels + c]));
        }
        return max;
    }
}
