using Gan.Torch.Native;

namespace Gan.Torch;

// In-place random fills.
public partial class Tensor
{
    /// <summary>In place: fills with samples of N(mean, std²).</summary>
    public Tensor NormalInPlace(double mean = 0, double std = 1, Generator? generator = null)
    {
        Status.Check(NativeMethods.gan_normal_(Handle, mean, std, Generator.HandleOf(generator)));
        return this;
    }

    /// <summary>In place: fills with samples of U[low, high).</summary>
    public Tensor UniformInPlace(double low = 0, double high = 1, Generator? generator = null)
    {
        Status.Check(NativeMethods.gan_uniform_(Handle, low, high, Generator.HandleOf(generator)));
        return this;
    }

    /// <summary>In place: fills with 1 with probability p, else 0.</summary>
    public Tensor BernoulliInPlace(double p, Generator? generator = null)
    {
        Status.Check(NativeMethods.gan_bernoulli_(Handle, p, Generator.HandleOf(generator)));
        return this;
    }
}
