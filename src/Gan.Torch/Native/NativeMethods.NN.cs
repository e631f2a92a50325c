using System.Runtime.InteropServices;

namespace Gan.Torch.Native;

internal static partial class NativeMethods
{
    [LibraryImport(Lib)] internal static partial int gan_linear(TensorHandle x, TensorHandle weight, TensorHandle bias, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_get_conv_column_split();
    [LibraryImport(Lib)] internal static partial int gan_set_conv_column_split(int mode);
    [LibraryImport(Lib)] internal static partial int gan_conv2d(TensorHandle x, TensorHandle weight, TensorHandle bias, long[] stride, long[] padding, long[] dilation, long groups, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_conv_transpose2d(TensorHandle x, TensorHandle weight, TensorHandle bias, long[] stride, long[] padding, long[] outputPadding, long groups, long[] dilation, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_batch_norm(TensorHandle x, TensorHandle weight, TensorHandle bias, TensorHandle runningMean, TensorHandle runningVar, int training, double momentum, double eps, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_dropout(TensorHandle x, double p, int training, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_embedding(TensorHandle weight, TensorHandle indices, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_pixel_shuffle(TensorHandle x, long upscale, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_pixel_unshuffle(TensorHandle x, long downscale, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_interpolate2d(TensorHandle x, long outH, long outW, int mode, int alignCorners, int antialias, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_interpolate2d_scale(TensorHandle x, double scaleH, double scaleW, int mode, int alignCorners, int antialias, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_avg_pool2d(TensorHandle x, long[] kernel, long[] stride, long[] padding, int ceilMode, int countIncludePad, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_max_pool2d(TensorHandle x, long[] kernel, long[] stride, long[] padding, int ceilMode, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_adaptive_avg_pool2d(TensorHandle x, long outH, long outW, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_pad(TensorHandle x, long[] pads, int npads, int mode, double value, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_leaky_relu(TensorHandle x, double slope, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_prelu(TensorHandle x, TensorHandle weight, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_gelu(TensorHandle x, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_softmax(TensorHandle x, long dim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_log_softmax(TensorHandle x, long dim, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_bce_with_logits(TensorHandle x, TensorHandle target, TensorHandle weight, TensorHandle posWeight, int reduction, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_bce(TensorHandle x, TensorHandle target, TensorHandle weight, int reduction, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_mse_loss(TensorHandle x, TensorHandle target, int reduction, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_l1_loss(TensorHandle x, TensorHandle target, int reduction, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_cross_entropy(TensorHandle x, TensorHandle target, TensorHandle weight, int reduction, long ignoreIndex, double labelSmoothing, out IntPtr result);
    [LibraryImport(Lib)] internal static partial int gan_nll_loss(TensorHandle x, TensorHandle target, TensorHandle weight, int reduction, long ignoreIndex, out IntPtr result);
}
