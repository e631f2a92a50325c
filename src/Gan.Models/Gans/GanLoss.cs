namespace Gan.Models.Gans;

/// <summary>The generator's objective (the discriminator always minimises binary cross-entropy on real vs fake).</summary>
public enum GanLoss
{
    /// <summary>G maximises log D(G(z)): strong gradients early in training (Goodfellow et al. 2014, §3). The default.</summary>
    NonSaturating,

    /// <summary>G minimises log(1 − D(G(z))): the original minimax game; its gradient vanishes while D wins.</summary>
    Minimax,
}
