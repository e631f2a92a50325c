namespace Gan.Torch.NN;

/// <summary>How a loss combines its per-element values. The values are libtorch's at::Reduction codes.</summary>
public enum Reduction
{
    /// <summary>No reduction: one loss value per element (or per sample for classification losses).</summary>
    None = 0,
    /// <summary>The mean over elements (the default of every loss, as in PyTorch).</summary>
    Mean = 1,
    /// <summary>The sum over elements.</summary>
    Sum = 2,
}
