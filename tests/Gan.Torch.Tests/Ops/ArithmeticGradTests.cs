using Gan.Torch;
using Gan.Torch.Tests.Support;
using static Gan.Torch.Tests.Support.GradCase;

namespace Gan.Torch.Tests.Ops;

/// <summary>Autograd of the broadcasting arithmetic ops (out of place and in place) against finite differences.</summary>
[TestClass]
public sealed class ArithmeticGradTests
{
    private static readonly Dictionary<string, GradCase> Cases = new()
    {
        ["Add"] = Of(t => t[0].Add(t[1]), N(2, 3), N(2, 3)),
        ["Add alpha"] = Of(t => t[0].Add(t[1], 2.5), N(2, 3), N(2, 3)),
        ["Add broadcast row"] = Of(t => t[0] + t[1], N(2, 3), N(3)),
        ["Add broadcast both"] = Of(t => t[0] + t[1], N(2, 1), N(1, 3)),
        ["Add scalar"] = Of(t => t[0] + 1.5, N(2, 3)),
        ["Add scalar alpha"] = Of(t => t[0].Add(1.5, 3), N(2, 3)),
        ["Sub"] = Of(t => t[0] - t[1], N(2, 3), N(2, 3)),
        ["Sub alpha broadcast"] = Of(t => t[0].Sub(t[1], -0.5), N(2, 3), N(3)),
        ["Sub scalar"] = Of(t => t[0] - 0.25, N(2, 3)),
        ["Sub scalar alpha"] = Of(t => t[0].Sub(0.25, 2.0), N(2, 3)),
        ["ReverseSub"] = Of(t => 2.0 - t[0], N(2, 3)),
        ["Mul"] = Of(t => t[0] * t[1], N(2, 3), N(2, 3)),
        ["Mul broadcast"] = Of(t => t[0] * t[1], N(2, 1, 3), N(4, 1)),
        ["Mul scalar"] = Of(t => 1.7 * t[0], N(2, 3)),
        ["Div"] = Of(t => t[0] / t[1], N(2, 3), AwayFromZero(2, 3)),
        ["Div broadcast"] = Of(t => t[0] / t[1], N(2, 3), AwayFromZero(2, 1)),
        ["Div scalar"] = Of(t => t[0] / 3.0, N(2, 3)),
        ["Scalar divided by tensor"] = Of(t => 2.0 / t[0], AwayFromZero(2, 3)),
        ["Pow tensor exponent"] = Of(t => t[0].Pow(t[1]), Positive(2, 3), N(2, 3)),
        ["Pow broadcast exponent"] = Of(t => t[0].Pow(t[1]), Positive(2, 3), N(3)),
        ["Pow scalar exponent"] = Of(t => t[0].Pow(2.5), Positive(2, 3)),
        ["Pow integer exponent"] = Of(t => t[0].Pow(3), N(2, 3)),
        ["Maximum"] = Of(t => t[0].Maximum(t[1]), N(2, 3), N(2, 3)),
        ["Minimum"] = Of(t => t[0].Minimum(t[1]), N(2, 3), N(2, 3)),
        ["Maximum broadcast"] = Of(t => t[0].Maximum(t[1]), N(2, 3), N(3)),
        ["Neg"] = Of(t => -t[0], N(2, 3)),
        ["AddInPlace"] = Of(t => t[0].Clone().AddInPlace(t[1]), N(2, 3), N(2, 3)),
        ["AddInPlace alpha broadcast"] = Of(t => t[0].Clone().AddInPlace(t[1], 0.3), N(2, 3), N(3)),
        ["AddInPlace scalar"] = Of(t => t[0].Clone().AddInPlace(4.0), N(2, 3)),
        ["SubInPlace"] = Of(t => t[0].Clone().SubInPlace(t[1], 2), N(2, 3), N(2, 3)),
        ["SubInPlace scalar"] = Of(t => t[0].Clone().SubInPlace(1.5), N(2, 3)),
        ["MulInPlace"] = Of(t => t[0].Clone().MulInPlace(t[1]), N(2, 3), N(2, 3)),
        ["MulInPlace scalar"] = Of(t => t[0].Clone().MulInPlace(-2.0), N(2, 3)),
        ["DivInPlace"] = Of(t => t[0].Clone().DivInPlace(t[1]), N(2, 3), AwayFromZero(2, 3)),
        ["DivInPlace scalar"] = Of(t => t[0].Clone().DivInPlace(0.5), N(2, 3)),
        ["PowInPlace"] = Of(t => t[0].Clone().PowInPlace(1.5), Positive(2, 3)),
        ["LerpInPlace"] = Of(t => t[0].Clone().LerpInPlace(t[1], 0.3), N(2, 3), N(2, 3)),
        ["NegInPlace"] = Of(t => t[0].Clone().NegInPlace(), N(2, 3)),
    };

    public static IEnumerable<object[]> Names => Rows(Cases);

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void GradientMatchesFiniteDifferences(string op) => Cases[op].Check(op);
}
