// Optimizer updates, fused per call over all parameters so a step costs one crossing of the ABI.
// The arithmetic follows torch.optim.Adam / torch.optim.SGD (single-tensor path) operation by operation so that
// both frameworks produce the same numbers from the same start.
#include <cmath>

#include <c10/core/GradMode.h>

#include "common.h"

GAN_API gan_status gan_adam_step(const gan_tensor* params, const gan_tensor* exp_avg, const gan_tensor* exp_avg_sq,
                                 int32_t n, int64_t step, double lr, double beta1, double beta2, double eps,
                                 double weight_decay) {
    GAN_TRY
    if (step < 1) throw gan::argument_error("Adam step count starts at 1");
    at::NoGradGuard no_grad;
    const double bias_correction1 = 1.0 - std::pow(beta1, static_cast<double>(step));
    const double bias_correction2_sqrt = std::sqrt(1.0 - std::pow(beta2, static_cast<double>(step)));
    const double step_size = lr / bias_correction1;
    for (int32_t i = 0; i < n; ++i) {
        at::Tensor& p = *params[i];
        const at::Tensor& g0 = p.grad();
        if (!g0.defined()) continue;
        at::Tensor grad = weight_decay != 0.0 ? g0.add(p, weight_decay) : g0;
        exp_avg[i]->mul_(beta1).add_(grad, 1.0 - beta1);
        exp_avg_sq[i]->mul_(beta2).addcmul_(grad, grad, 1.0 - beta2);
        at::Tensor denom = (exp_avg_sq[i]->sqrt() / bias_correction2_sqrt).add_(eps);
        p.addcdiv_(*exp_avg[i], denom, -step_size);
    }
    GAN_CATCH
}

GAN_API gan_status gan_sgd_step(const gan_tensor* params, const gan_tensor* momentum_buffers, int32_t n,
                                int32_t first_step, double lr, double momentum, double dampening,
                                double weight_decay, int32_t nesterov) {
    GAN_TRY
    at::NoGradGuard no_grad;
    for (int32_t i = 0; i < n; ++i) {
        at::Tensor& p = *params[i];
        const at::Tensor& g0 = p.grad();
        if (!g0.defined()) continue;
        at::Tensor d_p = weight_decay != 0.0 ? g0.add(p, weight_decay) : g0;
        if (momentum != 0.0) {
            at::Tensor& buf = *momentum_buffers[i];
            if (first_step) buf.copy_(d_p);
            else buf.mul_(momentum).add_(d_p, 1.0 - dampening);
            d_p = nesterov ? d_p.add(buf, momentum) : buf;
        }
        p.add_(d_p, -lr);
    }
    GAN_CATCH
}
