using Gan.Torch.Native;

namespace Gan.Torch.NN;

// Elementwise activations and the softmax family.
public static partial class Functional
{
    /// <summary>max(x, 0).</summary>
    public static Tensor Relu(Tensor input) => input.Relu();

    /// <summary>Hyperbolic tangent, the usual output of image generators (range (−1, 1)).</summary>
    public static Tensor Tanh(Tensor input) => input.Tanh();

    /// <summary>Logistic sigmoid 1 / (1 + e⁻ˣ).</summary>
    public static Tensor Sigmoid(Tensor input) => input.Sigmoid();

    /// <summary>x where x ≥ 0, <paramref name="negativeSlope"/> × x elsewhere (DCGAN's discriminators use 0.2).</summary>
    public static Tensor LeakyRelu(Tensor input, double negativeSlope = 0.01) =>
        Tensor.Wrap(NativeMethods.gan_leaky_relu(input.Handle, negativeSlope, out var r), r);

    /// <summary>x where x ≥ 0, a × x elsewhere, with a learned slope per channel (dimension 1) or one shared slope.</summary>
    /// <param name="input">Any shape; with more than one slope, dimension 1 holds the channels.</param>
    /// <param name="weight">The slopes: one element, or one per channel.</param>
    /// <exception cref="ArgumentException">The number of slopes is neither 1 nor the channel count.</exception>
    public static Tensor Prelu(Tensor input, Tensor weight)
    {
        long slopes = weight.NumberOfElements;
        if (slopes != 1 && (input.Dim < 2 || input.Size(1) != slopes))
            throw new ArgumentException(
                $"Prelu has {slopes} slopes, which needs an input with {slopes} channels in dimension 1; got shape {input.ShapeText}",
                nameof(weight));
        return Tensor.Wrap(NativeMethods.gan_prelu(input.Handle, weight.Handle, out var r), r);
    }

    /// <summary>Gaussian error linear unit x Φ(x) (exact, with the error function).</summary>
    public static Tensor Gelu(Tensor input) => Tensor.Wrap(NativeMethods.gan_gelu(input.Handle, out var r), r);

    /// <summary>exp(x) / Σ exp(x) along <paramref name="dim"/>.</summary>
    public static Tensor Softmax(Tensor input, long dim) =>
        Tensor.Wrap(NativeMethods.gan_softmax(input.Handle, dim, out var r), r);

    /// <summary>log(softmax(x)) along <paramref name="dim"/>, computed stably.</summary>
    public static Tensor LogSoftmax(Tensor input, long dim) =>
        Tensor.Wrap(NativeMethods.gan_log_softmax(input.Handle, dim, out var r), r);
}
