using Gan.Torch.Native;

namespace Gan.Torch;

// Elementwise functions, clamping, selection and matrix products.
public partial class Tensor
{
    private Tensor Unary(UnaryOp op) => Wrap(NativeMethods.gan_unary((int)op, Handle, out var r), r);

    private Tensor UnaryInPlace(UnaryOp op)
    {
        Status.Check(NativeMethods.gan_unary_((int)op, Handle));
        return this;
    }

    /// <summary>−x.</summary>
    public Tensor Neg() => Unary(UnaryOp.Neg);
    /// <summary>eˣ.</summary>
    public Tensor Exp() => Unary(UnaryOp.Exp);
    /// <summary>Natural logarithm.</summary>
    public Tensor Log() => Unary(UnaryOp.Log);
    /// <summary>Square root.</summary>
    public Tensor Sqrt() => Unary(UnaryOp.Sqrt);
    /// <summary>Absolute value.</summary>
    public Tensor Abs() => Unary(UnaryOp.Abs);
    /// <summary>max(x, 0).</summary>
    public Tensor Relu() => Unary(UnaryOp.Relu);
    /// <summary>Hyperbolic tangent.</summary>
    public Tensor Tanh() => Unary(UnaryOp.Tanh);
    /// <summary>Logistic sigmoid 1 / (1 + e⁻ˣ).</summary>
    public Tensor Sigmoid() => Unary(UnaryOp.Sigmoid);
    /// <summary>Sign (−1, 0 or 1).</summary>
    public Tensor Sign() => Unary(UnaryOp.Sign);
    /// <summary>Round down.</summary>
    public Tensor Floor() => Unary(UnaryOp.Floor);
    /// <summary>Round up.</summary>
    public Tensor Ceil() => Unary(UnaryOp.Ceil);
    /// <summary>Round half to even.</summary>
    public Tensor Round() => Unary(UnaryOp.Round);
    /// <summary>1 / x.</summary>
    public Tensor Reciprocal() => Unary(UnaryOp.Reciprocal);
    /// <summary>x².</summary>
    public Tensor Square() => Unary(UnaryOp.Square);
    /// <summary>1 / √x.</summary>
    public Tensor Rsqrt() => Unary(UnaryOp.Rsqrt);
    /// <summary>ln(1 + x).</summary>
    public Tensor Log1p() => Unary(UnaryOp.Log1p);
    /// <summary>eˣ − 1.</summary>
    public Tensor Expm1() => Unary(UnaryOp.Expm1);
    /// <summary>Sine.</summary>
    public Tensor Sin() => Unary(UnaryOp.Sin);
    /// <summary>Cosine.</summary>
    public Tensor Cos() => Unary(UnaryOp.Cos);
    /// <summary>ln(1 + eˣ).</summary>
    public Tensor Softplus() => Unary(UnaryOp.Softplus);
    /// <summary>Elementwise logical not, as a Bool tensor.</summary>
    public Tensor LogicalNot() => Unary(UnaryOp.LogicalNot);
    /// <summary>True where the element is NaN.</summary>
    public Tensor IsNaN() => Unary(UnaryOp.IsNaN);
    /// <summary>True where the element is ±∞.</summary>
    public Tensor IsInf() => Unary(UnaryOp.IsInf);

    /// <summary>In place −x.</summary>
    public Tensor NegInPlace() => UnaryInPlace(UnaryOp.Neg);
    /// <summary>In place eˣ.</summary>
    public Tensor ExpInPlace() => UnaryInPlace(UnaryOp.Exp);
    /// <summary>In place ln x.</summary>
    public Tensor LogInPlace() => UnaryInPlace(UnaryOp.Log);
    /// <summary>In place √x.</summary>
    public Tensor SqrtInPlace() => UnaryInPlace(UnaryOp.Sqrt);
    /// <summary>In place |x|.</summary>
    public Tensor AbsInPlace() => UnaryInPlace(UnaryOp.Abs);
    /// <summary>In place max(x, 0).</summary>
    public Tensor ReluInPlace() => UnaryInPlace(UnaryOp.Relu);
    /// <summary>In place tanh.</summary>
    public Tensor TanhInPlace() => UnaryInPlace(UnaryOp.Tanh);
    /// <summary>In place sigmoid.</summary>
    public Tensor SigmoidInPlace() => UnaryInPlace(UnaryOp.Sigmoid);

    /// <summary>Limits every element to [min, max]; a null bound is open.</summary>
    public unsafe Tensor Clamp(Scalar? min = null, Scalar? max = null)
    {
        var lo = min?.Native ?? default;
        var hi = max?.Native ?? default;
        return Wrap(NativeMethods.gan_clamp(Handle, min.HasValue ? &lo : null, max.HasValue ? &hi : null, out var r), r);
    }

    /// <summary>In place <see cref="Clamp"/>.</summary>
    public unsafe Tensor ClampInPlace(Scalar? min = null, Scalar? max = null)
    {
        var lo = min?.Native ?? default;
        var hi = max?.Native ?? default;
        Status.Check(NativeMethods.gan_clamp_(Handle, min.HasValue ? &lo : null, max.HasValue ? &hi : null));
        return this;
    }

    /// <summary>Matrix product with numpy/PyTorch broadcasting semantics (vector, matrix and batched).</summary>
    public Tensor Matmul(Tensor other) => Wrap(NativeMethods.gan_matmul(Handle, other.Handle, out var r), r);

    /// <summary>In place: this += weight × (end − this).</summary>
    public Tensor LerpInPlace(Tensor end, Scalar weight)
    {
        Status.Check(NativeMethods.gan_lerp_(Handle, end.Handle, weight.Native));
        return this;
    }

    /// <summary>True when |this − other| ≤ atol + rtol × |other| everywhere (shapes must broadcast).</summary>
    public bool AllClose(Tensor other, double rtol = 1e-5, double atol = 1e-8)
    {
        Status.Check(NativeMethods.gan_allclose(Handle, other.Handle, rtol, atol, out int r));
        return r != 0;
    }

    /// <summary>True when both tensors have the same shape and exactly equal elements.</summary>
    public bool ValueEquals(Tensor other)
    {
        Status.Check(NativeMethods.gan_equal(Handle, other.Handle, out int r));
        return r != 0;
    }
}
