namespace Gan.Models.Gans;

/// <summary>The GAN architectures the library builds and trains.</summary>
public enum GanKind
{
    /// <summary>Goodfellow et al. 2014: MLP generator and discriminator on flattened samples.</summary>
    Vanilla,

    /// <summary>Mirza and Osindero 2014: the MLP pair with a label embedding joined to z and to the discriminator's input.</summary>
    Conditional,

    /// <summary>Radford et al. 2015: transposed-convolution generator, strided-convolution discriminator (images only).</summary>
    Dcgan,

    /// <summary>DCGAN with a label embedding joined to z and to the discriminator's input as extra channels.</summary>
    ConditionalDcgan,

    /// <summary>
    /// Denton et al. 2015: a Laplacian pyramid of generators: an MLP GAN makes the coarse image, each finer level adds
    /// the band-pass residual it generates from the upsampled coarser image (images only; see <see cref="Lapgan.LapganOptions"/>).
    /// </summary>
    Lapgan,

    /// <summary>LAPGAN with the label given to every level (the paper's class-conditional variant).</summary>
    ConditionalLapgan,
}
