namespace Gan.MLNet.Transforms;

/// <summary>What LoadImages does with a row whose file is missing, unreadable or not a decodable image.</summary>
public enum ImageLoadErrorHandling
{
    /// <summary>Reading the image throws an <see cref="ImageLoadException"/> naming the full path and the row.</summary>
    Throw,

    /// <summary>
    /// The image is null (downstream image transforms pass null on, ExtractPixels gives zeros) and a text column
    /// (<see cref="ImageLoadingEstimator.Options.ErrorColumnName"/>) holds the error message, empty for good rows, so
    /// bad rows can be counted or filtered out.
    /// </summary>
    ErrorColumn,
}
