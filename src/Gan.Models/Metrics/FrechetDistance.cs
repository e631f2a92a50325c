using static TorchSharp.torch;

namespace Gan.Models.Metrics;

/// <summary>
/// The Fréchet distance between Gaussians fitted to two feature sets (the FID formula, here on the features of the
/// project's own classifier): ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2 (Σ₁Σ₂)^½), computed in float64.
/// </summary>
/// <remarks>
/// Σ₁Σ₂ is not symmetric, so its square root is taken through the similar symmetric matrix √Σ₁ Σ₂ √Σ₁, which has
/// the same eigenvalues: Tr((Σ₁Σ₂)^½) = Σᵢ √λᵢ(√Σ₁ Σ₂ √Σ₁). Both square roots use <c>torch.linalg.eigh</c> with
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
        if (a.dim() != 2 || b.dim() != 2 || a.size(1) != b.size(1))
            throw new ArgumentException($"features must be [N, D] with the same D, not [{string.Join(", ", a.shape)}] and [{string.Join(", ", b.shape)}]");
        if (a.size(0) < 2 || b.size(0) < 2)
            throw new ArgumentException("each feature set needs at least 2 rows to estimate a covariance");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var (meanA, covA) = MeanAndCovariance(a);
        var (meanB, covB) = MeanAndCovariance(b);
        return Compute(meanA, covA, meanB, covB);
    }

    /// <summary>The Fréchet distance between N(<paramref name="meanA"/>, <paramref name="covA"/>) and N(<paramref name="meanB"/>, <paramref name="covB"/>).</summary>
    /// <exception cref="ArgumentException">The means are not [D] and the covariances not [D, D] for one D.</exception>
    public static double Compute(Tensor meanA, Tensor covA, Tensor meanB, Tensor covB)
    {
        ArgumentNullException.ThrowIfNull(meanA);
        ArgumentNullException.ThrowIfNull(covA);
        ArgumentNullException.ThrowIfNull(meanB);
        ArgumentNullException.ThrowIfNull(covB);
        long d = meanA.numel();
        if (meanA.dim() != 1 || meanB.dim() != 1 || meanB.numel() != d || !IsSquare(covA, d) || !IsSquare(covB, d))
            throw new ArgumentException($"a Gaussian is a mean [D] and a covariance [D, D], not [{string.Join(", ", meanA.shape)}] and " +
                $"[{string.Join(", ", covA.shape)}] against [{string.Join(", ", meanB.shape)}] and [{string.Join(", ", covB.shape)}]");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var ca = covA.to(ScalarType.Float64);
        var cb = covB.to(ScalarType.Float64);
        double meanTerm = meanA.to(ScalarType.Float64).sub(meanB.to(ScalarType.Float64)).square().sum().item<double>();
        var sqrtA = SymmetricSqrt(ca);
        var product = sqrtA.mm(cb).mm(sqrtA);
        var symmetric = product.add(product.t()).mul(0.5);
        double traceSqrt = linalg.eigh(symmetric).Item1.relu().sqrt().sum().item<double>();
        double traces = ca.trace().item<double>() + cb.trace().item<double>();
        return meanTerm + traces - 2 * traceSqrt;
    }

    /// <summary>The mean [D] and the unbiased covariance [D, D] of the rows of <paramref name="features"/> [N, D], in float64.</summary>
    public static (Tensor Mean, Tensor Covariance) MeanAndCovariance(Tensor features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.dim() != 2) throw new ArgumentException($"features must be [N, D], not [{string.Join(", ", features.shape)}]", nameof(features));
        using var scope = NewDisposeScope();
        var x = features.to(ScalarType.Float64);
        var mean = x.mean([0]);
        var centred = x.sub(mean);
        var cov = centred.t().mm(centred).div(features.size(0) - 1);
        return (mean.MoveToOuterDisposeScope(), cov.MoveToOuterDisposeScope());
    }

    private static bool IsSquare(Tensor matrix, long side) => matrix.dim() == 2 && matrix.size(0) == side && matrix.size(1) == side;

    private static Tensor SymmetricSqrt(Tensor m)
    {
        var (values, vectors) = linalg.eigh(m);
        return vectors.mul(values.relu().sqrt()).mm(vectors.t());
    }
}
