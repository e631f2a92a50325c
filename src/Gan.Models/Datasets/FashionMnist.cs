using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.Datasets;

/// <summary>Loads Fashion-MNIST (28×28 gray, 10 classes) from its gzipped idx files.</summary>
public static class FashionMnist
{
    /// <summary>Where Debian's dataset-fashion-mnist package puts the files.</summary>
    public const string DefaultFolder = "/usr/share/datasets/fashion-mnist";

    /// <summary>The class names, by label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>The training split (60,000 images).</summary>
    public static LabelledImageSet LoadTrain(string folder = DefaultFolder, PixelRange range = PixelRange.MinusOneToOne) =>
        Load(folder, "train", range);

    /// <summary>The test split (10,000 images).</summary>
    public static LabelledImageSet LoadTest(string folder = DefaultFolder, PixelRange range = PixelRange.MinusOneToOne) =>
        Load(folder, "t10k", range);

    /// <summary>Both splits: the 60,000 training and the 10,000 test images.</summary>
    /// <inheritdoc cref="Load" path="/exception"/>
    public static LabelledImageSplit LoadSplit(string folder = DefaultFolder, PixelRange range = PixelRange.MinusOneToOne)
    {
        var train = LoadTrain(folder, range);
        try
        {
            return new LabelledImageSplit(train, LoadTest(folder, range)) { TrainName = "Fashion-MNIST train", TestName = "Fashion-MNIST t10k" };
        }
        catch
        {
            train.Dispose();
            throw;
        }
    }

    /// <summary>Loads split <paramref name="split"/> ("train" or "t10k") from <paramref name="folder"/>: images [N, 1, 28, 28].</summary>
    /// <exception cref="FileNotFoundException">A file is missing (the message says how to install it).</exception>
    /// <exception cref="DatasetFormatException">A file is malformed, or images and labels do not match.</exception>
    public static LabelledImageSet Load(string folder, string split, PixelRange range = PixelRange.MinusOneToOne)
    {
        string imagesPath = Path.Combine(folder, $"{split}-images-idx3-ubyte.gz");
        string labelsPath = Path.Combine(folder, $"{split}-labels-idx1-ubyte.gz");
        foreach (var path in new[] { imagesPath, labelsPath })
            if (!File.Exists(path))
                throw new FileNotFoundException(
                    $"{path} is missing. Install Debian's dataset-fashion-mnist (bash scripts/setup.sh does).", path);

        var (imageDims, pixels) = IdxFile.ReadBytes(imagesPath);
        var (labelDims, labelBytes) = IdxFile.ReadBytes(labelsPath);
        if (imageDims.Length != 3)
            throw new DatasetFormatException(imagesPath, $"expected 3 dimensions (N, H, W), found {string.Join("x", imageDims)}");
        if (labelDims.Length != 1)
            throw new DatasetFormatException(labelsPath, $"expected 1 dimension (N), found {string.Join("x", labelDims)}");
        if (imageDims[0] != labelDims[0])
            throw new DatasetFormatException(labelsPath, $"has {labelDims[0]} labels but {imagesPath} has {imageDims[0]} images");
        int bad = Array.FindIndex(labelBytes, b => b >= ClassNames.Count);
        if (bad >= 0)
            throw new DatasetFormatException(labelsPath, $"label {labelBytes[bad]} at index {bad} is outside 0..{ClassNames.Count - 1}");

        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        var images = LabelledImageSet.ScalePixels(TensorData.FromSpan<byte>(pixels, imageDims[0], 1, imageDims[1], imageDims[2]), range);
        var labels = TensorData.FromSpan<byte>(labelBytes, labelBytes.Length).to(ScalarType.Int64);
        return new LabelledImageSet(images, labels, ClassNames, range);
    }
}
