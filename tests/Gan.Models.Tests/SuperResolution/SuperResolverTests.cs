using Gan.Imaging;
using Gan.Models.SuperResolution;
using Gan.Models.Torch;
using static TorchSharp.torch;
using static Gan.Models.Tests.SuperResolution.SrTestData;

namespace Gan.Models.Tests.SuperResolution;

[TestClass]
public sealed class SuperResolverTests
{
    [TestMethod]
    [DataRow(2, false)]
    [DataRow(4, false)]
    [DataRow(2, true)]
    public void TiledOutputEqualsUntiledOutput(int scale, bool batchNorm)
    {
        using var network = SrResNet.Create(Tiny(scale, batchNorm: batchNorm), seed: 1);
        using var images = RandomImages(2, 3, 37, 29, seed: 2);
        network.eval();
        using var untiled = network.call(images);

        var resolver = new SuperResolver(network, new SuperResolverOptions { TileSize = 8, BatchSize = 3 });
        using var tiled = resolver.Upscale(images);

        using var scope = NewDisposeScope();
        Assert.IsLessThan(1e-4, tiled.sub(untiled).abs().max().item<float>());
        Assert.IsLessThan(images.numel(), resolver.LargestBatchElements, "tiles, not the whole image");
    }

    // The resolver runs the network channels-last in eval mode, and gives it back as it was: a network being trained
    // keeps its training mode, layout and values.
    [TestMethod]
    public void TheNetworkIsGivenBackAsItWas()
    {
        using var network = SrResNet.Create(Tiny(2), seed: 1);
        var before = network.parameters().Select(p => p.CopyToArray<float>()).ToList();
        Assert.IsTrue(network.training);

        new SuperResolver(network).Upscale(RandomImage(12, 10, PixelFormat.Rgb24, seed: 3));

        Assert.IsTrue(network.training, "training mode restored");
        var after = network.parameters().ToList();
        Assert.IsTrue(after.All(p => p.is_contiguous()), "the row-major layout restored");
        for (int i = 0; i < after.Count; i++) CollectionAssert.AreEqual(before[i], after[i].CopyToArray<float>());
    }

    [TestMethod]
    public void TooLittleOverlapShowsSeams()
    {
        using var network = SrResNet.Create(Tiny(2), seed: 1);
        using var images = RandomImages(1, 3, 32, 32, seed: 2);
        network.eval();
        using var untiled = network.call(images);

        using var tiled = new SuperResolver(network, new SuperResolverOptions { TileSize = 8, Overlap = 1 }).Upscale(images);

        using var scope = NewDisposeScope();
        Assert.IsGreaterThan(1e-3, tiled.sub(untiled).abs().max().item<float>());
    }

    [TestMethod]
    public void AnRgbImageUpscalesTiledAsUntiled()
    {
        using var network = SrResNet.Create(Tiny(2), seed: 3);
        var image = RandomImage(30, 21, PixelFormat.Rgb24, seed: 4);

        var tiled = new SuperResolver(network, new SuperResolverOptions { TileSize = 8 }).Upscale(image);
        var untiled = new SuperResolver(network, new SuperResolverOptions { TileSize = 64 }).Upscale(image);

        Assert.AreEqual((60, 42, PixelFormat.Rgb24), (tiled.Width, tiled.Height, tiled.Format));
        Assert.IsLessThanOrEqualTo(1, MaxDifference(tiled, untiled), "equal up to the rounding of float noise");
    }

    [TestMethod]
    public void AGrayImageIsUpscaledAsRgbReplicatedAndReturnedAsItsLuma()
    {
        using var network = SrResNet.Create(Tiny(2), seed: 5);
        var gray = RandomImage(12, 10, PixelFormat.Gray8, seed: 6);
        var resolver = new SuperResolver(network);

        var upscaled = resolver.Upscale(gray);
        var viaRgb = resolver.Upscale(gray.ConvertTo(PixelFormat.Rgb24)).ConvertTo(PixelFormat.Gray8);

        Assert.AreEqual((24, 20, PixelFormat.Gray8), (upscaled.Width, upscaled.Height, upscaled.Format));
        Assert.IsLessThanOrEqualTo(1, MaxDifference(upscaled, viaRgb));
    }

    [TestMethod]
    public void RgbaKeepsTheNetworksColourAndUpscalesAlphaByBicubic()
    {
        using var network = SrResNet.Create(Tiny(4), seed: 7);
        var rgba = RandomImage(13, 11, PixelFormat.Rgba32, seed: 8);
        var resolver = new SuperResolver(network, new SuperResolverOptions { TileSize = 5 });

        var upscaled = resolver.Upscale(rgba);

        Assert.AreEqual((52, 44, PixelFormat.Rgba32), (upscaled.Width, upscaled.Height, upscaled.Format));
        var colour = resolver.Upscale(rgba.ConvertTo(PixelFormat.Rgb24));
        Assert.IsLessThanOrEqualTo(1, MaxDifference(upscaled.ConvertTo(PixelFormat.Rgb24), colour));
        using var scope = NewDisposeScope();
        var alpha = ImageTensors.ToImage(AntialiasedBicubic.Upscale(ImageTensors.FromImage(rgba, 0, 0, 13, 11, 3, 1), 4));
        var upscaledAlpha = ImageTensors.ToImage(ImageTensors.FromImage(upscaled, 0, 0, 52, 44, 3, 1));
        Assert.IsLessThanOrEqualTo(1, MaxDifference(upscaledAlpha, alpha));
    }

    [TestMethod]
    public void AGrayNetworkUpscalesEachColourChannel()
    {
        using var network = SrResNet.Create(Tiny(2, channels: 1), seed: 9);
        var rgb = RandomImage(9, 7, PixelFormat.Rgb24, seed: 10);
        var resolver = new SuperResolver(network);

        var upscaled = resolver.Upscale(rgb);

        for (int c = 0; c < 3; c++)
        {
            using var scope = NewDisposeScope();
            var expected = ImageTensors.ToImage(resolver.Upscale(ImageTensors.FromImage(rgb, 0, 0, 9, 7, c, 1)));
            var actual = ImageTensors.ToImage(ImageTensors.FromImage(upscaled, 0, 0, 18, 14, c, 1));
            Assert.IsLessThanOrEqualTo(1, MaxDifference(actual, expected), $"channel {c}");
        }
    }

    [TestMethod]
    public void AnImageLargerThanTheTileBudgetUpscalesThroughTilesOnly()
    {
        using var network = SrResNet.Create(Tiny(2), seed: 11);
        var image = RandomImage(301, 203, PixelFormat.Rgb24, seed: 12);
        var resolver = new SuperResolver(network, new SuperResolverOptions { TileSize = 16, BatchSize = 2 });

        var upscaled = resolver.Upscale(image);

        Assert.AreEqual((602, 406), (upscaled.Width, upscaled.Height));
        long tileBudget = 2L * 3 * (16 + 2 * resolver.Overlap) * (16 + 2 * resolver.Overlap);
        Assert.IsLessThanOrEqualTo(tileBudget, resolver.LargestBatchElements);
        Assert.IsLessThan(3L * 301 * 203 / 10, resolver.LargestBatchElements);
    }

    [TestMethod]
    [DataRow(1, 1)]
    [DataRow(3, 1)]
    [DataRow(2, 9)]
    public void TinyImagesUpscaleToo(int width, int height)
    {
        using var network = SrResNet.Create(Tiny(4), seed: 15);

        var upscaled = new SuperResolver(network, new SuperResolverOptions { TileSize = 2 }).Upscale(RandomImage(width, height, PixelFormat.Rgba32, seed: 16));

        Assert.AreEqual((width * 4, height * 4), (upscaled.Width, upscaled.Height));
    }

    [TestMethod]
    [DoNotParallelize] // the live-tensor count is process-wide: no other test may create or free tensors meanwhile
    public void UpscalingLeavesNoTensorsBehind()
    {
        using var network = SrResNet.Create(Tiny(2), seed: 13);
        var resolver = new SuperResolver(network, new SuperResolverOptions { TileSize = 8 });
        var image = RandomImage(20, 17, PixelFormat.Rgba32, seed: 14);
        resolver.Upscale(image);
        long before = LiveTensors.SettledCount();

        resolver.Upscale(image);
        resolver.Upscale(image.ConvertTo(PixelFormat.Gray8));

        Assert.AreEqual(before, LiveTensors.Count);
    }

    [TestMethod]
    [DataRow(nameof(SuperResolverOptions.TileSize))]
    [DataRow(nameof(SuperResolverOptions.Overlap))]
    [DataRow(nameof(SuperResolverOptions.BatchSize))]
    public void InvalidOptionsAreRefusedNamingTheOption(string option)
    {
        using var network = SrResNet.Create(Tiny(2), seed: 1);
        var options = option switch
        {
            nameof(SuperResolverOptions.TileSize) => new SuperResolverOptions { TileSize = 0 },
            nameof(SuperResolverOptions.Overlap) => new SuperResolverOptions { Overlap = -1 },
            _ => new SuperResolverOptions { BatchSize = 0 },
        };

        var error = Assert.ThrowsExactly<ArgumentException>(() => new SuperResolver(network, options));

        Assert.AreEqual(option, error.ParamName);
    }

    [TestMethod]
    public void ATensorWithTheWrongChannelsIsRefused()
    {
        using var network = SrResNet.Create(Tiny(2), seed: 1);
        using var gray = RandomImages(1, 1, 8, 8, seed: 1);

        StringAssert.Contains(Assert.ThrowsExactly<ArgumentException>(() => new SuperResolver(network).Upscale(gray)).Message, "[N, 3, H, W]");
    }

    [TestMethod]
    [DataRow(3)]
    [DataRow(1)]
    public void SeveralImagesUpscaleTogetherAsEachAlone(int networkChannels)
    {
        using var network = SrResNet.Create(Tiny(2, networkChannels), seed: 3);
        var resolver = new SuperResolver(network, new SuperResolverOptions { TileSize = 6, BatchSize = 8 });
        Image[] images =
        [
            RandomImage(12, 12, PixelFormat.Rgb24, seed: 1), RandomImage(12, 12, PixelFormat.Gray8, seed: 2),
            RandomImage(7, 9, PixelFormat.Rgba32, seed: 3), RandomImage(12, 12, PixelFormat.Rgba32, seed: 4),
        ];

        var together = resolver.Upscale(images);

        Assert.HasCount(images.Length, together);
        for (int i = 0; i < images.Length; i++)
            Assert.IsLessThanOrEqualTo(1, MaxDifference(together[i], resolver.Upscale(images[i])), $"image {i}");
    }

    [TestMethod]
    public void SameSizeTilesOfDifferentImagesShareBatches()
    {
        using var network = SrResNet.Create(Tiny(2), seed: 3);
        var resolver = new SuperResolver(network, new SuperResolverOptions { TileSize = 8, Overlap = 0, BatchSize = 4 });

        resolver.Upscale([RandomImage(8, 8, PixelFormat.Rgb24, seed: 1), RandomImage(8, 8, PixelFormat.Rgb24, seed: 2)]);

        Assert.AreEqual(2L * 3 * 8 * 8, resolver.LargestBatchElements, "both 8×8 tiles went through the network in one batch");
    }

    [TestMethod]
    public void ByDefaultSmallImagesFillOneFullTileAndLargeOnesGoOneTileAtATime()
    {
        using var network = SrResNet.Create(Tiny(2), seed: 3);
        var options = new SuperResolverOptions { TileSize = 12, Overlap = 2 };
        long fullTile = (12 + 2 * 2) * (12 + 2 * 2);

        var small = new SuperResolver(network, options);
        small.Upscale([.. Enumerable.Range(0, 20).Select(i => RandomImage(4, 4, PixelFormat.Rgb24, seed: i))]);
        Assert.AreEqual(3L * 16 * 16, small.LargestBatchElements, "as many 4×4 images (1/16 of 16² pixels) as fit in one full tile: 16");

        var medium = new SuperResolver(network, options);
        medium.Upscale([.. Enumerable.Range(0, 3).Select(i => RandomImage(5, 4, PixelFormat.Rgb24, seed: i))]);
        Assert.AreEqual(3L * 5 * 4, medium.LargestBatchElements, "5×4 images are more than 1/16 of a full tile: one per call");

        var large = new SuperResolver(network, options);
        large.Upscale(RandomImage(60, 60, PixelFormat.Rgb24, seed: 9));
        Assert.AreEqual(3 * fullTile, large.LargestBatchElements, "16×16 tiles one at a time");
    }

    [TestMethod]
    [DataRow(2, 512)]
    [DataRow(4, 256)]
    public void TheDefaultTileHasA1024PixelOutputAndAPhotoRunsWhole(int scale, int tile)
    {
        using var network = SrResNet.Create(Tiny(scale), seed: 3);
        var resolver = new SuperResolver(network);
        Assert.AreEqual(tile, resolver.TileSize);

        resolver.Upscale(RandomImage(tile, tile - 40, PixelFormat.Rgb24, seed: 5));
        Assert.AreEqual(3L * tile * (tile - 40), resolver.LargestBatchElements, "one tile, no overlap computed twice");
    }

    private static int MaxDifference(Image a, Image b)
    {
        Assert.AreEqual((a.Width, a.Height, a.Format), (b.Width, b.Height, b.Format));
        int max = 0;
        for (int i = 0; i < a.Pixels.Length; i++) max = Math.Max(max, Math.Abs(a.Pixels[i] - b.Pixels[i]));
        return max;
    }
}
