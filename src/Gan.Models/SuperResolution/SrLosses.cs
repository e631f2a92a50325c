using Gan.Models.Gans;
using static TorchSharp.torch;

namespace Gan.Models.SuperResolution;

/// <summary>
/// The losses of SRResNet and SRGAN. SRGAN's generator loss is content + 1e-3 × adversarial (Ledig et al. 2017,
/// Eq. 3), the adversarial term being the non-saturating −log D(G(LR)) on logits; the discriminator's is GAN's BCE on
/// real HR and super-resolved images.
/// </summary>
public static class SrLosses
{
    /// <summary>The weight of the adversarial term in SRGAN's generator loss (10⁻³ in the paper).</summary>
    public const double DefaultAdversarialWeight = 1e-3;

    /// <summary>The mean <paramref name="kind"/> distance between <paramref name="superResolved"/> and <paramref name="highResolution"/> (same shape).</summary>
    public static Tensor Pixel(Tensor superResolved, Tensor highResolution, PixelLoss kind)
    {
        ArgumentNullException.ThrowIfNull(superResolved);
        ArgumentNullException.ThrowIfNull(highResolution);
        return kind switch
        {
            PixelLoss.L1 => nn.functional.l1_loss(superResolved, highResolution),
            PixelLoss.Mse => nn.functional.mse_loss(superResolved, highResolution),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown pixel loss"),
        };
    }

    /// <summary>
    /// The content term: the pixel loss, plus (for <see cref="ContentLoss.DiscriminatorFeatures"/>) the mean over the
    /// discriminator's stages of the MSE between its activations on SR and on HR images (HR's taken without gradient).
    /// </summary>
    public static Tensor Content(Tensor superResolved, Tensor highResolution, PixelLoss pixel, ContentLoss content,
        SrganDiscriminator? discriminator)
    {
        if (content == ContentLoss.Pixel) return Pixel(superResolved, highResolution, pixel);
        if (content != ContentLoss.DiscriminatorFeatures) throw new ArgumentOutOfRangeException(nameof(content), content, "unknown content loss");
        ArgumentNullException.ThrowIfNull(discriminator);
        using var scope = NewDisposeScope();
        var loss = Pixel(superResolved, highResolution, pixel);
        var fake = discriminator.Features(superResolved);
        IReadOnlyList<Tensor> real;
        using (no_grad()) real = discriminator.Features(highResolution);
        var features = fake.Select((f, i) => nn.functional.mse_loss(f, real[i])).Aggregate((a, b) => a.add(b)).div(fake.Count);
        return loss.add(features).MoveToOuterDisposeScope();
    }

    /// <summary>SRGAN's generator loss: <paramref name="content"/> + <paramref name="adversarialWeight"/> × (−log σ(D(SR))).</summary>
    public static Tensor Generator(Tensor content, Tensor fakeLogits, double adversarialWeight = DefaultAdversarialWeight)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var scope = NewDisposeScope();
        return content.add(GanLosses.Generator(fakeLogits, GanLoss.NonSaturating), adversarialWeight).MoveToOuterDisposeScope();
    }

    /// <summary>SRGAN's discriminator loss: BCE with logits, real HR images labelled 1 and super-resolved ones 0.</summary>
    public static Tensor Discriminator(Tensor realLogits, Tensor fakeLogits) => GanLosses.Discriminator(realLogits, fakeLogits);
}
