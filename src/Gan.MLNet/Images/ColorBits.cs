namespace Gan.MLNet.Transforms;

/// <summary>The colour channels ExtractPixels takes from, or ConvertToImage finds in, a pixel vector (ML.NET's flags).</summary>
[Flags]
public enum ColorBits : byte
{
    /// <summary>Alpha.</summary>
    Alpha = 1,

    /// <summary>Red.</summary>
    Red = 2,

    /// <summary>Green.</summary>
    Green = 4,

    /// <summary>Blue.</summary>
    Blue = 8,

    /// <summary>Red, green and blue.</summary>
    Rgb = Red | Green | Blue,

    /// <summary>Alpha, red, green and blue.</summary>
    All = Alpha | Rgb,
}
