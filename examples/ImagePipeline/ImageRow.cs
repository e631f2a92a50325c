using Microsoft.ML.Data;

namespace ImagePipeline;

/// <summary>One line of the input CSV: an image path (relative to the photo folder) and a label.</summary>
public sealed class ImageRow
{
    [LoadColumn(0)]
    public string ImagePath { get; set; } = "";

    [LoadColumn(1)]
    public string Label { get; set; } = "";
}
