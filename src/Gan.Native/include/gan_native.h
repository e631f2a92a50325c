/*
 * gan_native: the flat C ABI of Gan.MLNet over libtorch.
 *
 * Rules every export keeps:
 *   - Opaque handles only (gan_tensor, gan_generator); plain C types otherwise.
 *   - Every function that can fail returns a gan_status; GAN_OK (0) means success. On failure the outputs are left
 *     untouched and gan_last_error() returns the message, kept per thread until the next failing call.
 *   - No C++ exception ever crosses this boundary.
 *   - A returned gan_tensor is owned by the caller and must be released with gan_tensor_free exactly once.
 *   - Optional tensor arguments accept NULL.
 */
#ifndef GAN_NATIVE_H
#define GAN_NATIVE_H

#include <stdint.h>

#ifdef __cplusplus
#define GAN_EXTERN extern "C"
#else
#define GAN_EXTERN
#endif
#define GAN_API GAN_EXTERN __attribute__((visibility("default")))

#ifdef __cplusplus
namespace at { class Tensor; class Generator; }
typedef at::Tensor* gan_tensor;
typedef at::Generator* gan_generator;
#else
typedef struct gan_tensor_opaque* gan_tensor;
typedef struct gan_generator_opaque* gan_generator;
#endif

typedef int32_t gan_status;
enum {
    GAN_OK = 0,
    GAN_ERROR = 1,            /* c10::Error and anything else libtorch raises */
    GAN_ERROR_INDEX = 2,      /* c10::IndexError: index or dimension out of range */
    GAN_ERROR_VALUE = 3,      /* c10::ValueError */
    GAN_ERROR_TYPE = 4,       /* c10::TypeError: unsupported dtype */
    GAN_ERROR_NOT_IMPLEMENTED = 5,
    GAN_ERROR_OUT_OF_MEMORY = 6,
    GAN_ERROR_ARGUMENT = 7    /* rejected by this shim before reaching libtorch */
};

/* A number passed to libtorch; kind selects which field is read (0 = floating, 1 = integral, 2 = boolean). */
typedef struct gan_scalar {
    int32_t kind;
    int32_t reserved;
    double d;
    int64_t i;
} gan_scalar;

/* Reduction of a loss: 0 none, 1 mean, 2 sum (libtorch's at::Reduction values). */

/* ---- runtime ---- */
GAN_API const char* gan_last_error(void);
GAN_API int64_t gan_live_tensors(void);
GAN_API int32_t gan_abi_version(void);
GAN_API const char* gan_torch_version(void);
GAN_API int32_t gan_get_num_threads(void);
GAN_API gan_status gan_set_num_threads(int32_t n);
GAN_API int32_t gan_cuda_is_available(void);
GAN_API int32_t gan_cuda_device_count(void);
GAN_API gan_status gan_manual_seed(uint64_t seed);
/* Process-wide: makes glibc keep freed blocks below these sizes instead of unmapping/trimming them every time
 * (libtorch frees and re-allocates its buffers every step, and fresh pages cost page faults). */
GAN_API gan_status gan_retain_freed_memory(int64_t mmap_threshold, int64_t trim_threshold);
/* Process-wide, one-shot: gives the whole free pages of every malloc arena back to the kernel (glibc's
 * malloc_trim); does nothing under other C libraries. Long jobs call it now and then so that fragmentation cannot
 * make the resident size creep up. */
GAN_API gan_status gan_release_freed_memory(void);
/* Process-wide: how many compiled kernels ("primitives") oneDNN, libtorch's CPU convolution library, keeps, one per
 * distinct layer shape (1,024 by default). Each input size makes new ones, so a job over images of many sizes fills
 * the cache and its memory before any is evicted. Not implemented where libtorch has no shared oneDNN. */
GAN_API gan_status gan_get_onednn_primitive_cache_capacity(int32_t* out);
GAN_API gan_status gan_set_onednn_primitive_cache_capacity(int32_t capacity);
/* Per thread: how many convolution plans (oneDNN primitives with their compiled kernels) libtorch's ideep layer keeps
 * in each thread's least-recently-used cache, one per distinct layer shape (1,024 by default). ideep reads it from
 * the environment variable LRU_CACHE_CAPACITY when a thread runs its first convolution, so setting it reaches the
 * threads that have not convolved yet. Set it before other threads read the environment (setenv is not safe
 * against concurrent getenv). */
GAN_API gan_status gan_get_convolution_plan_cache_capacity(int32_t* out);
GAN_API gan_status gan_set_convolution_plan_cache_capacity(int32_t capacity);
/* Process-wide and one way: from now on libtorch gives each CPU buffer of 2 MiB or more a mapping of its own, on
 * transparent huge pages, unmapped when freed (one page fault per 2 MiB; no large blocks in malloc's heaps). */
GAN_API int32_t gan_huge_page_tensors_enabled(void);
GAN_API gan_status gan_enable_huge_page_tensors(void);

/* ---- tensor lifecycle and properties ---- */
GAN_API void gan_tensor_free(gan_tensor t);
GAN_API gan_status gan_tensor_from_data(const void* data, int64_t nbytes, const int64_t* shape, int32_t ndim,
                                        int32_t dtype, gan_tensor* out);
GAN_API gan_status gan_tensor_copy_to(gan_tensor t, void* dst, int64_t nbytes);
GAN_API gan_status gan_tensor_info(gan_tensor t, int32_t* dtype, int32_t* ndim, int32_t* device_type,
                                   int32_t* device_index, int32_t* requires_grad);
GAN_API gan_status gan_tensor_shape(gan_tensor t, int64_t* dims, int32_t capacity);
GAN_API gan_status gan_tensor_numel(gan_tensor t, int64_t* out);
GAN_API gan_status gan_tensor_item(gan_tensor t, gan_scalar* out);
GAN_API gan_status gan_tensor_is_contiguous(gan_tensor t, int32_t* out);
GAN_API gan_status gan_tensor_is_leaf(gan_tensor t, int32_t* out);
GAN_API gan_status gan_tensor_same_storage(gan_tensor a, gan_tensor b, int32_t* out);
GAN_API gan_status gan_tensor_alias(gan_tensor t, gan_tensor* out);
GAN_API gan_status gan_tensor_to(gan_tensor t, int32_t dtype, int32_t device_type, int32_t device_index,
                                 int32_t copy, gan_tensor* out);
GAN_API gan_status gan_tensor_clone(gan_tensor t, gan_tensor* out);
GAN_API gan_status gan_tensor_contiguous(gan_tensor t, gan_tensor* out);
/* Memory formats: 0 contiguous (row-major: NCHW for 4-D), 1 channels-last (4-D only, NHWC in memory, the layout in
 * which oneDNN's CPU convolutions need no reordering). Same values and shape either way. */
GAN_API gan_status gan_tensor_contiguous_as(gan_tensor t, int32_t format, gan_tensor* out);
GAN_API gan_status gan_tensor_is_contiguous_as(gan_tensor t, int32_t format, int32_t* out);
GAN_API gan_status gan_tensor_detach(gan_tensor t, gan_tensor* out);
GAN_API gan_status gan_tensor_set_requires_grad(gan_tensor t, int32_t requires_grad);
GAN_API gan_status gan_tensor_copy_(gan_tensor dst, gan_tensor src);
/* Makes dst refer to src's data (dtype, device and shape included) while dst stays the same tensor object, so
 * autograd leaves and every handle to dst see the new data (PyTorch's `dst.data = src`). */
GAN_API gan_status gan_tensor_set_data(gan_tensor dst, gan_tensor src);
GAN_API gan_status gan_tensor_fill_(gan_tensor t, gan_scalar value);
GAN_API gan_status gan_tensor_zero_(gan_tensor t);
GAN_API gan_status gan_tensor_to_string(gan_tensor t, char* buffer, int64_t capacity, int64_t* length);

/* ---- factories ---- */
GAN_API gan_status gan_full(const int64_t* shape, int32_t ndim, gan_scalar value, int32_t dtype,
                            int32_t device_type, int32_t device_index, gan_tensor* out);
GAN_API gan_status gan_empty(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t device_type,
                             int32_t device_index, gan_tensor* out);
GAN_API gan_status gan_arange(gan_scalar start, gan_scalar end, gan_scalar step, int32_t dtype,
                              int32_t device_type, int32_t device_index, gan_tensor* out);
GAN_API gan_status gan_scalar_tensor(gan_scalar value, int32_t dtype, int32_t device_type, int32_t device_index,
                                     gan_tensor* out);

/* ---- random ---- */
GAN_API gan_status gan_generator_new(uint64_t seed, int32_t device_type, int32_t device_index, gan_generator* out);
GAN_API void gan_generator_free(gan_generator g);
GAN_API gan_status gan_generator_seed(gan_generator g, uint64_t seed);
GAN_API gan_status gan_generator_initial_seed(gan_generator g, uint64_t* out);
/* Generator state as a uint8 tensor (NULL = the default CPU generator). */
GAN_API gan_status gan_generator_get_state(gan_generator g, gan_tensor* out);
GAN_API gan_status gan_generator_set_state(gan_generator g, gan_tensor state);
GAN_API gan_status gan_randn(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t device_type,
                             int32_t device_index, gan_generator g, gan_tensor* out);
GAN_API gan_status gan_rand(const int64_t* shape, int32_t ndim, int32_t dtype, int32_t device_type,
                            int32_t device_index, gan_generator g, gan_tensor* out);
GAN_API gan_status gan_randint(int64_t low, int64_t high, const int64_t* shape, int32_t ndim, int32_t dtype,
                               int32_t device_type, int32_t device_index, gan_generator g, gan_tensor* out);
GAN_API gan_status gan_randperm(int64_t n, int32_t dtype, int32_t device_type, int32_t device_index,
                                gan_generator g, gan_tensor* out);
GAN_API gan_status gan_normal_(gan_tensor t, double mean, double std, gan_generator g);
GAN_API gan_status gan_uniform_(gan_tensor t, double low, double high, gan_generator g);
GAN_API gan_status gan_bernoulli_(gan_tensor t, double p, gan_generator g);

/* ---- elementwise and linear algebra ----
 * op codes for gan_binary / gan_binary_scalar / gan_binary_ (in place):
 *   0 add, 1 sub, 2 mul, 3 div, 4 pow, 5 eq, 6 ne, 7 lt, 8 le, 9 gt, 10 ge, 11 maximum, 12 minimum,
 *   13 remainder, 14 logical_and, 15 logical_or, 16 rsub (scalar - tensor; scalar form only)
 * alpha scales the second operand of add/sub (ignored otherwise).
 */
GAN_API gan_status gan_binary(int32_t op, gan_tensor a, gan_tensor b, gan_scalar alpha, gan_tensor* out);
GAN_API gan_status gan_binary_scalar(int32_t op, gan_tensor a, gan_scalar b, gan_scalar alpha, gan_tensor* out);
GAN_API gan_status gan_binary_(int32_t op, gan_tensor a, gan_tensor b, gan_scalar alpha);
GAN_API gan_status gan_binary_scalar_(int32_t op, gan_tensor a, gan_scalar b, gan_scalar alpha);
/* op codes for gan_unary / gan_unary_ (in place):
 *   0 neg, 1 exp, 2 log, 3 sqrt, 4 abs, 5 relu, 6 tanh, 7 sigmoid, 8 sign, 9 floor, 10 ceil, 11 round,
 *   12 reciprocal, 13 square, 14 rsqrt, 15 log1p, 16 sin, 17 cos, 18 logical_not, 19 isnan, 20 isinf,
 *   21 softplus, 22 expm1
 */
GAN_API gan_status gan_unary(int32_t op, gan_tensor a, gan_tensor* out);
GAN_API gan_status gan_unary_(int32_t op, gan_tensor a);
GAN_API gan_status gan_clamp(gan_tensor a, const gan_scalar* min, const gan_scalar* max, gan_tensor* out);
GAN_API gan_status gan_clamp_(gan_tensor a, const gan_scalar* min, const gan_scalar* max);
GAN_API gan_status gan_where(gan_tensor cond, gan_tensor a, gan_tensor b, gan_tensor* out);
GAN_API gan_status gan_matmul(gan_tensor a, gan_tensor b, gan_tensor* out);
GAN_API gan_status gan_addmm(gan_tensor input, gan_tensor m1, gan_tensor m2, gan_scalar beta, gan_scalar alpha,
                             gan_tensor* out);
GAN_API gan_status gan_lerp_(gan_tensor a, gan_tensor end, gan_scalar weight);
GAN_API gan_status gan_allclose(gan_tensor a, gan_tensor b, double rtol, double atol, int32_t* out);
GAN_API gan_status gan_equal(gan_tensor a, gan_tensor b, int32_t* out);

/* ---- reductions ----
 * op codes: 0 sum, 1 mean, 2 prod, 3 amax, 4 amin, 5 std (unbiased), 6 var (unbiased), 7 norm (L2),
 *           8 logsumexp, 9 all, 10 any
 * dims == NULL (ndims == 0) reduces over every element.
 */
GAN_API gan_status gan_reduce(int32_t op, gan_tensor a, const int64_t* dims, int32_t ndims, int32_t keepdim,
                              gan_tensor* out);
/* Eigen-decomposition of a symmetric (Hermitian) matrix or batch [..., n, n], reading the lower triangle
 * (at::linalg_eigh): eigenvalues [..., n] ascending and eigenvectors [..., n, n] as columns. */
GAN_API gan_status gan_linalg_eigh(gan_tensor a, gan_tensor* eigenvalues, gan_tensor* eigenvectors);
/* max / min along one dimension: values and int64 indices. */
GAN_API gan_status gan_max_dim(gan_tensor a, int64_t dim, int32_t keepdim, gan_tensor* values, gan_tensor* indices);
GAN_API gan_status gan_min_dim(gan_tensor a, int64_t dim, int32_t keepdim, gan_tensor* values, gan_tensor* indices);
/* has_dim == 0: index into the flattened tensor. */
GAN_API gan_status gan_argmax(gan_tensor a, int32_t has_dim, int64_t dim, int32_t keepdim, gan_tensor* out);
GAN_API gan_status gan_argmin(gan_tensor a, int32_t has_dim, int64_t dim, int32_t keepdim, gan_tensor* out);
GAN_API gan_status gan_cumsum(gan_tensor a, int64_t dim, gan_tensor* out);

/* ---- shape and indexing ---- */
GAN_API gan_status gan_view(gan_tensor a, const int64_t* shape, int32_t ndim, gan_tensor* out);
GAN_API gan_status gan_reshape(gan_tensor a, const int64_t* shape, int32_t ndim, gan_tensor* out);
GAN_API gan_status gan_expand(gan_tensor a, const int64_t* shape, int32_t ndim, gan_tensor* out);
GAN_API gan_status gan_permute(gan_tensor a, const int64_t* dims, int32_t ndim, gan_tensor* out);
GAN_API gan_status gan_flatten(gan_tensor a, int64_t start_dim, int64_t end_dim, gan_tensor* out);
GAN_API gan_status gan_transpose(gan_tensor a, int64_t dim0, int64_t dim1, gan_tensor* out);
GAN_API gan_status gan_unsqueeze(gan_tensor a, int64_t dim, gan_tensor* out);
/* has_dim == 0 squeezes every dimension of size 1. */
GAN_API gan_status gan_squeeze(gan_tensor a, int32_t has_dim, int64_t dim, gan_tensor* out);
GAN_API gan_status gan_cat(const gan_tensor* tensors, int32_t n, int64_t dim, gan_tensor* out);
GAN_API gan_status gan_stack(const gan_tensor* tensors, int32_t n, int64_t dim, gan_tensor* out);
GAN_API gan_status gan_narrow(gan_tensor a, int64_t dim, int64_t start, int64_t length, gan_tensor* out);
GAN_API gan_status gan_slice(gan_tensor a, int64_t dim, int64_t start, int64_t end, int64_t step, gan_tensor* out);
GAN_API gan_status gan_select(gan_tensor a, int64_t dim, int64_t index, gan_tensor* out);
GAN_API gan_status gan_index_select(gan_tensor a, int64_t dim, gan_tensor index, gan_tensor* out);
GAN_API gan_status gan_gather(gan_tensor a, int64_t dim, gan_tensor index, gan_tensor* out);
GAN_API gan_status gan_masked_fill(gan_tensor a, gan_tensor mask, gan_scalar value, gan_tensor* out);
GAN_API gan_status gan_one_hot(gan_tensor a, int64_t num_classes, gan_tensor* out);
GAN_API gan_status gan_flip(gan_tensor a, const int64_t* dims, int32_t ndims, gan_tensor* out);
GAN_API gan_status gan_rot90(gan_tensor a, int64_t k, int64_t dim0, int64_t dim1, gan_tensor* out);
GAN_API gan_status gan_repeat(gan_tensor a, const int64_t* repeats, int32_t n, gan_tensor* out);

/* ---- neural-network functions ---- */
GAN_API gan_status gan_linear(gan_tensor x, gan_tensor weight, gan_tensor bias, gan_tensor* out);
/* Process-wide mode of gan_conv2d's own algorithm for convolutions with at most 8 outputs and kernels at least 5 wide:
 * 0 off (libtorch's exact bits), 1 (the default) where it is the faster one (on AVX-512 CPUs only up to 16 outputs ×
 * kernel width), 2 always. Same results up to float rounding. */
GAN_API int32_t gan_get_conv_column_split(void);
GAN_API gan_status gan_set_conv_column_split(int32_t mode);
GAN_API gan_status gan_conv2d(gan_tensor x, gan_tensor weight, gan_tensor bias, const int64_t* stride,
                              const int64_t* padding, const int64_t* dilation, int64_t groups, gan_tensor* out);
GAN_API gan_status gan_conv_transpose2d(gan_tensor x, gan_tensor weight, gan_tensor bias, const int64_t* stride,
                                        const int64_t* padding, const int64_t* output_padding, int64_t groups,
                                        const int64_t* dilation, gan_tensor* out);
GAN_API gan_status gan_batch_norm(gan_tensor x, gan_tensor weight, gan_tensor bias, gan_tensor running_mean,
                                  gan_tensor running_var, int32_t training, double momentum, double eps,
                                  gan_tensor* out);
GAN_API gan_status gan_dropout(gan_tensor x, double p, int32_t training, gan_tensor* out);
GAN_API gan_status gan_embedding(gan_tensor weight, gan_tensor indices, gan_tensor* out);
GAN_API gan_status gan_pixel_shuffle(gan_tensor x, int64_t upscale, gan_tensor* out);
GAN_API gan_status gan_pixel_unshuffle(gan_tensor x, int64_t downscale, gan_tensor* out);
/* mode: 0 nearest, 1 bilinear, 2 bicubic. align_corners is ignored for nearest. antialias for bilinear/bicubic. */
GAN_API gan_status gan_interpolate2d(gan_tensor x, int64_t out_h, int64_t out_w, int32_t mode,
                                     int32_t align_corners, int32_t antialias, gan_tensor* out);
/* By scale factor, as torch.nn.functional.interpolate(scale_factor=...): the output size is floor(size * scale) and
 * the kernels map coordinates with the given scale itself (not the ratio of the rounded sizes). */
GAN_API gan_status gan_interpolate2d_scale(gan_tensor x, double scale_h, double scale_w, int32_t mode,
                                           int32_t align_corners, int32_t antialias, gan_tensor* out);
GAN_API gan_status gan_avg_pool2d(gan_tensor x, const int64_t* kernel, const int64_t* stride,
                                  const int64_t* padding, int32_t ceil_mode, int32_t count_include_pad,
                                  gan_tensor* out);
GAN_API gan_status gan_max_pool2d(gan_tensor x, const int64_t* kernel, const int64_t* stride,
                                  const int64_t* padding, int32_t ceil_mode, gan_tensor* out);
GAN_API gan_status gan_adaptive_avg_pool2d(gan_tensor x, int64_t out_h, int64_t out_w, gan_tensor* out);
/* pads = (left, right, top, bottom, ...) as in torch.nn.functional.pad; mode: 0 constant, 1 reflect, 2 replicate. */
GAN_API gan_status gan_pad(gan_tensor x, const int64_t* pads, int32_t npads, int32_t mode, double value,
                           gan_tensor* out);
GAN_API gan_status gan_leaky_relu(gan_tensor x, double slope, gan_tensor* out);
GAN_API gan_status gan_prelu(gan_tensor x, gan_tensor weight, gan_tensor* out);
GAN_API gan_status gan_gelu(gan_tensor x, gan_tensor* out);
GAN_API gan_status gan_softmax(gan_tensor x, int64_t dim, gan_tensor* out);
GAN_API gan_status gan_log_softmax(gan_tensor x, int64_t dim, gan_tensor* out);
GAN_API gan_status gan_bce_with_logits(gan_tensor x, gan_tensor target, gan_tensor weight, gan_tensor pos_weight,
                                       int32_t reduction, gan_tensor* out);
GAN_API gan_status gan_bce(gan_tensor x, gan_tensor target, gan_tensor weight, int32_t reduction, gan_tensor* out);
GAN_API gan_status gan_mse_loss(gan_tensor x, gan_tensor target, int32_t reduction, gan_tensor* out);
GAN_API gan_status gan_l1_loss(gan_tensor x, gan_tensor target, int32_t reduction, gan_tensor* out);
GAN_API gan_status gan_cross_entropy(gan_tensor x, gan_tensor target, gan_tensor weight, int32_t reduction,
                                     int64_t ignore_index, double label_smoothing, gan_tensor* out);
GAN_API gan_status gan_nll_loss(gan_tensor x, gan_tensor target, gan_tensor weight, int32_t reduction,
                                int64_t ignore_index, gan_tensor* out);

/* ---- autograd ---- */
GAN_API gan_status gan_backward(gan_tensor t, gan_tensor grad, int32_t retain_graph, int32_t create_graph);
/* *out is NULL when the tensor has no gradient. */
GAN_API gan_status gan_tensor_grad(gan_tensor t, gan_tensor* out);
GAN_API gan_status gan_tensor_set_grad(gan_tensor t, gan_tensor grad);
GAN_API gan_status gan_autograd_grad(const gan_tensor* outputs, int32_t n_outputs, const gan_tensor* grad_outputs,
                                     const gan_tensor* inputs, int32_t n_inputs, int32_t retain_graph,
                                     int32_t create_graph, int32_t allow_unused, gan_tensor* out);
GAN_API int32_t gan_is_grad_enabled(void);
GAN_API void gan_set_grad_enabled(int32_t enabled);
GAN_API int32_t gan_is_inference_mode_enabled(void);
/* Inference mode is a scoped guard in libtorch; these push and pop one on the calling thread. */
GAN_API gan_status gan_inference_mode_enter(int32_t enabled, void** guard);
GAN_API void gan_inference_mode_exit(void* guard);

/* ---- optimizers: one call updates every parameter (skips those without a gradient) ---- */
GAN_API gan_status gan_adam_step(const gan_tensor* params, const gan_tensor* exp_avg, const gan_tensor* exp_avg_sq,
                                 int32_t n, int64_t step, double lr, double beta1, double beta2, double eps,
                                 double weight_decay);
GAN_API gan_status gan_sgd_step(const gan_tensor* params, const gan_tensor* momentum_buffers, int32_t n,
                                int32_t first_step, double lr, double momentum, double dampening,
                                double weight_decay, int32_t nesterov);

#endif
