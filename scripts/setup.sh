#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build, test and run Gan.MLNet. Idempotent: a machine that
# already has everything is left untouched and the script returns in well under a second.
#   libtorch-dev          the tensor engine (CPU build; CMake config under /usr/lib/<triplet>/cmake/Torch)
#   libopenblas0-openmp   an optimized BLAS; without it libtorch falls back to reference BLAS (~50x slower matmul)
#   cmake, g++            build src/Gan.Native
#   libopencv-*-dev       image codecs and resizing for Gan.Imaging
#   python3-torch         the performance peer and the PyTorch side of the interop fixtures (same libtorch)
#   dataset-fashion-mnist the demo's training data (/usr/share/datasets/fashion-mnist)
#   python3-skimage       real photographs and a truncated JPEG for Gan.Imaging's tests (skimage/data)
set -euo pipefail

packages=(libtorch-dev libopenblas0-openmp cmake g++ make libopencv-imgcodecs-dev libopencv-imgproc-dev
          python3-torch python3-numpy dataset-fashion-mnist python3-skimage)

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

# Select OpenBLAS (OpenMP flavour) as the system BLAS/LAPACK when another one is the current choice.
triplet=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -dumpmachine)
for lib in libblas.so.3 liblapack.so.3; do
  want=/usr/lib/$triplet/openblas-openmp/$lib
  link=$lib-$triplet
  if [ -e "$want" ] && [ "$(update-alternatives --query "$link" 2>/dev/null | sed -n 's/^Value: //p')" != "$want" ]; then
    echo "setup: selecting $want for $lib"
    as_root update-alternatives --set "$link" "$want" >/dev/null
  fi
done

command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK is required (dotnet not on PATH)" >&2; exit 1; }
