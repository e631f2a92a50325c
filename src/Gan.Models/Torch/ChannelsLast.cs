using TorchSharp;
using static TorchSharp.torch;

namespace Gan.Models.Torch;

/// <summary>
/// The channels-last (NHWC) memory layout for 4-D tensors and convolution weights, which TorchSharp does not expose.
/// </summary>
/// <remarks>
/// The logical shape stays [N, C, H, W]; only the strides change. libtorch's CPU convolutions keep channels-last
/// inputs and weights in that layout and skip their reorders, which is faster for some networks
/// (docs/benchmarks.md). Anything computed on these tensors gives the same values as on the contiguous ones.
/// </remarks>
public static class ChannelsLast
{
    /// <summary>A channels-last copy of a 4-D tensor (or the same data when it already is).</summary>
    public static Tensor ToChannelsLast(this Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.dim() != 4) throw new ArgumentException($"channels-last needs a 4-D tensor, got {tensor.dim()}-D", nameof(tensor));
        using var scope = NewDisposeScope();
        return tensor.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Whether a 4-D tensor's elements lie densely in channels-last order (N, H, W, C from slowest to fastest). As in
    /// PyTorch, a dimension of size 1 takes no part, so a [N, C, 1, 1] tensor is in both layouts.
    /// </summary>
    public static bool IsChannelsLast(this Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.dim() != 4) return false;
        long[] shape = tensor.shape, stride = tensor.stride();
        long expected = 1;
        foreach (int d in (ReadOnlySpan<int>)[1, 3, 2, 0])
        {
            if (shape[d] == 1) continue;
            if (stride[d] != expected) return false;
            expected *= shape[d];
        }
        return true;
    }

    /// <summary>
    /// Puts every 4-D parameter of <paramref name="module"/> (the convolution weights) into channels-last layout, in
    /// place: the parameter objects stay the same, so optimizers and state dicts keep working.
    /// </summary>
    public static void ConvertWeights(nn.Module module) => Relayout(module, toChannelsLast: true);

    /// <summary>Puts every 4-D parameter back into the ordinary contiguous layout, in place.</summary>
    public static void RestoreWeights(nn.Module module) => Relayout(module, toChannelsLast: false);

    private static void Relayout(nn.Module module, bool toChannelsLast)
    {
        ArgumentNullException.ThrowIfNull(module);
        using var noGrad = no_grad();
        foreach (var parameter in module.parameters())
        {
            if (parameter.dim() != 4 || parameter.IsChannelsLast() == toChannelsLast) continue;
            using var scope = NewDisposeScope();
            parameter.set_(toChannelsLast ? parameter.ToChannelsLast() : parameter.contiguous());
        }
    }
}
