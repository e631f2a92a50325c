"""Writes from_pytorch.safetensors and from_pytorch.json (the values it must hold) for PyTorchInteropTests.

Run with Debian's interpreter (the one with python3-torch 1.13):  /usr/bin/python3 make_pytorch_fixture.py

The `safetensors` pip package is not available here, so the file is written by hand from the format specification
(https://github.com/huggingface/safetensors): an 8-byte little-endian header length, a compact JSON header padded with
spaces to a multiple of 8 bytes, then each tensor's contiguous little-endian bytes. Like the reference writer, tensors
are laid out by descending dtype alignment (I64, F64, F32, I32, U8, BOOL) and then by name, with __metadata__ first.
"""
import json
import os
import struct

import torch

HERE = os.path.dirname(os.path.abspath(__file__))

# Position of each dtype in the safetensors Dtype enumeration (ordered by alignment) and its name there.
DTYPES = {
    torch.bool: (0, "BOOL"),
    torch.uint8: (1, "U8"),
    torch.int32: (2, "I32"),
    torch.float32: (3, "F32"),
    torch.float64: (4, "F64"),
    torch.int64: (5, "I64"),
}

METADATA = {"producer": "PyTorch " + torch.__version__, "purpose": "Gan.Torch interop fixture"}


def make_tensors():
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


def safetensors_bytes(tensors, metadata):
    ordered = sorted(tensors.items(), key=lambda kv: (-DTYPES[kv[1].dtype][0], kv[0].encode("utf-8")))
    header = {"__metadata__": metadata}
    data = bytearray()
    for name, tensor in ordered:
        raw = tensor.contiguous().numpy().tobytes()
        header[name] = {"dtype": DTYPES[tensor.dtype][1], "shape": list(tensor.shape),
                        "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    return struct.pack("<Q", len(text)) + text + bytes(data)


def expected_values(tensors):
    return {name: {"dtype": DTYPES[t.dtype][1], "shape": list(t.shape), "values": t.flatten().tolist(),
                   "sum": float(t.double().sum())}
            for name, t in tensors.items()}


def main():
    tensors = make_tensors()
    with open(os.path.join(HERE, "from_pytorch.safetensors"), "wb") as f:
        f.write(safetensors_bytes(tensors, METADATA))
    with open(os.path.join(HERE, "from_pytorch.json"), "w") as f:
        json.dump({"metadata": METADATA, "tensors": expected_values(tensors)}, f)
        f.write("\n")


if __name__ == "__main__":
    main()
