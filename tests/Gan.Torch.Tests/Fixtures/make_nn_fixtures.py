"""Writes nn_values.json: reference values of Gan.Torch.NN.Functional, computed by PyTorch.

Run with Debian's interpreter (same libtorch 1.13 as the binding):  /usr/bin/python3 make_nn_fixtures.py
Inputs are closed-form waves (no random generator) with distinct values, so max pooling has no ties. For float64
inputs that are not Const the gradient of sum(output) is recorded too. FunctionalValueTests.cs holds the C# twin
of every case, under the same name.
"""
import torch
import torch.nn.functional as F

from fixture_io import Const, write

f64 = torch.float64


def wave(*shape, phase=0.0, scale=1.0):
    """sin(1.37 i + phase) * scale over the elements in order: distinct, deterministic, in [-scale, scale]."""
    n = 1
    for d in shape:
        n *= d
    return (torch.sin(torch.arange(n, dtype=f64) * 1.37 + phase) * scale).reshape(shape)


def probabilities(*shape, phase=0.0):
    return torch.sigmoid(wave(*shape, phase=phase, scale=2.0))


X4 = wave(1, 2, 5, 5)
X8 = wave(1, 2, 8, 9, phase=0.3)
LOGITS = wave(4, 5, phase=0.7, scale=2.0)
LABELS = torch.tensor([1, 0, 4, 2])
REDUCTIONS = ["none", "mean", "sum"]


def batch_norm_running(stat):
    def run(x, w, b):
        mean, var = torch.zeros(2, dtype=f64), torch.ones(2, dtype=f64)
        F.batch_norm(x, mean, var, w, b, training=True, momentum=0.3)
        return mean if stat == "mean" else var
    return run


CASES = {
    # Layers
    "linear": ([wave(3, 4), wave(2, 4, phase=1), wave(2, phase=2)], F.linear),
    "linear_no_bias_3d": ([wave(2, 3, 4), wave(5, 4, phase=1)], F.linear),
    "conv2d": ([X4, wave(3, 2, 3, 3, phase=1), wave(3, phase=2)], F.conv2d),
    "conv2d_stride_padding": ([X4, wave(3, 2, 3, 3, phase=1), wave(3, phase=2)],
                              lambda x, w, b: F.conv2d(x, w, b, stride=2, padding=1)),
    "conv2d_dilation": ([X4, wave(3, 2, 3, 3, phase=1)], lambda x, w: F.conv2d(x, w, dilation=2, padding=2)),
    "conv2d_groups": ([wave(1, 4, 4, 4), wave(4, 2, 3, 3, phase=1), wave(4, phase=2)],
                      lambda x, w, b: F.conv2d(x, w, b, padding=1, groups=2)),
    "conv2d_asymmetric": ([X4, wave(2, 2, 3, 2, phase=1)],
                          lambda x, w: F.conv2d(x, w, stride=(2, 1), padding=(1, 0), dilation=(1, 2))),
    "conv_transpose2d": ([wave(1, 2, 3, 3), wave(2, 3, 3, 3, phase=1), wave(3, phase=2)], F.conv_transpose2d),
    "conv_transpose2d_stride_padding_output_padding": (
        [wave(1, 2, 3, 3), wave(2, 3, 3, 3, phase=1), wave(3, phase=2)],
        lambda x, w, b: F.conv_transpose2d(x, w, b, stride=2, padding=1, output_padding=1)),
    "conv_transpose2d_groups_dilation": ([wave(1, 4, 3, 3), wave(4, 1, 2, 2, phase=1)],
                                         lambda x, w: F.conv_transpose2d(x, w, groups=2, dilation=2)),
    "conv_transpose2d_asymmetric": ([wave(1, 2, 3, 3), wave(2, 1, 3, 2, phase=1)],
                                    lambda x, w: F.conv_transpose2d(x, w, stride=(2, 3), padding=(1, 0),
                                                                    output_padding=(1, 2))),
    "batch_norm_training": ([wave(3, 2, 2, 2), wave(2, phase=1), wave(2, phase=2)],
                            lambda x, w, b: F.batch_norm(x, None, None, w, b, training=True)),
    "batch_norm_training_no_affine": ([wave(4, 3)], lambda x: F.batch_norm(x, None, None, training=True, eps=1e-3)),
    "batch_norm_running_mean": ([wave(3, 2, 2, 2), wave(2, phase=1), wave(2, phase=2)], batch_norm_running("mean")),
    "batch_norm_running_var": ([wave(3, 2, 2, 2), wave(2, phase=1), wave(2, phase=2)], batch_norm_running("var")),
    "batch_norm_eval": ([wave(3, 2, 2, 2), Const(torch.tensor([0.1, -0.2], dtype=f64)),
                         Const(torch.tensor([0.5, 2.0], dtype=f64)), wave(2, phase=1), wave(2, phase=2)],
                        lambda x, m, v, w, b: F.batch_norm(x, m, v, w, b, training=False)),
    "dropout_p0": ([wave(2, 3)], lambda x: F.dropout(x, 0.0, True)),
    "dropout_p1": ([wave(2, 3)], lambda x: F.dropout(x, 1.0, True)),
    "dropout_eval": ([wave(2, 3)], lambda x: F.dropout(x, 0.5, False)),
    "embedding": ([torch.tensor([[1, 4, 1], [0, 2, 3]]), wave(5, 3)], F.embedding),
    "one_hot": ([torch.tensor([2, 0, 1])], lambda l: F.one_hot(l, 4)),
    # Resampling
    "pixel_shuffle": ([wave(1, 8, 2, 3)], lambda x: F.pixel_shuffle(x, 2)),
    "pixel_unshuffle": ([wave(1, 2, 4, 6)], lambda x: F.pixel_unshuffle(x, 2)),
    "interpolate_nearest": ([X4], lambda x: F.interpolate(x, size=(7, 3), mode="nearest")),
    "interpolate_nearest_scale": ([X4], lambda x: F.interpolate(x, scale_factor=2.0, mode="nearest")),
    "interpolate_bilinear": ([X4], lambda x: F.interpolate(x, size=(7, 8), mode="bilinear", align_corners=False)),
    "interpolate_bilinear_align_corners": (
        [X4], lambda x: F.interpolate(x, size=(7, 8), mode="bilinear", align_corners=True)),
    "interpolate_bilinear_scale_down": (
        [X8], lambda x: F.interpolate(x, scale_factor=0.5, mode="bilinear", align_corners=False)),
    "interpolate_bicubic": ([X4], lambda x: F.interpolate(x, size=(7, 8), mode="bicubic", align_corners=False)),
    "interpolate_bicubic_align_corners": (
        [X4], lambda x: F.interpolate(x, size=(7, 8), mode="bicubic", align_corners=True)),
    "interpolate_bicubic_scale_up": (
        [X4], lambda x: F.interpolate(x, scale_factor=3.0, mode="bicubic", align_corners=False)),
    "interpolate_bilinear_antialias_down": (
        [X8], lambda x: F.interpolate(x, size=(3, 4), mode="bilinear", align_corners=False, antialias=True)),
    "interpolate_bicubic_antialias_down": (
        [X8], lambda x: F.interpolate(x, size=(3, 4), mode="bicubic", align_corners=False, antialias=True)),
    "interpolate_bicubic_antialias_scale_down": (
        [X8], lambda x: F.interpolate(x, scale_factor=0.25, mode="bicubic", align_corners=False, antialias=True)),
    # Pooling and padding
    "avg_pool2d": ([X4], lambda x: F.avg_pool2d(x, 2)),
    "avg_pool2d_stride_padding": ([X4], lambda x: F.avg_pool2d(x, 3, stride=2, padding=1)),
    "avg_pool2d_ceil_exclude_pad": (
        [X4], lambda x: F.avg_pool2d(x, 2, stride=2, padding=1, ceil_mode=True, count_include_pad=False)),
    "max_pool2d": ([X4], lambda x: F.max_pool2d(x, 2)),
    "max_pool2d_stride_padding": ([X4], lambda x: F.max_pool2d(x, 3, stride=2, padding=1)),
    "max_pool2d_ceil": ([X4], lambda x: F.max_pool2d(x, 2, ceil_mode=True)),
    "adaptive_avg_pool2d": ([X4], lambda x: F.adaptive_avg_pool2d(x, (3, 2))),
    "adaptive_avg_pool2d_global": ([X4], lambda x: F.adaptive_avg_pool2d(x, 1)),
    "pad_constant": ([wave(1, 2, 3, 4)], lambda x: F.pad(x, [1, 2, 0, 1], value=0.5)),
    "pad_constant_last_dim": ([wave(2, 3)], lambda x: F.pad(x, [2, 1])),
    "pad_reflect": ([wave(1, 2, 3, 4)], lambda x: F.pad(x, [2, 1, 1, 2], mode="reflect")),
    "pad_replicate": ([wave(1, 2, 3, 4)], lambda x: F.pad(x, [1, 2, 2, 0], mode="replicate")),
    # Activations
    "leaky_relu": ([wave(2, 5)], F.leaky_relu),
    "leaky_relu_slope": ([wave(2, 5)], lambda x: F.leaky_relu(x, 0.2)),
    "prelu": ([wave(2, 3, 2, 2), torch.tensor([0.25, -0.5, 1.5], dtype=f64)], F.prelu),
    "prelu_shared": ([wave(2, 3, 2), torch.tensor([0.1], dtype=f64)], F.prelu),
    "gelu": ([wave(2, 5, scale=3.0)], F.gelu),
    "softmax": ([wave(3, 4, scale=2.0)], lambda x: F.softmax(x, 1)),
    "softmax_dim0": ([wave(3, 4, scale=2.0)], lambda x: F.softmax(x, 0)),
    "log_softmax": ([wave(3, 4, scale=2.0)], lambda x: F.log_softmax(x, -1)),
}

# Losses, each with every reduction.
for r in REDUCTIONS:
    CASES.update({
        f"bce_with_logits_{r}": ([LOGITS, Const(probabilities(4, 5, phase=2))],
                                 lambda x, t, r=r: F.binary_cross_entropy_with_logits(x, t, reduction=r)),
        f"bce_with_logits_weight_pos_weight_{r}": (
            [LOGITS, Const(probabilities(4, 5, phase=2)), Const(wave(5, phase=3).abs() + 0.5),
             Const(wave(5, phase=4).abs() + 0.5)],
            lambda x, t, w, p, r=r: F.binary_cross_entropy_with_logits(x, t, w, reduction=r, pos_weight=p)),
        f"bce_{r}": ([probabilities(4, 5), Const(probabilities(4, 5, phase=2))],
                     lambda x, t, r=r: F.binary_cross_entropy(x, t, reduction=r)),
        f"bce_weight_{r}": ([probabilities(4, 5), Const(probabilities(4, 5, phase=2)), Const(wave(5, phase=3).abs())],
                            lambda x, t, w, r=r: F.binary_cross_entropy(x, t, w, reduction=r)),
        f"mse_{r}": ([LOGITS, Const(wave(4, 5, phase=2))], lambda x, t, r=r: F.mse_loss(x, t, reduction=r)),
        f"l1_{r}": ([LOGITS, Const(wave(4, 5, phase=2))], lambda x, t, r=r: F.l1_loss(x, t, reduction=r)),
        f"cross_entropy_{r}": ([LOGITS, LABELS], lambda x, t, r=r: F.cross_entropy(x, t, reduction=r)),
        f"cross_entropy_weight_{r}": ([LOGITS, LABELS, Const(wave(5, phase=3).abs() + 0.2)],
                                      lambda x, t, w, r=r: F.cross_entropy(x, t, w, reduction=r)),
        f"cross_entropy_label_smoothing_{r}": (
            [LOGITS, LABELS], lambda x, t, r=r: F.cross_entropy(x, t, reduction=r, label_smoothing=0.15)),
        f"cross_entropy_ignore_index_{r}": (
            [LOGITS, torch.tensor([1, -100, 4, 2])], lambda x, t, r=r: F.cross_entropy(x, t, reduction=r)),
        f"cross_entropy_ignore_index_custom_smoothing_weight_{r}": (
            [LOGITS, LABELS, Const(wave(5, phase=3).abs() + 0.2)],
            lambda x, t, w, r=r: F.cross_entropy(x, t, w, reduction=r, ignore_index=2, label_smoothing=0.1)),
        f"cross_entropy_probabilities_{r}": ([LOGITS, Const(torch.softmax(wave(4, 5, phase=5), 1))],
                                             lambda x, t, r=r: F.cross_entropy(x, t, reduction=r)),
        f"nll_{r}": ([torch.log_softmax(LOGITS, 1), LABELS], lambda x, t, r=r: F.nll_loss(x, t, reduction=r)),
        f"nll_weight_ignore_index_{r}": (
            [torch.log_softmax(LOGITS, 1), LABELS, Const(wave(5, phase=3).abs() + 0.2)],
            lambda x, t, w, r=r: F.nll_loss(x, t, w, reduction=r, ignore_index=0)),
    })


if __name__ == "__main__":
    write(CASES, "nn_values.json")
