namespace Gan.Torch.NN;

/// <summary>What <see cref="Functional.Pad"/> (and a convolution's padding) puts outside the input.</summary>
public enum PaddingMode
{
    /// <summary>A constant value (zero for convolutions).</summary>
    Constant = 0,
    /// <summary>The input mirrored at its edge, without repeating the edge pixel.</summary>
    Reflect = 1,
    /// <summary>The edge pixel repeated.</summary>
    Replicate = 2,
}
