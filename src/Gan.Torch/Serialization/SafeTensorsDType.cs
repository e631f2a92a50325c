namespace Gan.Torch.Serialization;

/// <summary>The safetensors names of the dtypes Gan.Torch supports, and the reference writer's layout order.</summary>
internal static class SafeTensorsDType
{
    public static string Name(DType dtype) => dtype switch
    {
        DType.Float32 => "F32",
        DType.Float64 => "F64",
        DType.Int64 => "I64",
        DType.Int32 => "I32",
        DType.UInt8 => "U8",
        DType.Bool => "BOOL",
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "dtype has no safetensors name"),
    };

    public static DType? Parse(string name) => name switch
    {
        "F32" => DType.Float32,
        "F64" => DType.Float64,
        "I64" => DType.Int64,
        "I32" => DType.Int32,
        "U8" => DType.UInt8,
        "BOOL" => DType.Bool,
        _ => null,
    };

    /// <summary>
    /// Position in the safetensors Dtype enumeration, which is ordered by alignment; the reference writer lays out
    /// tensors by descending rank so that every tensor's data stays aligned to its element size.
    /// </summary>
    public static int Rank(DType dtype) => dtype switch
    {
        DType.Bool => 0,
        DType.UInt8 => 1,
        DType.Int32 => 2,
        DType.Float32 => 3,
        DType.Float64 => 4,
        DType.Int64 => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "dtype has no safetensors name"),
    };
}
