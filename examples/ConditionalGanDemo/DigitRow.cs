using Gan.Imaging;
using Gan.MLNet.Data;

/// <summary>One labelled 28×28 gray image, as a pipeline reads it.</summary>
internal sealed class DigitRow
{
    [ImageType(28, 28)]
    public Image? Image { get; set; }

    public string Label { get; set; } = "";
}
