using Gan.Torch.Native;

namespace Gan.Torch.NN;

// The math of the parameterised layers: linear, convolutions, batch normalisation, dropout, embedding.
public static partial class Functional
{
    /// <summary>y = x Wᵀ + b over the last dimension of <paramref name="input"/>.</summary>
    /// <param name="input">Shape (*, in_features).</param>
    /// <param name="weight">Shape (out_features, in_features).</param>
    /// <param name="bias">Shape (out_features), or null.</param>
    /// <exception cref="ArgumentException">The input's last dimension differs from the weight's in_features.</exception>
    public static Tensor Linear(Tensor input, Tensor weight, Tensor? bias = null)
    {
        if (weight.Dim == 2 && input.Dim >= 1 && input.Size(-1) != weight.Size(1))
            throw new ArgumentException(
                $"Linear: the input's last dimension is {input.Size(-1)} but the weight {weight.ShapeText} expects {weight.Size(1)} features",
                nameof(input));
        return Tensor.Wrap(NativeMethods.gan_linear(input.Handle, weight.Handle, Tensor.HandleOrNull(bias), out var r), r);
    }

    /// <summary>2-D convolution (cross-correlation) with the same stride, padding and dilation in both directions.</summary>
    /// <param name="input">Shape (N, C_in, H, W) or (C_in, H, W).</param>
    /// <param name="weight">Shape (C_out, C_in / groups, kH, kW).</param>
    /// <param name="bias">Shape (C_out), or null.</param>
    /// <param name="stride">Step of the kernel, at least 1.</param>
    /// <param name="padding">Zeros added on every side, at least 0.</param>
    /// <param name="dilation">Spacing between kernel taps, at least 1.</param>
    /// <param name="groups">Number of blocked connections from input to output channels.</param>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0,
        int dilation = 1, int groups = 1) =>
        Conv2d(input, weight, bias, (stride, stride), (padding, padding), (dilation, dilation), groups);

    /// <summary>2-D convolution (cross-correlation) with per-direction (height, width) stride, padding and dilation.</summary>
    /// <inheritdoc cref="Conv2d(Tensor, Tensor, Tensor?, int, int, int, int)"/>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias, (int Height, int Width) stride,
        (int Height, int Width) padding, (int Height, int Width)? dilation = null, int groups = 1)
    {
        var dil = dilation ?? (1, 1);
        RequireAtLeast(stride, 1, nameof(stride));
        RequireAtLeast(padding, 0, nameof(padding));
        RequireAtLeast(dil, 1, nameof(dilation));
        RequireAtLeast(groups, 1, nameof(groups));
        return Tensor.Wrap(NativeMethods.gan_conv2d(input.Handle, weight.Handle, Tensor.HandleOrNull(bias), Pair(stride),
            Pair(padding), Pair(dil), groups, out var r), r);
    }

    /// <summary>2-D transposed convolution (the gradient of <see cref="Conv2d(Tensor, Tensor, Tensor?, int, int, int, int)"/>
    /// with respect to its input), used to upsample in generators.</summary>
    /// <param name="input">Shape (N, C_in, H, W) or (C_in, H, W).</param>
    /// <param name="weight">Shape (C_in, C_out / groups, kH, kW).</param>
    /// <param name="bias">Shape (C_out), or null.</param>
    /// <param name="stride">Step of the kernel, at least 1.</param>
    /// <param name="padding">dilation × (k − 1) − padding zeros are added on every side of the input.</param>
    /// <param name="outputPadding">Extra rows/columns added to one side of the output (smaller than stride or dilation).</param>
    /// <param name="groups">Number of blocked connections from input to output channels.</param>
    /// <param name="dilation">Spacing between kernel taps, at least 1.</param>
    public static Tensor ConvTranspose2d(Tensor input, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0,
        int outputPadding = 0, int groups = 1, int dilation = 1) =>
        ConvTranspose2d(input, weight, bias, (stride, stride), (padding, padding), (outputPadding, outputPadding), groups,
            (dilation, dilation));

    /// <summary>2-D transposed convolution with per-direction (height, width) settings.</summary>
    /// <inheritdoc cref="ConvTranspose2d(Tensor, Tensor, Tensor?, int, int, int, int, int)"/>
    public static Tensor ConvTranspose2d(Tensor input, Tensor weight, Tensor? bias, (int Height, int Width) stride,
        (int Height, int Width) padding, (int Height, int Width)? outputPadding = null, int groups = 1,
        (int Height, int Width)? dilation = null)
    {
        var outPad = outputPadding ?? (0, 0);
        var dil = dilation ?? (1, 1);
        RequireAtLeast(stride, 1, nameof(stride));
        RequireAtLeast(padding, 0, nameof(padding));
        RequireAtLeast(outPad, 0, nameof(outputPadding));
        RequireAtLeast(dil, 1, nameof(dilation));
        RequireAtLeast(groups, 1, nameof(groups));
        if ((outPad.Height >= stride.Height && outPad.Height >= dil.Height) || (outPad.Width >= stride.Width && outPad.Width >= dil.Width))
            throw new ArgumentOutOfRangeException(nameof(outputPadding), outPad,
                $"outputPadding ({outPad.Height}, {outPad.Width}) must be smaller than either stride ({stride.Height}, {stride.Width}) " +
                $"or dilation ({dil.Height}, {dil.Width}) in each direction");
        return Tensor.Wrap(NativeMethods.gan_conv_transpose2d(input.Handle, weight.Handle, Tensor.HandleOrNull(bias),
            Pair(stride), Pair(padding), Pair(outPad), groups, Pair(dil), out var r), r);
    }

    /// <summary>
    /// Batch normalisation over dimension 1 (channels): (x − mean) / √(var + eps) × weight + bias. In training the batch
    /// statistics are used and, when given, the running statistics are updated in place:
    /// running = (1 − momentum) × running + momentum × batch (the variance with Bessel's correction). Otherwise the
    /// running statistics are used.
    /// </summary>
    /// <param name="input">Shape (N, C, *).</param>
    /// <param name="runningMean">Shape (C); required unless <paramref name="training"/>.</param>
    /// <param name="runningVar">Shape (C); required unless <paramref name="training"/>.</param>
    /// <param name="weight">Scale γ, shape (C), or null.</param>
    /// <param name="bias">Shift β, shape (C), or null.</param>
    /// <param name="training">Use batch statistics (and update the running ones).</param>
    /// <param name="momentum">Weight of the new batch in the running statistics.</param>
    /// <param name="eps">Added to the variance for numerical stability.</param>
    /// <exception cref="ArgumentException">Training with one value per channel, or evaluation without running statistics.</exception>
    public static Tensor BatchNorm(Tensor input, Tensor? runningMean, Tensor? runningVar, Tensor? weight = null,
        Tensor? bias = null, bool training = false, double momentum = 0.1, double eps = 1e-5)
    {
        if (input.Dim < 2)
            throw new ArgumentException($"BatchNorm expects an input of shape (N, C, *), got {input.ShapeText}", nameof(input));
        if (training && input.Size(1) > 0 && input.NumberOfElements / input.Size(1) == 1)
            throw new ArgumentException(
                $"BatchNorm in training needs more than one value per channel to compute a variance, got input {input.ShapeText}",
                nameof(input));
        if (!training && (runningMean is null || runningVar is null))
            throw new ArgumentException("BatchNorm outside training needs the running mean and variance", nameof(runningMean));
        return Tensor.Wrap(NativeMethods.gan_batch_norm(input.Handle, Tensor.HandleOrNull(weight), Tensor.HandleOrNull(bias),
            Tensor.HandleOrNull(runningMean), Tensor.HandleOrNull(runningVar), Tensor.Flag(training), momentum, eps, out var r), r);
    }

    /// <summary>
    /// Zeroes each element with probability <paramref name="p"/> and scales the rest by 1 / (1 − p) while
    /// <paramref name="training"/>; returns the input unchanged (a new reference) otherwise. Without a
    /// <paramref name="generator"/>, libtorch's fused dropout draws from the default generator (seeded by
    /// <see cref="Torch.ManualSeed"/>); with one, the mask is drawn from it, for reproducibility independent of other draws.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1].</exception>
    public static Tensor Dropout(Tensor input, double p = 0.5, bool training = true, Generator? generator = null)
    {
        if (!(p >= 0 && p <= 1))
            throw new ArgumentOutOfRangeException(nameof(p), p, $"dropout probability must be in [0, 1], got {p}");
        if (generator is null || !training)
            return Tensor.Wrap(NativeMethods.gan_dropout(input.Handle, p, Tensor.Flag(training), out var r), r);

        using var mask = Torch.Empty(input.Shape, input.DType, input.Device);
        mask.BernoulliInPlace(1 - p, generator);
        if (p < 1) mask.DivInPlace(1 - p);
        return input.Mul(mask);
    }

    /// <summary>Looks up rows of <paramref name="weight"/>: result[..., :] = weight[input[...], :].</summary>
    /// <param name="input">Int64 or Int32 indices in [0, num_embeddings), any shape.</param>
    /// <param name="weight">The table, shape (num_embeddings, embedding_dim).</param>
    /// <exception cref="ArgumentException">The indices are not integers.</exception>
    /// <exception cref="TorchIndexException">An index is outside the table (the message gives the range found).</exception>
    public static Tensor Embedding(Tensor input, Tensor weight)
    {
        if (input.DType is not (DType.Int64 or DType.Int32))
            throw new ArgumentException($"Embedding indices must be Int64 or Int32, got {input.DType}", nameof(input));
        int status = NativeMethods.gan_embedding(weight.Handle, input.Handle, out var r);
        if (status == 0) return new Tensor(r);
        if (weight.Dim == 2 && input.NumberOfElements > 0)
        {
            using var min = input.Min();
            using var max = input.Max();
            long lo = min.Item<long>(), hi = max.Item<long>();
            if (lo < 0 || hi >= weight.Size(0))
                throw new TorchIndexException(
                    $"Embedding indices range over [{lo}, {hi}] but the table {weight.ShapeText} has rows 0..{weight.Size(0) - 1}");
        }
        return Tensor.Wrap(status, r);
    }

    /// <summary>One-hot encoding of Int64 class indices: appends a dimension of size <paramref name="numClasses"/>
    /// (inferred as max + 1 when −1) holding 1 at the index and 0 elsewhere (Int64).</summary>
    /// <exception cref="ArgumentException">The indices are not Int64.</exception>
    public static Tensor OneHot(Tensor input, long numClasses = -1)
    {
        if (input.DType != DType.Int64)
            throw new ArgumentException($"OneHot expects Int64 class indices, got {input.DType}", nameof(input));
        return input.OneHot(numClasses);
    }
}
