#!/usr/bin/env bash
# Runs the same workloads on up to three sides with the same thread count and prints each side's median and the
# ratios per workload (< 1: the first-named side is faster):
#   csharp      our C# (Gan.Benchmarks `peer` mode, through our library)
#   torchsharp  plain hand-written TorchSharp loops (benchmarks/TorchSharpPeer): TorchSharp's libtorch, no library code
#   python      the PyTorch-Python peer (benchmarks/peer/torch_peer.py, Debian's python3-torch)
#
#   benchmarks/run-peer-comparison.sh [--sides "csharp torchsharp python"] [--threads "1 2"] [--rounds 3]
#                                     [--workloads add,gan_mlp_step] [--out DIR]
#
# --rounds N runs the sides N times, alternating, and reports the median of the per-run medians, so that a burst of
# load from other processes hits all sides alike. Raw JSON of every run is kept in --out (default
# artifacts/peer-comparison). Every ratio is printed with the libtorch version of each of its two sides, since the
# sides need not run the same libtorch.
# Before timing, the same math is checked against the Python peer (which runs its checks even when it is not timed):
#   - the losses of the first steps of every GAN workload (gan_mlp_step, dcgan32_step) from the same seed: both C#
#     sides run TorchSharp's libtorch, a newer one than the peer's, so their lines are compared within 1e-3 and a
#     difference is reported as a warning (docs/benchmarks.md, 'Plain TorchSharp loop': where the CPU describes no
#     caches, libtorch 2.10's oneDNN computes some convolutions wrongly unless capped, which moves dcgan32_step's losses);
#   - the bundled SR networks' outputs on the same input (srresnet_x2_infer, srresnet_x4_infer): within 1e-4 on each
#     C# side, else the script stops.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
sides="csharp torchsharp python"
threads="1 2"
rounds=1
workloads=""
out="$root/artifacts/peer-comparison"
while [ $# -gt 0 ]; do
  case "$1" in
    --sides) sides="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --workloads) workloads="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 [--sides \"csharp torchsharp python\"] [--threads \"1 2\"] [--rounds N] [--workloads a,b] [--out DIR]" >&2; exit 2 ;;
  esac
done
for side in $sides; do
  case "$side" in csharp|torchsharp|python) ;; *) echo "unknown side $side (csharp, torchsharp, python)" >&2; exit 2 ;; esac
done
has() { [[ " $sides " == *" $1 "* ]]; }

python=/usr/bin/python3  # Debian's interpreter with python3-torch
peer="$root/benchmarks/peer/torch_peer.py"
bench_dll="$root/benchmarks/Gan.Benchmarks/bin/Release/net10.0/Gan.Benchmarks.dll"
plain_dll="$root/benchmarks/TorchSharpPeer/bin/Release/net10.0/TorchSharpPeer.dll"
has csharp && dotnet build "$root/benchmarks/Gan.Benchmarks/Gan.Benchmarks.csproj" -c Release -nologo -v quiet >/dev/null
has torchsharp && dotnet build "$root/benchmarks/TorchSharpPeer/TorchSharpPeer.csproj" -c Release -nologo -v quiet >/dev/null
workload_args=()
[ -n "$workloads" ] && workload_args=(--workloads "$workloads")

# Each side's command line, less the options of the moment.
run_side() {
  local side=$1; shift
  case "$side" in
    csharp) dotnet "$bench_dll" peer "$@" ;;
    torchsharp) dotnet "$plain_dll" "$@" ;;
    python) "$python" "$peer" "$@" ;;
  esac
}

mkdir -p "$out"
rm -f "$out"/*.json

# Same math first, against the Python peer: after seeding 0 both print the losses of each GAN workload's first steps.
"$python" "$peer" --check 3 "${workload_args[@]}" > "$out/check-python.txt"
for side in csharp torchsharp; do
  has "$side" || continue
  run_side "$side" --check 3 "${workload_args[@]}" > "$out/check-$side.txt"
  "$python" - "$side" "$out/check-$side.txt" "$out/check-python.txt" <<'PY' >&2
import sys
side, (ours, peer) = sys.argv[1], (open(path).read().splitlines() for path in sys.argv[2:4])
def losses(line):
    words = line.split()
    return float(words[words.index("d_loss") + 1]), float(words[words.index("g_loss") + 1])
differing = [(a, b) for a, b in zip(ours, peer) if a.split(":")[0] != b.split(":")[0]
             or max(abs(x - y) for x, y in zip(losses(a), losses(b))) > 1e-3]
if len(ours) != len(peer):
    print(f"WARNING: {side} printed {len(ours)} loss lines, the Python peer {len(peer)}")
elif not differing:
    print(f"same math: {side} gives the Python peer's GAN losses within 1e-3 "
          f"({'identical to 6 decimals' if ours == peer else 'not all identical'})")
else:
    print(f"WARNING: {side}'s GAN losses differ from the Python peer's by more than 1e-3 "
          "(see docs/benchmarks.md, 'Plain TorchSharp loop'):")
    for a, b in differing:
        print(f"  {side:<10} {a}\n  python     {b}")
PY
done

# Same outputs for the SR inference workloads: each C# side writes each network's input and output, the peer loads the
# same safetensors weights, runs its own network on that input and fails when any element differs by more than 1e-4.
for side in csharp torchsharp; do
  has "$side" || continue
  run_side "$side" --dump-sr "$out/sr-check-$side" "${workload_args[@]}" >&2
  if ! "$python" "$peer" --compare-sr "$out/sr-check-$side" "${workload_args[@]}" >&2; then
    echo "$side and the Python peer: SR network outputs differ by more than 1e-4" >&2
    exit 1
  fi
done

for t in $threads; do
  for r in $(seq "$rounds"); do
    for side in $sides; do
      echo "threads $t, round $r/$rounds: $side" >&2
      run_side "$side" --threads "$t" --format json "${workload_args[@]}" > "$out/$side-t$t-r$r.json"
    done
  done
done

"$python" - "$out" <<'EOF'
import glob, json, os, re, statistics, sys

out = sys.argv[1]
runs = {}  # (side, threads) -> list of reports
for path in sorted(glob.glob(os.path.join(out, "*-t*-r*.json"))):
    side, threads = os.path.basename(path).split("-")[:2]
    with open(path) as f:
        runs.setdefault((side, int(threads[1:])), []).append(json.load(f))

def medians(reports):
    by_name = {}
    for report in reports:
        for r in report["results"]:
            by_name.setdefault(r["name"], (r["unit"], []))[1].append(r["median"])
    return {name: (unit, statistics.median(values), values) for name, (unit, values) in by_name.items()}

labels = {"csharp": "ours (C#)", "torchsharp": "TorchSharp", "python": "Python"}
sides = [s for s in ("csharp", "torchsharp", "python") if any(k[0] == s for k in runs)]
versions = {side: reports[0]["version"] for (side, _), reports in runs.items()}

def libtorch(side):
    """The libtorch version a side's report names (our sides say 'libtorch X', the Python peer 'torch X')."""
    match = re.search(r"\b(?:lib)?torch (\S+?),", versions[side])
    return f"libtorch {match.group(1)}" if match else versions[side]

ratios = [(a, b) for a, b in (("csharp", "python"), ("csharp", "torchsharp"), ("torchsharp", "python")) if a in sides and b in sides]
short = {"csharp": "ours", "torchsharp": "TS", "python": "Py"}
header = f"{'threads':>7}  {'workload':<18}" + "".join(f" {labels[s]:>11}" for s in sides) + f"  {'unit':<8}"
header += "".join(f" {short[a] + '/' + short[b]:>8}" for a, b in ratios)
print(header)
summary = []
for threads in sorted({t for _, t in runs}):
    figures = {side: medians(runs.get((side, threads), [])) for side in sides}
    names = [n for s in sides for n in figures[s]]
    for name in dict.fromkeys(names):
        unit = next(figures[s][name][0] for s in sides if name in figures[s])
        row = {"threads": threads, "workload": name, "unit": unit}
        line = f"{threads:>7}  {name:<18}"
        for side in sides:
            value = figures[side][name][1] if name in figures[side] else None
            row[side], row[side + "_runs"] = value, figures[side][name][2] if value is not None else []
            line += f" {value:>11.3f}" if value is not None else f" {'':>11}"
        line += f"  {unit:<8}"
        for a, b in ratios:
            ratio = row[a] / row[b] if row[a] is not None and row[b] is not None else None
            row[f"{a}/{b}"] = ratio
            line += f" {ratio:>8.3f}" if ratio is not None else f" {'':>8}"
        print(line)
        summary.append(row)
counts = sorted({len(reports) for reports in runs.values()})
rounds = str(counts[0]) if len(counts) == 1 else f"{counts[0]}-{counts[-1]}"
print(f"Each figure is the median over {rounds} round(s) of each run's median; a ratio < 1: the first side is faster.")
for a, b in ratios:
    print(f"  {short[a]}/{short[b]} = {labels[a]} on {libtorch(a)} / {labels[b]} on {libtorch(b)}")
for side in sides:
    print(f"  {labels[side]}: {versions[side]}")
with open(os.path.join(out, "summary.json"), "w") as f:
    json.dump({"versions": versions, "libtorch": {s: libtorch(s) for s in sides}, "results": summary}, f, indent=1)
print(f"raw runs and summary.json in {out}")
EOF
