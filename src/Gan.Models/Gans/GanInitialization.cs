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
}
