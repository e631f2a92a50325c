using Gan.Torch;
using Gan.Torch.NN;
using Gan.Torch.Tests.Support;
using static Gan.Torch.Tests.Support.GradCase;
using F = Gan.Torch.NN.Functional;

namespace Gan.Torch.Tests.Ops;

/// <summary>Autograd of the neural-network functions (every differentiable input) against finite differences.</summary>
[TestClass]
public sealed class FunctionalGradTests
{
    private static Tensor Labels(params long[] values) => Tensors.FromArray(values);

    // Loss targets are data: made without gradients, from a seed of their own.
    private static Tensor Probabilities(params long[] shape)
    {
        using var g = new Generator(7);
        return Tensors.Rand(shape, DType.Float64, generator: g);
    }

    private static Tensor Targets(params long[] shape)
    {
        using var g = new Generator(8);
        return Tensors.Randn(shape, DType.Float64, generator: g);
    }

    private static Tensor PositiveWeights(long n) => Probabilities(n).Add(0.5);

    // A fresh generator per evaluation keeps the mask the same for every finite-difference step.
    private static Tensor SeededDropout(Tensor x)
    {
        using var g = new Generator(3);
        return F.Dropout(x, 0.4, generator: g);
    }

    private static readonly Dictionary<string, GradCase> Cases = BuildCases();

    private static Dictionary<string, GradCase> BuildCases()
    {
        var cases = new Dictionary<string, GradCase>
        {
            ["Linear"] = Of(t => F.Linear(t[0], t[1], t[2]), N(3, 4), N(2, 4), N(2)),
            ["Linear without bias, 3-D input"] = Of(t => F.Linear(t[0], t[1]), N(2, 2, 3), N(4, 3)),
            ["Conv2d"] = Of(t => F.Conv2d(t[0], t[1], t[2]), N(1, 2, 4, 4), N(3, 2, 3, 3), N(3)),
            ["Conv2d stride 2 padding 1"] = Of(t => F.Conv2d(t[0], t[1], t[2], stride: 2, padding: 1), N(2, 2, 5, 5), N(2, 2, 3, 3), N(2)),
            ["Conv2d dilation 2"] = Of(t => F.Conv2d(t[0], t[1], dilation: 2, padding: 1), N(1, 1, 5, 5), N(2, 1, 3, 3)),
            ["Conv2d groups 2"] = Of(t => F.Conv2d(t[0], t[1], t[2], padding: 1, groups: 2), N(1, 4, 3, 3), N(4, 2, 3, 3), N(4)),
            ["Conv2d asymmetric"] = Of(t => F.Conv2d(t[0], t[1], null, (2, 1), (1, 0), (1, 2)), N(1, 2, 5, 5), N(2, 2, 3, 2)),
            ["ConvTranspose2d"] = Of(t => F.ConvTranspose2d(t[0], t[1], t[2]), N(1, 2, 3, 3), N(2, 3, 3, 3), N(3)),
            ["ConvTranspose2d stride padding outputPadding"] =
                Of(t => F.ConvTranspose2d(t[0], t[1], t[2], stride: 2, padding: 1, outputPadding: 1), N(1, 2, 3, 3), N(2, 2, 3, 3), N(2)),
            ["ConvTranspose2d groups dilation"] = Of(t => F.ConvTranspose2d(t[0], t[1], groups: 2, dilation: 2), N(1, 4, 3, 3), N(4, 1, 2, 2)),
            ["BatchNorm training"] = Of(t => F.BatchNorm(t[0], null, null, t[1], t[2], training: true), N(3, 2, 2, 2), N(2), N(2)),
            ["BatchNorm training updating running stats"] = Of(t => F.BatchNorm(t[0], Tensors.Zeros([2], DType.Float64),
                Tensors.Ones([2], DType.Float64), t[1], t[2], training: true), N(4, 2, 3), N(2), N(2)),
            ["BatchNorm eval"] = Of(t => F.BatchNorm(t[0], Targets(2), Probabilities(2).Add(0.5), t[1], t[2]), N(3, 2, 2), N(2), N(2)),
            ["Dropout p=0"] = Of(t => F.Dropout(t[0], 0), N(2, 3)),
            ["Dropout with a generator"] = Of(t => SeededDropout(t[0]), N(3, 4)),
            ["Embedding"] = Of(t => F.Embedding(Tensors.FromArray(new[] { 1L, 4L, 1L, 0L }, 2, 2), t[0]), N(5, 3)),
            ["PixelShuffle"] = Of(t => F.PixelShuffle(t[0], 2), N(1, 8, 2, 2)),
            ["PixelUnshuffle"] = Of(t => F.PixelUnshuffle(t[0], 2), N(1, 2, 4, 2)),
            ["Interpolate nearest"] = Of(t => F.Interpolate(t[0], (5, 3)), N(1, 2, 3, 2)),
            ["Interpolate bilinear"] = Of(t => F.Interpolate(t[0], (5, 4), InterpolationMode.Bilinear), N(1, 2, 3, 3)),
            ["Interpolate bilinear alignCorners"] = Of(t => F.Interpolate(t[0], (5, 4), InterpolationMode.Bilinear, alignCorners: true), N(1, 1, 3, 3)),
            ["Interpolate bicubic"] = Of(t => F.Interpolate(t[0], (5, 4), InterpolationMode.Bicubic), N(1, 1, 3, 3)),
            ["Interpolate bicubic alignCorners"] = Of(t => F.Interpolate(t[0], 2.0, InterpolationMode.Bicubic, alignCorners: true), N(1, 1, 3, 3)),
            ["Interpolate bilinear antialias"] = Of(t => F.Interpolate(t[0], (2, 3), InterpolationMode.Bilinear, antialias: true), N(1, 1, 6, 7)),
            ["Interpolate bicubic antialias"] = Of(t => F.Interpolate(t[0], 0.5, InterpolationMode.Bicubic, antialias: true), N(1, 1, 6, 6)),
            ["AvgPool2d"] = Of(t => F.AvgPool2d(t[0], 2), N(1, 2, 4, 4)),
            ["AvgPool2d stride padding ceil excludePad"] =
                Of(t => F.AvgPool2d(t[0], 3, stride: 2, padding: 1, ceilMode: true, countIncludePad: false), N(1, 1, 5, 5)),
            ["MaxPool2d"] = Of(t => F.MaxPool2d(t[0], 2), N(1, 2, 4, 4)),
            ["MaxPool2d stride padding"] = Of(t => F.MaxPool2d(t[0], 3, stride: 2, padding: 1), N(1, 1, 5, 5)),
            ["AdaptiveAvgPool2d"] = Of(t => F.AdaptiveAvgPool2d(t[0], (2, 3)), N(1, 2, 5, 4)),
            ["Pad constant"] = Of(t => F.Pad(t[0], [1, 2, 0, 1], PaddingMode.Constant, 0.5), N(1, 2, 2, 3)),
            ["Pad reflect"] = Of(t => F.Pad(t[0], [2, 1, 1, 2], PaddingMode.Reflect), N(1, 2, 3, 3)),
            ["Pad replicate"] = Of(t => F.Pad(t[0], [1, 2, 2, 0], PaddingMode.Replicate), N(1, 2, 2, 3)),
            ["Relu"] = Of(t => F.Relu(t[0]), AwayFromZero(2, 3)),
            ["Tanh"] = Of(t => F.Tanh(t[0]), N(2, 3)),
            ["Sigmoid"] = Of(t => F.Sigmoid(t[0]), N(2, 3)),
            ["LeakyRelu"] = Of(t => F.LeakyRelu(t[0], 0.2), AwayFromZero(2, 5)),
            ["Prelu"] = Of(t => F.Prelu(t[0], t[1]), AwayFromZero(2, 3, 2), N(3)),
            ["Prelu shared slope"] = Of(t => F.Prelu(t[0], t[1]), AwayFromZero(2, 3), N(1)),
            ["Gelu"] = Of(t => F.Gelu(t[0]), N(2, 5)),
            ["Softmax"] = Of(t => F.Softmax(t[0], 1), N(3, 4)),
            ["LogSoftmax"] = Of(t => F.LogSoftmax(t[0], 0), N(3, 4)),
        };

        foreach (var r in new[] { Reduction.None, Reduction.Mean, Reduction.Sum })
        {
            cases[$"BinaryCrossEntropyWithLogits {r}"] = Of(t => F.BinaryCrossEntropyWithLogits(t[0], Probabilities(3, 4), reduction: r), N(3, 4));
            cases[$"BinaryCrossEntropyWithLogits weight posWeight {r}"] = Of(t =>
                F.BinaryCrossEntropyWithLogits(t[0], Probabilities(3, 4), PositiveWeights(4), PositiveWeights(4).Mul(2), r), N(3, 4));
            cases[$"BinaryCrossEntropy {r}"] = Of(t => F.BinaryCrossEntropy(t[0].Sigmoid(), Probabilities(3, 4), reduction: r), N(3, 4));
            cases[$"BinaryCrossEntropy weight {r}"] = Of(t => F.BinaryCrossEntropy(t[0].Sigmoid(), Probabilities(3, 4), PositiveWeights(4), r), N(3, 4));
            cases[$"MseLoss {r}"] = Of(t => F.MseLoss(t[0], Targets(3, 4), r), N(3, 4));
            cases[$"L1Loss {r}"] = Of(t => F.L1Loss(t[0], Targets(3, 4), r), N(3, 4));
            cases[$"CrossEntropy {r}"] = Of(t => F.CrossEntropy(t[0], Labels(1, 0, 4, 2), reduction: r), N(4, 5));
            cases[$"CrossEntropy weight labelSmoothing ignoreIndex {r}"] = Of(t =>
                F.CrossEntropy(t[0], Labels(1, 0, 4, 2), PositiveWeights(5), r, ignoreIndex: 0, labelSmoothing: 0.2), N(4, 5));
            cases[$"CrossEntropy probability targets {r}"] = Of(t => F.CrossEntropy(t[0], F.Softmax(Probabilities(4, 5), 1), reduction: r), N(4, 5));
            cases[$"NllLoss {r}"] = Of(t => F.NllLoss(t[0], Labels(1, 0, 4, 2), reduction: r), N(4, 5));
            cases[$"NllLoss weight ignoreIndex {r}"] = Of(t => F.NllLoss(t[0], Labels(1, -100, 4, 2), PositiveWeights(5), r), N(4, 5));
        }
        return cases;
    }

    public static IEnumerable<object[]> Names => Rows(Cases);

    [TestMethod]
    [DynamicData(nameof(Names))]
    public void GradientMatchesFiniteDifferences(string op) => Cases[op].Check(op);
}
