using Gan.Torch;
using Gan.Torch.NN;
using Gan.Torch.Tests.Support;
using F = Gan.Torch.NN.Functional;

namespace Gan.Torch.Tests.Ops;

/// <summary>
/// Values (and gradients of sum(output)) of Gan.Torch.NN.Functional against PyTorch 1.13, from
/// Fixtures/nn_values.json written by Fixtures/make_nn_fixtures.py. Each entry is the C# twin of the Python case of
/// the same name.
/// </summary>
[TestClass]
public sealed class FunctionalValueTests
{
    private static readonly IReadOnlyDictionary<string, FixtureCase> Fixtures = Fixture.Load("nn_values.json");

    private static readonly Dictionary<string, Func<Tensor[], Tensor>> Ops = BuildOps();

    private static Dictionary<string, Func<Tensor[], Tensor>> BuildOps()
    {
        var ops = new Dictionary<string, Func<Tensor[], Tensor>>
        {
            // Layers
            ["linear"] = t => F.Linear(t[0], t[1], t[2]),
            ["linear_no_bias_3d"] = t => F.Linear(t[0], t[1]),
            ["conv2d"] = t => F.Conv2d(t[0], t[1], t[2]),
            ["conv2d_stride_padding"] = t => F.Conv2d(t[0], t[1], t[2], stride: 2, padding: 1),
            ["conv2d_dilation"] = t => F.Conv2d(t[0], t[1], dilation: 2, padding: 2),
            ["conv2d_groups"] = t => F.Conv2d(t[0], t[1], t[2], padding: 1, groups: 2),
            ["conv2d_asymmetric"] = t => F.Conv2d(t[0], t[1], null, (2, 1), (1, 0), (1, 2)),
            ["conv_transpose2d"] = t => F.ConvTranspose2d(t[0], t[1], t[2]),
            ["conv_transpose2d_stride_padding_output_padding"] =
                t => F.ConvTranspose2d(t[0], t[1], t[2], stride: 2, padding: 1, outputPadding: 1),
            ["conv_transpose2d_groups_dilation"] = t => F.ConvTranspose2d(t[0], t[1], groups: 2, dilation: 2),
            ["conv_transpose2d_asymmetric"] = t => F.ConvTranspose2d(t[0], t[1], null, (2, 3), (1, 0), (1, 2)),
            ["batch_norm_training"] = t => F.BatchNorm(t[0], null, null, t[1], t[2], training: true),
            ["batch_norm_training_no_affine"] = t => F.BatchNorm(t[0], null, null, training: true, eps: 1e-3),
            ["batch_norm_running_mean"] = t => BatchNormRunningStats(t).Mean,
            ["batch_norm_running_var"] = t => BatchNormRunningStats(t).Var,
            ["batch_norm_eval"] = t => F.BatchNorm(t[0], t[1], t[2], t[3], t[4], training: false),
            ["dropout_p0"] = t => F.Dropout(t[0], 0.0, training: true),
            ["dropout_p1"] = t => F.Dropout(t[0], 1.0, training: true),
            ["dropout_eval"] = t => F.Dropout(t[0], 0.5, training: false),
            ["embedding"] = t => F.Embedding(t[0], t[1]),
            ["one_hot"] = t => F.OneHot(t[0], 4),
            // Resampling
            ["pixel_shuffle"] = t => F.PixelShuffle(t[0], 2),
            ["pixel_unshuffle"] = t => F.PixelUnshuffle(t[0], 2),
            ["interpolate_nearest"] = t => F.Interpolate(t[0], (7, 3)),
            ["interpolate_nearest_scale"] = t => F.Interpolate(t[0], 2.0),
            ["interpolate_bilinear"] = t => F.Interpolate(t[0], (7, 8), InterpolationMode.Bilinear),
            ["interpolate_bilinear_align_corners"] = t => F.Interpolate(t[0], (7, 8), InterpolationMode.Bilinear, alignCorners: true),
            ["interpolate_bilinear_scale_down"] = t => F.Interpolate(t[0], 0.5, InterpolationMode.Bilinear),
            ["interpolate_bicubic"] = t => F.Interpolate(t[0], (7, 8), InterpolationMode.Bicubic),
            ["interpolate_bicubic_align_corners"] = t => F.Interpolate(t[0], (7, 8), InterpolationMode.Bicubic, alignCorners: true),
            ["interpolate_bicubic_scale_up"] = t => F.Interpolate(t[0], 3.0, InterpolationMode.Bicubic),
            ["interpolate_bilinear_antialias_down"] = t => F.Interpolate(t[0], (3, 4), InterpolationMode.Bilinear, antialias: true),
            ["interpolate_bicubic_antialias_down"] = t => F.Interpolate(t[0], (3, 4), InterpolationMode.Bicubic, antialias: true),
            ["interpolate_bicubic_antialias_scale_down"] = t => F.Interpolate(t[0], 0.25, InterpolationMode.Bicubic, antialias: true),
            // Pooling and padding
            ["avg_pool2d"] = t => F.AvgPool2d(t[0], 2),
            ["avg_pool2d_stride_padding"] = t => F.AvgPool2d(t[0], 3, stride: 2, padding: 1),
            ["avg_pool2d_ceil_exclude_pad"] = t => F.AvgPool2d(t[0], 2, stride: 2, padding: 1, ceilMode: true, countIncludePad: false),
            ["max_pool2d"] = t => F.MaxPool2d(t[0], 2),
            ["max_pool2d_stride_padding"] = t => F.MaxPool2d(t[0], 3, stride: 2, padding: 1),
            ["max_pool2d_ceil"] = t => F.MaxPool2d(t[0], 2, ceilMode: true),
            ["adaptive_avg_pool2d"] = t => F.AdaptiveAvgPool2d(t[0], (3, 2)),
            ["adaptive_avg_pool2d_global"] = t => F.AdaptiveAvgPool2d(t[0], 1),
            ["pad_constant"] = t => F.Pad(t[0], [1, 2, 0, 1], PaddingMode.Constant, 0.5),
            ["pad_constant_last_dim"] = t => F.Pad(t[0], [2, 1]),
            ["pad_reflect"] = t => F.Pad(t[0], [2, 1, 1, 2], PaddingMode.Reflect),
            ["pad_replicate"] = t => F.Pad(t[0], [1, 2, 2, 0], PaddingMode.Replicate),
            // Activations
            ["leaky_relu"] = t => F.LeakyRelu(t[0]),
            ["leaky_relu_slope"] = t => F.LeakyRelu(t[0], 0.2),
            ["prelu"] = t => F.Prelu(t[0], t[1]),
            ["prelu_shared"] = t => F.Prelu(t[0], t[1]),
            ["gelu"] = t => F.Gelu(t[0]),
            ["softmax"] = t => F.Softmax(t[0], 1),
            ["softmax_dim0"] = t => F.Softmax(t[0], 0),
            ["log_softmax"] = t => F.LogSoftmax(t[0], -1),
        };

        // Losses, each with every reduction.
        foreach (var (suffix, r) in new[] { ("none", Reduction.None), ("mean", Reduction.Mean), ("sum", Reduction.Sum) })
        {
            ops[$"bce_with_logits_{suffix}"] = t => F.BinaryCrossEntropyWithLogits(t[0], t[1], reduction: r);
            ops[$"bce_with_logits_weight_pos_weight_{suffix}"] =
                t => F.BinaryCrossEntropyWithLogits(t[0], t[1], t[2], t[3], reduction: r);
            ops[$"bce_{suffix}"] = t => F.BinaryCrossEntropy(t[0], t[1], reduction: r);
            ops[$"bce_weight_{suffix}"] = t => F.BinaryCrossEntropy(t[0], t[1], t[2], reduction: r);
            ops[$"mse_{suffix}"] = t => F.MseLoss(t[0], t[1], r);
            ops[$"l1_{suffix}"] = t => F.L1Loss(t[0], t[1], r);
            ops[$"cross_entropy_{suffix}"] = t => F.CrossEntropy(t[0], t[1], reduction: r);
            ops[$"cross_entropy_weight_{suffix}"] = t => F.CrossEntropy(t[0], t[1], t[2], reduction: r);
            ops[$"cross_entropy_label_smoothing_{suffix}"] = t => F.CrossEntropy(t[0], t[1], reduction: r, labelSmoothing: 0.15);
            ops[$"cross_entropy_ignore_index_{suffix}"] = t => F.CrossEntropy(t[0], t[1], reduction: r);
            ops[$"cross_entropy_ignore_index_custom_smoothing_weight_{suffix}"] =
                t => F.CrossEntropy(t[0], t[1], t[2], reduction: r, ignoreIndex: 2, labelSmoothing: 0.1);
            ops[$"cross_entropy_probabilities_{suffix}"] = t => F.CrossEntropy(t[0], t[1], reduction: r);
            ops[$"nll_{suffix}"] = t => F.NllLoss(t[0], t[1], reduction: r);
            ops[$"nll_weight_ignore_index_{suffix}"] = t => F.NllLoss(t[0], t[1], t[2], r, ignoreIndex: 0);
        }
        return ops;
    }

    // Training-mode batch norm updates the running statistics in place (momentum 0.3, unbiased variance).
    private static (Tensor Mean, Tensor Var) BatchNormRunningStats(Tensor[] t)
    {
        var mean = Tensors.Zeros([2], DType.Float64);
        var variance = Tensors.Ones([2], DType.Float64);
        F.BatchNorm(t[0], mean, variance, t[1], t[2], training: true, momentum: 0.3);
        return (mean, variance);
    }

    public static IEnumerable<object[]> CaseNames => Ops.Keys.Order().Select(name => new object[] { name });

    [TestMethod]
    [DynamicData(nameof(CaseNames))]
    public void MatchesPyTorch(string name)
    {
        Assert.IsTrue(Fixtures.TryGetValue(name, out var fixture), $"{name} is missing from nn_values.json; rerun make_nn_fixtures.py");
        Fixture.Check(name, fixture, Ops[name]);
    }

    [TestMethod]
    public void EveryFixtureCaseHasATwin()
    {
        var missing = Fixtures.Keys.Except(Ops.Keys).ToArray();
        Assert.IsEmpty(missing, "cases without a C# twin: " + string.Join(", ", missing));
    }
}
