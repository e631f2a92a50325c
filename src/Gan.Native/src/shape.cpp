// Views, reshaping, joining and indexing.
#include "common.h"

GAN_API gan_status gan_view(gan_tensor a, const int64_t* shape, int32_t ndim, gan_tensor* out) {
    GAN_RETURN(a->view(gan::dims(shape, ndim)))
}
GAN_API gan_status gan_reshape(gan_tensor a, const int64_t* shape, int32_t ndim, gan_tensor* out) {
    GAN_RETURN(a->reshape(gan::dims(shape, ndim)))
}
GAN_API gan_status gan_expand(gan_tensor a, const int64_t* shape, int32_t ndim, gan_tensor* out) {
    GAN_RETURN(a->expand(gan::dims(shape, ndim)))
}
GAN_API gan_status gan_permute(gan_tensor a, const int64_t* dims, int32_t ndim, gan_tensor* out) {
    GAN_RETURN(a->permute(gan::dims(dims, ndim)))
}
GAN_API gan_status gan_flatten(gan_tensor a, int64_t start_dim, int64_t end_dim, gan_tensor* out) {
    GAN_RETURN(a->flatten(start_dim, end_dim))
}
GAN_API gan_status gan_transpose(gan_tensor a, int64_t dim0, int64_t dim1, gan_tensor* out) {
    GAN_RETURN(a->transpose(dim0, dim1))
}
GAN_API gan_status gan_unsqueeze(gan_tensor a, int64_t dim, gan_tensor* out) { GAN_RETURN(a->unsqueeze(dim)) }
GAN_API gan_status gan_squeeze(gan_tensor a, int32_t has_dim, int64_t dim, gan_tensor* out) {
    GAN_RETURN(has_dim ? a->squeeze(dim) : a->squeeze())
}
GAN_API gan_status gan_cat(const gan_tensor* tensors, int32_t n, int64_t dim, gan_tensor* out) {
    GAN_RETURN(at::cat(gan::tensors(tensors, n), dim))
}
GAN_API gan_status gan_stack(const gan_tensor* tensors, int32_t n, int64_t dim, gan_tensor* out) {
    GAN_RETURN(at::stack(gan::tensors(tensors, n), dim))
}
GAN_API gan_status gan_narrow(gan_tensor a, int64_t dim, int64_t start, int64_t length, gan_tensor* out) {
    GAN_RETURN(a->narrow(dim, start, length))
}
GAN_API gan_status gan_slice(gan_tensor a, int64_t dim, int64_t start, int64_t end, int64_t step, gan_tensor* out) {
    GAN_RETURN(a->slice(dim, start, end, step))
}
GAN_API gan_status gan_select(gan_tensor a, int64_t dim, int64_t index, gan_tensor* out) {
    GAN_RETURN(a->select(dim, index))
}
GAN_API gan_status gan_index_select(gan_tensor a, int64_t dim, gan_tensor index, gan_tensor* out) {
    GAN_RETURN(a->index_select(dim, *index))
}
GAN_API gan_status gan_gather(gan_tensor a, int64_t dim, gan_tensor index, gan_tensor* out) {
    GAN_RETURN(a->gather(dim, *index))
}
GAN_API gan_status gan_masked_fill(gan_tensor a, gan_tensor mask, gan_scalar value, gan_tensor* out) {
    GAN_RETURN(a->masked_fill(*mask, gan::scalar(value)))
}
GAN_API gan_status gan_one_hot(gan_tensor a, int64_t num_classes, gan_tensor* out) {
    GAN_RETURN(at::one_hot(*a, num_classes))
}
GAN_API gan_status gan_flip(gan_tensor a, const int64_t* dims, int32_t ndims, gan_tensor* out) {
    GAN_RETURN(a->flip(gan::dims(dims, ndims)))
}
GAN_API gan_status gan_rot90(gan_tensor a, int64_t k, int64_t dim0, int64_t dim1, gan_tensor* out) {
    GAN_RETURN(a->rot90(k, {dim0, dim1}))
}
GAN_API gan_status gan_repeat(gan_tensor a, const int64_t* repeats, int32_t n, gan_tensor* out) {
    GAN_RETURN(a->repeat(gan::dims(repeats, n)))
}
