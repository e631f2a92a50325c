using Gan.Torch;
using Gan.Torch.Tests.Support;
using static Gan.Torch.Tests.Support.GradCase;

namespace Gan.Torch.Tests.Ops;

/// <summary>Autograd of elementwise functions, clamping, selection and matrix products against finite differences.</summary>
[TestClass]
public sealed class ElementwiseGradTests
{
    private static Tensor Condition() => Tensors.FromArray(new[] { true, false, false, true, true, false }, 2, 3);

    private static readonly Dictionary<string, GradCase> Cases = new()
    {
        ["Exp"] = Of(t => t[0].Exp(), N(2, 3)),
        ["Log"] = Of(t => t[0].Log(), Positive(2, 3)),
        ["Sqrt"] = Of(t => t[0].Sqrt(), Positive(2, 3)),
        ["Abs"] = Of(t => t[0].Abs(), AwayFromZero(2, 3)),
        ["Relu"] = Of(t => t[0].Relu(), AwayFromZero(2, 3)),
        ["Tanh"] = Of(t => t[0].Tanh(), N(2, 3)),
        ["Sigmoid"] = Of(t => t[0].Sigmoid(), N(2, 3)),
        ["Reciprocal"] = Of(t => t[0].Reciprocal(), AwayFromZero(2, 3)),
        ["Square"] = Of(t => t[0].Square(), N(2, 3)),
        ["Rsqrt"] = Of(t => t[0].Rsqrt(), Positive(2, 3)),
        ["Log1p"] = Of(t => t[0].Log1p(), Positive(2, 3)),
        ["Expm1"] = Of(t => t[0].Expm1(), N(2, 3)),
        ["Sin"] = Of(t => t[0].Sin(), N(2, 3)),
        ["Cos"] = Of(t => t[0].Cos(), N(2, 3)),
        ["Softplus"] = Of(t => t[0].Softplus(), N(2, 3)),
        ["Clamp"] = Of(t => t[0].Clamp(-0.5, 0.5), N(3, 4)),
        ["Clamp min"] = Of(t => t[0].Clamp(min: 0.1), N(3, 4)),
        ["Clamp max"] = Of(t => t[0].Clamp(max: -0.1), N(3, 4)),
        ["Where"] = Of(t => Tensors.Where(Condition(), t[0], t[1]), N(2, 3), N(2, 3)),
        ["Where broadcast"] = Of(t => Tensors.Where(Condition(), t[0], t[1]), N(2, 3), N(3)),
        ["Matmul vector·vector"] = Of(t => t[0].Matmul(t[1]), N(4), N(4)),
        ["Matmul matrix·vector"] = Of(t => t[0].Matmul(t[1]), N(3, 4), N(4)),
        ["Matmul vector·matrix"] = Of(t => t[0].Matmul(t[1]), N(3), N(3, 4)),
        ["Matmul matrix"] = Of(t => t[0].Matmul(t[1]), N(2, 3), N(3, 4)),
        ["Matmul batched"] = Of(t => t[0].Matmul(t[1]), N(2, 2, 3), N(2, 3, 2)),
        ["Matmul batched broadcast"] = Of(t => t[0].Matmul(t[1]), N(2, 2, 3), N(3, 2)),
        ["Addmm"] = Of(t => Tensors.Addmm(t[0], t[1], t[2]), N(2, 4), N(2, 3), N(3, 4)),
        ["Addmm beta alpha broadcast"] = Of(t => Tensors.Addmm(t[0], t[1], t[2], beta: 0.5, alpha: -2.0), N(4), N(2, 3), N(3, 4)),
        ["ExpInPlace"] = Of(t => t[0].Clone().ExpInPlace(), N(2, 3)),
        ["LogInPlace"] = Of(t => t[0].Clone().LogInPlace(), Positive(2, 3)),
        ["SqrtInPlace"] = Of(t => t[0].Clone().SqrtInPlace(), Positive(2, 3)),
        ["AbsInPlace"] = Of(t => t[0].Clone().AbsInPlace(), AwayFromZero(2, 3)),
        ["ReluInPlace"] = Of(t => t[0].Clone().ReluInPlace(), AwayFromZero(2, 3)),
        ["TanhInPlace"] = Of(t => t[0].Clone().TanhInPlace(), N(2, 3)),
        ["SigmoidInPlace"] = Of(t => t[0].Clone().SigmoidInPlace(), N(2, 3)),
        ["ClampInPlace"] = Of(t => t[0].Clone().ClampInPlace(-0.5, 0.5), N(3, 4)),
    };

    public static IEnumerable<object[]> Names => Rows(Cases);

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void GradientMatchesFiniteDifferences(string op) => Cases[op].Check(op);
}
