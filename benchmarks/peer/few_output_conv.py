#!/usr/bin/env python3
"""Times libtorch's 2-D convolution against the column split Gan.Models uses for few outputs and wide kernels
(src/Gan.Models/SuperResolution/ColumnSplitConvolution.cs), in PyTorch, layer by layer, and prints a markdown table.

    /usr/bin/python3 benchmarks/peer/few_output_conv.py --threads 2

The split: out[n, o, y, x] = sum over kx of P[n, (o, kx), y, x + kx - pad_w], where P is the convolution of the
input with each output's kernel column kx as a Kh x 1 kernel (O * Kw outputs). Same sum, another order."""
import argparse
import time

import torch
import torch.nn.functional as F

# (label, input shape, outputs, kernel, forward + backward?)
LAYERS = [
    ("32 → 3, 9×9 (SRResNet ×2 tail at 256²)", (1, 32, 256, 256), 3, 9, False),
    ("32 → 3, 5×5", (1, 32, 256, 256), 3, 5, False),
    ("32 → 3, 3×3", (1, 32, 256, 256), 3, 3, False),
    ("64 → 1, 5×5, batch 64 at 16²", (64, 64, 16, 16), 1, 5, False),
    ("32 → 12, 3×3 at 128²", (1, 32, 128, 128), 12, 3, False),
    ("32 → 3, 9×9, batch 16 at 96² (SR training)", (16, 32, 96, 96), 3, 9, True),
    ("32 → 1, 9×9, batch 16 at 64²", (16, 32, 64, 64), 1, 9, True),
    ("64 → 1, 5×5, batch 64 at 16²", (64, 64, 16, 16), 1, 5, True),
]


def column_split(x, weight, bias, padding):
    outputs, _, kernel_height, kernel_width = weight.shape
    width = x.shape[3]
    columns = weight.permute(0, 3, 1, 2).reshape(outputs * kernel_width, weight.shape[1], kernel_height, 1)
    partial = F.conv2d(x, columns, None, padding=(padding, 0))
    partial = F.pad(partial.view(x.shape[0], outputs, kernel_width, partial.shape[2], width), (padding, padding))
    out_width = width + 2 * padding - kernel_width + 1
    out = partial[:, :, 0, :, :out_width] + bias.view(1, outputs, 1, 1)
    for kx in range(1, kernel_width):
        out += partial[:, :, kx, :, kx:kx + out_width]
    return out


def median_ms(step, repeats=5):
    step()
    step()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2] * 1e3


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    print(f"{args.threads} thread(s), torch {torch.__version__}; median of 5, ms")
    print("| layer (input) | pass | libtorch | column split | largest difference |")
    print("| --- | --- | ---: | ---: | ---: |")
    for label, shape, outputs, kernel, backward in LAYERS:
        x = torch.rand(shape, requires_grad=backward)
        weight = (torch.randn(outputs, shape[1], kernel, kernel) * 0.05).requires_grad_(backward)
        bias = torch.randn(outputs).requires_grad_(backward)
        padding = kernel // 2
        direct = lambda: F.conv2d(x, weight, bias, padding=padding)
        split = lambda: column_split(x, weight, bias, padding)
        with torch.no_grad():
            difference = (direct() - split()).abs().max().item()
        if backward:
            times = [median_ms(lambda f=f: f().sum().backward()) for f in (direct, split)]
        else:
            with torch.inference_mode():
                times = [median_ms(f) for f in (direct, split)]
        print(f"| {label} {tuple(shape)} | {'forward + backward' if backward else 'forward'} | "
              f"{times[0]:.1f} | {times[1]:.1f} | {difference:.1e} |")


if __name__ == "__main__":
    main()
