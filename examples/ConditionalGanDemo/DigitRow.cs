using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Image;

/// <summary>One labelled 28×28 gray image, as a pipeline reads it.</summary>
public sealed class DigitRow
{
    [ImageType(28, 28)]
    public MLImage? Image { get; set; }

    public string Label { get; set; } = "";
}
