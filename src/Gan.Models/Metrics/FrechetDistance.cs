using Gan.Torch;

namespace Gan.Models.Metrics;

/// <summary>
/// The Fréchet distance between Gaussians fitted to two feature sets (the FID formula, here on the features of the
/// project's own classifier): ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2 (Σ₁Σ₂)^½), computed in float64.
/// </summary>
/// <remarks>
/// Σ₁Σ₂ is not symmetric, so its square root is taken through the similar symmetric matrix √Σ₁ Σ₂ √Σ₁, which has
/// the same eigenvalues: Tr((Σ₁Σ₂)^½) = Σᵢ √λᵢ(√Σ₁ Σ₂ √Σ₁). Both square roots use <see cref="Linalg.Eigh"/> with
/// eigenvalues clamped at 0, since rounding makes tiny eigenvalues of a positive semi-definite matrix negative.
/// </remarks>
public static class FrechetDistance
{
    /// <summary>The Fréchet distance between feature sets <paramref name="a"/> [N₁, D] and <paramref name="b"/> [N₂, D].</summary>
    /// <exception cref="ArgumentException">Not two 2-D tensors with the same D and at least 2 rows each.</exception>
    public static double Compute(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Dim != 2 || b.Dim != 2 || a.Size(1) != b.Size(1))
            throw new ArgumentException($"features must be [N, D] with the same D, not [{string.Join(", ", a.Shape)}] and [{string.Join(", ", b.Shape)}]");
        if (a.Size(0) < 2 || b.Size(0) < 2)
            throw new ArgumentException("each feature set needs at least 2 rows to estimate a covariance");
        using var scope = Tensors.NewDisposeScope();
        using var noGrad = Tensors.NoGrad();
        var (meanA, covA) = MeanAndCovariance(a);
        var (meanB, covB) = MeanAndCovariance(b);
        return Compute(meanA, covA, meanB, covB);
    }

    /// <summary>The Fréchet distance between N(<paramref name="meanA"/>, <paramref name="covA"/>) and N(<paramref name="meanB"/>, <paramref name="covB"/>).</summary>
    public static double Compute(Tensor meanA, Tensor covA, Tensor meanB, Tensor covB)
    {
        using var scope = Tensors.NewDisposeScope();
        using var noGrad = Tensors.NoGrad();
        var ca = covA.To(DType.Float64);
        var cb = covB.To(DType.Float64);
        double meanTerm = meanA.To(DType.Float64).Sub(meanB.To(DType.Float64)).Square().Sum().Item<double>();
        var sqrtA = SymmetricSqrt(ca);
        var product = sqrtA.Matmul(cb).Matmul(sqrtA);
        var symmetric = product.Add(product.T).Mul(0.5);
        double traceSqrt = Linalg.Eigh(symmetric).Eigenvalues.Relu().Sqrt().Sum().Item<double>();
        double traces = Trace(ca) + Trace(cb);
        return meanTerm + traces - 2 * traceSqrt;
    }

    /// <summary>The mean [D] and the unbiased covariance [D, D] of the rows of <paramref name="features"/> [N, D], in float64.</summary>
    public static (Tensor Mean, Tensor Covariance) MeanAndCovariance(Tensor features)
    {
        using var scope = Tensors.NewDisposeScope();
        var x = features.To(DType.Float64);
        var mean = x.Mean(0);
        var centred = x.Sub(mean);
        var cov = centred.T.Matmul(centred).Div(features.Size(0) - 1);
        return (scope.MoveToOuter(mean), scope.MoveToOuter(cov));
    }

    private static Tensor SymmetricSqrt(Tensor m)
    {
        var (values, vectors) = Linalg.Eigh(m);
        return vectors.Mul(values.Relu().Sqrt()).Matmul(vectors.T);
    }

    private static double Trace(Tensor m) => m.ToArray<double>().Where((_, i) => i % (m.Size(0) + 1) == 0).Sum();
}
