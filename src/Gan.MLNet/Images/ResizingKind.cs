namespace Gan.MLNet.Transforms;

/// <summary>How ResizeImages fits an image into the target size (ML.NET's values).</summary>
public enum ResizingKind : byte
{
    /// <summary>Keep the aspect ratio: scale to fit inside the target and pad the rest with black (placed by the anchor).</summary>
    IsoPad = 0,

    /// <summary>Keep the aspect ratio: scale to cover the target and crop the excess (where the anchor says).</summary>
    IsoCrop = 1,

    /// <summary>Stretch to the target size, ignoring the aspect ratio.</summary>
    Fill = 2,
}
