using Gan.Torch.Native;

namespace Gan.Torch;

// Broadcasting arithmetic and comparisons, with tensors and scalars, out of place and in place.
public partial class Tensor
{
    private Tensor Binary(BinaryOp op, Tensor other, Scalar alpha) =>
        Wrap(NativeMethods.gan_binary((int)op, Handle, other.Handle, alpha.Native, out var r), r);

    private Tensor Binary(BinaryOp op, Scalar other, Scalar alpha) =>
        Wrap(NativeMethods.gan_binary_scalar((int)op, Handle, other.Native, alpha.Native, out var r), r);

    private Tensor BinaryInPlace(BinaryOp op, Tensor other, Scalar alpha)
    {
        Status.Check(NativeMethods.gan_binary_((int)op, Handle, other.Handle, alpha.Native));
        return this;
    }

    private Tensor BinaryInPlace(BinaryOp op, Scalar other, Scalar alpha)
    {
        Status.Check(NativeMethods.gan_binary_scalar_((int)op, Handle, other.Native, alpha.Native));
        return this;
    }

    /// <summary>this + alpha × other, broadcasting.</summary>
    public Tensor Add(Tensor other, Scalar? alpha = null) => Binary(BinaryOp.Add, other, alpha ?? One);
    /// <summary>this + alpha × other.</summary>
    public Tensor Add(Scalar other, Scalar? alpha = null) => Binary(BinaryOp.Add, other, alpha ?? One);
    /// <summary>this − alpha × other, broadcasting.</summary>
    public Tensor Sub(Tensor other, Scalar? alpha = null) => Binary(BinaryOp.Sub, other, alpha ?? One);
    /// <summary>this − alpha × other.</summary>
    public Tensor Sub(Scalar other, Scalar? alpha = null) => Binary(BinaryOp.Sub, other, alpha ?? One);
    /// <summary>Elementwise product, broadcasting.</summary>
    public Tensor Mul(Tensor other) => Binary(BinaryOp.Mul, other, One);
    /// <summary>Product with a scalar.</summary>
    public Tensor Mul(Scalar other) => Binary(BinaryOp.Mul, other, One);
    /// <summary>Elementwise true division, broadcasting (integers divide to float).</summary>
    public Tensor Div(Tensor other) => Binary(BinaryOp.Div, other, One);
    /// <summary>Division by a scalar.</summary>
    public Tensor Div(Scalar other) => Binary(BinaryOp.Div, other, One);
    /// <summary>Elementwise power, broadcasting.</summary>
    public Tensor Pow(Tensor exponent) => Binary(BinaryOp.Pow, exponent, One);
    /// <summary>Power with a scalar exponent.</summary>
    public Tensor Pow(Scalar exponent) => Binary(BinaryOp.Pow, exponent, One);
    /// <summary>Elementwise maximum, broadcasting.</summary>
    public Tensor Maximum(Tensor other) => Binary(BinaryOp.Maximum, other, One);
    /// <summary>Elementwise minimum, broadcasting.</summary>
    public Tensor Minimum(Tensor other) => Binary(BinaryOp.Minimum, other, One);
    /// <summary>Python-style remainder (same sign as the divisor).</summary>
    public Tensor Remainder(Tensor other) => Binary(BinaryOp.Remainder, other, One);
    /// <summary>Python-style remainder by a scalar.</summary>
    public Tensor Remainder(Scalar other) => Binary(BinaryOp.Remainder, other, One);
    /// <summary>other − alpha × this.</summary>
    public Tensor ReverseSub(Scalar other, Scalar? alpha = null) => Binary(BinaryOp.ReverseSub, other, alpha ?? One);

    /// <summary>Elementwise ==, as a Bool tensor.</summary>
    public Tensor Eq(Tensor other) => Binary(BinaryOp.Eq, other, One);
    /// <summary>Elementwise == scalar.</summary>
    public Tensor Eq(Scalar other) => Binary(BinaryOp.Eq, other, One);
    /// <summary>Elementwise !=.</summary>
    public Tensor Ne(Tensor other) => Binary(BinaryOp.Ne, other, One);
    /// <summary>Elementwise != scalar.</summary>
    public Tensor Ne(Scalar other) => Binary(BinaryOp.Ne, other, One);
    /// <summary>Elementwise &lt;.</summary>
    public Tensor Lt(Tensor other) => Binary(BinaryOp.Lt, other, One);
    /// <summary>Elementwise &lt; scalar.</summary>
    public Tensor Lt(Scalar other) => Binary(BinaryOp.Lt, other, One);
    /// <summary>Elementwise &lt;=.</summary>
    public Tensor Le(Tensor other) => Binary(BinaryOp.Le, other, One);
    /// <summary>Elementwise &lt;= scalar.</summary>
    public Tensor Le(Scalar other) => Binary(BinaryOp.Le, other, One);
    /// <summary>Elementwise &gt;.</summary>
    public Tensor Gt(Tensor other) => Binary(BinaryOp.Gt, other, One);
    /// <summary>Elementwise &gt; scalar.</summary>
    public Tensor Gt(Scalar other) => Binary(BinaryOp.Gt, other, One);
    /// <summary>Elementwise &gt;=.</summary>
    public Tensor Ge(Tensor other) => Binary(BinaryOp.Ge, other, One);
    /// <summary>Elementwise &gt;= scalar.</summary>
    public Tensor Ge(Scalar other) => Binary(BinaryOp.Ge, other, One);
    /// <summary>Elementwise logical and.</summary>
    public Tensor LogicalAnd(Tensor other) => Binary(BinaryOp.LogicalAnd, other, One);
    /// <summary>Elementwise logical or.</summary>
    public Tensor LogicalOr(Tensor other) => Binary(BinaryOp.LogicalOr, other, One);

    /// <summary>In place: this += alpha × other.</summary>
    public Tensor AddInPlace(Tensor other, Scalar? alpha = null) => BinaryInPlace(BinaryOp.Add, other, alpha ?? One);
    /// <summary>In place: this += alpha × other.</summary>
    public Tensor AddInPlace(Scalar other, Scalar? alpha = null) => BinaryInPlace(BinaryOp.Add, other, alpha ?? One);
    /// <summary>In place: this −= alpha × other.</summary>
    public Tensor SubInPlace(Tensor other, Scalar? alpha = null) => BinaryInPlace(BinaryOp.Sub, other, alpha ?? One);
    /// <summary>In place: this −= alpha × other.</summary>
    public Tensor SubInPlace(Scalar other, Scalar? alpha = null) => BinaryInPlace(BinaryOp.Sub, other, alpha ?? One);
    /// <summary>In place: this ×= other.</summary>
    public Tensor MulInPlace(Tensor other) => BinaryInPlace(BinaryOp.Mul, other, One);
    /// <summary>In place: this ×= other.</summary>
    public Tensor MulInPlace(Scalar other) => BinaryInPlace(BinaryOp.Mul, other, One);
    /// <summary>In place: this ÷= other.</summary>
    public Tensor DivInPlace(Tensor other) => BinaryInPlace(BinaryOp.Div, other, One);
    /// <summary>In place: this ÷= other.</summary>
    public Tensor DivInPlace(Scalar other) => BinaryInPlace(BinaryOp.Div, other, One);
    /// <summary>In place: this = this ^ exponent.</summary>
    public Tensor PowInPlace(Scalar exponent) => BinaryInPlace(BinaryOp.Pow, exponent, One);

    /// <summary>Sum, broadcasting.</summary>
    public static Tensor operator +(Tensor a, Tensor b) => a.Add(b);
    /// <summary>Sum with a scalar.</summary>
    public static Tensor operator +(Tensor a, double b) => a.Add(b);
    /// <summary>Sum with a scalar.</summary>
    public static Tensor operator +(double a, Tensor b) => b.Add(a);
    /// <summary>Difference, broadcasting.</summary>
    public static Tensor operator -(Tensor a, Tensor b) => a.Sub(b);
    /// <summary>Difference with a scalar.</summary>
    public static Tensor operator -(Tensor a, double b) => a.Sub(b);
    /// <summary>Scalar minus tensor.</summary>
    public static Tensor operator -(double a, Tensor b) => b.ReverseSub(a);
    /// <summary>Elementwise product, broadcasting.</summary>
    public static Tensor operator *(Tensor a, Tensor b) => a.Mul(b);
    /// <summary>Product with a scalar.</summary>
    public static Tensor operator *(Tensor a, double b) => a.Mul(b);
    /// <summary>Product with a scalar.</summary>
    public static Tensor operator *(double a, Tensor b) => b.Mul(a);
    /// <summary>Elementwise quotient, broadcasting.</summary>
    public static Tensor operator /(Tensor a, Tensor b) => a.Div(b);
    /// <summary>Quotient by a scalar.</summary>
    public static Tensor operator /(Tensor a, double b) => a.Div(b);
    /// <summary>Scalar divided by tensor.</summary>
    public static Tensor operator /(double a, Tensor b)
    {
        using var reciprocal = b.Reciprocal();
        return reciprocal.Mul(a);
    }
    /// <summary>Negation.</summary>
    public static Tensor operator -(Tensor a) => a.Neg();
}
