#!/usr/bin/env bash
# Trains the bundled SRResNet models (×2 and ×4, L1, on the Debian photographs) side by side, one libtorch thread each,
# for MINUTES of training each (default 62), then scores them and bicubic on Set14 (the given LR files as input).
# Rerunning resumes from the checkpoints in artifacts/sr-training; delete that folder to start afresh.
# The numbers of the committed models are in docs/superresolution.md ("Bundled models").
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${MINUTES:-62}
work=artifacts/sr-training
bundled=src/Gan.Models/SuperResolution/Bundled
# Set14 lives in the shared data folder beside the repository (or its worktree's parent); SET14 overrides.
set14=${SET14:-}
for candidate in ../shared/data/sr/Set14 ../../shared/data/sr/Set14; do
  [[ -z "$set14" && -d "$candidate" ]] && set14=$candidate
done
[[ -n "$set14" ]] || { echo "Set14 not found; set SET14=/path/to/Set14" >&2; exit 1; }
mkdir -p "$work"
dotnet build -c Release examples/SuperResolutionTraining -v quiet -nologo
run() { dotnet run -c Release --project examples/SuperResolutionTraining --no-build -- "$@"; }
for scale in 2 4; do
  run train --scale "$scale" --blocks 8 --width 32 --lr 8e-4 --final-lr 2e-5 --minutes "$minutes" --threads 1 \
    --work "$work" --output "$bundled/srresnet-x$scale.safetensors" >>"$work/train-x$scale.log" 2>&1 &
done
wait
for scale in 2 4; do
  run evaluate --model "$bundled/srresnet-x$scale.safetensors" --folder "$set14/x$scale" --threads 2
done
