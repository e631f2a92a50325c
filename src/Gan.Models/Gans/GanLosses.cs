using Gan.Torch;
using Gan.Torch.NN;

namespace Gan.Models.Gans;

/// <summary>The adversarial losses on discriminator logits (never on probabilities, for numerical stability).</summary>
public static class GanLosses
{
    /// <summary>
    /// The discriminator's loss BCE(D(x), 1) + BCE(D(G(z)), 0), each averaged over its batch; summed as in the PyTorch
    /// DCGAN example, so one D step sees both halves at full weight.
    /// </summary>
    public static Tensor Discriminator(Tensor realLogits, Tensor fakeLogits)
    {
        ArgumentNullException.ThrowIfNull(realLogits);
        ArgumentNullException.ThrowIfNull(fakeLogits);
        using var scope = Tensors.NewDisposeScope();
        var real = Functional.BinaryCrossEntropyWithLogits(realLogits, Tensors.OnesLike(realLogits));
        var fake = Functional.BinaryCrossEntropyWithLogits(fakeLogits, Tensors.ZerosLike(fakeLogits));
        return scope.MoveToOuter(real.Add(fake));
    }

    /// <summary>The generator's loss on D's logits for its samples, by <paramref name="loss"/>.</summary>
    public static Tensor Generator(Tensor fakeLogits, GanLoss loss)
    {
        ArgumentNullException.ThrowIfNull(fakeLogits);
        using var scope = Tensors.NewDisposeScope();
        var value = loss switch
        {
            GanLoss.NonSaturating => Functional.BinaryCrossEntropyWithLogits(fakeLogits, Tensors.OnesLike(fakeLogits)),
            // log(1 − σ(l)) = −BCE(l, 0), so minimising it is maximising D's error on fakes.
            GanLoss.Minimax => Functional.BinaryCrossEntropyWithLogits(fakeLogits, Tensors.ZerosLike(fakeLogits)).Neg(),
            _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "unknown GAN loss"),
        };
        return scope.MoveToOuter(value);
    }
}
