using Gan.Torch;
using Gan.Torch.NN;

namespace Gan.Models.Gans;

/// <summary>Weight initialisation of whole networks from one generator, so a seed fixes every starting weight.</summary>
internal static class GanInitialization
{
    /// <summary>PyTorch's default initialisation of every layer, drawn from <paramref name="generator"/>.</summary>
    public static void Default(Module network, Generator generator)
    {
        foreach (var (_, module) in network.NamedModules())
        {
            switch (module)
            {
                case Linear linear: linear.ResetParameters(generator); break;
                case Conv2d conv: conv.ResetParameters(generator); break;
                case ConvTranspose2d deconv: deconv.ResetParameters(generator); break;
                case Embedding embedding: embedding.ResetParameters(generator); break;
                case BatchNorm norm: norm.ResetParameters(); break;
            }
        }
    }

    /// <summary>The standard deviation of DCGAN's N(0, σ²) convolution weights and N(1, σ²) BatchNorm scales.</summary>
    public const double DcganStd = 0.02;

    /// <summary>
    /// Radford et al. 2015 (the PyTorch DCGAN example's <c>weights_init</c>): convolution weights from N(0, 0.02²),
    /// BatchNorm scales from N(1, 0.02²) and shifts 0; label embeddings keep PyTorch's N(0, 1). Every draw comes from
    /// <paramref name="generator"/>, module by module in registration order.
    /// </summary>
    public static void Dcgan(Module network, Generator generator)
    {
        foreach (var (_, module) in network.NamedModules())
        {
            switch (module)
            {
                case Conv2d conv: NormalWeightZeroBias(conv.Weight, conv.Bias, 0, generator); break;
                case ConvTranspose2d deconv: NormalWeightZeroBias(deconv.Weight, deconv.Bias, 0, generator); break;
                case BatchNorm { Weight: { } scale } norm: NormalWeightZeroBias(scale, norm.Bias, 1, generator); break;
                case Embedding embedding: embedding.ResetParameters(generator); break;
            }
        }
    }

    private static void NormalWeightZeroBias(Tensor weight, Tensor? bias, double mean, Generator generator)
    {
        Init.Normal(weight, mean, DcganStd, generator);
        if (bias is not null) Init.Zeros(bias);
    }
}
