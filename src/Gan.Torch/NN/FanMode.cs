namespace Gan.Torch.NN;

/// <summary>Which fan Kaiming initialisation preserves the variance of (see <see cref="Init.KaimingUniform"/>).</summary>
public enum FanMode
{
    /// <summary>The inputs per output unit: keeps the forward activations' variance (PyTorch's default).</summary>
    FanIn,
    /// <summary>The outputs per input unit: keeps the backward gradients' variance.</summary>
    FanOut,
}
