// Backpropagation, gradients, and the grad / inference-mode switches.
#include <c10/core/GradMode.h>
#include <c10/core/InferenceMode.h>
#include <torch/csrc/autograd/autograd.h>

#include "common.h"

GAN_API gan_status gan_backward(gan_tensor t, gan_tensor grad, int32_t retain_graph, int32_t create_graph) {
    GAN_TRY
    t->backward(gan::opt(grad), retain_graph != 0, create_graph != 0);
    GAN_CATCH
}

GAN_API gan_status gan_tensor_grad(gan_tensor t, gan_tensor* out) {
    GAN_TRY
    const at::Tensor& g = t->grad();
    *out = g.defined() ? gan::wrap(g) : nullptr;
    GAN_CATCH
}

GAN_API gan_status gan_tensor_set_grad(gan_tensor t, gan_tensor grad) {
    GAN_TRY
    t->mutable_grad() = gan::opt(grad);
    GAN_CATCH
}

GAN_API gan_status gan_autograd_grad(const gan_tensor* outputs, int32_t n_outputs, const gan_tensor* grad_outputs,
                                     const gan_tensor* inputs, int32_t n_inputs, int32_t retain_graph,
                                     int32_t create_graph, int32_t allow_unused, gan_tensor* out) {
    GAN_TRY
    auto outs = gan::tensors(outputs, n_outputs);
    auto ins = gan::tensors(inputs, n_inputs);
    std::vector<at::Tensor> gouts = grad_outputs ? gan::tensors(grad_outputs, n_outputs) : std::vector<at::Tensor>();
    auto grads = torch::autograd::grad(outs, ins, gouts, retain_graph != 0, create_graph != 0, allow_unused != 0);
    for (size_t i = 0; i < grads.size(); ++i) out[i] = grads[i].defined() ? gan::wrap(grads[i]) : nullptr;
    GAN_CATCH
}

GAN_API int32_t gan_is_grad_enabled(void) { return c10::GradMode::is_enabled() ? 1 : 0; }
GAN_API void gan_set_grad_enabled(int32_t enabled) { c10::GradMode::set_enabled(enabled != 0); }
GAN_API int32_t gan_is_inference_mode_enabled(void) { return c10::InferenceMode::is_enabled() ? 1 : 0; }

GAN_API gan_status gan_inference_mode_enter(int32_t enabled, void** guard) {
    GAN_TRY
    *guard = new c10::InferenceMode(enabled != 0);
    GAN_CATCH
}

GAN_API void gan_inference_mode_exit(void* guard) { delete static_cast<c10::InferenceMode*>(guard); }
