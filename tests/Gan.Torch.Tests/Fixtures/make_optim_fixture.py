"""Writes optim_fixture.json: parameter values after each of 5 steps of torch.optim.Adam / torch.optim.SGD.

Run with Debian's interpreter (the one with python3-torch 1.13):  /usr/bin/python3 make_optim_fixture.py

Two float64 parameters start from fixed values. Before every step each parameter's gradient is set to
p * p - 0.5 (computed from the current values, elementwise, so Gan.Torch reproduces it exactly), then the
optimizer steps. OptimizerFixtureTests replays the same cases and compares every value.
"""
import json
import os

import torch

INITIAL = [[0.5, -1.25, 2.0, 0.1], [[0.3, -0.7], [1.1, -0.2]]]
STEPS = 5

CASES = [
    {"name": "adam", "optimizer": "adam", "lr": 0.1, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8, "weight_decay": 0.0},
    {"name": "adam_weight_decay", "optimizer": "adam", "lr": 0.05, "beta1": 0.8, "beta2": 0.95, "eps": 1e-6,
     "weight_decay": 0.1},
    {"name": "sgd", "optimizer": "sgd", "lr": 0.1, "momentum": 0.0, "dampening": 0.0, "weight_decay": 0.0,
     "nesterov": False},
    {"name": "sgd_momentum", "optimizer": "sgd", "lr": 0.1, "momentum": 0.9, "dampening": 0.2, "weight_decay": 0.05,
     "nesterov": False},
    {"name": "sgd_nesterov", "optimizer": "sgd", "lr": 0.05, "momentum": 0.8, "dampening": 0.0, "weight_decay": 0.01,
     "nesterov": True},
]


def make_optimizer(case, params):
    if case["optimizer"] == "adam":
        return torch.optim.Adam(params, lr=case["lr"], betas=(case["beta1"], case["beta2"]), eps=case["eps"],
                                weight_decay=case["weight_decay"], foreach=False)
    return torch.optim.SGD(params, lr=case["lr"], momentum=case["momentum"], dampening=case["dampening"],
                           weight_decay=case["weight_decay"], nesterov=case["nesterov"], foreach=False)


def run(case):
    params = [torch.tensor(v, dtype=torch.float64, requires_grad=True) for v in INITIAL]
    optimizer = make_optimizer(case, params)
    trajectory = []
    for _ in range(STEPS):
        for p in params:
            d = p.detach()
            p.grad = d * d - 0.5
        optimizer.step()
        trajectory.append([p.detach().flatten().tolist() for p in params])
    return trajectory


def main():
    fixture = {
        "torch_version": torch.__version__,
        "initial": INITIAL,
        "cases": [dict(case, steps=run(case)) for case in CASES],
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "optim_fixture.json")
    with open(path, "w") as f:
        json.dump(fixture, f)
        f.write("\n")


if __name__ == "__main__":
    main()
