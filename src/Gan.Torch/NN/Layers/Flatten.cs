namespace Gan.Torch.NN;

/// <summary>Merges dimensions startDim..endDim into one (PyTorch's <c>nn.Flatten</c>; by default everything but the batch).</summary>
public sealed class Flatten(long startDim = 1, long endDim = -1) : Module<Tensor, Tensor>
{
    /// <summary>First dimension merged.</summary>
    public long StartDim { get; } = startDim;
    /// <summary>Last dimension merged (negative counts from the end).</summary>
    public long EndDim { get; } = endDim;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Flatten(StartDim, EndDim);
}
