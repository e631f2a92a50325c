using Gan.Imaging;
using Gan.MLNet;
using Gan.Models.Datasets;
using Gan.Models.Torch;
using static TorchSharp.torch;

/// <summary>The labelled image sets the demo runs on, as pipeline rows.</summary>
internal static class DemoData
{
    /// <summary>The train and test splits, in [−1, 1] (the range the quality classifier is trained on).</summary>
    public static LabelledImageSplit Load(string dataset) => dataset switch
    {
        "mnist10k" => Mnist10k.Load(),
        "fashion-mnist" => FashionMnist.LoadSplit(),
        _ => throw new ArgumentException($"unknown dataset '{dataset}'; use mnist10k or fashion-mnist"),
    };

    /// <summary>The images of <paramref name="set"/> (in [−1, 1]) as 8-bit gray MLImages with their class names.</summary>
    public static List<DigitRow> Rows(LabelledImageSet set)
    {
        using var scope = NewDisposeScope();
        var bytes = set.Images.add(1.0).mul(127.5).round().to(ScalarType.Byte).CopyToArray<byte>();
        var labels = set.Labels.CopyToArray<long>();
        int side = (int)set.Width, pixels = side * side;
        var rows = new List<DigitRow>(labels.Length);
        for (int i = 0; i < labels.Length; i++)
            rows.Add(new DigitRow { Image = Image.FromPixels(side, side, PixelFormat.Gray8, bytes.AsSpan(i * pixels, pixels)).ToMLImage(), Label = set.ClassNames[(int)labels[i]] });
        return rows;
    }
}

/// <summary>Generated images back to the classifier's input.</summary>
internal static class DemoImages
{
    /// <summary>Gray images as float32 [N, 1, H, W] in [−1, 1].</summary>
    public static Tensor ToTensor(IReadOnlyList<Image> images)
    {
        int side = images[0].Width, pixels = side * side;
        var values = new float[images.Count * pixels];
        for (int i = 0; i < images.Count; i++)
        {
            var gray = images[i].ConvertTo(PixelFormat.Gray8).Pixels;
            for (int p = 0; p < pixels; p++) values[i * pixels + p] = gray[p] / 127.5f - 1f;
        }
        return TensorData.FromSpan<float>(values, images.Count, 1, side, side);
    }
}
