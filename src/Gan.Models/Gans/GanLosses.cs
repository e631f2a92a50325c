using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn.functional;

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
        using var scope = NewDisposeScope();
        var real = binary_cross_entropy_with_logits(realLogits, ones_like(realLogits));
        var fake = binary_cross_entropy_with_logits(fakeLogits, zeros_like(fakeLogits));
        return real.add(fake).MoveToOuterDisposeScope();
    }

    /// <summary>The generator's loss on D's logits for its samples, by <paramref name="loss"/>.</summary>
    public static Tensor Generator(Tensor fakeLogits, GanLoss loss)
    {
        ArgumentNullException.ThrowIfNull(fakeLogits);
        using var scope = NewDisposeScope();
        var value = loss switch
        {
            GanLoss.NonSaturating => binary_cross_entropy_with_logits(fakeLogits, ones_like(fakeLogits)),
            // log(1 − σ(l)) = −BCE(l, 0), so minimising it is maximising D's error on fakes.
            GanLoss.Minimax => binary_cross_entropy_with_logits(fakeLogits, zeros_like(fakeLogits)).neg(),
            _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "unknown GAN loss"),
        };
        return value.MoveToOuterDisposeScope();
    }
}
