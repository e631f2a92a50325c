using System.Runtime.InteropServices;
using Gan.Models.Torch;
using static TorchSharp.torch;

namespace Gan.Models.Tests.Torch;

[TestClass]
public sealed class OneDnnIsaTests
{
    // Channel counts that are not multiples of 16, in the shapes our networks have (an image's 1 or 3 channels, a
    // 100-wide latent, a 1-output head): where oneDNN misjudges the caches, its AVX kernels get exactly these wrong.
    [TestMethod]
    [DataRow(4L, 18L, 8L, 11L, 3L)]
    [DataRow(2L, 3L, 32L, 16L, 9L)]
    [DataRow(2L, 32L, 3L, 16L, 9L)]
    [DataRow(3L, 100L, 20L, 6L, 3L)]
    [DataRow(2L, 256L, 1L, 4L, 4L)]
    public void ConvolutionAndItsGradientsMatchDoublePrecision(long batch, long inputs, long outputs, long side, long kernel)
    {
        using var scope = NewDisposeScope();
        var random = new Generator(7);
        var x = randn([batch, inputs, side, side], generator: random);
        var w = randn([outputs, inputs, kernel, kernel], generator: random) * 0.1;
        var (y, dx, dw) = ForwardAndGradients(x, w, transposed: false);
        var (y64, dx64, dw64) = ForwardAndGradients(x.to(float64), w.to(float64), transposed: false);
        AssertClose(y64, y, "forward");
        AssertClose(dx64, dx, "input gradient");
        AssertClose(dw64, dw, "weight gradient");
    }

    [TestMethod]
    [DataRow(2L, 100L, 20L, 1L, 4L)]
    [DataRow(2L, 24L, 3L, 8L, 4L)]
    public void TransposedConvolutionMatchesDoublePrecision(long batch, long inputs, long outputs, long side, long kernel)
    {
        using var scope = NewDisposeScope();
        var random = new Generator(11);
        var x = randn([batch, inputs, side, side], generator: random);
        var w = randn([inputs, outputs, kernel, kernel], generator: random) * 0.1;
        var (y, dx, dw) = ForwardAndGradients(x, w, transposed: true);
        var (y64, dx64, dw64) = ForwardAndGradients(x.to(float64), w.to(float64), transposed: true);
        AssertClose(y64, y, "forward");
        AssertClose(dx64, dx, "input gradient");
        AssertClose(dw64, dw, "weight gradient");
    }

    [TestMethod]
    public void TheCapIsSetExactlyWhereTheCpuMisreportsItsCaches()
    {
        string? user = Environment.GetEnvironmentVariable(OneDnnIsa.Variable);
        if (user is not null && user != OneDnnIsa.SafeIsa) Assert.Inconclusive($"{OneDnnIsa.Variable}={user} is set by the user");
        IntPtr value = LibC.GetEnv(OneDnnIsa.Variable);
        string? inProcess = value == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(value);
        Assert.AreEqual(OneDnnIsa.MisreportsCaches() ? OneDnnIsa.SafeIsa : null, inProcess);
    }

    private static (Tensor Output, Tensor InputGradient, Tensor WeightGradient) ForwardAndGradients(Tensor x, Tensor w, bool transposed)
    {
        x = x.detach().requires_grad_();
        w = w.detach().requires_grad_();
        var y = transposed ? nn.functional.conv_transpose2d(x, w, strides: [2, 2], padding: [1, 1]) : nn.functional.conv2d(x, w, padding: [1, 1]);
        var gradients = autograd.grad([y.sin().sum()], [x, w], allow_unused: true);
        return (y.detach(), gradients[0], gradients[1]);
    }

    private static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        double scale = expected.abs().max().item<double>();
        double error = (actual.to(float64) - expected).abs().max().item<double>();
        Assert.IsLessThan(1e-4 * Math.Max(scale, 1), error, $"{what}: largest error {error:g3} against a largest value {scale:g3}");
    }
}
