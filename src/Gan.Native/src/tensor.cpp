// Tensor lifecycle, properties, conversions and factories.
#include <cstring>
#include <sstream>

#include "common.h"

using gan::wrap;

GAN_API void gan_tensor_free(gan_tensor t) {
    if (!t) return;
    gan::live_tensors.fetch_sub(1, std::memory_order_relaxed);
    delete t;
}

GAN_API gan_status gan_tensor_from_data(const void* data, int64_t nbytes, const int64_t* shape, int32_t ndim,
                                        int32_t dtype, gan_tensor* out) {
    GAN_TRY
    at::Tensor t = at::empty(gan::dims(shape, ndim), at::TensorOptions().dtype(static_cast<at::ScalarType>(dtype)));
    const int64_t expected = t.numel() * static_cast<int64_t>(t.element_size());
    if (expected != nbytes)
        throw gan::argument_error("data holds " + std::to_string(nbytes) + " bytes but shape " +
                                  c10::str(t.sizes()) + " of " + std::string(c10::toString(t.scalar_type())) +
                                  " needs " + std::to_string(expected));
    if (nbytes > 0) std::memcpy(t.data_ptr(), data, static_cast<size_t>(nbytes));
    *out = wrap(std::move(t));
    GAN_CATCH
}

GAN_API gan_status gan_tensor_copy_to(gan_tensor t, void* dst, int64_t nbytes) {
    GAN_TRY
    at::Tensor c = t->detach().to(at::kCPU).contiguous();
    const int64_t have = c.numel() * static_cast<int64_t>(c.element_size());
    if (have != nbytes)
        throw gan::argument_error("destination holds " + std::to_string(nbytes) + " bytes but the tensor has " +
                                  std::to_string(have));
    if (nbytes > 0) std::memcpy(dst, c.data_ptr(), static_cast<size_t>(nbytes));
    GAN_CATCH
}

GAN_API gan_status gan_tensor_info(gan_tensor t, int32_t* dtype, int32_t* ndim, int32_t* device_type,
                                   int32_t* device_index, int32_t* requires_grad) {
    GAN_TRY
    *dtype = static_cast<int32_t>(t->scalar_type());
    *ndim = static_cast<int32_t>(t->dim());
    *device_type = static_cast<int32_t>(t->device().type());
    *device_index = static_cast<int32_t>(t->device().index());
    *requires_grad = t->requires_grad() ? 1 : 0;
    GAN_CATCH
}

GAN_API gan_status gan_tensor_shape(gan_tensor t, int64_t* dims, int32_t capacity) {
    GAN_TRY
    auto sizes = t->sizes();
    if (static_cast<int64_t>(sizes.size()) > capacity) throw gan::argument_error("shape buffer too small");
    for (size_t i = 0; i < sizes.size(); ++i) dims[i] = sizes[i];
    GAN_CATCH
}

GAN_API gan_status gan_tensor_numel(gan_tensor t, int64_t* out) {
    GAN_TRY
    *out = t->numel();
    GAN_CATCH
}

GAN_API gan_status gan_tensor_item(gan_tensor t, gan_scalar* out) {
    GAN_TRY
    *out = gan::to_gan_scalar(t->item());
    GAN_CATCH
}

GAN_API gan_status gan_tensor_is_contiguous(gan_tensor t, int32_t* out) {
    GAN_TRY
    *out = t->is_contiguous() ? 1 : 0;
    GAN_CATCH
}

GAN_API gan_status gan_tensor_is_leaf(gan_tensor t, int32_t* out) {
    GAN_TRY
    *out = t->is_leaf() ? 1 : 0;
    GAN_CATCH
}

GAN_API gan_status gan_tensor_same_storage(gan_tensor a, gan_tensor b, int32_t* out) {
    GAN_TRY
    *out = a->is_alias_of(*b) ? 1 : 0;
    GAN_CATCH
}

GAN_API gan_status gan_tensor_alias(gan_tensor t, gan_tensor* out) { GAN_RETURN(at::Tensor(*t)) }

GAN_API gan_status gan_tensor_to(gan_tensor t, int32_t dtype, int32_t device_type, int32_t device_index,
                                 int32_t copy, gan_tensor* out) {
    GAN_RETURN(t->to(gan::options(dtype, device_type, device_index), /*non_blocking=*/false, copy != 0))
}

GAN_API gan_status gan_tensor_clone(gan_tensor t, gan_tensor* out) { GAN_RETURN(t->clone()) }
GAN_API gan_status gan_tensor_contiguous(gan_tensor t, gan_tensor* out) { GAN_RETURN(t->contiguous()) }

namespace {

at::MemoryFormat memory_format(int32_t format) {
    switch (format) {
        case 0: return at::MemoryFormat::Contiguous;
        case 1: return at::MemoryFormat::ChannelsLast;
        default: throw gan::argument_error("memory format must be 0 (contiguous) or 1 (channels-last), got " +
                                           std::to_string(format));
    }
}

}  // namespace

GAN_API gan_status gan_tensor_contiguous_as(gan_tensor t, int32_t format, gan_tensor* out) {
    GAN_RETURN(t->contiguous(memory_format(format)))
}

GAN_API gan_status gan_tensor_is_contiguous_as(gan_tensor t, int32_t format, int32_t* out) {
    GAN_TRY
    *out = t->is_contiguous(memory_format(format)) ? 1 : 0;
    GAN_CATCH
}
GAN_API gan_status gan_tensor_detach(gan_tensor t, gan_tensor* out) { GAN_RETURN(t->detach()) }

GAN_API gan_status gan_tensor_set_requires_grad(gan_tensor t, int32_t requires_grad) {
    GAN_TRY
    t->set_requires_grad(requires_grad != 0);
    GAN_CATCH
}

GAN_API gan_status gan_tensor_copy_(gan_tensor dst, gan_tensor src) {
    GAN_TRY
    dst->copy_(*src);
    GAN_CATCH
}

GAN_API gan_status gan_tensor_set_data(gan_tensor dst, gan_tensor src) {
    GAN_TRY
    dst->set_data(*src);
    GAN_CATCH
}

GAN_API gan_status gan_tensor_fill_(gan_tensor t, gan_scalar value) {
    GAN_TRY
    t->fill_(gan::scalar(value));
    GAN_CATCH
}

GAN_API gan_status gan_tensor_zero_(gan_tensor t) {
    GAN_TRY
    t->zero_();
    GAN_CATCH
}

GAN_API gan_status gan_tensor_to_string(gan_tensor t, char* buffer, int64_t capacity, int64_t* length) {
    GAN_TRY
    std::ostringstream s;
    s << *t;
    const std::string text = s.str();
    *length = static_cast<int64_t>(text.size());
    if (buffer && capacity > 0) {
        const size_t n = std::min(text.size(), static_cast<size_t>(capacity - 1));
        std::memcpy(buffer, text.data(), n);
        buffer[n] = '\0';
    }
    GAN_CATCH
}

GAN_API gan_status gan_full(const int64_t* shape, int32_t ndim, gan_scalar value, int32_t dtype,
                            int32_t device_type, int32_t device_index, gan_tensor* out) {
    GAN_RETURN(at::full(gan::dims(shape, ndim), gan::scalar(value), gan::options(dtype, device_type, device_index)))
}

GAN_API gan_status gan_empty(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t device_type,
                             int32_t device_index, gan_tensor* out) {
    GAN_RETURN(at::empty(gan::dims(shape, ndim), gan::options(dtype, device_type, device_index)))
}

GAN_API gan_status gan_arange(gan_scalar start, gan_scalar end, gan_scalar step, int32_t dtype,
                              int32_t device_type, int32_t device_index, gan_tensor* out) {
    GAN_RETURN(at::arange(gan::scalar(start), gan::scalar(end), gan::scalar(step),
                          gan::options(dtype, device_type, device_index)))
}

GAN_API gan_status gan_scalar_tensor(gan_scalar value, int32_t dtype, int32_t device_type, int32_t device_index,
                                     gan_tensor* out) {
    GAN_RETURN(at::scalar_tensor(gan::scalar(value), gan::options(dtype, device_type, device_index)))
}
