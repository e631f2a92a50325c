#!/usr/bin/python3
"""PyTorch-Python peer of benchmarks/Gan.Benchmarks: the same workloads, shapes and timing method.

Run with Debian's interpreter, which has python3-torch 1.13 (libtorch 1.13; our side runs TorchSharp's libtorch 2.10):

    /usr/bin/python3 benchmarks/peer/torch_peer.py --threads 1

Timing method (mirrored by `Gan.Benchmarks peer`): each workload runs its warm-up iterations, then `repeats`
timed batches of `iterations` each; a batch's time divided by its iteration count is one sample, and the
reported figure is the median of the samples (min and max are reported too).
"""
import argparse
import json
import os
import platform
import statistics
import struct
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

BATCH = 64
LATENT = 100
IMAGE = 28 * 28
DCGAN_SIDE = 32
DCGAN_CHANNELS = 3
NGF = 64
NDF = 64
DCGAN_INIT_SEED = 1  # DcganStepWorkload.InitSeed: the seed of GanNetworks.Create's weight-init generator
SR_INPUT_SIDE = 128  # SrInferenceWorkload.InputSide
SR_BUNDLED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "Gan.Models", "SuperResolution", "Bundled")
SR_TOLERANCE = 1e-4


class Workload:
    """One benchmark: `step()` is one timed iteration; `unit_scale` converts seconds to the reported unit."""

    name = ""
    unit = ""
    unit_scale = 1.0
    warmup = 0
    iterations = 0
    repeats = 0
    reports_losses = False  # True for GAN steps, whose step(observe_losses) --check prints

    def step(self):
        raise NotImplementedError

    def run_batch(self, n):
        for _ in range(n):
            self.step()


class Add(Workload):
    """Per-op call overhead: `a + b` on two float32 tensors of shape [4]; the result is dropped each iteration."""

    name = "add"
    unit = "ns/op"
    unit_scale = 1e9
    warmup = 20_000
    iterations = 100_000
    repeats = 9

    def __init__(self):
        self.a = torch.rand(4)
        self.b = torch.rand(4)

    def run_batch(self, n):
        # The loop is written out here (not through step()) so that a Python call per op is not added to the cost.
        a, b = self.a, self.b
        for _ in range(n):
            c = a + b  # noqa: F841 (rebinding frees the previous result, as a user's loop does)


class AddNoGrad(Add):
    """The same loop under torch.no_grad(): autograd dispatch still runs, recording is off."""

    name = "add_no_grad"

    def run_batch(self, n):
        with torch.no_grad():
            super().run_batch(n)


class Conv(Workload):
    """Conv2d(3 -> 64, kernel 3, padding 1, bias) on a 64x3x64x64 input, loss = output.sum(), backward."""

    name = "conv2d_fwd_bwd"
    unit = "ms/iter"
    unit_scale = 1e3
    warmup = 3
    iterations = 5
    repeats = 7

    def __init__(self):
        self.conv = nn.Conv2d(3, 64, kernel_size=3, padding=1)
        self.x = torch.randn(BATCH, 3, 64, 64)

    def step(self):
        self.conv.zero_grad(set_to_none=True)
        loss = self.conv(self.x).sum()
        loss.backward()


def generator():
    layers = [nn.Linear(LATENT, 128), nn.LeakyReLU(0.2)]
    for n_in, n_out in ((128, 256), (256, 512), (512, 1024)):
        layers += [nn.Linear(n_in, n_out), nn.BatchNorm1d(n_out, eps=1e-5, momentum=0.1), nn.LeakyReLU(0.2)]
    layers += [nn.Linear(1024, IMAGE), nn.Tanh()]
    return nn.Sequential(*layers)


def discriminator():
    return nn.Sequential(
        nn.Linear(IMAGE, 512), nn.LeakyReLU(0.2),
        nn.Linear(512, 256), nn.LeakyReLU(0.2),
        nn.Linear(256, 1))


class GanStep(Workload):
    """One Vanilla-GAN training step (batch 64): D on real + G(z).detach(), then G (non-saturating), Adam both."""

    name = "gan_mlp_step"
    reports_losses = True
    unit = "ms/step"
    unit_scale = 1e3
    warmup = 10
    iterations = 20
    repeats = 7

    def __init__(self):
        self.g = generator()
        self.d = discriminator()
        self.opt_g = torch.optim.Adam(self.g.parameters(), lr=2e-4, betas=(0.5, 0.999))
        self.opt_d = torch.optim.Adam(self.d.parameters(), lr=2e-4, betas=(0.5, 0.999))
        self.real = torch.rand(BATCH, IMAGE).mul_(2).sub_(1)
        self.ones = torch.ones(BATCH, 1)
        self.zeros = torch.zeros(BATCH, 1)

    def step(self, observe_losses=None):
        z = torch.randn(BATCH, LATENT)
        fake = self.g(z)

        self.opt_d.zero_grad(set_to_none=True)
        d_loss = (F.binary_cross_entropy_with_logits(self.d(self.real), self.ones)
                  + F.binary_cross_entropy_with_logits(self.d(fake.detach()), self.zeros))
        d_loss.backward()
        self.opt_d.step()

        self.opt_g.zero_grad(set_to_none=True)
        g_loss = F.binary_cross_entropy_with_logits(self.d(fake), self.ones)
        g_loss.backward()
        self.opt_g.step()

        if observe_losses:
            observe_losses(d_loss, g_loss)


def dcgan32_generator():
    """The PyTorch DCGAN example's Generator cut to 32x32 (the library's DcganLayout): 1 -> 4 -> 8 -> 16 -> 32."""
    return nn.Sequential(
        nn.ConvTranspose2d(LATENT, NGF * 4, 4, 1, 0, bias=False), nn.BatchNorm2d(NGF * 4), nn.ReLU(True),
        nn.ConvTranspose2d(NGF * 4, NGF * 2, 4, 2, 1, bias=False), nn.BatchNorm2d(NGF * 2), nn.ReLU(True),
        nn.ConvTranspose2d(NGF * 2, NGF, 4, 2, 1, bias=False), nn.BatchNorm2d(NGF), nn.ReLU(True),
        nn.ConvTranspose2d(NGF, DCGAN_CHANNELS, 4, 2, 1, bias=False), nn.Tanh())


def dcgan32_discriminator():
    """The example's Discriminator cut to 32x32, ending in one logit (no Sigmoid: the loss takes logits)."""
    return nn.Sequential(
        nn.Conv2d(DCGAN_CHANNELS, NDF, 4, 2, 1, bias=False), nn.LeakyReLU(0.2, inplace=True),
        nn.Conv2d(NDF, NDF * 2, 4, 2, 1, bias=False), nn.BatchNorm2d(NDF * 2), nn.LeakyReLU(0.2, inplace=True),
        nn.Conv2d(NDF * 2, NDF * 4, 4, 2, 1, bias=False), nn.BatchNorm2d(NDF * 4), nn.LeakyReLU(0.2, inplace=True),
        nn.Conv2d(NDF * 4, 1, 4, 1, 0, bias=False))


def dcgan_weights_init(network, generator):
    """The example's weights_init, drawing from `generator` module by module as GanInitialization.Dcgan does."""
    for m in network.modules():
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
            m.weight.data.normal_(0.0, 0.02, generator=generator)
        elif isinstance(m, nn.BatchNorm2d):
            m.weight.data.normal_(1.0, 0.02, generator=generator)
            m.bias.data.zero_()


class DcganStep(Workload):
    """One DCGAN step at 32x32 RGB (ngf = ndf = 64, z 100, batch 64): D on real + G(z).detach(), then G, Adam both."""

    name = "dcgan32_step"
    reports_losses = True
    unit = "ms/step"
    unit_scale = 1e3
    warmup = 3
    iterations = 5
    repeats = 7

    def __init__(self):
        init = torch.Generator().manual_seed(DCGAN_INIT_SEED)
        self.g = dcgan32_generator()
        dcgan_weights_init(self.g, init)
        self.d = dcgan32_discriminator()
        dcgan_weights_init(self.d, init)
        self.opt_g = torch.optim.Adam(self.g.parameters(), lr=2e-4, betas=(0.5, 0.999))
        self.opt_d = torch.optim.Adam(self.d.parameters(), lr=2e-4, betas=(0.5, 0.999))
        self.real = torch.rand(BATCH, DCGAN_CHANNELS, DCGAN_SIDE, DCGAN_SIDE).mul_(2).sub_(1)

    def step(self, observe_losses=None):
        z = torch.randn(BATCH, LATENT, 1, 1)
        fake = self.g(z)

        self.opt_d.zero_grad(set_to_none=True)
        real_logits = self.d(self.real).view(-1)
        fake_logits = self.d(fake.detach()).view(-1)
        d_loss = (F.binary_cross_entropy_with_logits(real_logits, torch.ones_like(real_logits))
                  + F.binary_cross_entropy_with_logits(fake_logits, torch.zeros_like(fake_logits)))
        d_loss.backward()
        self.opt_d.step()

        self.opt_g.zero_grad(set_to_none=True)
        logits = self.d(fake).view(-1)
        g_loss = F.binary_cross_entropy_with_logits(logits, torch.ones_like(logits))
        g_loss.backward()
        self.opt_g.step()

        if observe_losses:
            observe_losses(d_loss, g_loss)


SAFETENSORS_DTYPES = {"F32": torch.float32, "F64": torch.float64, "I64": torch.int64}


def load_safetensors(path):
    """Reads a safetensors file (8-byte little-endian header length, JSON header, raw little-endian data): returns
    (tensors by name, metadata). Written out here because Debian ships no Python safetensors package."""
    with open(path, "rb") as f:
        blob = f.read()
    (header_length,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8:8 + header_length])
    metadata = header.pop("__metadata__", {})
    data = blob[8 + header_length:]
    tensors = {}
    for name, entry in header.items():
        start, end = entry["data_offsets"]
        flat = torch.frombuffer(bytearray(data[start:end]), dtype=SAFETENSORS_DTYPES[entry["dtype"]])
        tensors[name] = flat.reshape(entry["shape"])
    return tensors, metadata


class SrResidualBlock(nn.Module):
    """SrResidualBlock without BatchNorm: conv 3x3 -> PReLU -> conv 3x3, scaled, plus the input."""

    def __init__(self, width, scaling):
        super().__init__()
        self.conv1 = nn.Conv2d(width, width, 3, padding=1)
        self.activation = nn.PReLU()
        self.conv2 = nn.Conv2d(width, width, 3, padding=1)
        self.scaling = scaling

    def forward(self, x):
        y = self.conv2(self.activation(self.conv1(x)))
        if self.scaling != 1.0:
            y = y * self.scaling
        return y + x


class SrResNet(nn.Module):
    """Gan.Models' SrResNet (BatchNorm off, as the bundled models are), with the same module names, hence the same
    state-dict keys: head 9x9 -> PReLU, blocks, trunk conv plus the long skip, PixelShuffle stages, tail 9x9, plus the
    antialiased bicubic upsample of the input when bicubic_residual is set."""

    def __init__(self, scale, blocks, width, channels, scaling, bicubic_residual):
        super().__init__()
        self.scale = scale
        self.bicubic_residual = bicubic_residual
        self.head = nn.Conv2d(channels, width, 9, padding=4)
        self.head_act = nn.PReLU()
        self.blocks = nn.Sequential(*[SrResidualBlock(width, scaling) for _ in range(blocks)])
        self.trunk_conv = nn.Conv2d(width, width, 3, padding=1)
        stages = []
        for _ in range(2 if scale == 4 else 1):
            stages += [nn.Conv2d(width, 4 * width, 3, padding=1), nn.PixelShuffle(2), nn.PReLU()]
        self.upsampler = nn.Sequential(*stages)
        self.tail = nn.Conv2d(width, channels, 9, padding=4)

    def forward(self, x):
        head = self.head_act(self.head(x))
        out = self.tail(self.upsampler(self.trunk_conv(self.blocks(head)) + head))
        if self.bicubic_residual:
            size = (x.shape[-2] * self.scale, x.shape[-1] * self.scale)
            out = out + F.interpolate(x, size=size, mode="bicubic", align_corners=False, antialias=True)
        return out


def load_srresnet(path):
    """Builds the network its metadata describes (srresnet.* keys) and loads its weights strictly."""
    tensors, meta = load_safetensors(path)
    if meta.get("srresnet.kind") != "SrResNet" or meta.get("srresnet.batch_norm") != "false":
        raise ValueError(f"{path}: not an SRResNet without BatchNorm: {meta}")
    network = SrResNet(int(meta["srresnet.scale"]), int(meta["srresnet.blocks"]), int(meta["srresnet.width"]),
                       int(meta["srresnet.channels"]), float(meta["srresnet.residual_scaling"]),
                       meta["srresnet.bicubic_residual"] == "true")
    network.load_state_dict(tensors, strict=True)
    return network.eval()


class SrInference(Workload):
    """Inference of the bundled SRResNet (weights from the same safetensors file as the C# side) on one fixed
    1x3x128x128 input uniform in [0, 1], under torch.inference_mode()."""

    unit = "ms/iter"
    unit_scale = 1e3
    warmup = 2
    iterations = 3
    repeats = 5
    scale = 0

    def __init__(self):
        self.network = load_srresnet(os.path.join(SR_BUNDLED, f"srresnet-x{self.scale}.safetensors"))
        self.x = torch.rand(1, 3, SR_INPUT_SIDE, SR_INPUT_SIDE)

    def step(self):
        with torch.inference_mode():
            self.network(self.x)


class SrInferenceX2(SrInference):
    name = "srresnet_x2_infer"
    scale = 2


class SrInferenceX4(SrInference):
    name = "srresnet_x4_infer"
    scale = 4


WORKLOADS = {w.name: w for w in (Add, AddNoGrad, Conv, GanStep, DcganStep, SrInferenceX2, SrInferenceX4)}


def measure(workload, repeats_override):
    repeats = repeats_override or workload.repeats
    workload.run_batch(workload.warmup)
    samples = []
    for _ in range(repeats):
        start = time.perf_counter_ns()
        workload.run_batch(workload.iterations)
        elapsed = time.perf_counter_ns() - start
        samples.append(elapsed / 1e9 / workload.iterations * workload.unit_scale)
    return {
        "name": workload.name,
        "unit": workload.unit,
        "median": statistics.median(samples),
        "min": min(samples),
        "max": max(samples),
        "iterations": workload.iterations,
        "samples": samples,
    }


def check_losses(names, steps):
    """Prints each GAN workload's first losses after seeding 0: `Gan.Benchmarks peer --check` must print the same."""
    for name in names:
        torch.manual_seed(0)
        workload = WORKLOADS[name]()
        if not workload.reports_losses:
            continue
        for i in range(steps):
            workload.step(lambda d, g: print(f"{name} step {i + 1}: d_loss {d.item():.6f} g_loss {g.item():.6f}"))


def compare_sr(names, folder):
    """Runs each SR workload's network on the input `Gan.Benchmarks peer --dump-sr` wrote and compares the outputs;
    returns False when any element differs by more than SR_TOLERANCE."""
    same = True
    for name in names:
        workload_type = WORKLOADS[name]
        if not issubclass(workload_type, SrInference):
            continue
        dumped, _ = load_safetensors(os.path.join(folder, name + ".safetensors"))
        with torch.inference_mode():
            output = workload_type().network(dumped["input"])
        difference = (output - dumped["output"]).abs().max().item()
        same &= difference <= SR_TOLERANCE
        print(f"{name}: output {tuple(output.shape)}, largest difference from C# {difference:.3g} "
              f"({'within' if difference <= SR_TOLERANCE else 'OVER'} {SR_TOLERANCE:g})")
    return same


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=1, help="torch.set_num_threads (default 1)")
    parser.add_argument("--workloads", default=",".join(WORKLOADS), help="comma-separated subset of " + ", ".join(WORKLOADS))
    parser.add_argument("--repeats", type=int, default=0, help="timed batches per workload (default: per workload)")
    parser.add_argument("--format", choices=("table", "json", "both"), default="both")
    parser.add_argument("--check", type=int, default=0, metavar="STEPS",
                        help="print the losses of the first STEPS GAN steps instead of timing")
    parser.add_argument("--compare-sr", metavar="DIR",
                        help="compare the SR networks' outputs with those `Gan.Benchmarks peer --dump-sr DIR` wrote")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    names = args.workloads.split(",")
    for name in names:
        if name not in WORKLOADS:
            parser.error(f"unknown workload {name!r}")
    if args.check:
        check_losses(names, args.check)
        return
    if args.compare_sr:
        sys.exit(0 if compare_sr(names, args.compare_sr) else 1)
    torch.manual_seed(0)
    results = []
    for name in names:
        results.append(measure(WORKLOADS[name](), args.repeats))

    report = {
        "runtime": "pytorch-python",
        "version": f"torch {torch.__version__}, Python {platform.python_version()}",
        "threads": torch.get_num_threads(),
        "results": results,
    }
    if args.format in ("table", "both"):
        print(f"PyTorch-Python peer ({report['version']}), {report['threads']} thread(s)")
        print(f"{'workload':<16} {'median':>12} {'min':>12} {'max':>12}  unit")
        for r in results:
            print(f"{r['name']:<16} {r['median']:>12.3f} {r['min']:>12.3f} {r['max']:>12.3f}  {r['unit']}")
    if args.format in ("json", "both"):
        json.dump(report, sys.stdout)
        print()


if __name__ == "__main__":
    main()
