using Gan.Models.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Models.SuperResolution;

/// <summary>
/// A stride-1 convolution with few outputs and a wide kernel (SRResNet's 9×9 tail to the image channels) computed as
/// the same sum regrouped by kernel column: one Kh×1 convolution with Kw times more outputs, then Kw shifted additions.
/// </summary>
/// <remarks>
/// libtorch's CPU kernels vectorise over output channels, so three outputs leave most of each vector empty, while the
/// regrouped convolution keeps them full. Only the order of the summation changes: results agree
/// with the plain convolution up to float rounding. Whether it is faster depends on the layout and on oneDNN's
/// instruction set (<see cref="Pays"/>; measured in docs/benchmarks.md).
/// </remarks>
internal static class ColumnSplitConvolution
{
    private const long MaxOutputs = 8;
    private const long MinKernelWidth = 5;

    /// <summary>Whether the regrouping suits a convolution of <paramref name="weight"/> over <paramref name="input"/>.</summary>
    public static bool Suits(Tensor input, Tensor weight) =>
        input.device_type == DeviceType.CPU && input.dim() == 4 && weight.dim() == 4 && weight.size(1) == input.size(1)
        && weight.size(0) <= MaxOutputs && weight.size(3) >= MinKernelWidth;

    /// <summary>
    /// Whether the regrouping is faster than libtorch's own kernel for <paramref name="input"/>: for channels-last
    /// activations, and for plain-layout ones where oneDNN is capped at SSE4.1; oneDNN's wider kernels do the plain
    /// layout better themselves.
    /// </summary>
    public static bool Pays(Tensor input) => input.IsChannelsLast() || OneDnnIsa.IsCappedAtSse41;

    /// <summary>
    /// The stride-1, undilated convolution of <paramref name="input"/> [N, C, H, W] with <paramref name="weight"/>
    /// [O, C, Kh, Kw], zero-padded by <paramref name="padding"/> rows and columns on each side.
    /// </summary>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias, (long Rows, long Columns) padding)
    {
        long outputs = weight.size(0), kernelWidth = weight.size(3), width = input.size(3);
        long outputWidth = width + 2 * padding.Columns - kernelWidth + 1;
        using var scope = NewDisposeScope();
        // partial[n, (o, kx), y, x] = the Kh×1 convolution of the input with column kx of output o's kernel.
        var columns = weight.permute(0, 3, 1, 2).reshape(outputs * kernelWidth, weight.size(1), weight.size(2), 1);
        var partial = nn.functional.conv2d(input, columns, padding: [padding.Rows, 0]);
        partial = partial.reshape(input.size(0), outputs, kernelWidth, partial.size(2), width);
        if (padding.Columns > 0) partial = nn.functional.pad(partial, [padding.Columns, padding.Columns]);
        // out[n, o, y, x] = Σ_kx partial[n, (o, kx), y, x + kx] over the padded columns.
        var output = partial.select(2, 0).narrow(3, 0, outputWidth);
        output = bias is null ? output.clone() : output.add(bias.view(1, outputs, 1, 1));
        for (long column = 1; column < kernelWidth; column++)
            output.add_(partial.select(2, column).narrow(3, column, outputWidth));
        return output.MoveToOuterDisposeScope();
    }
}
