using Gan.Torch;

namespace FashionMnistClassifier;

/// <summary>One split of Fashion-MNIST as tensors: images [N, 784] scaled to [0, 1] and int64 labels [N].</summary>
internal sealed class FashionMnist : IDisposable
{
    /// <summary>Where Debian's dataset-fashion-mnist package puts the files.</summary>
    public const string DefaultFolder = "/usr/share/datasets/fashion-mnist";

    public static readonly string[] ClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    public Tensor Images { get; }
    public Tensor Labels { get; }
    public long Count => Labels.Size(0);

    private FashionMnist(Tensor images, Tensor labels)
    {
        Images = images;
        Labels = labels;
    }

    /// <summary>Loads the "train" or "t10k" split from <paramref name="folder"/>.</summary>
    public static FashionMnist Load(string folder, string split)
    {
        string imagesPath = Path.Combine(folder, $"{split}-images-idx3-ubyte.gz");
        string labelsPath = Path.Combine(folder, $"{split}-labels-idx1-ubyte.gz");
        foreach (var path in new[] { imagesPath, labelsPath })
            if (!File.Exists(path))
                throw new FileNotFoundException(
                    $"{path} is missing. Install Debian's dataset-fashion-mnist (bash scripts/setup.sh does).", path);

        var (imageDims, pixels) = IdxFile.ReadBytes(imagesPath);
        var (labelDims, labelBytes) = IdxFile.ReadBytes(labelsPath);
        if (imageDims.Length != 3 || labelDims.Length != 1 || imageDims[0] != labelDims[0])
            throw new InvalidDataException(
                $"{imagesPath} and {labelsPath} do not describe the same images ({string.Join("x", imageDims)} vs {string.Join("x", labelDims)})");

        using var scope = Tensors.NewDisposeScope();
        long n = imageDims[0], size = (long)imageDims[1] * imageDims[2];
        var images = Tensors.FromArray(pixels, n, size).To(DType.Float32).Div(255.0);
        var labels = Tensors.FromArray(labelBytes).To(DType.Int64);
        return new FashionMnist(scope.MoveToOuter(images).DetachFromDisposeScope(),
            scope.MoveToOuter(labels).DetachFromDisposeScope());
    }

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
