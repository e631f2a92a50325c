using Gan.Torch;
using Gan.Torch.NN;
using Gan.Torch.Tests.Support;
using static Gan.Torch.Tests.Support.GradCase;
using F = Gan.Torch.NN.Functional;

namespace Gan.Torch.Tests.Ops;

/// <summary>
/// Second derivatives: the gradient of each op, built with createGraph, is itself checked against finite
/// differences (WGAN-GP's gradient penalty backpropagates through gradients of the critic).
/// </summary>
[TestClass]
public sealed class DoubleBackwardTests
{
    private static readonly Dictionary<string, GradCase> Cases = new()
    {
        ["Mul"] = Of(GradientOf(t => t[0] * t[1]), N(2, 3), N(2, 3)),
        ["Div"] = Of(GradientOf(t => t[0] / t[1]), N(2, 3), AwayFromZero(2, 3)),
        ["Pow"] = Of(GradientOf(t => t[0].Pow(t[1])), Positive(2, 3), N(2, 3)),
        ["Exp"] = Of(GradientOf(t => t[0].Exp()), N(2, 3)),
        ["Log"] = Of(GradientOf(t => t[0].Log()), Positive(2, 3)),
        ["Sqrt"] = Of(GradientOf(t => t[0].Sqrt()), Positive(2, 3)),
        ["Tanh"] = Of(GradientOf(t => t[0].Tanh()), N(2, 3)),
        ["Sigmoid"] = Of(GradientOf(t => t[0].Sigmoid()), N(2, 3)),
        ["Softplus"] = Of(GradientOf(t => t[0].Softplus()), N(2, 3)),
        ["Matmul"] = Of(GradientOf(t => t[0].Matmul(t[1])), N(2, 3), N(3, 2)),
        ["Norm"] = Of(GradientOf(t => t[0].Norm([1])), N(3, 4)),
        ["Std"] = Of(GradientOf(t => t[0].Std()), N(2, 3)),
        ["Mean dims"] = Of(GradientOf(t => t[0].Mean([0]).Exp()), N(2, 3)),
        ["LogSumExp"] = Of(GradientOf(t => t[0].LogSumExp(1)), N(2, 3)),
        ["Linear"] = Of(GradientOf(t => F.Linear(t[0], t[1], t[2]).Tanh()), N(3, 4), N(2, 4), N(2)),
        ["LeakyRelu"] = Of(GradientOf(t => F.LeakyRelu(t[0], 0.2)), AwayFromZero(2, 3)),
        ["Gelu"] = Of(GradientOf(t => F.Gelu(t[0])), N(2, 3)),
        ["Conv2d"] = Of(GradientOf(t => F.Conv2d(t[0], t[1], t[2], stride: 2, padding: 1)), N(1, 2, 4, 4), N(2, 2, 3, 3), N(2)),
        ["ConvTranspose2d"] = Of(GradientOf(t => F.ConvTranspose2d(t[0], t[1], stride: 2, padding: 1, outputPadding: 1)), N(1, 2, 2, 2), N(2, 1, 3, 3)),
        ["BatchNorm training"] = Of(GradientOf(t => F.BatchNorm(t[0], null, null, t[1], t[2], training: true)), N(3, 2, 2), N(2), N(2)),
        ["AvgPool2d"] = Of(GradientOf(t => F.AvgPool2d(t[0], 2)), N(1, 1, 4, 4)),
        ["MaxPool2d"] = Of(GradientOf(t => F.MaxPool2d(t[0], 2)), N(1, 1, 4, 4)),
        ["Interpolate bilinear"] = Of(GradientOf(t => F.Interpolate(t[0], (5, 5), InterpolationMode.Bilinear)), N(1, 1, 3, 3)),
        ["Softmax"] = Of(GradientOf(t => F.Softmax(t[0], 1)), N(2, 4)),
        ["LogSoftmax"] = Of(GradientOf(t => F.LogSoftmax(t[0], 1)), N(2, 4)),
        ["BinaryCrossEntropyWithLogits"] = Of(GradientOf(t => F.BinaryCrossEntropyWithLogits(t[0], Tensors.Full([2, 3], 0.3, DType.Float64))), N(2, 3)),
    };

    public static IEnumerable<object[]> Names => Rows(Cases);

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void GradientOfGradientMatchesFiniteDifferences(string op) => Cases[op].Check(op);
}
