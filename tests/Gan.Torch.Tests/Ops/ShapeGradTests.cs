using Gan.Torch;
using Gan.Torch.Tests.Support;
using static Gan.Torch.Tests.Support.GradCase;

namespace Gan.Torch.Tests.Ops;

/// <summary>Autograd of views, reshaping, joining and reordering against finite differences.</summary>
[TestClass]
public sealed class ShapeGradTests
{
    private static readonly Dictionary<string, GradCase> Cases = new()
    {
        ["View"] = Of(t => t[0].View(3, -1), N(2, 3, 2)),
        ["Reshape of a non-contiguous view"] = Of(t => t[0].T.Reshape(6), N(2, 3)),
        ["Expand"] = Of(t => t[0].Expand(2, 3), N(1, 3)),
        ["Expand new leading dim"] = Of(t => t[0].Expand(4, 2, 3), N(2, 1)),
        ["Permute"] = Of(t => t[0].Permute(2, 0, 1), N(2, 3, 4)),
        ["Flatten"] = Of(t => t[0].Flatten(), N(2, 3, 2)),
        ["Flatten range"] = Of(t => t[0].Flatten(1, 2), N(2, 3, 2, 1)),
        ["Transpose"] = Of(t => t[0].Transpose(0, 2), N(2, 3, 4)),
        ["T"] = Of(t => t[0].T, N(2, 3)),
        ["Unsqueeze"] = Of(t => t[0].Unsqueeze(-1), N(2, 3)),
        ["Squeeze"] = Of(t => t[0].Squeeze(), N(2, 1, 3, 1)),
        ["Squeeze dim"] = Of(t => t[0].Squeeze(1), N(2, 1, 3, 1)),
        ["Cat dim 0"] = Of(t => Tensors.Cat([t[0], t[1]]), N(2, 3), N(1, 3)),
        ["Cat dim 1 of three"] = Of(t => Tensors.Cat([t[0], t[1], t[2]], 1), N(2, 1), N(2, 3), N(2, 2)),
        ["Stack dim 0"] = Of(t => Tensors.Stack([t[0], t[1]]), N(2, 3), N(2, 3)),
        ["Stack dim -1"] = Of(t => Tensors.Stack([t[0], t[1]], -1), N(2, 3), N(2, 3)),
        ["Flip"] = Of(t => t[0].Flip(0, 2), N(2, 3, 2)),
        ["Rot90"] = Of(t => t[0].Rot90(), N(2, 3)),
        ["Rot90 k=2"] = Of(t => t[0].Rot90(2), N(2, 3)),
        ["Rot90 k=-1 dims 1,2"] = Of(t => t[0].Rot90(-1, 1, 2), N(2, 3, 4)),
        ["Repeat"] = Of(t => t[0].Repeat(2, 1, 3), N(2, 2)),
        ["Clone"] = Of(t => t[0].Clone(), N(2, 3)),
        ["Contiguous"] = Of(t => t[0].T.Contiguous(), N(2, 3)),
        ["Alias"] = Of(t => t[0].Alias(), N(2, 3)),
        ["To Float64 copy"] = Of(t => t[0].To(DType.Float64, copy: true), N(2, 3)),
    };

    public static IEnumerable<object[]> Names => Rows(Cases);

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void GradientMatchesFiniteDifferences(string op) => Cases[op].Check(op);
}
