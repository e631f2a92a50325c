"""Checks, in PyTorch, a safetensors file written by Gan.Torch; exits non-zero on any mismatch.

Usage:  /usr/bin/python3 check_gan_torch_file.py [path]   (default: from_gan_torch.safetensors next to this script)

The file is written by GanTorchInteropFixture.Build() in PyTorchInteropTests. The checked-in
from_gan_torch.safetensors is regenerated with
    GAN_REGENERATE_FIXTURES=1 dotnet test tests/Gan.Torch.Tests -c Release --filter Name~CheckedInGanTorchFileIsCurrent
and PyTorchReadsAFreshGanTorchFile runs this script on a newly written file on every test run.

The `safetensors` pip package is not available here, so the file is parsed by hand from the format specification
(https://github.com/huggingface/safetensors) with json + torch.frombuffer. Every expected value is computed here,
independently, with PyTorch.
"""
import json
import os
import struct
import sys

import torch

DTYPES = {"BOOL": torch.bool, "U8": torch.uint8, "I32": torch.int32, "F32": torch.float32, "F64": torch.float64,
          "I64": torch.int64}
ALIGNMENT_RANK = {"BOOL": 0, "U8": 1, "I32": 2, "F32": 3, "F64": 4, "I64": 5}

EXPECTED_METADATA = {"producer": "Gan.Torch", "purpose": "PyTorch interop fixture"}


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


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (header_length,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + header_length].decode("utf-8"))
    data = raw[8 + header_length:]
    metadata = header.pop("__metadata__", {})
    tensors = {}
    for name, info in header.items():
        begin, end = info["data_offsets"]
        dtype = DTYPES[info["dtype"]]
        if end > begin:
            tensor = torch.frombuffer(bytearray(data[begin:end]), dtype=dtype).reshape(info["shape"])
        else:
            tensor = torch.empty(info["shape"], dtype=dtype)
        tensors[name] = tensor
    return header_length, header, len(data), metadata, tensors


def check(path):
    problems = []
    header_length, header, data_length, metadata, tensors = read_safetensors(path)
    if header_length % 8 != 0:
        problems.append(f"header length {header_length} is not a multiple of 8")
    order = list(header.keys())
    reference_order = sorted(order, key=lambda n: (-ALIGNMENT_RANK[header[n]["dtype"]], n.encode("utf-8")))
    if order != reference_order:
        problems.append(f"tensors are in order {order}, the reference writer's is {reference_order}")
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
    default = os.path.join(os.path.dirname(os.path.abspath(__file__)), "from_gan_torch.safetensors")
    path = sys.argv[1] if len(sys.argv) > 1 else default
    problems = check(path)
    for problem in problems:
        print(f"MISMATCH {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"OK {path}: PyTorch {torch.__version__} reads every tensor Gan.Torch wrote")
    return 0


if __name__ == "__main__":
    sys.exit(main())
