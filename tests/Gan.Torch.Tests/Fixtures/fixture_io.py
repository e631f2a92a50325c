"""Shared by the fixture scripts: evaluates named cases and writes them as JSON for Support/Fixture.cs."""
import json
import pathlib

import torch


class Const:
    """Marks a case input that is data, not a variable: it gets no gradient (e.g. a loss target)."""

    def __init__(self, tensor):
        self.tensor = tensor


def encode(t):
    t = t.detach()
    if t.dtype == torch.bool:
        values = [bool(v) for v in t.flatten().tolist()]
    else:
        values = t.flatten().tolist()
    return {"dtype": str(t.dtype).replace("torch.", ""), "shape": list(t.shape), "values": values}


def evaluate(inputs, fn):
    """Runs fn on copies of the inputs; float64 ones (unless Const) require grad, and d(sum(output))/d(them) is
    recorded."""
    leaves = [x.tensor.clone() if isinstance(x, Const) else x.clone().requires_grad_(x.dtype == torch.float64)
              for x in inputs]
    out = fn(*leaves)
    case = {"inputs": [dict(encode(leaf), constant=isinstance(x, Const)) for leaf, x in zip(leaves, inputs)],
            "output": encode(out)}
    differentiable = [x for x in leaves if x.requires_grad]
    if out.requires_grad and differentiable:
        grads = torch.autograd.grad(out.sum(), differentiable, allow_unused=True)
        case["grads"] = [encode(g if g is not None else torch.zeros_like(x)) for g, x in zip(grads, differentiable)]
    return case


def write(cases, file_name):
    """Evaluates {name: (inputs, fn)} and writes the results next to this script."""
    evaluated = {name: evaluate(inputs, fn) for name, (inputs, fn) in cases.items()}
    target = pathlib.Path(__file__).with_name(file_name)
    target.write_text(json.dumps({"torch": torch.__version__, "cases": evaluated}, indent=1) + "\n")
    print(f"wrote {len(evaluated)} cases to {target}")
