#!/usr/bin/python3
"""Python peer of `gan bench upscale`: upscales every image of a folder as a Python user would write it, one image
at a time — PIL decode, the same SRResNet in torch (benchmarks/peer/torch_peer.py's network, weights from the same
safetensors file as `gan`), PIL encode to PNG — and prints the same markdown row as `gan bench upscale`.

    /usr/bin/python3 benchmarks/upscale/python_upscale_peer.py --input DIR [--scale 2] [--threads 2]
        [--model file.safetensors] [--output DIR] [--profile]

Inputs: every file under DIR, recursively, hidden files and folders left out, sorted by relative path (as `gan`).
Each is converted to RGB, run through the network whole (no tiles) under torch.inference_mode(), clamped to [0, 1],
rounded to 8 bits (as Gan.Models' ImageTensors) and saved as PNG with PIL's defaults (zlib level 6, the level
Gan.Imaging uses) under its relative path with the extension .png. Without --output the outputs go to a scratch
folder that is deleted afterwards, as `gan bench upscale` does.

The timed span is the loop over the images (the network is loaded before it, as in `gan bench upscale`); peak RSS
is the process's (resource.getrusage ru_maxrss). --profile also prints where the loop's time went: decode (PIL open,
load, convert), to tensor, network, to bytes (clamp, round, to uint8, HWC), encode + write (PIL save).
"""
import argparse
import os
import resource
import shutil
import sys
import tempfile
import time

import numpy as np
import torch
from PIL import Image

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "peer"))
from torch_peer import SR_BUNDLED, load_srresnet  # noqa: E402 (the peer folder is put on the path first)

STAGES = ("decode", "to tensor", "network", "to bytes", "encode + write")


def input_files(folder):
    """Relative paths of the non-hidden files under folder, sorted ordinally with '/' separators."""
    found = []
    for directory, folders, files in os.walk(folder):
        folders[:] = [f for f in folders if not f.startswith(".")]
        for name in files:
            if not name.startswith("."):
                found.append(os.path.relpath(os.path.join(directory, name), folder).replace(os.sep, "/"))
    return sorted(found, key=lambda p: p.encode())


def upscale_folder(network, folder, output, stage_seconds):
    """Upscales every input file into output; adds each stage's time to stage_seconds. Returns the output pixels."""
    output_pixels = 0
    for relative in input_files(folder):
        t0 = time.perf_counter()
        with Image.open(os.path.join(folder, relative)) as image:
            rgb = image.convert("RGB")
        t1 = time.perf_counter()
        x = torch.from_numpy(np.array(rgb)).permute(2, 0, 1).unsqueeze(0).float().div(255)
        t2 = time.perf_counter()
        with torch.inference_mode():
            y = network(x)
        t3 = time.perf_counter()
        pixels = y.squeeze(0).clamp(0, 1).mul(255).round().to(torch.uint8).permute(1, 2, 0).contiguous().numpy()
        t4 = time.perf_counter()
        target = os.path.join(output, os.path.splitext(relative)[0] + ".png")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        Image.fromarray(pixels).save(target)
        t5 = time.perf_counter()
        for i, seconds in enumerate((t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
            stage_seconds[i] += seconds
        output_pixels += pixels.shape[0] * pixels.shape[1]
    return output_pixels


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", required=True, help="the folder of images")
    parser.add_argument("--scale", type=int, choices=(2, 4), default=2, help="2 or 4: picks the bundled model (default 2)")
    parser.add_argument("--model", help="an SRResNet .safetensors file (default: the bundled one for --scale)")
    parser.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (default 1)")
    parser.add_argument("--output", help="keep the outputs in this folder (default: a scratch folder, deleted)")
    parser.add_argument("--profile", action="store_true", help="also print the time of each stage")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    network = load_srresnet(args.model or os.path.join(SR_BUNDLED, f"srresnet-x{args.scale}.safetensors"))
    if network.scale != args.scale:
        parser.error(f"--scale {args.scale} contradicts the model's scale {network.scale}")
    output = args.output or tempfile.mkdtemp(prefix="python-upscale-peer-")
    stage_seconds = [0.0] * len(STAGES)
    try:
        count = len(input_files(args.input))
        start = time.perf_counter()
        output_pixels = upscale_folder(network, args.input, output, stage_seconds)
        seconds = time.perf_counter() - start
    finally:
        if not args.output:
            shutil.rmtree(output, ignore_errors=True)
    peak_rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("| inputs | written | failed | seconds | images/s | output MP/s | peak RSS MiB | scale | threads | batch |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {count} | {count} | 0 | {seconds:.2f} | {count / seconds:.2f} | {output_pixels / 1e6 / seconds:.3f} | "
          f"{peak_rss_mib:.0f} | ×{network.scale} | {torch.get_num_threads()} | 1 |")
    if args.profile:
        total = sum(stage_seconds)
        print(f"\nwhere the time went ({total:.2f} s in the stages, {seconds - total:.2f} s around them):")
        for name, stage in zip(STAGES, stage_seconds):
            print(f"  {name:<15} {stage:8.2f} s  {100 * stage / seconds:5.1f} %  {1000 * stage / count:8.1f} ms/image")


if __name__ == "__main__":
    main()
