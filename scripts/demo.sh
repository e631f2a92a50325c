#!/usr/bin/env bash
# The main job of the README: set up the machine if needed, train a classifier on Fashion-MNIST with Gan.Torch,
# save it as safetensors, then load the file in a fresh process and evaluate it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
model=artifacts/demo/fashion-mlp.safetensors
dotnet run -c Release --project examples/FashionMnistClassifier -- train --epochs 5 --out "$model"
dotnet run -c Release --project examples/FashionMnistClassifier --no-build -- evaluate --model "$model"
