#!/usr/bin/env bash
# Runs the C# workloads (Gan.Benchmarks `peer` mode) and the PyTorch-Python peer (benchmarks/peer/torch_peer.py)
# with the same thread count, and prints each side's median and the ratio C#/Python per workload (< 1: C# faster).
#
#   benchmarks/run-peer-comparison.sh [--threads "1 2"] [--rounds 3] [--workloads add,gan_mlp_step] [--out DIR]
#
# --rounds N runs the two sides N times, alternating, and reports the median of the per-run medians, so that a
# burst of load from other processes hits both sides alike. Raw JSON of every run is kept in --out
# (default artifacts/peer-comparison). Before timing, both sides print the losses of the first steps of every GAN
# workload (gan_mlp_step, dcgan32_step) from the same seed, and the bundled SR networks' outputs on the same input
# (srresnet_x2_infer, srresnet_x4_infer, within 1e-4); the script stops if they differ. When g++ is present,
# each round also times the same `a + b` from C++ alone (benchmarks/native/add_floor.cpp): the floor under both
# sides' per-op figures.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
threads="1 2"
rounds=1
workloads=""
out="$root/artifacts/peer-comparison"
while [ $# -gt 0 ]; do
  case "$1" in
    --threads) threads="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --workloads) workloads="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 [--threads \"1 2\"] [--rounds N] [--workloads a,b] [--out DIR]" >&2; exit 2 ;;
  esac
done

python=/usr/bin/python3  # Debian's interpreter: it has python3-torch over the same libtorch
dotnet build "$root/benchmarks/Gan.Benchmarks/Gan.Benchmarks.csproj" -c Release -nologo -v quiet >/dev/null
bench_dll="$root/benchmarks/Gan.Benchmarks/bin/Release/net10.0/Gan.Benchmarks.dll"
workload_args=()
[ -n "$workloads" ] && workload_args=(--workloads "$workloads")

mkdir -p "$out"
rm -f "$out"/*.json

# Same math first: after seeding 0 both sides must print the same losses for the first steps of each GAN workload.
dotnet "$bench_dll" peer --check 3 > "$out/check-csharp.txt"
"$python" "$root/benchmarks/peer/torch_peer.py" --check 3 > "$out/check-python.txt"
if cmp -s "$out/check-csharp.txt" "$out/check-python.txt"; then
  echo "same math: the first 3 steps of each GAN workload give identical losses on both sides" >&2
else
  echo "the two sides' GAN losses differ (the workloads do not run the same math):" >&2
  diff "$out/check-csharp.txt" "$out/check-python.txt" >&2
  exit 1
fi

# Same outputs for the SR inference workloads: C# writes each network's input and output, the peer loads the same
# safetensors weights, runs its own network on that input and fails when any element differs by more than 1e-4.
dotnet "$bench_dll" peer --dump-sr "$out/sr-check" "${workload_args[@]}" >&2
if ! "$python" "$root/benchmarks/peer/torch_peer.py" --compare-sr "$out/sr-check" "${workload_args[@]}" >&2; then
  echo "the two sides' SR network outputs differ by more than 1e-4" >&2
  exit 1
fi

floor=""
if command -v g++ >/dev/null; then
  g++ -O2 -std=c++17 "$root/benchmarks/native/add_floor.cpp" -ltorch -ltorch_cpu -lc10 -o "$out/add_floor"
  floor="$out/add_floor"
fi

for t in $threads; do
  for r in $(seq "$rounds"); do
    echo "threads $t, round $r/$rounds: C#" >&2
    dotnet "$bench_dll" peer --threads "$t" --format json "${workload_args[@]}" > "$out/csharp-t$t-r$r.json"
    echo "threads $t, round $r/$rounds: Python" >&2
    "$python" "$root/benchmarks/peer/torch_peer.py" --threads "$t" --format json "${workload_args[@]}" > "$out/python-t$t-r$r.json"
    [ -n "$floor" ] && "$floor" "$t" > "$out/cpp-t$t-r$r.json"
  done
done

"$python" - "$out" <<'EOF'
import glob, json, os, statistics, sys

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

summary = []
print(f"{'threads':>7}  {'workload':<16} {'C#':>10} {'Python':>10} {'C++ floor':>10}  {'unit':<8} {'C#/Python':>9}")
for threads in sorted({t for _, t in runs}):
    cs, py = medians(runs[("csharp", threads)]), medians(runs[("python", threads)])
    cpp = medians(runs.get(("cpp", threads), []))
    for name in py:
        if name not in cs:
            continue
        unit, c, c_all = cs[name]
        _, p, p_all = py[name]
        floor = f"{cpp[name][1]:>10.1f}" if name in cpp else f"{'':>10}"
        print(f"{threads:>7}  {name:<16} {c:>10.3f} {p:>10.3f} {floor}  {unit:<8} {c / p:>9.3f}")
        summary.append({"threads": threads, "workload": name, "unit": unit, "csharp": c, "python": p,
                        "cpp_floor": cpp[name][1] if name in cpp else None, "ratio": c / p,
                        "csharp_runs": c_all, "python_runs": p_all})
rounds = len(runs[next(k for k in runs if k[0] == "csharp")])
print(f"C#/Python < 1: C# faster. Each figure is the median over {rounds} round(s) of each run's median.")
versions = {side: reports[0]["version"] for (side, _), reports in runs.items()}
with open(os.path.join(out, "summary.json"), "w") as f:
    json.dump({"versions": versions, "results": summary}, f, indent=1)
print("versions: " + " | ".join(sorted(set(versions.values()))))
print(f"raw runs and summary.json in {out}")
EOF
