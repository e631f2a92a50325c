#include <ATen/Parallel.h>
#include <ATen/Context.h>
#include <c10/core/GradMode.h>
#include <c10/core/InferenceMode.h>
#include <torch/version.h>

#include <dlfcn.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "common.h"

namespace gan {

std::atomic<int64_t> live_tensors{0};

namespace {
thread_local std::string last_error;
}

gan_status fail(gan_status status, const char* message) {
    last_error = message ? message : "";
    return status;
}

}  // namespace gan

GAN_API const char* gan_last_error(void) { return gan::last_error.c_str(); }
GAN_API int64_t gan_live_tensors(void) { return gan::live_tensors.load(std::memory_order_relaxed); }
GAN_API int32_t gan_abi_version(void) { return 1; }
GAN_API const char* gan_torch_version(void) { return TORCH_VERSION; }
GAN_API int32_t gan_get_num_threads(void) { return at::get_num_threads(); }

GAN_API gan_status gan_set_num_threads(int32_t n) {
    GAN_TRY
    if (n < 1) throw gan::argument_error("thread count must be at least 1, got " + std::to_string(n));
    at::set_num_threads(n);
    GAN_CATCH
}

GAN_API int32_t gan_cuda_is_available(void) { return at::hasCUDA() ? 1 : 0; }

GAN_API int32_t gan_cuda_device_count(void) {
    try {
        return at::hasCUDA() ? static_cast<int32_t>(at::detail::getCUDAHooks().getNumGPUs()) : 0;
    } catch (...) {
        return 0;
    }
}

GAN_API gan_status gan_manual_seed(uint64_t seed) {
    GAN_TRY
    at::manual_seed(seed);
    GAN_CATCH
}

GAN_API gan_status gan_retain_freed_memory(int64_t mmap_threshold, int64_t trim_threshold) {
    GAN_TRY
    if (mmap_threshold <= 0 || trim_threshold <= 0 || mmap_threshold > INT32_MAX || trim_threshold > INT32_MAX)
        throw gan::argument_error("allocator thresholds must be between 1 byte and 2 GiB");
#ifdef __GLIBC__
    // Both are needed: setting either one alone disables glibc's adaptive thresholds and can make things slower.
    if (mallopt(M_MMAP_THRESHOLD, static_cast<int>(mmap_threshold)) != 1 ||
        mallopt(M_TRIM_THRESHOLD, static_cast<int>(trim_threshold)) != 1)
        throw gan::argument_error("glibc refused the allocator thresholds");
#else
    throw c10::NotImplementedError({__func__, __FILE__, static_cast<uint32_t>(__LINE__)},
                                   "retaining freed memory is implemented for glibc only");
#endif
    GAN_CATCH
}

GAN_API gan_status gan_release_freed_memory(void) {
    GAN_TRY
#ifdef __GLIBC__
    // Every arena, not just the top of the main heap: whole free pages inside fragmented heaps go back too.
    malloc_trim(0);
#endif
    GAN_CATCH
}

namespace {

// oneDNN's C API, looked up at run time: libtorch loads oneDNN as a shared library (Debian's libdnnl.so.2), but a
// libtorch built without it, or with it linked in statically, must still load gan_native.
template <typename Function>
Function onednn_function(const char* name) {
    auto function = reinterpret_cast<Function>(dlsym(RTLD_DEFAULT, name));
    if (function == nullptr)
        throw c10::NotImplementedError({__func__, __FILE__, static_cast<uint32_t>(__LINE__)},
                                       std::string("this libtorch has no shared oneDNN (") + name + " not found)");
    return function;
}

}  // namespace

GAN_API gan_status gan_get_onednn_primitive_cache_capacity(int32_t* out) {
    GAN_TRY
    int capacity = 0;
    if (onednn_function<int (*)(int*)>("dnnl_get_primitive_cache_capacity")(&capacity) != 0)
        throw std::runtime_error("oneDNN could not report its primitive cache capacity");
    *out = capacity;
    GAN_CATCH
}

GAN_API gan_status gan_set_onednn_primitive_cache_capacity(int32_t capacity) {
    GAN_TRY
    if (capacity < 0) throw gan::argument_error("the primitive cache capacity must be ≥ 0, got " + std::to_string(capacity));
    if (onednn_function<int (*)(int)>("dnnl_set_primitive_cache_capacity")(capacity) != 0)
        throw gan::argument_error("oneDNN refused the primitive cache capacity " + std::to_string(capacity));
    GAN_CATCH
}

namespace {

// ideep, libtorch's layer over oneDNN, sizes each thread's cache of convolution plans from this variable when the
// thread runs its first convolution (1,024 when it is unset); the remedy for CPU inference over varying shapes given
// in PyTorch's issues (pytorch/pytorch#27971, #29893).
constexpr const char* convolution_plan_cache_variable = "LRU_CACHE_CAPACITY";
constexpr int32_t default_convolution_plan_cache_capacity = 1024;

}  // namespace

GAN_API gan_status gan_get_convolution_plan_cache_capacity(int32_t* out) {
    GAN_TRY
    const char* value = std::getenv(convolution_plan_cache_variable);
    // Parsed as ideep parses it.
    *out = value == nullptr ? default_convolution_plan_cache_capacity : static_cast<int32_t>(std::strtol(value, nullptr, 10));
    GAN_CATCH
}

GAN_API gan_status gan_set_convolution_plan_cache_capacity(int32_t capacity) {
    GAN_TRY
    if (capacity < 1)
        throw gan::argument_error("the convolution plan cache capacity must be ≥ 1, got " + std::to_string(capacity));
    if (setenv(convolution_plan_cache_variable, std::to_string(capacity).c_str(), 1) != 0)
        throw std::runtime_error(std::string("could not set ") + convolution_plan_cache_variable + ": " + std::strerror(errno));
    GAN_CATCH
}
