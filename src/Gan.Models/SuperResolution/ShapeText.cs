using static TorchSharp.torch;

namespace Gan.Models.SuperResolution;

/// <summary>Shapes as error messages show them.</summary>
internal static class ShapeText
{
    public static string Of(Tensor tensor) => "[" + string.Join(", ", tensor.shape) + "]";
}
