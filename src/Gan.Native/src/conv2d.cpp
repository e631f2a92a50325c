// The 2-D convolution behind gan_conv2d: libtorch's, except for shapes it handles badly.
//
// libtorch's CPU convolution (oneDNN in the Debian build) vectorises over output channels, so a layer with few
// outputs and a wide kernel — SRResNet's 9×9 tail to 3 colours, a discriminator's 5×5 head to 1 logit — can run at a
// fraction of the machine's speed: on 2 AVX2 cores a 32→3 9×9 convolution over 256×256 took two thirds of a whole
// ×2 SRResNet. The same sum regrouped by kernel column is a convolution with Kw times more outputs and a Kw×1
// kernel, which oneDNN runs well, plus Kw shifted additions: 2–8× faster on AVX2, forward and backward alike. On
// AVX-512, oneDNN's own kernels handle 3 outputs × 9 columns well and the split loses 1.7–2.4× there, while it still
// wins 2–12× when outputs × kernel width is at most 16 (docs/benchmarks.md, benchmarks/peer/few_output_conv.py). Only
// the summation order changes, so results agree to float rounding.
#include "common.h"

namespace gan {
namespace {

// gan_set_conv_column_split: 0 off (libtorch's exact bits), 1 where it is the faster one (the default), 2 always.
constexpr int32_t kSplitOff = 0, kSplitWhereFaster = 1, kSplitAlways = 2;
std::atomic<int32_t> column_split_mode{kSplitWhereFaster};

// Measured on AVX2: with up to 8 outputs and kernels at least 5 wide the split wins 2–8×; at 3 wide it gains too
// little to matter, and with 12 or more outputs libtorch's convolution is faster. On AVX-512 it wins only up to 16
// columns (outputs × kernel width).
constexpr int64_t kMaxSplitOutputs = 8;
constexpr int64_t kMinSplitKernelWidth = 5;
constexpr int64_t kMaxSplitColumnsWithAvx512 = 16;

// Whether libtorch's oneDNN kernels run AVX-512 here: they pick their instruction set from the CPU the same way.
bool cpu_has_avx512() {
#if defined(__x86_64__) && defined(__GNUC__)
    static const bool has = __builtin_cpu_supports("avx512f");
    return has;
#else
    return false;
#endif
}

bool all_ones(at::IntArrayRef values) {
    for (int64_t v : values)
        if (v != 1) return false;
    return true;
}

bool splits_by_column(const at::Tensor& x, const at::Tensor& weight, at::IntArrayRef stride, at::IntArrayRef padding,
                      at::IntArrayRef dilation, int64_t groups) {
    const int32_t mode = column_split_mode.load(std::memory_order_relaxed);
    if (mode == kSplitOff) return false;
    if (x.dim() != 4 || weight.dim() != 4 || groups != 1 || !all_ones(stride) || !all_ones(dilation)) return false;
    if (!x.device().is_cpu() || x.layout() != at::kStrided || weight.layout() != at::kStrided) return false;
    // float64 takes the same path, so that the finite-difference gradient checks (run in float64) cover it.
    const auto type = x.scalar_type();
    if ((type != at::kFloat && type != at::kDouble) || weight.scalar_type() != type) return false;
    if (weight.size(0) > kMaxSplitOutputs || weight.size(3) < kMinSplitKernelWidth || weight.size(1) != x.size(1))
        return false;
    if (mode == kSplitWhereFaster && cpu_has_avx512() && weight.size(0) * weight.size(3) > kMaxSplitColumnsWithAvx512)
        return false;
    // Shapes libtorch would reject go to libtorch, for its error message.
    return padding[0] >= 0 && padding[1] >= 0 && x.size(2) + 2 * padding[0] >= weight.size(2) &&
           x.size(3) + 2 * padding[1] >= weight.size(3);
}

// out[n, o, y, x] = Σ_kx partial[n, (o, kx), y, x + kx - pad_w], where partial is the Kh×1 convolution of the input
// with weight column kx of each output: the full sum, regrouped.
at::Tensor column_split_conv2d(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias,
                               at::IntArrayRef padding) {
    const int64_t outputs = weight.size(0), kernel_width = weight.size(3), width = x.size(3);
    const int64_t out_width = width + 2 * padding[1] - kernel_width + 1;
    auto columns = weight.permute({0, 3, 1, 2}).reshape({outputs * kernel_width, weight.size(1), weight.size(2), 1});
    auto partial = at::conv2d(x, columns, {}, 1, at::IntArrayRef{padding[0], 0});
    partial = partial.view({x.size(0), outputs, kernel_width, partial.size(2), width});
    if (padding[1] > 0) partial = at::constant_pad_nd(partial, {padding[1], padding[1]});
    auto first = partial.select(2, 0).narrow(3, 0, out_width);
    auto out = bias.defined() ? first + bias.view({1, outputs, 1, 1}) : first.clone();
    for (int64_t kx = 1; kx < kernel_width; ++kx) out.add_(partial.select(2, kx).narrow(3, kx, out_width));
    return out;
}

}  // namespace

at::Tensor conv2d(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias, at::IntArrayRef stride,
                  at::IntArrayRef padding, at::IntArrayRef dilation, int64_t groups) {
    if (splits_by_column(x, weight, stride, padding, dilation, groups))
        return column_split_conv2d(x, weight, bias, padding);
    return at::conv2d(x, weight, bias, stride, padding, dilation, groups);
}

}  // namespace gan

GAN_API int32_t gan_get_conv_column_split(void) { return gan::column_split_mode.load(); }

GAN_API gan_status gan_set_conv_column_split(int32_t mode) {
    GAN_TRY
    if (mode < gan::kSplitOff || mode > gan::kSplitAlways)
        throw gan::argument_error("column-split mode must be 0 (off), 1 (where faster) or 2 (always), got " +
                                  std::to_string(mode));
    gan::column_split_mode.store(mode);
    GAN_CATCH
}
