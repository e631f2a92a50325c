namespace Gan.MLNet.Transforms;

/// <summary>Which part of the image ResizeImages keeps when cropping, or where it places the image when padding (ML.NET's values).</summary>
public enum Anchor : byte
{
    /// <summary>The right edge (centred vertically).</summary>
    Right = 0,

    /// <summary>The left edge (centred vertically).</summary>
    Left = 1,

    /// <summary>The top edge (centred horizontally).</summary>
    Top = 2,

    /// <summary>The bottom edge (centred horizontally).</summary>
    Bottom = 3,

    /// <summary>The centre.</summary>
    Center = 4,
}
