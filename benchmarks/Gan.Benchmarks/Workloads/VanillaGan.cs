using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gan.Benchmarks.Workloads;

/// <summary>The networks of the Vanilla GAN benchmark, layer for layer as <c>generator()</c> / <c>discriminator()</c> in torch_peer.py.</summary>
/// <remarks>
/// TorchSharp's layers initialise their weights as PyTorch's do, from the global generator in the same order, so
/// after the same seed both sides start from the same weights.
/// </remarks>
internal static class VanillaGan
{
    /// <summary>z → 128 → 256 → 512 → 1024 → image, LeakyReLU(0.2), BatchNorm1d on the three middle layers, Tanh out.</summary>
    public static Module<Tensor, Tensor> Generator(int latent, int image)
    {
        var layers = new List<Module<Tensor, Tensor>> { Linear(latent, 128), LeakyReLU(0.2) };
        foreach (var (inFeatures, outFeatures) in new[] { (128, 256), (256, 512), (512, 1024) })
        {
            layers.Add(Linear(inFeatures, outFeatures));
            layers.Add(BatchNorm1d(outFeatures, eps: 1e-5, momentum: 0.1));
            layers.Add(LeakyReLU(0.2));
        }
        layers.Add(Linear(1024, image));
        layers.Add(Tanh());
        return Sequential(layers.ToArray());
    }

    /// <summary>image → 512 → 256 → 1 logit, LeakyReLU(0.2) between.</summary>
    public static Module<Tensor, Tensor> Discriminator(int image) => Sequential(
        Linear(image, 512), LeakyReLU(0.2),
        Linear(512, 256), LeakyReLU(0.2),
        Linear(256, 1));
}
