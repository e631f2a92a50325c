using Gan.Torch.NN;
using Gan.Torch.Tests.Support;
using F = Gan.Torch.NN.Functional;

namespace Gan.Torch.Tests.NN;

// Convolutions with at most 8 outputs and kernels at least 5 wide can run Gan.Torch's column-split algorithm
// (src/Gan.Native/src/conv2d.cpp). The algorithm is tested with the switch at Always, so that it runs on every CPU; the
// reference is libtorch's own convolution, with the switch Off. The switch is process-wide, so these tests must not
// run beside others.
[TestClass]
[DoNotParallelize]
public sealed class FewOutputConvolutionTests
{
    public static IEnumerable<object[]> Shapes =>
    [
        // batch, inputs, outputs, kernel height, kernel width, padding height, padding width, side, bias
        [1, 32, 3, 9, 9, 4, 4, 24, true],      // SRResNet's tail
        [2, 4, 1, 5, 5, 2, 2, 9, true],        // a one-logit head
        [3, 5, 8, 3, 5, 0, 1, 7, false],       // the most outputs that split, non-square kernel, no bias
        [1, 2, 2, 5, 10, 0, 0, 7, true],       // no padding, kernel as wide as the input: the output is 1 wide
        [1, 3, 4, 1, 5, 3, 6, 5, true],        // padding wider than the kernel's reach
    ];

    [TestMethod]
    [DynamicData(nameof(Shapes))]
    public void MatchesLibTorchsConvolution(int batch, int inputs, int outputs, int kh, int kw, int ph, int pw, int side, bool withBias)
    {
        using var scope = Tensors.NewDisposeScope();
        using var g = new Generator(7);
        var x = Tensors.Randn([batch, inputs, side, side + 3], generator: g);
        var weight = Tensors.Randn([outputs, inputs, kh, kw], generator: g);
        var bias = withBias ? Tensors.Randn([outputs], generator: g) : null;

        var split = With(ColumnSplitMode.Always, () => F.Conv2d(x, weight, bias, (1, 1), (ph, pw)));
        var direct = With(ColumnSplitMode.Off, () => F.Conv2d(x, weight, bias, (1, 1), (ph, pw)));

        CollectionAssert.AreEqual(direct.Shape, split.Shape);
        AssertClose(direct, split, "output");
    }

    // The comparisons above would also pass if the split never ran. It sums in another order than libtorch, so its
    // bits differ — in float32, and in float64, the type the finite-difference check below runs in.
    [TestMethod]
    [DataRow(DType.Float32)]
    [DataRow(DType.Float64)]
    public void TheSwitchChoosesTheAlgorithm(DType dtype)
    {
        using var scope = Tensors.NewDisposeScope();
        using var g = new Generator(9);
        var x = Tensors.Randn([1, 32, 16, 16], generator: g).To(dtype);
        var weight = Tensors.Randn([3, 32, 9, 9], generator: g).To(dtype);

        Assert.AreEqual(ColumnSplitMode.WhereFaster, Tensors.ColumnSplitConvolution, "the default");
        var split = With(ColumnSplitMode.Always, () => F.Conv2d(x, weight, null, (1, 1), (4, 4)));
        var direct = With(ColumnSplitMode.Off, () => F.Conv2d(x, weight, null, (1, 1), (4, 4)));

        Assert.AreEqual(ColumnSplitMode.WhereFaster, Tensors.ColumnSplitConvolution, "restored after use");
        Assert.IsTrue(split.AllClose(direct, rtol: 1e-4, atol: 1e-4), "the two algorithms agree up to rounding");
        Assert.IsFalse(split.ValueEquals(direct), "bit-identical results: the switch did not change the algorithm");
    }

    [TestMethod]
    public void GradientsMatchFiniteDifferences()
    {
        using var scope = Tensors.NewDisposeScope();
        using var layer = new Conv2d(3, 2, (3, 5), padding: (1, 2));
        layer.To(DType.Float64);
        var input = GradCheck.Input([2, 3, 4, 6], seed: 11);
        With(ColumnSplitMode.Always, () => GradCheck.Assert(x => layer.Call(x[0]), [input, .. layer.Parameters()], what: "few-output Conv2d"));
    }

    [TestMethod]
    public void Float32GradientsMatchLibTorchs()
    {
        using var scope = Tensors.NewDisposeScope();
        using var g = new Generator(8);
        var x = Tensors.Randn([2, 16, 12, 12], generator: g);
        var weight = Tensors.Randn([3, 16, 9, 9], generator: g);
        var bias = Tensors.Randn([3], generator: g);
        var projection = Tensors.Randn([2, 3, 12, 12], generator: g);

        Tensor[] Gradients()
        {
            Tensor[] leaves = [x.Detach().RequiresGrad_(), weight.Detach().RequiresGrad_(), bias.Detach().RequiresGrad_()];
            F.Conv2d(leaves[0], leaves[1], leaves[2], (1, 1), (4, 4)).Mul(projection).Sum().Backward();
            return [.. leaves.Select(l => l.Grad!)];
        }

        var split = With(ColumnSplitMode.Always, Gradients);
        var direct = With(ColumnSplitMode.Off, Gradients);
        string[] names = ["input", "weight", "bias"];
        for (int i = 0; i < names.Length; i++) AssertClose(direct[i], split[i], $"{names[i]} gradient");
    }

    [TestMethod]
    public void ShapeErrorsStillComeFromLibTorch()
    {
        using var scope = Tensors.NewDisposeScope();
        var e = Assert.ThrowsExactly<TorchException>(() => F.Conv2d(Tensors.Zeros(1, 3, 4, 4), Tensors.Zeros(2, 3, 5, 5)));
        StringAssert.Contains(e.Message, "Kernel size can't be greater than actual input size");
    }

    // Where the split runs by default: on AVX-512 CPUs (where libtorch's kernels handle more columns well) only up to 16
    // outputs × kernel width. The SRResNet tail (3 × 9 = 27 columns) stays with libtorch there, the 5×5 head to 3
    // outputs (15) splits on every CPU.
    [TestMethod]
    [DataRow(3, 9, false)]
    [DataRow(3, 5, true)]
    [DataRow(1, 9, true)]
    public void TheDefaultSplitsWhereThisCpuRunsItFaster(int outputs, int kernel, bool splitsOnAvx512)
    {
        using var scope = Tensors.NewDisposeScope();
        using var g = new Generator(5);
        var x = Tensors.Randn([1, 16, 20, 20], generator: g);
        var weight = Tensors.Randn([outputs, 16, kernel, kernel], generator: g);
        var byDefault = F.Conv2d(x, weight, null, (1, 1), (kernel / 2, kernel / 2));
        var direct = With(ColumnSplitMode.Off, () => F.Conv2d(x, weight, null, (1, 1), (kernel / 2, kernel / 2)));
        bool splits = !System.Runtime.Intrinsics.X86.Avx512F.IsSupported || splitsOnAvx512;
        Assert.AreEqual(!splits, byDefault.ValueEquals(direct), $"{outputs} outputs, {kernel}×{kernel}: split expected {splits}");
    }

    // SuperResolver runs networks channels-last: the split's views and shifted sums must read such inputs right.
    [TestMethod]
    public void ChannelsLastInputsAndWeightsSplitCorrectly()
    {
        using var scope = Tensors.NewDisposeScope();
        using var g = new Generator(6);
        var x = Tensors.Randn([2, 8, 11, 13], generator: g);
        var weight = Tensors.Randn([3, 8, 9, 9], generator: g);
        var bias = Tensors.Randn([3], generator: g);
        var direct = With(ColumnSplitMode.Off, () => F.Conv2d(x, weight, bias, (1, 1), (4, 4)));

        var split = With(ColumnSplitMode.Always, () => F.Conv2d(x.Contiguous(MemoryFormat.ChannelsLast),
            weight.Contiguous(MemoryFormat.ChannelsLast), bias, (1, 1), (4, 4)));

        AssertClose(direct, split, "channels-last output");
    }

    [TestMethod]
    public void AModeThatDoesNotExistIsRefused() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Tensors.ColumnSplitConvolution = (ColumnSplitMode)3);

    private static T With<T>(ColumnSplitMode mode, Func<T> compute)
    {
        Tensors.ColumnSplitConvolution = mode;
        try
        {
            return compute();
        }
        finally
        {
            Tensors.ColumnSplitConvolution = ColumnSplitMode.WhereFaster;
        }
    }

    private static void With(ColumnSplitMode mode, Action compute) => With(mode, () =>
    {
        compute();
        return 0;
    });

    // float32 sums of up to 2,592 products: relative to the largest value, rounding stays far below 1e-5.
    private static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        double scale = expected.Abs().Max().Item<float>();
        double worst = actual.Sub(expected).Abs().Max().Item<float>();
        Assert.IsLessThan(2e-6 * scale, worst, $"{what}: largest difference {worst} on values up to {scale}");
    }
}
