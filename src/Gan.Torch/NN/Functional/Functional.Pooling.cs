using Gan.Torch.Native;

namespace Gan.Torch.NN;

// Average and max pooling over height and width.
public static partial class Functional
{
    /// <summary>Averages each kernel-sized window of (N, C, H, W) or (C, H, W).</summary>
    /// <param name="input">Shape (N, C, H, W) or (C, H, W).</param>
    /// <param name="kernelSize">Window side, at least 1.</param>
    /// <param name="stride">Window step, at least 1; null means the kernel size.</param>
    /// <param name="padding">Zeros added on every side, at most half the kernel.</param>
    /// <param name="ceilMode">Round the output size up instead of down.</param>
    /// <param name="countIncludePad">Count padded zeros in the average's denominator.</param>
    public static Tensor AvgPool2d(Tensor input, int kernelSize, int? stride = null, int padding = 0, bool ceilMode = false,
        bool countIncludePad = true)
    {
        var s = stride ?? kernelSize;
        return AvgPool2d(input, (kernelSize, kernelSize), (s, s), (padding, padding), ceilMode, countIncludePad);
    }

    /// <summary>Averages each window, with per-direction (height, width) kernel, stride and padding.</summary>
    /// <inheritdoc cref="AvgPool2d(Tensor, int, int?, int, bool, bool)"/>
    public static Tensor AvgPool2d(Tensor input, (int Height, int Width) kernelSize, (int Height, int Width)? stride = null,
        (int Height, int Width) padding = default, bool ceilMode = false, bool countIncludePad = true)
    {
        var s = stride ?? kernelSize;
        CheckPooling(kernelSize, s, padding);
        return Tensor.Wrap(NativeMethods.gan_avg_pool2d(input.Handle, Pair(kernelSize), Pair(s), Pair(padding),
            Tensor.Flag(ceilMode), Tensor.Flag(countIncludePad), out var r), r);
    }

    /// <summary>Takes the maximum of each kernel-sized window of (N, C, H, W) or (C, H, W).</summary>
    /// <param name="input">Shape (N, C, H, W) or (C, H, W).</param>
    /// <param name="kernelSize">Window side, at least 1.</param>
    /// <param name="stride">Window step, at least 1; null means the kernel size.</param>
    /// <param name="padding">−∞ added on every side, at most half the kernel.</param>
    /// <param name="ceilMode">Round the output size up instead of down.</param>
    public static Tensor MaxPool2d(Tensor input, int kernelSize, int? stride = null, int padding = 0, bool ceilMode = false)
    {
        var s = stride ?? kernelSize;
        return MaxPool2d(input, (kernelSize, kernelSize), (s, s), (padding, padding), ceilMode);
    }

    /// <summary>Takes the maximum of each window, with per-direction (height, width) kernel, stride and padding.</summary>
    /// <inheritdoc cref="MaxPool2d(Tensor, int, int?, int, bool)"/>
    public static Tensor MaxPool2d(Tensor input, (int Height, int Width) kernelSize, (int Height, int Width)? stride = null,
        (int Height, int Width) padding = default, bool ceilMode = false)
    {
        var s = stride ?? kernelSize;
        CheckPooling(kernelSize, s, padding);
        return Tensor.Wrap(NativeMethods.gan_max_pool2d(input.Handle, Pair(kernelSize), Pair(s), Pair(padding),
            Tensor.Flag(ceilMode), out var r), r);
    }

    /// <summary>Averages (N, C, H, W) or (C, H, W) down to exactly <paramref name="outputSize"/> with windows chosen to fit.</summary>
    public static Tensor AdaptiveAvgPool2d(Tensor input, (int Height, int Width) outputSize)
    {
        RequireAtLeast(outputSize, 1, nameof(outputSize));
        return Tensor.Wrap(NativeMethods.gan_adaptive_avg_pool2d(input.Handle, outputSize.Height, outputSize.Width, out var r), r);
    }

    /// <summary>Averages down to <paramref name="outputSize"/> × <paramref name="outputSize"/> (1 gives global average pooling).</summary>
    public static Tensor AdaptiveAvgPool2d(Tensor input, int outputSize) => AdaptiveAvgPool2d(input, (outputSize, outputSize));

    private static void CheckPooling((int Height, int Width) kernelSize, (int Height, int Width) stride, (int Height, int Width) padding)
    {
        RequireAtLeast(kernelSize, 1, nameof(kernelSize));
        RequireAtLeast(stride, 1, nameof(stride));
        RequireAtLeast(padding, 0, nameof(padding));
        if (padding.Height * 2 > kernelSize.Height || padding.Width * 2 > kernelSize.Width)
            throw new ArgumentOutOfRangeException(nameof(padding), padding,
                $"padding ({padding.Height}, {padding.Width}) must be at most half the kernel ({kernelSize.Height}, {kernelSize.Width})");
    }
}
