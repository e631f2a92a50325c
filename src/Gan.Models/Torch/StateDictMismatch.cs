using static TorchSharp.torch;

namespace Gan.Models.Torch;

/// <summary>A state-dict entry whose shape or dtype differs from the module's tensor of the same key.</summary>
/// <param name="Key">The dotted key, e.g. <c>features.0.weight</c>.</param>
/// <param name="ExpectedShape">The module's shape.</param>
/// <param name="ExpectedDType">The module's dtype.</param>
/// <param name="ActualShape">The loaded tensor's shape.</param>
/// <param name="ActualDType">The loaded tensor's dtype.</param>
public sealed record StateDictMismatch(string Key, long[] ExpectedShape, ScalarType ExpectedDType, long[] ActualShape, ScalarType ActualDType)
{
    /// <summary>E.g. <c>'fc.weight': expected Float32 [4, 3], got Float32 [4, 2]</c>.</summary>
    public override string ToString() =>
        $"'{Key}': expected {ExpectedDType} [{string.Join(", ", ExpectedShape)}], got {ActualDType} [{string.Join(", ", ActualShape)}]";
}
