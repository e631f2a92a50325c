using Gan.Imaging;
using Gan.Models.SuperResolution;
using static TorchSharp.torch;

namespace Gan.Models.Tests.SuperResolution;

/// <summary>Tiny networks, random images and the location of the shared Set14 data.</summary>
internal static class SrTestData
{
    public static SrResNetOptions Tiny(int scale, int channels = 3, bool batchNorm = false, bool bicubicResidual = true) => new()
    {
        Scale = scale, BlockCount = 2, Width = 8, Channels = channels, BatchNorm = batchNorm, BicubicResidual = bicubicResidual,
    };

    public static Tensor RandomImages(int n, int channels, int height, int width, ulong seed)
    {
        using var random = new Generator(seed);
        return rand([n, channels, height, width], generator: random);
    }

    public static Image RandomImage(int width, int height, PixelFormat format, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[width * height * format.ChannelCount()];
        random.NextBytes(pixels);
        return Image.FromPixels(width, height, format, pixels);
    }

    /// <summary>A few python3-skimage photographs (inconclusive when the package is missing).</summary>
    public static IReadOnlyList<string> SkimagePhotos(params string[] names)
    {
        var paths = names.Select(n => Path.Combine(SrPhotoSources.SkimageFolder, n)).ToArray();
        foreach (var path in paths)
            if (!File.Exists(path)) Assert.Inconclusive($"{path} is missing (bash scripts/setup.sh installs python3-skimage)");
        return paths;
    }

    /// <summary>Six photographs, shrunk to 256 pixels, 24-pixel ×2 patches: a dataset small enough for unit tests.</summary>
    public static SrPatchDataset SmallPhotoSet(int scale = 2, int validationPatches = 32) => SrPatchDataset.Load(
        SkimagePhotos("astronaut.png", "camera.png", "chelsea.png", "coffee.png", "motorcycle_left.png", "rocket.jpg"),
        new SrPatchOptions { Scale = scale, PatchSize = 24, MaxImageSide = 256, ValidationPatchCount = validationPatches, Seed = 1 });

    /// <summary>A temporary folder, deleted when the returned handle is disposed.</summary>
    public static TemporaryFolder Temporary() => new();

    public sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gan-sr-tests", Guid.NewGuid().ToString("N"));

        public TemporaryFolder() => Directory.CreateDirectory(Path);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    /// <summary>The shared Set14 folder for <paramref name="scale"/> (…/shared/data/sr/Set14/x2), found above the test binaries; inconclusive when absent.</summary>
    public static string Set14(int scale)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "shared", "data", "sr", "Set14", $"x{scale}");
            if (Directory.Exists(candidate)) return candidate;
        }
        Assert.Inconclusive("shared/data/sr/Set14 was not found above the test binaries");
        return "";
    }
}
