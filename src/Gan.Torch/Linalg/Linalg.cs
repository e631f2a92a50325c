using Gan.Torch.Native;

namespace Gan.Torch;

/// <summary>Linear algebra (PyTorch's torch.linalg).</summary>
public static class Linalg
{
    /// <summary>
    /// Eigen-decomposition of a symmetric matrix (or batch [..., n, n]); only the lower triangle is read.
    /// Returns the eigenvalues [..., n] in ascending order and the matching eigenvectors as the columns of [..., n, n],
    /// so that a = V diag(λ) Vᵀ.
    /// </summary>
    public static (Tensor Eigenvalues, Tensor Eigenvectors) Eigh(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        Status.Check(NativeMethods.gan_linalg_eigh(a.Handle, out var values, out var vectors));
        return (new Tensor(values), new Tensor(vectors));
    }
}
