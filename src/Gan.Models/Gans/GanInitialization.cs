using Gan.Models.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gan.Models.Gans;

/// <summary>DCGAN's weight initialisation of whole networks from one generator, so a seed fixes every starting weight.</summary>
internal static class GanInitialization
{
    /// <summary>The standard deviation of DCGAN's N(0, σ²) convolution weights and N(1, σ²) BatchNorm scales.</summary>
    public const double DcganStd = 0.02;

    /// <summary>
    /// Radford et al. 2015 (the PyTorch DCGAN example's <c>weights_init</c>): convolution weights from N(0, 0.02²),
    /// BatchNorm scales from N(1, 0.02²) and shifts 0; label embeddings keep PyTorch's N(0, 1). Every draw comes from
    /// <paramref name="random"/>, module by module in PyTorch's <c>modules()</c> order.
    /// </summary>
    public static void Dcgan(nn.Module network, Generator random)
    {
        foreach (var module in SelfAndDescendants(network))
        {
            switch (module)
            {
                case Convolution conv: NormalWeightZeroBias(conv.weight, conv.bias, 0, random); break;
                case BatchNorm norm: NormalWeightZeroBias(norm.weight, norm.bias, 1, random); break;
                case Embedding embedding:
                    // The getter wraps the native weight anew on every call.
                    using (var weight = embedding.weight!) SeededInit.Normal(weight, 0, 1, random);
                    break;
            }
        }
    }

    // The module, then each child's subtree in registration order; TorchSharp's named_modules() lists all children first.
    private static IEnumerable<nn.Module> SelfAndDescendants(nn.Module module)
    {
        yield return module;
        foreach (var child in module.children())
            foreach (var descendant in SelfAndDescendants(child))
                yield return descendant;
    }

    private static void NormalWeightZeroBias(Tensor weight, Tensor? bias, double mean, Generator random)
    {
        SeededInit.Normal(weight, mean, DcganStd, random);
        if (bias is null) return;
        using var noGrad = no_grad();
        bias.zero_();
    }
}
