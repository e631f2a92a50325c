// Generators, seeds and random factories. A NULL generator means libtorch's default generator for the device.
#include <ATen/CPUGeneratorImpl.h>
#include <ATen/core/Generator.h>

#include "common.h"

namespace {
c10::optional<at::Generator> gen(gan_generator g) {
    return g ? c10::optional<at::Generator>(*g) : c10::nullopt;
}

// at::Generator is a shared handle: a copy drives the same underlying state.
at::Generator resolve(gan_generator g) { return g ? *g : at::detail::getDefaultCPUGenerator(); }
}  // namespace

GAN_API gan_status gan_generator_new(uint64_t seed, int32_t device_type, int32_t device_index, gan_generator* out) {
    GAN_TRY
    if (static_cast<at::DeviceType>(device_type) != at::kCPU)
        throw gan::argument_error("only CPU generators can be created explicitly; CUDA uses its default generators");
    (void)device_index;
    auto* g = new at::Generator(at::make_generator<at::CPUGeneratorImpl>(seed));
    *out = g;
    GAN_CATCH
}

GAN_API void gan_generator_free(gan_generator g) { delete g; }

GAN_API gan_status gan_generator_seed(gan_generator g, uint64_t seed) {
    GAN_TRY
    at::Generator r = resolve(g);
    std::lock_guard<std::mutex> lock(r.mutex());
    r.set_current_seed(seed);
    GAN_CATCH
}

GAN_API gan_status gan_generator_initial_seed(gan_generator g, uint64_t* out) {
    GAN_TRY
    *out = resolve(g).current_seed();
    GAN_CATCH
}

GAN_API gan_status gan_generator_get_state(gan_generator g, gan_tensor* out) {
    GAN_TRY
    at::Generator r = resolve(g);
    std::lock_guard<std::mutex> lock(r.mutex());
    *out = gan::wrap(r.get_state());
    GAN_CATCH
}

GAN_API gan_status gan_generator_set_state(gan_generator g, gan_tensor state) {
    GAN_TRY
    at::Generator r = resolve(g);
    std::lock_guard<std::mutex> lock(r.mutex());
    r.set_state(*state);
    GAN_CATCH
}

GAN_API gan_status gan_randn(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t device_type,
                             int32_t device_index, gan_generator g, gan_tensor* out) {
    GAN_RETURN(at::randn(gan::dims(shape, ndim), gen(g), gan::options(dtype, device_type, device_index)))
}

GAN_API gan_status gan_rand(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t device_type,
                            int32_t device_index, gan_generator g, gan_tensor* out) {
    GAN_RETURN(at::rand(gan::dims(shape, ndim), gen(g), gan::options(dtype, device_type, device_index)))
}

GAN_API gan_status gan_randint(int64_t low, int64_t high, const int64_t* shape, int32_t ndim, int32_t dtype,
                               int32_t device_type, int32_t device_index, gan_generator g, gan_tensor* out) {
    GAN_RETURN(at::randint(low, high, gan::dims(shape, ndim), gen(g), gan::options(dtype, device_type, device_index)))
}

GAN_API gan_status gan_randperm(int64_t n, int32_t dtype, int32_t device_type, int32_t device_index,
                                gan_generator g, gan_tensor* out) {
    GAN_RETURN(at::randperm(n, gen(g), gan::options(dtype, device_type, device_index)))
}

GAN_API gan_status gan_normal_(gan_tensor t, double mean, double std, gan_generator g) {
    GAN_TRY
    t->normal_(mean, std, gen(g));
    GAN_CATCH
}

GAN_API gan_status gan_uniform_(gan_tensor t, double low, double high, gan_generator g) {
    GAN_TRY
    t->uniform_(low, high, gen(g));
    GAN_CATCH
}

GAN_API gan_status gan_bernoulli_(gan_tensor t, double p, gan_generator g) {
    GAN_TRY
    t->bernoulli_(p, gen(g));
    GAN_CATCH
}
