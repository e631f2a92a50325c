// Elementwise arithmetic, comparisons, linear algebra and reductions, dispatched by op code (see gan_native.h).
#include "common.h"

namespace {

at::Tensor binary(int32_t op, const at::Tensor& a, const at::Tensor& b, const at::Scalar& alpha) {
    switch (op) {
        case 0: return at::add(a, b, alpha);
        case 1: return at::sub(a, b, alpha);
        case 2: return at::mul(a, b);
        case 3: return at::div(a, b);
        case 4: return at::pow(a, b);
        case 5: return at::eq(a, b);
        case 6: return at::ne(a, b);
        case 7: return at::lt(a, b);
        case 8: return at::le(a, b);
        case 9: return at::gt(a, b);
        case 10: return at::ge(a, b);
        case 11: return at::maximum(a, b);
        case 12: return at::minimum(a, b);
        case 13: return at::remainder(a, b);
        case 14: return at::logical_and(a, b);
        case 15: return at::logical_or(a, b);
        default: throw gan::argument_error("unknown binary op code " + std::to_string(op));
    }
}

at::Tensor binary_scalar(int32_t op, const at::Tensor& a, const at::Scalar& b, const at::Scalar& alpha) {
    switch (op) {
        case 0: return at::add(a, b, alpha);
        case 1: return at::sub(a, b, alpha);
        case 2: return at::mul(a, b);
        case 3: return at::div(a, b);
        case 4: return at::pow(a, b);
        case 5: return at::eq(a, b);
        case 6: return at::ne(a, b);
        case 7: return at::lt(a, b);
        case 8: return at::le(a, b);
        case 9: return at::gt(a, b);
        case 10: return at::ge(a, b);
        case 11: return at::clamp_min(a, b);
        case 12: return at::clamp_max(a, b);
        case 13: return at::remainder(a, b);
        case 16: return at::rsub(a, b, alpha);
        default: throw gan::argument_error("unknown scalar binary op code " + std::to_string(op));
    }
}

void binary_(int32_t op, at::Tensor& a, const at::Tensor& b, const at::Scalar& alpha) {
    switch (op) {
        case 0: a.add_(b, alpha); break;
        case 1: a.sub_(b, alpha); break;
        case 2: a.mul_(b); break;
        case 3: a.div_(b); break;
        case 4: a.pow_(b); break;
        case 11: at::maximum_out(a, a, b); break;
        case 12: at::minimum_out(a, a, b); break;
        default: throw gan::argument_error("op code " + std::to_string(op) + " has no in-place form");
    }
}

void binary_scalar_(int32_t op, at::Tensor& a, const at::Scalar& b, const at::Scalar& alpha) {
    switch (op) {
        case 0: a.add_(b, alpha); break;
        case 1: a.sub_(b, alpha); break;
        case 2: a.mul_(b); break;
        case 3: a.div_(b); break;
        case 4: a.pow_(b); break;
        case 11: a.clamp_min_(b); break;
        case 12: a.clamp_max_(b); break;
        default: throw gan::argument_error("op code " + std::to_string(op) + " has no in-place scalar form");
    }
}

at::Tensor unary(int32_t op, const at::Tensor& a) {
    switch (op) {
        case 0: return at::neg(a);
        case 1: return at::exp(a);
        case 2: return at::log(a);
        case 3: return at::sqrt(a);
        case 4: return at::abs(a);
        case 5: return at::relu(a);
        case 6: return at::tanh(a);
        case 7: return at::sigmoid(a);
        case 8: return at::sign(a);
        case 9: return at::floor(a);
        case 10: return at::ceil(a);
        case 11: return at::round(a);
        case 12: return at::reciprocal(a);
        case 13: return at::square(a);
        case 14: return at::rsqrt(a);
        case 15: return at::log1p(a);
        case 16: return at::sin(a);
        case 17: return at::cos(a);
        case 18: return at::logical_not(a);
        case 19: return at::isnan(a);
        case 20: return at::isinf(a);
        case 21: return at::softplus(a);
        case 22: return at::expm1(a);
        default: throw gan::argument_error("unknown unary op code " + std::to_string(op));
    }
}

void unary_(int32_t op, at::Tensor& a) {
    switch (op) {
        case 0: a.neg_(); break;
        case 1: a.exp_(); break;
        case 2: a.log_(); break;
        case 3: a.sqrt_(); break;
        case 4: a.abs_(); break;
        case 5: a.relu_(); break;
        case 6: a.tanh_(); break;
        case 7: a.sigmoid_(); break;
        case 8: a.sign_(); break;
        case 9: a.floor_(); break;
        case 10: a.ceil_(); break;
        case 11: a.round_(); break;
        case 12: a.reciprocal_(); break;
        case 13: a.square_(); break;
        case 14: a.rsqrt_(); break;
        case 15: a.log1p_(); break;
        case 16: a.sin_(); break;
        case 17: a.cos_(); break;
        case 22: a.expm1_(); break;
        default: throw gan::argument_error("op code " + std::to_string(op) + " has no in-place form");
    }
}

c10::optional<at::Scalar> opt_scalar(const gan_scalar* s) {
    return s ? c10::optional<at::Scalar>(gan::scalar(*s)) : c10::nullopt;
}

at::Tensor reduce(int32_t op, const at::Tensor& a, at::IntArrayRef d, bool keepdim) {
    const bool all = d.empty();
    switch (op) {
        case 0: return all && !keepdim ? at::sum(a) : at::sum(a, d, keepdim);
        case 1: return all && !keepdim ? at::mean(a) : at::mean(a, d, keepdim);
        case 2:
            if (all) return keepdim ? at::prod(a).reshape(std::vector<int64_t>(a.dim(), 1)) : at::prod(a);
            if (d.size() != 1) throw gan::argument_error("prod reduces over one dimension at a time");
            return at::prod(a, d[0], keepdim);
        case 3: return at::amax(a, d, keepdim);
        case 4: return at::amin(a, d, keepdim);
        case 5: return all && !keepdim ? at::std(a) : at::std(a, d, /*unbiased=*/true, keepdim);
        case 6: return all && !keepdim ? at::var(a) : at::var(a, d, /*unbiased=*/true, keepdim);
        case 7: return at::norm(a, at::Scalar(2.0), d, keepdim);
        case 8: {
            if (!all) return at::logsumexp(a, d, keepdim);
            std::vector<int64_t> every(a.dim());
            for (int64_t i = 0; i < a.dim(); ++i) every[i] = i;
            return at::logsumexp(a, every, keepdim);
        }
        case 9:
            if (all) return keepdim ? at::all(a).reshape(std::vector<int64_t>(a.dim(), 1)) : at::all(a);
            if (d.size() != 1) throw gan::argument_error("all reduces over one dimension at a time");
            return at::all(a, d[0], keepdim);
        case 10:
            if (all) return keepdim ? at::any(a).reshape(std::vector<int64_t>(a.dim(), 1)) : at::any(a);
            if (d.size() != 1) throw gan::argument_error("any reduces over one dimension at a time");
            return at::any(a, d[0], keepdim);
        default: throw gan::argument_error("unknown reduction op code " + std::to_string(op));
    }
}

}  // namespace

GAN_API gan_status gan_binary(int32_t op, gan_tensor a, gan_tensor b, gan_scalar alpha, gan_tensor* out) {
    GAN_RETURN(binary(op, *a, *b, gan::scalar(alpha)))
}

GAN_API gan_status gan_binary_scalar(int32_t op, gan_tensor a, gan_scalar b, gan_scalar alpha, gan_tensor* out) {
    GAN_RETURN(binary_scalar(op, *a, gan::scalar(b), gan::scalar(alpha)))
}

GAN_API gan_status gan_binary_(int32_t op, gan_tensor a, gan_tensor b, gan_scalar alpha) {
    GAN_TRY
    binary_(op, *a, *b, gan::scalar(alpha));
    GAN_CATCH
}

GAN_API gan_status gan_binary_scalar_(int32_t op, gan_tensor a, gan_scalar b, gan_scalar alpha) {
    GAN_TRY
    binary_scalar_(op, *a, gan::scalar(b), gan::scalar(alpha));
    GAN_CATCH
}

GAN_API gan_status gan_unary(int32_t op, gan_tensor a, gan_tensor* out) { GAN_RETURN(unary(op, *a)) }

GAN_API gan_status gan_unary_(int32_t op, gan_tensor a) {
    GAN_TRY
    unary_(op, *a);
    GAN_CATCH
}

GAN_API gan_status gan_clamp(gan_tensor a, const gan_scalar* min, const gan_scalar* max, gan_tensor* out) {
    GAN_RETURN(at::clamp(*a, opt_scalar(min), opt_scalar(max)))
}

GAN_API gan_status gan_clamp_(gan_tensor a, const gan_scalar* min, const gan_scalar* max) {
    GAN_TRY
    a->clamp_(opt_scalar(min), opt_scalar(max));
    GAN_CATCH
}

GAN_API gan_status gan_where(gan_tensor cond, gan_tensor a, gan_tensor b, gan_tensor* out) {
    GAN_RETURN(at::where(*cond, *a, *b))
}

GAN_API gan_status gan_matmul(gan_tensor a, gan_tensor b, gan_tensor* out) { GAN_RETURN(at::matmul(*a, *b)) }

GAN_API gan_status gan_addmm(gan_tensor input, gan_tensor m1, gan_tensor m2, gan_scalar beta, gan_scalar alpha,
                             gan_tensor* out) {
    GAN_RETURN(at::addmm(*input, *m1, *m2, gan::scalar(beta), gan::scalar(alpha)))
}

GAN_API gan_status gan_lerp_(gan_tensor a, gan_tensor end, gan_scalar weight) {
    GAN_TRY
    a->lerp_(*end, gan::scalar(weight));
    GAN_CATCH
}

GAN_API gan_status gan_allclose(gan_tensor a, gan_tensor b, double rtol, double atol, int32_t* out) {
    GAN_TRY
    *out = at::allclose(*a, *b, rtol, atol) ? 1 : 0;
    GAN_CATCH
}

GAN_API gan_status gan_equal(gan_tensor a, gan_tensor b, int32_t* out) {
    GAN_TRY
    *out = at::equal(*a, *b) ? 1 : 0;
    GAN_CATCH
}

GAN_API gan_status gan_reduce(int32_t op, gan_tensor a, const int64_t* dims, int32_t ndims, int32_t keepdim,
                              gan_tensor* out) {
    GAN_RETURN(reduce(op, *a, gan::dims(dims, ndims), keepdim != 0))
}

GAN_API gan_status gan_linalg_eigh(gan_tensor a, gan_tensor* eigenvalues, gan_tensor* eigenvectors) {
    GAN_TRY
    auto r = at::linalg_eigh(*a);
    *eigenvalues = gan::wrap(std::get<0>(r));
    *eigenvectors = gan::wrap(std::get<1>(r));
    GAN_CATCH
}

GAN_API gan_status gan_max_dim(gan_tensor a, int64_t dim, int32_t keepdim, gan_tensor* values, gan_tensor* indices) {
    GAN_TRY
    auto r = at::max(*a, dim, keepdim != 0);
    *values = gan::wrap(std::get<0>(r));
    *indices = gan::wrap(std::get<1>(r));
    GAN_CATCH
}

GAN_API gan_status gan_min_dim(gan_tensor a, int64_t dim, int32_t keepdim, gan_tensor* values, gan_tensor* indices) {
    GAN_TRY
    auto r = at::min(*a, dim, keepdim != 0);
    *values = gan::wrap(std::get<0>(r));
    *indices = gan::wrap(std::get<1>(r));
    GAN_CATCH
}

GAN_API gan_status gan_argmax(gan_tensor a, int32_t has_dim, int64_t dim, int32_t keepdim, gan_tensor* out) {
    GAN_RETURN(at::argmax(*a, has_dim ? c10::optional<int64_t>(dim) : c10::nullopt, keepdim != 0))
}

GAN_API gan_status gan_argmin(gan_tensor a, int32_t has_dim, int64_t dim, int32_t keepdim, gan_tensor* out) {
    GAN_RETURN(at::argmin(*a, has_dim ? c10::optional<int64_t>(dim) : c10::nullopt, keepdim != 0))
}

GAN_API gan_status gan_cumsum(gan_tensor a, int64_t dim, gan_tensor* out) { GAN_RETURN(at::cumsum(*a, dim)) }
