using Gan.Torch;
using Gan.Torch.Tests.Support;

namespace Gan.Torch.Tests.Ops;

/// <summary>
/// Every op's values (and gradients of sum(output)) against PyTorch 1.13, from Fixtures/op_values.json written by
/// Fixtures/make_op_fixtures.py. Each entry below is the C# twin of the Python case of the same name.
/// </summary>
[TestClass]
public sealed class OpValueTests
{
    private static readonly IReadOnlyDictionary<string, FixtureCase> Fixtures = Fixture.Load("op_values.json");

    // Constants the Python script uses inside its lambdas rather than as inputs.
    private static Tensor Mask() => Tensors.FromArray(new[] { true, false, true, false, false, true }, 2, 3);
    private static Tensor Index() => Tensors.FromArray(new[] { 2L, 0L, 2L });
    private static Tensor GatherIndex() => Tensors.FromArray(new[] { 2L, 0L, 1L, 1L }, 2, 2);

    private static readonly Dictionary<string, Func<Tensor[], Tensor>> Ops = new()
    {
        // Arithmetic
        ["add"] = t => t[0].Add(t[1]),
        ["add_alpha"] = t => t[0].Add(t[1], 2.5),
        ["add_broadcast"] = t => t[0] + t[1],
        ["add_scalar"] = t => t[0] + 1.5,
        ["add_scalar_alpha"] = t => t[0].Add(1.5, 2),
        ["sub"] = t => t[0] - t[1],
        ["sub_alpha"] = t => t[0].Sub(t[1], 0.5),
        ["sub_scalar"] = t => t[0] - 0.75,
        ["rsub_scalar"] = t => 2.0 - t[0],
        ["mul"] = t => t[0] * t[1],
        ["mul_broadcast"] = t => t[0].Mul(t[1]),
        ["mul_scalar"] = t => t[0] * -3.0,
        ["div"] = t => t[0] / t[1],
        ["div_scalar"] = t => t[0] / 4.0,
        ["scalar_div"] = t => 3.0 / t[0],
        ["scalar_div_int"] = t => 3.0 / t[0],
        ["pow"] = t => t[0].Pow(t[1]),
        ["pow_scalar"] = t => t[0].Pow(2.5),
        ["maximum"] = t => t[0].Maximum(t[1]),
        ["minimum"] = t => t[0].Minimum(t[1]),
        ["remainder_float"] = t => t[0].Remainder(0.7),
        ["remainder_float_negative_divisor"] = t => t[0].Remainder(-0.7),
        // Integer and bool semantics
        ["int_add_int_scalar"] = t => t[0].Add(3),
        ["int_add_float_scalar"] = t => t[0].Add(2.0),
        ["int_mul_int"] = t => t[0] * t[1],
        ["int_true_division"] = t => t[0] / t[1],
        ["int_remainder"] = t => t[0].Remainder(t[1]),
        ["int_remainder_scalar"] = t => t[0].Remainder(-4),
        ["int_mul_float_scalar"] = t => t[0] * 0.5,
        ["int_div_int_scalar"] = t => t[0].Div(2),
        ["int_add_float64_tensor"] = t => t[0] + t[1],
        ["int32_add_int64"] = t => t[0] + t[1],
        ["int32_add_int_scalar_wraps"] = t => t[0].Add(1),
        ["uint8_add_int_scalar_wraps"] = t => t[0].Add(10),
        ["float32_add_zero_dim_float64"] = t => t[0] + t[1],
        ["zero_dim_float64_add_int"] = t => t[0] + t[1],
        ["bool_add_bool"] = t => t[0] + t[1],
        ["bool_sum"] = t => t[0].Sum(),
        ["int32_sum"] = t => t[0].Sum(),
        ["argmax_ties_first"] = t => t[0].Argmax(),
        ["argmin_ties_first"] = t => t[0].Argmin(),
        ["int_clamp_float_bounds"] = t => t[0].Clamp(0.5, 2),
        ["int_clamp_int_bounds"] = t => t[0].Clamp(0, 2),
        ["eq"] = t => t[0].Eq(t[1]),
        ["eq_scalar"] = t => t[0].Eq(7),
        ["ne_scalar"] = t => t[0].Ne(7),
        ["lt"] = t => t[0].Lt(t[1]),
        ["le_scalar"] = t => t[0].Le(0.45),
        ["gt_broadcast"] = t => t[0].Gt(t[1]),
        ["ge_scalar"] = t => t[0].Ge(0),
        ["logical_and"] = t => t[0].LogicalAnd(t[1]),
        ["logical_or"] = t => t[0].LogicalOr(t[1]),
        ["logical_not"] = t => t[0].LogicalNot(),
        ["arange_int"] = _ => Tensors.Arange(2, 9, 3),
        ["arange_float"] = _ => Tensors.Arange(0, 1, 0.25),
        ["arange_end"] = _ => Tensors.Arange(5),
        // Elementwise
        ["neg"] = t => -t[0],
        ["exp"] = t => t[0].Exp(),
        ["log"] = t => t[0].Log(),
        ["sqrt"] = t => t[0].Sqrt(),
        ["abs"] = t => t[0].Abs(),
        ["relu"] = t => t[0].Relu(),
        ["tanh"] = t => t[0].Tanh(),
        ["sigmoid"] = t => t[0].Sigmoid(),
        ["sign"] = t => t[0].Sign(),
        ["floor"] = t => t[0].Floor(),
        ["ceil"] = t => t[0].Ceil(),
        ["round_half_to_even"] = t => t[0].Round(),
        ["reciprocal"] = t => t[0].Reciprocal(),
        ["square"] = t => t[0].Square(),
        ["rsqrt"] = t => t[0].Rsqrt(),
        ["log1p"] = t => t[0].Log1p(),
        ["expm1"] = t => t[0].Expm1(),
        ["sin"] = t => t[0].Sin(),
        ["cos"] = t => t[0].Cos(),
        ["softplus"] = t => t[0].Softplus(),
        ["clamp"] = t => t[0].Clamp(-0.5, 0.5),
        ["clamp_min"] = t => t[0].Clamp(min: 0.4),
        ["clamp_max"] = t => t[0].Clamp(max: 0.4),
        ["where"] = t => Tensors.Where(Mask(), t[0], t[1]),
        ["matmul_matrix"] = t => t[0].Matmul(t[1]),
        ["matmul_matrix_vector"] = t => t[0].Matmul(t[1]),
        ["matmul_vector_vector"] = t => t[0].Matmul(t[1]),
        ["matmul_batched"] = t => Tensors.Matmul(t[0], t[1]),
        ["addmm"] = t => Tensors.Addmm(t[0], t[1], t[2], beta: 0.5, alpha: 2.0),
        // Reductions
        ["sum"] = t => t[0].Sum(),
        ["sum_dim"] = t => t[0].Sum(1),
        ["sum_dims_keepdim"] = t => t[0].Sum([0, 2], keepDim: true),
        ["mean"] = t => t[0].Mean(),
        ["mean_dim_keepdim"] = t => t[0].Mean([-1], keepDim: true),
        ["prod"] = t => t[0].Prod(),
        ["prod_dim"] = t => t[0].Prod(2),
        ["prod_dim_keepdim"] = t => t[0].Prod(0, keepDim: true),
        ["std"] = t => t[0].Std(),
        ["std_dims"] = t => t[0].Std([0, 1]),
        ["var"] = t => t[0].Var(),
        ["var_dims_keepdim"] = t => t[0].Var([2], keepDim: true),
        ["norm"] = t => t[0].Norm(),
        ["norm_dims"] = t => t[0].Norm([1, 2]),
        ["logsumexp"] = t => t[0].LogSumExp(),
        ["logsumexp_dim_keepdim"] = t => t[0].LogSumExp(1, keepDim: true),
        ["amax_all"] = t => t[0].Max(),
        ["amin_all"] = t => t[0].Min(),
        ["amax_dims"] = t => t[0].Amax([0, 2]),
        ["amin_dims_keepdim"] = t => t[0].Amin([1], keepDim: true),
        ["max_dim_values"] = t => t[0].Max(2).Values,
        ["max_dim_indices"] = t => t[0].Max(2).Indices,
        ["min_dim_keepdim_values"] = t => t[0].Min(0, keepDim: true).Values,
        ["min_dim_keepdim_indices"] = t => t[0].Min(0, keepDim: true).Indices,
        ["argmax"] = t => t[0].Argmax(),
        ["argmax_dim"] = t => t[0].Argmax(1),
        ["argmin"] = t => t[0].Argmin(),
        ["argmin_dim_keepdim"] = t => t[0].Argmin(2, keepDim: true),
        ["cumsum"] = t => t[0].CumSum(2),
        ["cumsum_int"] = t => t[0].CumSum(0),
        ["all"] = t => t[0].All(),
        ["any"] = t => t[0].Any(),
        ["sum_int"] = t => t[0].Sum(),
        // Shape
        ["view"] = t => t[0].View(3, 4),
        ["reshape_transposed"] = t => t[0].T.Reshape(-1),
        ["expand"] = t => t[0].Expand(2, 3),
        ["permute"] = t => t[0].Permute(2, 0, 1),
        ["flatten"] = t => t[0].Flatten(1),
        ["transpose"] = t => t[0].Transpose(0, 2),
        ["unsqueeze"] = t => t[0].Unsqueeze(1),
        ["squeeze"] = t => t[0].View(2, 1, 3, 1).Squeeze(),
        ["squeeze_dim"] = t => t[0].View(2, 1, 3, 1).Squeeze(1),
        ["cat"] = t => Tensors.Cat([t[0], t[1]], 1),
        ["stack"] = t => Tensors.Stack([t[0], t[1]], 1),
        ["narrow"] = t => t[0].Narrow(2, 1, 2),
        ["slice_step"] = t => t[0].Slice(1, 0, 3, 2),
        ["select"] = t => t[0].Select(1, 1),
        ["index_select"] = t => t[0].IndexSelect(1, Index()),
        ["gather"] = t => t[0].Gather(1, GatherIndex()),
        ["masked_fill"] = t => t[0].MaskedFill(Mask(), -9.0),
        ["flip"] = t => t[0].Flip(0, 2),
        ["rot90"] = t => t[0].Rot90(),
        ["rot90_k2"] = t => t[0].Rot90(2),
        ["rot90_negative"] = t => t[0].Rot90(-1, 1, 2),
        ["repeat"] = t => t[0].Repeat(2, 1, 2),
        ["one_hot"] = t => t[0].OneHot(),
        ["one_hot_classes"] = t => t[0].OneHot(5),
        ["clone"] = t => t[0].Clone(),
        ["contiguous"] = t => t[0].T.Contiguous(),
        // Random
        ["randn_seed_42"] = _ => Seeded(42, g => Tensors.Randn([2, 3], DType.Float64, generator: g)),
        ["randn_float32_seed_7"] = _ => Seeded(7, g => Tensors.Randn([5], generator: g)),
        ["rand_seed_42"] = _ => Seeded(42, g => Tensors.Rand([2, 3], DType.Float64, generator: g)),
        ["randint_seed_3"] = _ => Seeded(3, g => Tensors.Randint(-5, 5, [8], generator: g)),
        ["randperm_seed_5"] = _ => Seeded(5, g => Tensors.Randperm(10, generator: g)),
        ["normal_inplace_seed_9"] = _ => Seeded(9, g => Tensors.Zeros([4], DType.Float64).NormalInPlace(1.0, 2.0, g)),
        ["uniform_inplace_seed_9"] = _ => Seeded(9, g => Tensors.Zeros([4], DType.Float64).UniformInPlace(-2.0, 3.0, g)),
        ["bernoulli_inplace_seed_9"] = _ => Seeded(9, g => Tensors.Zeros([8], DType.Float64).BernoulliInPlace(0.3, g)),
    };

    private static Tensor Seeded(ulong seed, Func<Generator, Tensor> sample)
    {
        using var generator = new Generator(seed);
        return sample(generator);
    }

    public static IEnumerable<object[]> CaseNames => Ops.Keys.Order().Select(name => new object[] { name });

    [TestMethod]
    [DynamicData(nameof(CaseNames))]
    public void MatchesPyTorch(string name)
    {
        Assert.IsTrue(Fixtures.TryGetValue(name, out var fixture), $"{name} is missing from op_values.json; rerun make_op_fixtures.py");
        Fixture.Check(name, fixture, Ops[name]);
    }

    [TestMethod]
    public void EveryFixtureCaseHasATwin()
    {
        var missing = Fixtures.Keys.Except(Ops.Keys).ToArray();
        Assert.IsEmpty(missing, "cases without a C# twin: " + string.Join(", ", missing));
    }
}
