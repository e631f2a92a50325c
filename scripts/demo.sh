#!/usr/bin/env bash
# The main job of the README: set up the machine if needed, train a conditional DCGAN on the MNIST 10k digits inside a
# Gan.MLNet pipeline and save it; then, in a fresh process, load the model, write a labelled sample grid and print
# the quality metrics beside their calibrations.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
model=artifacts/demo/cdcgan-mnist10k.zip
dotnet build -c Release examples/ConditionalGanDemo -v quiet -nologo
dotnet run -c Release --project examples/ConditionalGanDemo --no-build -- train --dataset mnist10k --epochs 30 --model "$model"
dotnet run -c Release --project examples/ConditionalGanDemo --no-build -- sample --dataset mnist10k --model "$model" \
  --grid artifacts/demo/cdcgan-mnist10k-grid.png
