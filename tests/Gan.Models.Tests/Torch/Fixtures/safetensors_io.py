"""The safetensors format by hand, for the fixture scripts (Debian has no `safetensors` package for its python3-torch).

From the format's specification (https://github.com/huggingface/safetensors): an 8-byte little-endian header length,
a compact JSON header padded with spaces to a multiple of 8 bytes, then each tensor's contiguous little-endian bytes.
Like the reference writer, tensors are laid out by descending dtype alignment (I64, F64, F32, I32, U8, BOOL) and then
by name, with __metadata__ first.
"""
import json
import struct

import torch

# Position of each dtype in the safetensors Dtype enumeration (ordered by alignment) and its name there.
DTYPES = {
    torch.bool: (0, "BOOL"),
    torch.uint8: (1, "U8"),
    torch.int32: (2, "I32"),
    torch.float32: (3, "F32"),
    torch.float64: (4, "F64"),
    torch.int64: (5, "I64"),
}
BY_NAME = {name: dtype for dtype, (_, name) in DTYPES.items()}


def reference_order(names_and_dtype_names):
    """The reference writer's order of (name, dtype name) pairs."""
    rank = {name: position for position, name in DTYPES.values()}
    return sorted(names_and_dtype_names, key=lambda item: (-rank[item[1]], item[0].encode("utf-8")))


def to_bytes(tensors, metadata=None):
    ordered = reference_order([(name, DTYPES[t.dtype][1]) for name, t in tensors.items()])
    header = {"__metadata__": metadata} if metadata else {}
    data = bytearray()
    for name, _ in ordered:
        raw = tensors[name].detach().contiguous().numpy().tobytes()
        header[name] = {"dtype": DTYPES[tensors[name].dtype][1], "shape": list(tensors[name].shape),
                        "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    return struct.pack("<Q", len(text)) + text + bytes(data)


def write(path, tensors, metadata=None):
    with open(path, "wb") as f:
        f.write(to_bytes(tensors, metadata))


def read(path):
    """(header length, header without metadata in file order, data length, metadata, {name: tensor})."""
    with open(path, "rb") as f:
        raw = f.read()
    (header_length,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + header_length].decode("utf-8"))
    data = raw[8 + header_length:]
    metadata = header.pop("__metadata__", {})
    tensors = {}
    for name, info in header.items():
        begin, end = info["data_offsets"]
        dtype = BY_NAME[info["dtype"]]
        if end > begin:
            tensors[name] = torch.frombuffer(bytearray(data[begin:end]), dtype=dtype).reshape(info["shape"])
        else:
            tensors[name] = torch.empty(info["shape"], dtype=dtype)
    return header_length, header, len(data), metadata, tensors
