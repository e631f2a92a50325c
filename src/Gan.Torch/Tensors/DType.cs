namespace Gan.Torch;

/// <summary>Element types of a tensor. The values are libtorch's ScalarType codes.</summary>
public enum DType
{
    /// <summary>8-bit unsigned integer (byte).</summary>
    UInt8 = 0,
    /// <summary>32-bit signed integer (int).</summary>
    Int32 = 3,
    /// <summary>64-bit signed integer (long); the dtype of indices and labels.</summary>
    Int64 = 4,
    /// <summary>32-bit IEEE float (float); the default for parameters and data.</summary>
    Float32 = 6,
    /// <summary>64-bit IEEE float (double); used by gradient checks.</summary>
    Float64 = 7,
    /// <summary>Boolean (bool), one byte per element.</summary>
    Bool = 11,
}

/// <summary>Mapping between <see cref="DType"/> and .NET element types.</summary>
public static class DTypes
{
    /// <summary>The dtype whose elements are <typeparamref name="T"/>.</summary>
    /// <exception cref="TorchTypeException"><typeparamref name="T"/> has no tensor dtype.</exception>
    public static DType Of<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(float)) return DType.Float32;
        if (typeof(T) == typeof(double)) return DType.Float64;
        if (typeof(T) == typeof(long)) return DType.Int64;
        if (typeof(T) == typeof(int)) return DType.Int32;
        if (typeof(T) == typeof(byte)) return DType.UInt8;
        if (typeof(T) == typeof(bool)) return DType.Bool;
        throw new TorchTypeException($"{typeof(T).Name} has no tensor dtype; use float, double, long, int, byte or bool.");
    }

    /// <summary>Bytes per element.</summary>
    public static int ElementSize(this DType dtype) => dtype switch
    {
        DType.UInt8 or DType.Bool => 1,
        DType.Int32 or DType.Float32 => 4,
        DType.Int64 or DType.Float64 => 8,
        _ => throw new TorchTypeException($"unknown dtype {dtype}"),
    };

    /// <summary>True for Float32 and Float64, the dtypes that can require gradients.</summary>
    public static bool IsFloatingPoint(this DType dtype) => dtype is DType.Float32 or DType.Float64;
}
