using System.Runtime.CompilerServices;
using System.Text;
using Gan.Torch.Native;

namespace Gan.Torch;

/// <summary>
/// An n-dimensional array in libtorch's memory, with autograd. A tensor owns one reference to native memory:
/// dispose it (or create it inside a <see cref="DisposeScope"/>) to free that memory promptly; otherwise the
/// handle's finalizer frees it eventually, as a safety net. Any use after disposal throws <see cref="ObjectDisposedException"/>.
/// </summary>
public partial class Tensor : IDisposable
{
    private readonly TensorHandle _handle;
    private long[]? _shape;
    private DType? _dtype;

    /// <summary>The scope that will dispose this tensor, if any.</summary>
    internal DisposeScope? OwningScope;

    /// <summary>Takes ownership of a native tensor returned by the ABI and registers it with the current scope.</summary>
    internal Tensor(IntPtr native)
    {
        _handle = new TensorHandle(native);
        DisposeScope.Current?.Attach(this);
    }

    /// <summary>Takes ownership of a native tensor without registering it with any scope (parameters, buffers).</summary>
    private protected Tensor(IntPtr native, bool unscoped)
    {
        _handle = new TensorHandle(native);
        if (!unscoped) DisposeScope.Current?.Attach(this);
    }

    internal TensorHandle Handle
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (_handle.IsClosed) ThrowDisposed();
            return _handle;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowDisposed() =>
        throw new ObjectDisposedException(nameof(Tensor), "This tensor has been disposed (directly or by its DisposeScope); " +
            "move results you keep out of the scope with MoveToOuterDisposeScope() or DetachFromDisposeScope().");

    /// <summary>Wraps the result of a native call that returns one tensor.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Tensor Wrap(int status, IntPtr result)
    {
        Status.Check(status);
        return new Tensor(result);
    }

    /// <summary>True once the tensor has been disposed.</summary>
    public bool IsDisposed => _handle.IsClosed;

    /// <summary>Frees this reference to the native tensor (views and other references keep the memory alive).</summary>
    public void Dispose()
    {
        _handle.Dispose();
    }

    /// <summary>The element type.</summary>
    public DType DType => _dtype ??= ReadInfo().dtype;

    /// <summary>The device holding the data.</summary>
    public Device Device
    {
        get
        {
            var info = ReadInfo();
            return new Device((DeviceType)info.deviceType, info.deviceIndex);
        }
    }

    /// <summary>The size of each dimension (a copy).</summary>
    public long[] Shape => (long[])ShapeRef.Clone();

    private long[] ShapeRef
    {
        get
        {
            if (_shape is not null) return _shape;
            int ndim = ReadInfo().ndim;
            var dims = new long[ndim];
            Status.Check(NativeMethods.gan_tensor_shape(Handle, dims, ndim));
            return _shape = dims;
        }
    }

    /// <summary>Number of dimensions.</summary>
    public int Dim => ShapeRef.Length;

    /// <summary>Size of one dimension (negative counts from the end).</summary>
    public long Size(int dim)
    {
        var s = ShapeRef;
        int d = dim < 0 ? dim + s.Length : dim;
        if ((uint)d >= (uint)s.Length)
            throw new TorchIndexException($"dimension {dim} is out of range for a tensor of {s.Length} dimensions");
        return s[d];
    }

    /// <summary>Number of elements.</summary>
    public long NumberOfElements
    {
        get
        {
            long n = 1;
            foreach (var d in ShapeRef) n *= d;
            return n;
        }
    }

    /// <summary>True when the elements are laid out densely in row-major order.</summary>
    public bool IsContiguous
    {
        get
        {
            Status.Check(NativeMethods.gan_tensor_is_contiguous(Handle, out int r));
            return r != 0;
        }
    }

    /// <summary>True for tensors created by the user rather than by a recorded operation.</summary>
    public bool IsLeaf
    {
        get
        {
            Status.Check(NativeMethods.gan_tensor_is_leaf(Handle, out int r));
            return r != 0;
        }
    }

    /// <summary>True when this tensor and <paramref name="other"/> share storage (one is a view of the other).</summary>
    public bool SharesStorageWith(Tensor other)
    {
        Status.Check(NativeMethods.gan_tensor_same_storage(Handle, other.Handle, out int r));
        return r != 0;
    }

    private (DType dtype, int ndim, int deviceType, int deviceIndex, bool requiresGrad) ReadInfo()
    {
        Status.Check(NativeMethods.gan_tensor_info(Handle, out int dtype, out int ndim, out int dt, out int di, out int rg));
        return ((DType)dtype, ndim, dt, di, rg != 0);
    }

    /// <summary>Whether operations on this tensor are recorded for autograd.</summary>
    public bool RequiresGrad
    {
        get => ReadInfo().requiresGrad;
        set => Status.Check(NativeMethods.gan_tensor_set_requires_grad(Handle, value ? 1 : 0));
    }

    /// <summary>Sets <see cref="RequiresGrad"/> and returns this tensor, for chaining.</summary>
    public Tensor RequiresGrad_(bool requiresGrad = true)
    {
        RequiresGrad = requiresGrad;
        return this;
    }

    /// <summary>The value of a one-element tensor.</summary>
    /// <exception cref="TorchException">The tensor has more than one element.</exception>
    public Scalar Item()
    {
        Status.Check(NativeMethods.gan_tensor_item(Handle, out var s));
        return Scalar.FromNative(s);
    }

    /// <summary>The value of a one-element tensor as <typeparamref name="T"/>.</summary>
    public T Item<T>() where T : unmanaged
    {
        var s = Item();
        if (typeof(T) == typeof(float)) return (T)(object)(float)s.ToDouble();
        if (typeof(T) == typeof(double)) return (T)(object)s.ToDouble();
        if (typeof(T) == typeof(long)) return (T)(object)s.ToInt64();
        if (typeof(T) == typeof(int)) return (T)(object)checked((int)s.ToInt64());
        if (typeof(T) == typeof(byte)) return (T)(object)checked((byte)s.ToInt64());
        if (typeof(T) == typeof(bool)) return (T)(object)(s.ToDouble() != 0);
        throw new TorchTypeException($"{typeof(T).Name} is not a tensor element type");
    }

    /// <summary>Copies the elements, in row-major order, into <paramref name="destination"/>.</summary>
    /// <exception cref="TorchTypeException"><typeparamref name="T"/> does not match <see cref="DType"/>.</exception>
    /// <exception cref="ArgumentException">The destination length differs from the element count.</exception>
    public unsafe void CopyTo<T>(Span<T> destination) where T : unmanaged
    {
        CheckElementType<T>();
        long n = NumberOfElements;
        if (destination.Length != n)
            throw new ArgumentException($"destination has {destination.Length} elements but the tensor {ShapeText} has {n}",
                nameof(destination));
        fixed (T* p = destination)
            Status.Check(NativeMethods.gan_tensor_copy_to(Handle, p, n * sizeof(T)));
    }

    /// <summary>The elements in row-major order (copied to the CPU first when needed).</summary>
    public T[] ToArray<T>() where T : unmanaged
    {
        var result = new T[NumberOfElements];
        CopyTo<T>(result);
        return result;
    }

    private void CheckElementType<T>() where T : unmanaged
    {
        var wanted = DTypes.Of<T>();
        if (wanted != DType)
            throw new TorchTypeException($"the tensor holds {DType} elements, not {typeof(T).Name} ({wanted}); " +
                                         $"convert it first with .To(DType.{wanted})");
    }

    internal string ShapeText => "[" + string.Join(", ", ShapeRef) + "]";

    /// <summary>Shape, dtype and device, e.g. <c>Tensor[64, 100] Float32 cpu</c>.</summary>
    public override string ToString() =>
        IsDisposed ? "Tensor (disposed)" : $"Tensor{ShapeText} {DType} {Device}";

    /// <summary>The elements formatted by libtorch.</summary>
    public unsafe string ToDataString()
    {
        Status.Check(NativeMethods.gan_tensor_to_string(Handle, null, 0, out long length));
        var buffer = new byte[length + 1];
        fixed (byte* p = buffer)
            Status.Check(NativeMethods.gan_tensor_to_string(Handle, p, buffer.Length, out _));
        return Encoding.UTF8.GetString(buffer, 0, (int)length);
    }

    /// <summary>Moves this tensor from its dispose scope to the enclosing one (or to none), so it outlives the scope.</summary>
    public Tensor MoveToOuterDisposeScope()
    {
        OwningScope?.MoveToOuter(this);
        return this;
    }

    /// <summary>Removes this tensor from every dispose scope; the caller now disposes it.</summary>
    public Tensor DetachFromDisposeScope()
    {
        OwningScope?.Forget(this);
        return this;
    }

    internal static TensorHandle HandleOrNull(Tensor? t) => t is null ? TensorHandle.Null : t.Handle;

    internal static int Flag(bool b) => b ? 1 : 0;

    internal static Scalar One => 1L;
}
