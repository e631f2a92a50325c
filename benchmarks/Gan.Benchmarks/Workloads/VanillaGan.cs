using Gan.Torch.NN;
using Gan.Torch;

namespace Gan.Benchmarks.Workloads;

/// <summary>The networks of the Vanilla GAN benchmark, layer for layer as <c>generator()</c> / <c>discriminator()</c> in torch_peer.py.</summary>
internal static class VanillaGan
{
    /// <summary>z → 128 → 256 → 512 → 1024 → image, LeakyReLU(0.2), BatchNorm1d on the three middle layers, Tanh out.</summary>
    public static Sequential Generator(int latent, int image)
    {
        var layers = new List<Module<Tensor, Tensor>> { new Linear(latent, 128), new LeakyReLU(0.2) };
        foreach (var (inFeatures, outFeatures) in new[] { (128, 256), (256, 512), (512, 1024) })
        {
            layers.Add(new Linear(inFeatures, outFeatures));
            layers.Add(new BatchNorm1d(outFeatures, eps: 1e-5, momentum: 0.1));
            layers.Add(new LeakyReLU(0.2));
        }
        layers.Add(new Linear(1024, image));
        layers.Add(new Tanh());
        return new Sequential(layers.ToArray());
    }

    /// <summary>image → 512 → 256 → 1 logit, LeakyReLU(0.2) between.</summary>
    public static Sequential Discriminator(int image) => new(
        new Linear(image, 512), new LeakyReLU(0.2),
        new Linear(512, 256), new LeakyReLU(0.2),
        new Linear(256, 1));
}
