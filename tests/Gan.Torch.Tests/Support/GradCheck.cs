using Gan.Torch;

namespace Gan.Torch.Tests.Support;

/// <summary>
/// Compares autograd's gradient with central finite differences in float64 (PyTorch's gradcheck idea): for a
/// random projection v, d(v·f(x))/dx from backward must match (v·f(x+h) − v·f(x−h)) / 2h for every input element.
/// </summary>
public static class GradCheck
{
    /// <summary>
    /// Checks every float64 input that requires gradients. <paramref name="function"/> must be deterministic and
    /// build its result only from the given inputs.
    /// </summary>
    public static void Assert(Func<Tensor[], Tensor> function, Tensor[] inputs, double eps = 1e-6, double atol = 1e-5,
        double rtol = 1e-3, string? what = null)
    {
        using var scope = Tensors.NewDisposeScope();
        foreach (var x in inputs)
            if (x.RequiresGrad && x.DType != DType.Float64)
                throw new ArgumentException("gradient checks run in float64; convert inputs first");

        var output = function(inputs);
        var projection = Tensors.Randn(output.Shape, DType.Float64, generator: new Generator(1234));
        var analytic = Autograd.Grad([output.Mul(projection).Sum()], inputs.Where(x => x.RequiresGrad).ToArray(),
            allowUnused: true);

        int k = 0;
        foreach (var x in inputs)
        {
            if (!x.RequiresGrad) continue;
            var analyticGrad = analytic[k++];
            var numeric = Numeric(function, inputs, x, projection, eps);
            var expected = numeric;
            var actual = analyticGrad is null ? new double[numeric.Length] : analyticGrad.ToArray<double>();
            for (int i = 0; i < expected.Length; i++)
            {
                double tolerance = atol + rtol * Math.Abs(expected[i]);
                if (Math.Abs(actual[i] - expected[i]) > tolerance)
                    Microsoft.VisualStudio.TestTools.UnitTesting.Assert.Fail(
                        $"{what ?? "gradient"}: input {Array.IndexOf(inputs, x)} element {i}: autograd {actual[i]:R}, " +
                        $"finite difference {expected[i]:R} (tolerance {tolerance:G3})");
            }
        }
    }

    private static double[] Numeric(Func<Tensor[], Tensor> function, Tensor[] inputs, Tensor x, Tensor projection, double eps)
    {
        using var noGrad = Tensors.NoGrad();
        long n = x.NumberOfElements;
        var result = new double[n];
        using var flat = x.View(-1);
        for (long i = 0; i < n; i++)
        {
            using var scope = Tensors.NewDisposeScope();
            var element = flat[i];
            double original = element.Item<double>();
            element.FillInPlace(original + eps);
            double plus = function(inputs).Mul(projection).Sum().Item<double>();
            element.FillInPlace(original - eps);
            double minus = function(inputs).Mul(projection).Sum().Item<double>();
            element.FillInPlace(original);
            result[i] = (plus - minus) / (2 * eps);
        }
        return result;
    }

    /// <summary>A float64 leaf tensor of N(0, 1) samples (from a fixed seed) that requires gradients.</summary>
    public static Tensor Input(params long[] shape) => Input(shape, seed: 42);

    /// <summary>A float64 leaf tensor of N(0, 1) samples from <paramref name="seed"/> that requires gradients.</summary>
    public static Tensor Input(long[] shape, ulong seed)
    {
        using var g = new Generator(seed);
        return Tensors.Randn(shape, DType.Float64, generator: g).RequiresGrad_();
    }
}
