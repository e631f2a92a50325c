"""Checks, in PyTorch, a safetensors file written by Gan.Models; exits non-zero on any mismatch.

Usage:  /usr/bin/python3 check_gan_models_file.py [path]   (default: from_gan_models.safetensors next to this script)

The file holds what GanModelsFixture.Build() in PyTorchInteropTests makes. The checked-in from_gan_models.safetensors
is regenerated with
    GAN_REGENERATE_FIXTURES=1 dotnet test tests/Gan.Models.Tests -c Release --filter Name~CheckedInGanModelsFileIsCurrent
and PyTorchReadsAFreshGanModelsFile runs this script on a newly written file on every test run. Every expected value
is computed here, independently, with PyTorch.
"""
import os
import sys

import torch

import safetensors_io

EXPECTED_METADATA = {"producer": "Gan.Models", "purpose": "PyTorch interop fixture"}


def expected_tensors():
    generator = torch.Generator().manual_seed(42)
    return {
        "randn_seed42_f32": torch.randn(2, 3, generator=generator),
        "arange_f64": torch.arange(0.0, 1.0, 0.125, dtype=torch.float64).reshape(2, 4),
        "extremes_i64": torch.tensor([-2**63, -1, 0, 1, 2**63 - 1], dtype=torch.int64),
        "values_i32": torch.tensor([-2**31, -7, 0, 7, 2**31 - 1], dtype=torch.int32),
        "ramp_u8": torch.arange(0, 256, 51, dtype=torch.uint8),
        "mask_bool": (torch.arange(6) % 2 == 0).reshape(2, 3),
        "scalar_f32": torch.tensor(-2.5),
        "empty_i64": torch.zeros(3, 0, dtype=torch.int64),
        "transposed_f32": torch.arange(6.0).reshape(2, 3).t(),
    }


def check(path):
    problems = []
    header_length, header, data_length, metadata, tensors = safetensors_io.read(path)
    if header_length % 8 != 0:
        problems.append(f"header length {header_length} is not a multiple of 8")
    order = list(header.keys())
    reference = [name for name, _ in safetensors_io.reference_order([(n, header[n]["dtype"]) for n in order])]
    if order != reference:
        problems.append(f"tensors are in order {order}, the reference writer's is {reference}")
    position = 0
    for name in order:
        begin, end = header[name]["data_offsets"]
        if begin != position:
            problems.append(f"{name} starts at {begin}, expected {position}")
        position = end
    if position != data_length:
        problems.append(f"tensors cover {position} bytes of a {data_length}-byte data section")
    if metadata != EXPECTED_METADATA:
        problems.append(f"metadata {metadata} != {EXPECTED_METADATA}")
    expected = expected_tensors()
    if set(tensors) != set(expected):
        problems.append(f"tensor names {sorted(tensors)} != {sorted(expected)}")
    for name, want in expected.items():
        got = tensors.get(name)
        if got is None:
            continue
        if got.dtype != want.dtype or got.shape != want.shape:
            problems.append(f"{name}: {got.dtype} {tuple(got.shape)} != {want.dtype} {tuple(want.shape)}")
        elif not torch.equal(got, want):
            problems.append(f"{name}: values {got.tolist()} != {want.tolist()}")
    return problems


def main():
    default = os.path.join(os.path.dirname(os.path.abspath(__file__)), "from_gan_models.safetensors")
    path = sys.argv[1] if len(sys.argv) > 1 else default
    problems = check(path)
    for problem in problems:
        print(f"MISMATCH {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"OK {path}: PyTorch {torch.__version__} reads every tensor Gan.Models wrote")
    return 0


if __name__ == "__main__":
    sys.exit(main())
