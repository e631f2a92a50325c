using TorchSharp;

namespace Gan.Models.Torch;

/// <summary>The safetensors names of the dtypes we read and write, and the reference writer's layout order.</summary>
internal static class SafeTensorsDType
{
    public const string Supported = "F32, F64, I64, I32, U8, BOOL";

    public static string Name(torch.ScalarType dtype) =>
        NameOrNull(dtype) ?? throw new ArgumentOutOfRangeException(nameof(dtype), dtype, $"dtype has no safetensors name here (supported: {Supported})");

    /// <summary>The safetensors name of <paramref name="dtype"/>, or null for a dtype we neither read nor write.</summary>
    public static string? NameOrNull(torch.ScalarType dtype) => dtype switch
    {
        torch.ScalarType.Float32 => "F32",
        torch.ScalarType.Float64 => "F64",
        torch.ScalarType.Int64 => "I64",
        torch.ScalarType.Int32 => "I32",
        torch.ScalarType.Byte => "U8",
        torch.ScalarType.Bool => "BOOL",
        _ => null,
    };

    public static torch.ScalarType? Parse(string name) => name switch
    {
        "F32" => torch.ScalarType.Float32,
        "F64" => torch.ScalarType.Float64,
        "I64" => torch.ScalarType.Int64,
        "I32" => torch.ScalarType.Int32,
        "U8" => torch.ScalarType.Byte,
        "BOOL" => torch.ScalarType.Bool,
        _ => null,
    };

    public static int ElementSize(torch.ScalarType dtype) => dtype switch
    {
        torch.ScalarType.Float64 or torch.ScalarType.Int64 => 8,
        torch.ScalarType.Float32 or torch.ScalarType.Int32 => 4,
        torch.ScalarType.Byte or torch.ScalarType.Bool => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "dtype has no safetensors name here"),
    };

    /// <summary>
    /// Position in the safetensors Dtype enumeration, which is ordered by alignment; the reference writer lays out
    /// tensors by descending rank so that every tensor's data stays aligned to its element size.
    /// </summary>
    public static int Rank(torch.ScalarType dtype) => dtype switch
    {
        torch.ScalarType.Bool => 0,
        torch.ScalarType.Byte => 1,
        torch.ScalarType.Int32 => 2,
        torch.ScalarType.Float32 => 3,
        torch.ScalarType.Float64 => 4,
        torch.ScalarType.Int64 => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "dtype has no safetensors name here"),
    };
}
