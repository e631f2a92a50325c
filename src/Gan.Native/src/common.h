// Shared by every translation unit of gan_native: the exception firewall and handle/argument conversions.
#pragma once

#include <ATen/ATen.h>
#include <atomic>
#include <string>
#include <vector>

#include "gan_native.h"

namespace gan {

// Records a failure for gan_last_error() on the calling thread and returns its status.
gan_status fail(gan_status status, const char* message);

// Counts tensors handed out through the ABI and not yet freed; tests use it to prove there are no leaks.
extern std::atomic<int64_t> live_tensors;

inline gan_tensor wrap(at::Tensor t) {
    live_tensors.fetch_add(1, std::memory_order_relaxed);
    return new at::Tensor(std::move(t));
}

// An undefined at::Tensor stands for "no tensor" (NULL) in optional positions.
inline at::Tensor opt(gan_tensor t) { return t ? *t : at::Tensor(); }

inline at::Scalar scalar(const gan_scalar& s) {
    switch (s.kind) {
        case 1: return at::Scalar(static_cast<int64_t>(s.i));
        case 2: return at::Scalar(s.i != 0);
        default: return at::Scalar(s.d);
    }
}

inline gan_scalar to_gan_scalar(const at::Scalar& s) {
    gan_scalar r{};
    if (s.isBoolean()) { r.kind = 2; r.i = s.toBool() ? 1 : 0; }
    else if (s.isIntegral(false)) { r.kind = 1; r.i = s.toLong(); }
    else { r.kind = 0; r.d = s.toDouble(); }
    return r;
}

inline at::IntArrayRef dims(const int64_t* p, int32_t n) { return at::IntArrayRef(p, static_cast<size_t>(n)); }

inline std::vector<at::Tensor> tensors(const gan_tensor* p, int32_t n) {
    std::vector<at::Tensor> v;
    v.reserve(static_cast<size_t>(n));
    for (int32_t i = 0; i < n; ++i) v.push_back(opt(p[i]));
    return v;
}

inline at::TensorOptions options(int32_t dtype, int32_t device_type, int32_t device_index) {
    return at::TensorOptions()
        .dtype(static_cast<at::ScalarType>(dtype))
        .device(at::Device(static_cast<at::DeviceType>(device_type), static_cast<c10::DeviceIndex>(device_index)));
}

// 2-D convolution as at::conv2d computes it (up to float rounding), with a faster algorithm where libtorch's is slow.
at::Tensor conv2d(const at::Tensor& x, const at::Tensor& weight, const at::Tensor& bias, at::IntArrayRef stride,
                  at::IntArrayRef padding, at::IntArrayRef dilation, int64_t groups);

struct argument_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace gan

// Every export's body goes between GAN_TRY and GAN_CATCH: exceptions become a status and a per-thread message.
#define GAN_TRY try {
#define GAN_CATCH                                                                              \
    return GAN_OK;                                                                             \
    }                                                                                          \
    catch (const c10::IndexError& e) { return gan::fail(GAN_ERROR_INDEX, e.what_without_backtrace()); } \
    catch (const c10::ValueError& e) { return gan::fail(GAN_ERROR_VALUE, e.what_without_backtrace()); } \
    catch (const c10::TypeError& e) { return gan::fail(GAN_ERROR_TYPE, e.what_without_backtrace()); }  \
    catch (const c10::NotImplementedError& e) {                                                \
        return gan::fail(GAN_ERROR_NOT_IMPLEMENTED, e.what_without_backtrace());               \
    }                                                                                          \
    catch (const c10::Error& e) { return gan::fail(GAN_ERROR, e.what_without_backtrace()); }  \
    catch (const gan::argument_error& e) { return gan::fail(GAN_ERROR_ARGUMENT, e.what()); }   \
    catch (const std::bad_alloc&) { return gan::fail(GAN_ERROR_OUT_OF_MEMORY, "out of memory"); } \
    catch (const std::exception& e) { return gan::fail(GAN_ERROR, e.what()); }                \
    catch (...) { return gan::fail(GAN_ERROR, "unknown native exception"); }

// The common shape of an export that produces one tensor.
#define GAN_RETURN(expr) GAN_TRY *out = gan::wrap(expr); GAN_CATCH
