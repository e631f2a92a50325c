using Gan.Imaging;
using Gan.Models.Datasets;
using Gan.Torch;

/// <summary>The labelled image sets the demo runs on, as pipeline rows.</summary>
internal static class DemoData
{
    public static LabelledImageSplit Load(string dataset) => dataset switch
    {
        "mnist10k" => Mnist10k.Load(range: PixelRange.ZeroToOne),
        "fashion-mnist" => new LabelledImageSplit(FashionMnist.LoadTrain(range: PixelRange.ZeroToOne), FashionMnist.LoadTest(range: PixelRange.ZeroToOne)),
        _ => throw new ArgumentException($"unknown dataset '{dataset}'; use mnist10k or fashion-mnist"),
    };

    /// <summary>The images of <paramref name="set"/> (scaled to [0, 1]) as 8-bit gray images with their class names.</summary>
    public static List<DigitRow> Rows(LabelledImageSet set)
    {
        using var scope = Tensors.NewDisposeScope();
        var bytes = set.Images.Mul(255.0).Round().To(DType.UInt8).ToArray<byte>();
        var labels = set.Labels.ToArray<long>();
        int side = (int)set.Width, pixels = side * side;
        var rows = new List<DigitRow>(labels.Length);
        for (int i = 0; i < labels.Length; i++)
            rows.Add(new DigitRow { Image = Image.FromPixels(side, side, PixelFormat.Gray8, bytes.AsSpan(i * pixels, pixels)), Label = set.ClassNames[(int)labels[i]] });
        return rows;
    }
}
