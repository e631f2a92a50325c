// Neural-network functions: layers' math, activations, resampling, padding and losses.
#include <cmath>

#include "common.h"

namespace {
at::IntArrayRef pair(const int64_t* p) { return at::IntArrayRef(p, 2); }
}  // namespace

GAN_API gan_status gan_linear(gan_tensor x, gan_tensor weight, gan_tensor bias, gan_tensor* out) {
    GAN_RETURN(at::linear(*x, *weight, gan::opt(bias)))
}

GAN_API gan_status gan_conv2d(gan_tensor x, gan_tensor weight, gan_tensor bias, const int64_t* stride,
                              const int64_t* padding, const int64_t* dilation, int64_t groups, gan_tensor* out) {
    GAN_RETURN(gan::conv2d(*x, *weight, gan::opt(bias), pair(stride), pair(padding), pair(dilation), groups))
}

GAN_API gan_status gan_conv_transpose2d(gan_tensor x, gan_tensor weight, gan_tensor bias, const int64_t* stride,
                                        const int64_t* padding, const int64_t* output_padding, int64_t groups,
                                        const int64_t* dilation, gan_tensor* out) {
    GAN_RETURN(at::conv_transpose2d(*x, *weight, gan::opt(bias), pair(stride), pair(padding), pair(output_padding),
                                    groups, pair(dilation)))
}

GAN_API gan_status gan_batch_norm(gan_tensor x, gan_tensor weight, gan_tensor bias, gan_tensor running_mean,
                                  gan_tensor running_var, int32_t training, double momentum, double eps,
                                  gan_tensor* out) {
    GAN_RETURN(at::batch_norm(*x, gan::opt(weight), gan::opt(bias), gan::opt(running_mean), gan::opt(running_var),
                              training != 0, momentum, eps, /*cudnn_enabled=*/true))
}

GAN_API gan_status gan_dropout(gan_tensor x, double p, int32_t training, gan_tensor* out) {
    GAN_TRY
    if (p < 0.0 || p > 1.0) throw gan::argument_error("dropout probability must be in [0, 1], got " + std::to_string(p));
    *out = gan::wrap(at::dropout(*x, p, training != 0));
    GAN_CATCH
}

GAN_API gan_status gan_embedding(gan_tensor weight, gan_tensor indices, gan_tensor* out) {
    GAN_RETURN(at::embedding(*weight, *indices))
}

GAN_API gan_status gan_pixel_shuffle(gan_tensor x, int64_t upscale, gan_tensor* out) {
    GAN_RETURN(at::pixel_shuffle(*x, upscale))
}

GAN_API gan_status gan_pixel_unshuffle(gan_tensor x, int64_t downscale, gan_tensor* out) {
    GAN_RETURN(at::pixel_unshuffle(*x, downscale))
}

namespace {
// scale_h/scale_w are the caller's scale factors, or nullopt when the output size alone defines the mapping.
at::Tensor interpolate2d(const at::Tensor& x, int64_t out_h, int64_t out_w, int32_t mode, bool align_corners,
                         bool antialias, c10::optional<double> scale_h, c10::optional<double> scale_w) {
    const std::vector<int64_t> size{out_h, out_w};
    switch (mode) {
        case 0:
            if (antialias) throw gan::argument_error("antialias applies to bilinear and bicubic modes only");
            return at::upsample_nearest2d(x, size, scale_h, scale_w);
        case 1:
            return antialias ? at::_upsample_bilinear2d_aa(x, size, align_corners, scale_h, scale_w)
                             : at::upsample_bilinear2d(x, size, align_corners, scale_h, scale_w);
        case 2:
            return antialias ? at::_upsample_bicubic2d_aa(x, size, align_corners, scale_h, scale_w)
                             : at::upsample_bicubic2d(x, size, align_corners, scale_h, scale_w);
        default: throw gan::argument_error("unknown interpolation mode " + std::to_string(mode));
    }
}
}  // namespace

GAN_API gan_status gan_interpolate2d(gan_tensor x, int64_t out_h, int64_t out_w, int32_t mode,
                                     int32_t align_corners, int32_t antialias, gan_tensor* out) {
    GAN_RETURN(interpolate2d(*x, out_h, out_w, mode, align_corners != 0, antialias != 0, c10::nullopt, c10::nullopt))
}

GAN_API gan_status gan_interpolate2d_scale(gan_tensor x, double scale_h, double scale_w, int32_t mode,
                                           int32_t align_corners, int32_t antialias, gan_tensor* out) {
    GAN_TRY
    if (!(scale_h > 0.0) || !(scale_w > 0.0))
        throw gan::argument_error("scale factors must be positive, got (" + std::to_string(scale_h) + ", " +
                                  std::to_string(scale_w) + ")");
    if (x->dim() != 4)
        throw gan::argument_error("interpolation expects a 4-D input (batch, channels, height, width), got " +
                                  c10::str(x->sizes()));
    const auto out_h = static_cast<int64_t>(std::floor(static_cast<double>(x->size(2)) * scale_h));
    const auto out_w = static_cast<int64_t>(std::floor(static_cast<double>(x->size(3)) * scale_w));
    *out = gan::wrap(interpolate2d(*x, out_h, out_w, mode, align_corners != 0, antialias != 0, scale_h, scale_w));
    GAN_CATCH
}

GAN_API gan_status gan_avg_pool2d(gan_tensor x, const int64_t* kernel, const int64_t* stride,
                                  const int64_t* padding, int32_t ceil_mode, int32_t count_include_pad,
                                  gan_tensor* out) {
    GAN_RETURN(at::avg_pool2d(*x, pair(kernel), pair(stride), pair(padding), ceil_mode != 0, count_include_pad != 0))
}

GAN_API gan_status gan_max_pool2d(gan_tensor x, const int64_t* kernel, const int64_t* stride,
                                  const int64_t* padding, int32_t ceil_mode, gan_tensor* out) {
    GAN_RETURN(at::max_pool2d(*x, pair(kernel), pair(stride), pair(padding), {1, 1}, ceil_mode != 0))
}

GAN_API gan_status gan_adaptive_avg_pool2d(gan_tensor x, int64_t out_h, int64_t out_w, gan_tensor* out) {
    GAN_RETURN(at::adaptive_avg_pool2d(*x, {out_h, out_w}))
}

GAN_API gan_status gan_pad(gan_tensor x, const int64_t* pads, int32_t npads, int32_t mode, double value,
                           gan_tensor* out) {
    GAN_TRY
    const auto p = gan::dims(pads, npads);
    if (npads % 2 != 0) throw gan::argument_error("padding needs an even number of values, got " + std::to_string(npads));
    at::Tensor r;
    if (mode == 0) {
        r = at::constant_pad_nd(*x, p, value);
    } else if (mode == 1 || mode == 2) {
        const bool reflect = mode == 1;
        switch (npads) {
            case 2: r = reflect ? at::reflection_pad1d(*x, p) : at::replication_pad1d(*x, p); break;
            case 4: r = reflect ? at::reflection_pad2d(*x, p) : at::replication_pad2d(*x, p); break;
            case 6: r = reflect ? at::reflection_pad3d(*x, p) : at::replication_pad3d(*x, p); break;
            default: throw gan::argument_error("reflect and replicate padding take 2, 4 or 6 values");
        }
    } else {
        throw gan::argument_error("unknown padding mode " + std::to_string(mode));
    }
    *out = gan::wrap(std::move(r));
    GAN_CATCH
}

GAN_API gan_status gan_leaky_relu(gan_tensor x, double slope, gan_tensor* out) {
    GAN_RETURN(at::leaky_relu(*x, slope))
}
GAN_API gan_status gan_prelu(gan_tensor x, gan_tensor weight, gan_tensor* out) { GAN_RETURN(at::prelu(*x, *weight)) }
GAN_API gan_status gan_gelu(gan_tensor x, gan_tensor* out) { GAN_RETURN(at::gelu(*x)) }
GAN_API gan_status gan_softmax(gan_tensor x, int64_t dim, gan_tensor* out) { GAN_RETURN(at::softmax(*x, dim)) }
GAN_API gan_status gan_log_softmax(gan_tensor x, int64_t dim, gan_tensor* out) {
    GAN_RETURN(at::log_softmax(*x, dim))
}

GAN_API gan_status gan_bce_with_logits(gan_tensor x, gan_tensor target, gan_tensor weight, gan_tensor pos_weight,
                                       int32_t reduction, gan_tensor* out) {
    GAN_RETURN(at::binary_cross_entropy_with_logits(*x, *target, gan::opt(weight), gan::opt(pos_weight), reduction))
}
GAN_API gan_status gan_bce(gan_tensor x, gan_tensor target, gan_tensor weight, int32_t reduction, gan_tensor* out) {
    GAN_RETURN(at::binary_cross_entropy(*x, *target, gan::opt(weight), reduction))
}
GAN_API gan_status gan_mse_loss(gan_tensor x, gan_tensor target, int32_t reduction, gan_tensor* out) {
    GAN_RETURN(at::mse_loss(*x, *target, reduction))
}
GAN_API gan_status gan_l1_loss(gan_tensor x, gan_tensor target, int32_t reduction, gan_tensor* out) {
    GAN_RETURN(at::l1_loss(*x, *target, reduction))
}
GAN_API gan_status gan_cross_entropy(gan_tensor x, gan_tensor target, gan_tensor weight, int32_t reduction,
                                     int64_t ignore_index, double label_smoothing, gan_tensor* out) {
    GAN_RETURN(at::cross_entropy_loss(*x, *target, gan::opt(weight), reduction, ignore_index, label_smoothing))
}
GAN_API gan_status gan_nll_loss(gan_tensor x, gan_tensor target, gan_tensor weight, int32_t reduction,
                                int64_t ignore_index, gan_tensor* out) {
    GAN_RETURN(at::nll_loss_nd(*x, *target, gan::opt(weight), reduction, ignore_index))
}
