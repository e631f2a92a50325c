using Gan.Torch;

namespace Gan.Torch.Tests.Support;

/// <summary>
/// A named gradient-check case: how to make its float64 leaf inputs (each from its own fixed seed) and the op under
/// test. Test classes keep a table of these and run each row through <see cref="Check"/>.
/// </summary>
public sealed record GradCase(Func<ulong, Tensor>[] Inputs, Func<Tensor[], Tensor> Op)
{
    /// <summary>A case of <paramref name="op"/> over leaves built by <paramref name="inputs"/> (see N, Positive, AwayFromZero).</summary>
    public static GradCase Of(Func<Tensor[], Tensor> op, params Func<ulong, Tensor>[] inputs) => new(inputs, op);

    /// <summary>N(0, 1) samples.</summary>
    public static Func<ulong, Tensor> N(params long[] shape) => seed => GradCheck.Input(shape, seed);

    /// <summary>Samples in [0.5, ∞): for log, sqrt, pow bases, divisors...</summary>
    public static Func<ulong, Tensor> Positive(params long[] shape) => Mapped(shape, x => x.Abs().Add(0.5));

    /// <summary>Samples with |x| ≥ 0.2: keeps abs, relu, division away from their kinks and poles.</summary>
    public static Func<ulong, Tensor> AwayFromZero(params long[] shape) => Mapped(shape, x => x.Abs().Add(0.2).Mul(x.Sign()));

    private static Func<ulong, Tensor> Mapped(long[] shape, Func<Tensor, Tensor> map) => seed =>
    {
        using var noGrad = Tensors.NoGrad();
        using var g = new Generator(seed);
        using var x = Tensors.Randn(shape, DType.Float64, generator: g);
        return map(x).RequiresGrad_();
    };

    /// <summary>
    /// d(sum(op(x)²))/d(first input), kept differentiable (createGraph): gradient-checking it checks the op's double
    /// backward, which gradient penalties rely on. Grad mode is forced on because GradCheck's finite differences
    /// run under NoGrad.
    /// </summary>
    public static Func<Tensor[], Tensor> GradientOf(Func<Tensor[], Tensor> op) => t =>
    {
        using var enable = Tensors.EnableGrad();
        return Autograd.Grad([op(t).Square().Sum()], [t[0]], createGraph: true)[0]!;
    };

    /// <summary>Builds the inputs and runs <see cref="GradCheck.Assert"/>; failures name the case.</summary>
    public void Check(string name)
    {
        using var scope = Tensors.NewDisposeScope();
        var inputs = Inputs.Select((make, i) => make(100 + (ulong)i)).ToArray();
        GradCheck.Assert(Op, inputs, what: name);
    }

    /// <summary>The names of a table of cases, as rows for [DynamicData].</summary>
    public static IEnumerable<object[]> Rows(IReadOnlyDictionary<string, GradCase> cases) =>
        cases.Keys.Select(name => new object[] { name });
}
