"""Writes the PyTorch-made fixtures of tests/Gan.Models.Tests/Torch, next to this script.

Run with Debian's interpreter (the one with python3-torch):  /usr/bin/python3 make_pytorch_fixtures.py

- from_pytorch.safetensors and from_pytorch.json (the values it must hold): tensors of every dtype we read
  (PyTorchInteropTests).
- network_reset_seed0.safetensors: the state dict of MirrorNetwork after torch.manual_seed(0) and reset_parameters()
  on every module in modules() order, which is what SeededInit.ResetParameters claims to reproduce (SeededInitTests).
- network_trained.safetensors and network_io.safetensors: MirrorNetwork after a few SGD steps (its running statistics
  moved), and an input with its eval-mode output (PyTorchInteropTests).
"""
import json
import os

import torch
from torch import nn

import safetensors_io

HERE = os.path.dirname(os.path.abspath(__file__))
PRODUCER = "PyTorch " + torch.__version__


class MirrorNetwork(nn.Module):
    """The same layers, names and forward as MirrorNetwork.cs."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Linear(6, 8)
        self.body = nn.Sequential(nn.Conv2d(2, 4, 3, padding=1), nn.BatchNorm2d(4), nn.LeakyReLU(0.2),
                                  nn.ConvTranspose2d(4, 3, 4, stride=2, padding=1))
        self.embed = nn.Embedding(5, 3)
        self.head = nn.Linear(3, 2, bias=False)

    def forward(self, x, labels):
        h = self.body(self.stem(x).view(-1, 2, 2, 2)).mean(dim=(2, 3))
        return self.head(h + self.embed(labels))


def every_dtype():
    torch.manual_seed(0)
    return {
        "randn_f32": torch.randn(3, 4),
        "randn_f64": torch.randn(2, 3, dtype=torch.float64),
        "arange_i64": torch.arange(-6, 6).reshape(3, 4),
        "extremes_i64": torch.tensor([-2**63, -1, 0, 2**63 - 1], dtype=torch.int64),
        "values_i32": torch.tensor([-2**31, -1, 0, 1, 2**31 - 1], dtype=torch.int32),
        "ramp_u8": torch.arange(0, 256, 37, dtype=torch.uint8),
        "mask_bool": torch.randn(2, 5) > 0,
        "scalar_f64": torch.tensor(3.25, dtype=torch.float64),
        "empty_f32": torch.zeros(0, 4),
        "transposed_f32": torch.arange(12.0).reshape(3, 4).t(),
    }


def expected_values(tensors):
    return {name: {"dtype": safetensors_io.DTYPES[t.dtype][1], "shape": list(t.shape), "values": t.flatten().tolist(),
                   "sum": float(t.double().sum())}
            for name, t in tensors.items()}


def reset_seed0():
    network = MirrorNetwork()
    torch.manual_seed(0)
    for module in network.modules():
        if hasattr(module, "reset_parameters"):
            module.reset_parameters()
    return network.state_dict()


def trained():
    torch.manual_seed(1)
    network = MirrorNetwork()
    optimizer = torch.optim.SGD(network.parameters(), lr=0.1)
    for _ in range(3):
        x, labels = torch.randn(8, 6), torch.randint(0, 5, (8,))
        optimizer.zero_grad()
        network(x, labels).square().mean().backward()
        optimizer.step()
    network.eval()
    x, labels = torch.randn(4, 6), torch.tensor([0, 4, 2, 2])
    with torch.no_grad():
        output = network(x, labels)
    return network.state_dict(), {"x": x, "labels": labels, "output": output}


def main():
    tensors = every_dtype()
    metadata = {"producer": PRODUCER, "purpose": "Gan.Models interop fixture"}
    safetensors_io.write(os.path.join(HERE, "from_pytorch.safetensors"), tensors, metadata)
    with open(os.path.join(HERE, "from_pytorch.json"), "w") as f:
        json.dump({"metadata": metadata, "tensors": expected_values(tensors)}, f)
        f.write("\n")
    safetensors_io.write(os.path.join(HERE, "network_reset_seed0.safetensors"), reset_seed0(), {"producer": PRODUCER})
    state, io = trained()
    safetensors_io.write(os.path.join(HERE, "network_trained.safetensors"), state, {"producer": PRODUCER})
    safetensors_io.write(os.path.join(HERE, "network_io.safetensors"), io, {"producer": PRODUCER})


if __name__ == "__main__":
    main()
