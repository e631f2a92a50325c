namespace Gan.MLNet.Transforms;

/// <summary>The order of the channels in a pixel vector; channels not in the <see cref="ColorBits"/> are skipped (ML.NET's values).</summary>
public enum ColorsOrder : byte
{
    /// <summary>Alpha, red, green, blue.</summary>
    ARGB = 1,

    /// <summary>Alpha, red, blue, green.</summary>
    ARBG = 2,

    /// <summary>Alpha, blue, red, green.</summary>
    ABRG = 3,

    /// <summary>Alpha, blue, green, red.</summary>
    ABGR = 4,

    /// <summary>Alpha, green, red, blue.</summary>
    AGRB = 5,

    /// <summary>Alpha, green, blue, red.</summary>
    AGBR = 6,
}
