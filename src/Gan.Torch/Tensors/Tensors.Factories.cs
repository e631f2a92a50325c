using Gan.Torch.Native;

namespace Gan.Torch;

// Tensor factories: from .NET data, constant-filled, ranges, and joining.
public static partial class Tensors
{
    /// <summary>A tensor holding a copy of <paramref name="data"/> with the given shape (default: one dimension).</summary>
    /// <exception cref="TorchArgumentException">The shape's element count differs from the data length.</exception>
    public static Tensor FromArray<T>(T[] data, params long[] shape) where T : unmanaged =>
        FromSpan<T>(data, shape.Length == 0 ? [data.LongLength] : shape);

    /// <summary>A tensor holding a copy of <paramref name="data"/> with the given shape, on <paramref name="device"/>.</summary>
    public static unsafe Tensor FromSpan<T>(ReadOnlySpan<T> data, long[] shape, Device? device = null) where T : unmanaged
    {
        var dtype = DTypes.Of<T>();
        IntPtr result;
        fixed (T* p = data)
            Status.Check(NativeMethods.gan_tensor_from_data(p, (long)data.Length * sizeof(T), shape, shape.Length, (int)dtype, out result));
        var cpu = new Tensor(result);
        var target = Resolve(device);
        if (target.Type == DeviceType.CPU) return cpu;
        using (cpu) return cpu.To(target);
    }

    /// <summary>A 0-dimensional tensor holding <paramref name="value"/>.</summary>
    public static Tensor ScalarTensor(Scalar value, DType? dtype = null, Device? device = null)
    {
        var d = Resolve(device);
        var t = dtype ?? (value.IsIntegral ? DType.Int64 : DType.Float32);
        return Tensor.Wrap(NativeMethods.gan_scalar_tensor(value.Native, (int)t, (int)d.Type, d.Index, out var r), r);
    }

    /// <summary>A tensor filled with <paramref name="value"/>.</summary>
    public static Tensor Full(long[] shape, Scalar value, DType dtype = DType.Float32, Device? device = null)
    {
        var d = Resolve(device);
        return Tensor.Wrap(NativeMethods.gan_full(shape, shape.Length, value.Native, (int)dtype, (int)d.Type, d.Index, out var r), r);
    }

    /// <summary>A tensor of zeros.</summary>
    public static Tensor Zeros(long[] shape, DType dtype = DType.Float32, Device? device = null) => Full(shape, 0, dtype, device);

    /// <summary>A float32 tensor of zeros.</summary>
    public static Tensor Zeros(params long[] shape) => Full(shape, 0);

    /// <summary>A tensor of ones.</summary>
    public static Tensor Ones(long[] shape, DType dtype = DType.Float32, Device? device = null) => Full(shape, 1, dtype, device);

    /// <summary>A float32 tensor of ones.</summary>
    public static Tensor Ones(params long[] shape) => Full(shape, 1);

    /// <summary>A tensor of zeros with the shape, dtype and device of <paramref name="like"/>.</summary>
    public static Tensor ZerosLike(Tensor like) => Full(like.Shape, 0, like.DType, like.Device);

    /// <summary>A tensor of ones with the shape, dtype and device of <paramref name="like"/>.</summary>
    public static Tensor OnesLike(Tensor like) => Full(like.Shape, 1, like.DType, like.Device);

    /// <summary>An uninitialised tensor (its contents are whatever the memory held).</summary>
    public static Tensor Empty(long[] shape, DType dtype = DType.Float32, Device? device = null)
    {
        var d = Resolve(device);
        return Tensor.Wrap(NativeMethods.gan_empty(shape, shape.Length, (int)dtype, (int)d.Type, d.Index, out var r), r);
    }

    /// <summary>Values start, start+step, … below end (int64 for integral arguments unless a dtype is given).</summary>
    public static Tensor Arange(Scalar start, Scalar end, Scalar? step = null, DType? dtype = null, Device? device = null)
    {
        var d = Resolve(device);
        Scalar s = step ?? 1L;
        var t = dtype ?? (start.IsIntegral && end.IsIntegral && s.IsIntegral ? DType.Int64 : DType.Float32);
        return Tensor.Wrap(NativeMethods.gan_arange(start.Native, end.Native, s.Native, (int)t, (int)d.Type, d.Index, out var r), r);
    }

    /// <summary>0, 1, …, end−1 as int64.</summary>
    public static Tensor Arange(long end) => Arange(0L, end);

    /// <summary>Joins tensors along an existing dimension.</summary>
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        using var handles = new HandleArray(tensors);
        return Tensor.Wrap(NativeMethods.gan_cat(handles.Pointers, tensors.Count, dim, out var r), r);
    }

    /// <summary>Joins equally shaped tensors along a new dimension.</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        using var handles = new HandleArray(tensors);
        return Tensor.Wrap(NativeMethods.gan_stack(handles.Pointers, tensors.Count, dim, out var r), r);
    }

    /// <summary>Elementwise choice: <paramref name="a"/> where <paramref name="condition"/> is true, else <paramref name="b"/>.</summary>
    public static Tensor Where(Tensor condition, Tensor a, Tensor b) =>
        Tensor.Wrap(NativeMethods.gan_where(condition.Handle, a.Handle, b.Handle, out var r), r);

    /// <summary>beta × input + alpha × (m1 @ m2).</summary>
    public static Tensor Addmm(Tensor input, Tensor m1, Tensor m2, Scalar? beta = null, Scalar? alpha = null) =>
        Tensor.Wrap(NativeMethods.gan_addmm(input.Handle, m1.Handle, m2.Handle, (beta ?? 1L).Native, (alpha ?? 1L).Native, out var r), r);

    /// <summary>Matrix product (see <see cref="Tensor.Matmul"/>).</summary>
    public static Tensor Matmul(Tensor a, Tensor b) => a.Matmul(b);
}
