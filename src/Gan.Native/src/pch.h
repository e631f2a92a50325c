// Precompiled: libtorch's headers dominate compile time.
#pragma once
#include <ATen/ATen.h>
#include <torch/csrc/autograd/autograd.h>
