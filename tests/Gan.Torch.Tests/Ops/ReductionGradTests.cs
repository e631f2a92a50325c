using Gan.Torch;
using Gan.Torch.Tests.Support;
using static Gan.Torch.Tests.Support.GradCase;

namespace Gan.Torch.Tests.Ops;

/// <summary>Autograd of reductions (over everything and over dimensions, with keepDim) against finite differences.</summary>
[TestClass]
public sealed class ReductionGradTests
{
    private static readonly Dictionary<string, GradCase> Cases = new()
    {
        ["Sum"] = Of(t => t[0].Sum(), N(2, 3)),
        ["Sum dim"] = Of(t => t[0].Sum(1), N(2, 3, 2)),
        ["Sum dims keepDim"] = Of(t => t[0].Sum([0, 2], keepDim: true), N(2, 3, 2)),
        ["Mean"] = Of(t => t[0].Mean(), N(2, 3)),
        ["Mean dim"] = Of(t => t[0].Mean(-1), N(2, 3, 2)),
        ["Mean dims keepDim"] = Of(t => t[0].Mean([0, 1], keepDim: true), N(2, 3, 2)),
        ["Prod"] = Of(t => t[0].Prod(), AwayFromZero(2, 3)),
        ["Prod dim keepDim"] = Of(t => t[0].Prod(1, keepDim: true), AwayFromZero(2, 3)),
        ["Std"] = Of(t => t[0].Std(), N(2, 3)),
        ["Std dims keepDim"] = Of(t => t[0].Std([1], keepDim: true), N(2, 3, 2)),
        ["Var"] = Of(t => t[0].Var(), N(2, 3)),
        ["Var dims"] = Of(t => t[0].Var([0, 2]), N(2, 3, 2)),
        ["Norm"] = Of(t => t[0].Norm(), N(2, 3)),
        ["Norm dims keepDim"] = Of(t => t[0].Norm([2], keepDim: true), N(2, 3, 2)),
        ["LogSumExp"] = Of(t => t[0].LogSumExp(), N(2, 3)),
        ["LogSumExp dim keepDim"] = Of(t => t[0].LogSumExp(1, keepDim: true), N(2, 3, 2)),
        ["Max"] = Of(t => t[0].Max(), N(2, 3)),
        ["Min"] = Of(t => t[0].Min(), N(2, 3)),
        ["Amax dims keepDim"] = Of(t => t[0].Amax([0, 2], keepDim: true), N(2, 3, 2)),
        ["Amin dims"] = Of(t => t[0].Amin([1]), N(2, 3, 2)),
        ["Max(dim) values"] = Of(t => t[0].Max(1).Values, N(2, 3, 2)),
        ["Min(dim) values keepDim"] = Of(t => t[0].Min(0, keepDim: true).Values, N(2, 3, 2)),
        ["CumSum dim 0"] = Of(t => t[0].CumSum(0), N(3, 2)),
        ["CumSum dim -1"] = Of(t => t[0].CumSum(-1), N(2, 4)),
    };

    public static IEnumerable<object[]> Names => Rows(Cases);

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void GradientMatchesFiniteDifferences(string op) => Cases[op].Check(op);
}
