"""Writes op_values.json: reference values of Gan.Torch's tensor ops, computed by PyTorch.

Run with Debian's interpreter (same libtorch 1.13 as the binding):  /usr/bin/python3 make_op_fixtures.py
Every case evaluates one op on the fixed inputs below. For float64 cases the gradient of sum(output) with respect
to each float64 input is recorded too. OpValueTests.cs holds the C# twin of every case, under the same name.
"""
import torch

from fixture_io import write

f64 = torch.float64

# Fixed inputs, written out so that the fixtures do not depend on any random generator.
A = torch.tensor([[0.3, -1.2, 2.5], [-0.7, 1.9, 0.45]], dtype=f64)
B = torch.tensor([[1.1, 0.4, -0.8], [2.2, -1.5, 0.9]], dtype=f64)
ROW = torch.tensor([0.5, -2.0, 1.25], dtype=f64)
POS = torch.tensor([[0.5, 1.3, 2.2], [0.9, 3.1, 1.7]], dtype=f64)
M = torch.tensor([[0.2, -0.5], [1.4, 0.3], [-0.9, 2.1]], dtype=f64)  # 3x2, so A @ M is 2x2
V3 = torch.tensor([1.5, -0.25, 0.8], dtype=f64)
C = torch.tensor([[[0.1, 0.7, -0.3], [1.2, -0.6, 0.4]], [[-1.1, 0.5, 0.9], [0.6, 0.2, -0.8]]], dtype=f64)  # 2x2x3
D = torch.tensor([[[0.3, -0.2], [0.5, 1.0], [-0.7, 0.4]], [[1.1, 0.6], [-0.4, 0.8], [0.2, -1.3]]], dtype=f64)  # 2x3x2
SQ = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.5]], dtype=f64)
HALVES = torch.tensor([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, -2.6], dtype=f64)
MASK = torch.tensor([[True, False, True], [False, False, True]])
INTS = torch.tensor([7, -7, 7, -7, 0, 5], dtype=torch.int64)
DIVS = torch.tensor([3, 3, -3, -3, 2, 5], dtype=torch.int64)
IDX = torch.tensor([2, 0, 2], dtype=torch.int64)
GATHER_IDX = torch.tensor([[2, 0], [1, 1]], dtype=torch.int64)
LABELS = torch.tensor([1, 0, 3, 1], dtype=torch.int64)
INT32S = torch.tensor([1, -2, 3, 2147483647, 0, 9], dtype=torch.int32)
BYTES = torch.tensor([250, 3, 128], dtype=torch.uint8)
F6 = torch.tensor([0.5, -1.25, 2.0, 3.5, -0.75, 1.0], dtype=f64)
F32 = torch.tensor([1.5, -2.25, 0.1], dtype=torch.float32)
ZERO_DIM = torch.tensor(2.5, dtype=f64)
TIES = torch.tensor([1, 3, 3, 0, 0], dtype=torch.int64)
BOOLS_A = torch.tensor([True, True, False, False])
BOOLS_B = torch.tensor([True, False, True, False])



def seeded(seed):
    return torch.Generator().manual_seed(seed)


CASES = {
    # Arithmetic
    "add": ([A, B], lambda a, b: a + b),
    "add_alpha": ([A, B], lambda a, b: torch.add(a, b, alpha=2.5)),
    "add_broadcast": ([A, ROW], lambda a, r: a + r),
    "add_scalar": ([A], lambda a: a + 1.5),
    "add_scalar_alpha": ([A], lambda a: torch.add(a, 1.5, alpha=2)),
    "sub": ([A, B], lambda a, b: a - b),
    "sub_alpha": ([A, ROW], lambda a, r: torch.sub(a, r, alpha=0.5)),
    "sub_scalar": ([A], lambda a: a - 0.75),
    "rsub_scalar": ([A], lambda a: 2.0 - a),
    "mul": ([A, B], lambda a, b: a * b),
    "mul_broadcast": ([A, ROW], lambda a, r: a * r),
    "mul_scalar": ([A], lambda a: a * -3.0),
    "div": ([A, B], lambda a, b: a / b),
    "div_scalar": ([A], lambda a: a / 4.0),
    "scalar_div": ([A], lambda a: 3.0 / a),
    "scalar_div_int": ([INTS[:4]], lambda i: 3.0 / i),
    "pow": ([POS, B], lambda p, b: p ** b),
    "pow_scalar": ([POS], lambda p: p ** 2.5),
    "maximum": ([A, B], torch.maximum),
    "minimum": ([A, B], torch.minimum),
    "remainder_float": ([A], lambda a: torch.remainder(a, 0.7)),
    "remainder_float_negative_divisor": ([A], lambda a: torch.remainder(a, -0.7)),
    # Integer and bool semantics
    "int_add_int_scalar": ([INTS], lambda i: i + 3),
    "int_add_float_scalar": ([INTS], lambda i: i + 2.0),
    "int_mul_int": ([INTS, DIVS], lambda i, d: i * d),
    "int_true_division": ([INTS, DIVS], lambda i, d: i / d),
    "int_remainder": ([INTS, DIVS], torch.remainder),
    "int_remainder_scalar": ([INTS], lambda i: torch.remainder(i, -4)),
    "int_mul_float_scalar": ([INTS], lambda i: i * 0.5),
    "int_div_int_scalar": ([INTS], lambda i: i / 2),
    "int_add_float64_tensor": ([INTS, F6], lambda i, f: i + f),
    "int32_add_int64": ([INT32S, INTS], lambda a, b: a + b),
    "int32_add_int_scalar_wraps": ([INT32S], lambda a: a + 1),
    "uint8_add_int_scalar_wraps": ([BYTES], lambda b: b + 10),
    "float32_add_zero_dim_float64": ([F32, ZERO_DIM], lambda f, z: f + z),
    "zero_dim_float64_add_int": ([ZERO_DIM, INTS], lambda z, i: z + i),
    "bool_add_bool": ([BOOLS_A, BOOLS_B], lambda a, b: a + b),
    "bool_sum": ([BOOLS_A], torch.sum),
    "int32_sum": ([INT32S], torch.sum),
    "argmax_ties_first": ([TIES], torch.argmax),
    "argmin_ties_first": ([TIES], torch.argmin),
    "int_clamp_float_bounds": ([INTS], lambda i: torch.clamp(i, 0.5, 2)),
    "int_clamp_int_bounds": ([INTS], lambda i: torch.clamp(i, 0, 2)),
    "eq": ([A, B], lambda a, b: a == b),
    "eq_scalar": ([INTS], lambda i: i == 7),
    "ne_scalar": ([INTS], lambda i: i != 7),
    "lt": ([A, B], lambda a, b: a < b),
    "le_scalar": ([A], lambda a: a <= 0.45),
    "gt_broadcast": ([A, ROW], lambda a, r: a > r),
    "ge_scalar": ([INTS], lambda i: i >= 0),
    "logical_and": ([BOOLS_A, BOOLS_B], torch.logical_and),
    "logical_or": ([BOOLS_A, BOOLS_B], torch.logical_or),
    "logical_not": ([BOOLS_A], torch.logical_not),
    "arange_int": ([], lambda: torch.arange(2, 9, 3)),
    "arange_float": ([], lambda: torch.arange(0, 1, 0.25)),
    "arange_end": ([], lambda: torch.arange(5)),
    # Elementwise
    "neg": ([A], torch.neg),
    "exp": ([A], torch.exp),
    "log": ([POS], torch.log),
    "sqrt": ([POS], torch.sqrt),
    "abs": ([A], torch.abs),
    "relu": ([A], torch.relu),
    "tanh": ([A], torch.tanh),
    "sigmoid": ([A], torch.sigmoid),
    "sign": ([A], torch.sign),
    "floor": ([A], torch.floor),
    "ceil": ([A], torch.ceil),
    "round_half_to_even": ([HALVES], torch.round),
    "reciprocal": ([A], torch.reciprocal),
    "square": ([A], torch.square),
    "rsqrt": ([POS], torch.rsqrt),
    "log1p": ([POS], torch.log1p),
    "expm1": ([A], torch.expm1),
    "sin": ([A], torch.sin),
    "cos": ([A], torch.cos),
    "softplus": ([A], torch.nn.functional.softplus),
    "clamp": ([A], lambda a: torch.clamp(a, -0.5, 0.5)),
    "clamp_min": ([A], lambda a: torch.clamp(a, min=0.4)),
    "clamp_max": ([A], lambda a: torch.clamp(a, max=0.4)),
    "where": ([A, B], lambda a, b: torch.where(MASK, a, b)),
    "matmul_matrix": ([A, M], torch.matmul),
    "matmul_matrix_vector": ([A, V3], torch.matmul),
    "matmul_vector_vector": ([ROW, V3], torch.matmul),
    "matmul_batched": ([C, D], torch.matmul),
    "addmm": ([B[:, :2], A, M], lambda i, a, m: torch.addmm(i, a, m, beta=0.5, alpha=2.0)),
    # Reductions
    "sum": ([A], torch.sum),
    "sum_dim": ([C], lambda c: torch.sum(c, 1)),
    "sum_dims_keepdim": ([C], lambda c: torch.sum(c, [0, 2], keepdim=True)),
    "mean": ([A], torch.mean),
    "mean_dim_keepdim": ([C], lambda c: torch.mean(c, [-1], keepdim=True)),
    "prod": ([A], torch.prod),
    "prod_dim": ([C], lambda c: torch.prod(c, 2)),
    "prod_dim_keepdim": ([A], lambda a: torch.prod(a, 0, keepdim=True)),
    "std": ([A], torch.std),
    "std_dims": ([C], lambda c: torch.std(c, [0, 1])),
    "var": ([A], torch.var),
    "var_dims_keepdim": ([C], lambda c: torch.var(c, [2], keepdim=True)),
    "norm": ([A], torch.norm),
    "norm_dims": ([C], lambda c: torch.norm(c, dim=[1, 2])),
    "logsumexp": ([A], lambda a: torch.logsumexp(a, [0, 1])),
    "logsumexp_dim_keepdim": ([C], lambda c: torch.logsumexp(c, 1, keepdim=True)),
    "amax_all": ([A], torch.max),
    "amin_all": ([A], torch.min),
    "amax_dims": ([C], lambda c: torch.amax(c, [0, 2])),
    "amin_dims_keepdim": ([C], lambda c: torch.amin(c, [1], keepdim=True)),
    "max_dim_values": ([C], lambda c: torch.max(c, 2).values),
    "max_dim_indices": ([C], lambda c: torch.max(c, 2).indices),
    "min_dim_keepdim_values": ([C], lambda c: torch.min(c, 0, keepdim=True).values),
    "min_dim_keepdim_indices": ([C], lambda c: torch.min(c, 0, keepdim=True).indices),
    "argmax": ([A], torch.argmax),
    "argmax_dim": ([C], lambda c: torch.argmax(c, 1)),
    "argmin": ([A], torch.argmin),
    "argmin_dim_keepdim": ([C], lambda c: torch.argmin(c, 2, keepdim=True)),
    "cumsum": ([C], lambda c: torch.cumsum(c, 2)),
    "cumsum_int": ([INTS], lambda i: torch.cumsum(i, 0)),
    "all": ([BOOLS_A], torch.all),
    "any": ([BOOLS_A], torch.any),
    "sum_int": ([INTS], torch.sum),
    # Shape
    "view": ([C], lambda c: c.view(3, 4)),
    "reshape_transposed": ([A], lambda a: a.t().reshape(-1)),
    "expand": ([ROW], lambda r: r.expand(2, 3)),
    "permute": ([C], lambda c: c.permute(2, 0, 1)),
    "flatten": ([C], lambda c: c.flatten(1)),
    "transpose": ([C], lambda c: c.transpose(0, 2)),
    "unsqueeze": ([A], lambda a: a.unsqueeze(1)),
    "squeeze": ([A], lambda a: a.view(2, 1, 3, 1).squeeze()),
    "squeeze_dim": ([A], lambda a: a.view(2, 1, 3, 1).squeeze(1)),
    "cat": ([A, B], lambda a, b: torch.cat([a, b], 1)),
    "stack": ([A, B], lambda a, b: torch.stack([a, b], 1)),
    "narrow": ([C], lambda c: c.narrow(2, 1, 2)),
    "slice_step": ([SQ], lambda s: s[:, 0:3:2]),
    "select": ([C], lambda c: c.select(1, 1)),
    "index_select": ([A], lambda a: a.index_select(1, IDX)),
    "gather": ([A], lambda a: a.gather(1, GATHER_IDX)),
    "masked_fill": ([A], lambda a: a.masked_fill(MASK, -9.0)),
    "flip": ([C], lambda c: c.flip(0, 2)),
    "rot90": ([A], lambda a: a.rot90(1, [0, 1])),
    "rot90_k2": ([A], lambda a: a.rot90(2, [0, 1])),
    "rot90_negative": ([C], lambda c: c.rot90(-1, [1, 2])),
    "repeat": ([A], lambda a: a.repeat(2, 1, 2)),
    "one_hot": ([LABELS], lambda l: torch.nn.functional.one_hot(l)),
    "one_hot_classes": ([LABELS], lambda l: torch.nn.functional.one_hot(l, 5)),
    "clone": ([A], torch.clone),
    "contiguous": ([A], lambda a: a.t().contiguous()),
    # Random: a seeded Generator must reproduce PyTorch's streams exactly (same libtorch, same mt19937 engine).
    "randn_seed_42": ([], lambda: torch.randn(2, 3, dtype=f64, generator=seeded(42))),
    "randn_float32_seed_7": ([], lambda: torch.randn(5, generator=seeded(7))),
    "rand_seed_42": ([], lambda: torch.rand(2, 3, dtype=f64, generator=seeded(42))),
    "randint_seed_3": ([], lambda: torch.randint(-5, 5, (8,), generator=seeded(3))),
    "randperm_seed_5": ([], lambda: torch.randperm(10, generator=seeded(5))),
    "normal_inplace_seed_9": ([], lambda: torch.zeros(4, dtype=f64).normal_(1.0, 2.0, generator=seeded(9))),
    "uniform_inplace_seed_9": ([], lambda: torch.zeros(4, dtype=f64).uniform_(-2.0, 3.0, generator=seeded(9))),
    "bernoulli_inplace_seed_9": ([], lambda: torch.zeros(8, dtype=f64).bernoulli_(0.3, generator=seeded(9))),
}


if __name__ == "__main__":
    write(CASES, "op_values.json")
