using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace Gan.Models.Torch;

/// <summary>
/// Copies between tensors and .NET memory in one <c>memcpy</c>.
/// </summary>
/// <remarks>
/// TorchSharp's <c>data&lt;T&gt;().ToArray()</c> walks an index per element, and its span factories copy through a
/// managed array; these go through the tensor's storage directly. Element types must match the tensor's dtype.
/// </remarks>
public static class TensorData
{
    /// <summary>A new tensor of <paramref name="shape"/> on the CPU holding a copy of <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentException">The shape has a negative size or does not hold exactly <paramref name="data"/>'s length.</exception>
    public static Tensor FromSpan<T>(ReadOnlySpan<T> data, params long[] shape) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(shape);
        long count = 1;
        foreach (long d in shape)
        {
            if (d < 0 || (d > 0 && count > long.MaxValue / d))
                throw new ArgumentException($"shape [{string.Join(", ", shape)}] is not a tensor shape", nameof(shape));
            count *= d;
        }
        if (count != data.Length)
            throw new ArgumentException($"shape [{string.Join(", ", shape)}] holds {count} elements, the data {data.Length}", nameof(shape));
        var tensor = empty(shape, DType<T>(), CPU);
        MemoryMarshal.AsBytes(data).CopyTo(tensor.bytes);
        return tensor;
    }

    /// <summary>A copy of the tensor's elements in row-major order, from any device and layout.</summary>
    /// <exception cref="ArgumentException">The tensor's dtype is not <typeparamref name="T"/>.</exception>
    public static T[] CopyToArray<T>(this Tensor tensor) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var result = new T[tensor.numel()];
        tensor.CopyTo<T>(result);
        return result;
    }

    /// <summary>Copies the tensor's elements in row-major order into <paramref name="destination"/>, from any device and layout.</summary>
    /// <exception cref="ArgumentException">The dtype is not <typeparamref name="T"/>, or the lengths differ.</exception>
    public static void CopyTo<T>(this Tensor tensor, Span<T> destination) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.dtype != DType<T>())
            throw new ArgumentException($"the tensor holds {tensor.dtype}, not {typeof(T).Name}", nameof(tensor));
        if (tensor.numel() != destination.Length)
            throw new ArgumentException($"the tensor holds {tensor.numel()} elements, the destination {destination.Length}", nameof(destination));
        if (destination.IsEmpty) return;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var source = tensor.detach().cpu().contiguous();
        source.bytes.CopyTo(MemoryMarshal.AsBytes(destination));
    }

    /// <summary>The dtype that holds <typeparamref name="T"/> elements.</summary>
    /// <exception cref="NotSupportedException">No dtype holds <typeparamref name="T"/>.</exception>
    public static ScalarType DType<T>() where T : unmanaged => default(T) switch
    {
        float => ScalarType.Float32,
        double => ScalarType.Float64,
        long => ScalarType.Int64,
        int => ScalarType.Int32,
        byte => ScalarType.Byte,
        bool => ScalarType.Bool,
        _ => throw new NotSupportedException($"no tensor dtype holds {typeof(T).Name}"),
    };
}
