#!/usr/bin/env bash
# Times `gan upscale` (through `gan bench upscale`) and its Python peer (benchmarks/upscale/python_upscale_peer.py:
# PIL decode → the same SRResNet in torch, same safetensors → PIL encode) over the same folder of photos, with the
# same thread count, and prints a markdown table: images/s, output MP/s and peak RSS of each side, and the
# throughput ratio (issue 6's bar: gan ≥ 1.3× the peer).
#
#   benchmarks/run-upscale-comparison.sh [--count "200"] [--threads 2] [--scale 2] [--batch 4] [--sides "gan python"] [--out DIR]
#
# --count takes one or more folder sizes ("200 2000" shows whether peak RSS stays flat with the job size); each
# folder is made once by benchmarks/upscale/make-photos.py (deterministic) and kept in artifacts/upscale-photos.
# Both sides run under `/usr/bin/time -v`, and the table's peak RSS is its "Maximum resident set size", so both are
# measured the same way; seconds, images/s and MP/s are each side's own timing of its loop (model loading and
# start-up excluded), the last column the whole process's wall time. Before timing, both sides upscale the same
# two files (one PNG, one JPEG) and the script says whether their PNG outputs agree within ±1 per 8-bit value.
# --sides gan runs only gan (e.g. for the RSS of a large folder). Outputs of every run are kept in --out
# (default artifacts/upscale-comparison).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
counts="200"
threads=2
scale=2
batch=4
sides="gan python"
out="$root/artifacts/upscale-comparison"
while [ $# -gt 0 ]; do
  case "$1" in
    --count) counts="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --scale) scale="$2"; shift 2 ;;
    --batch) batch="$2"; shift 2 ;;
    --sides) sides="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 [--count \"200 2000\"] [--threads N] [--scale 2|4] [--batch N] [--sides \"gan python\"] [--out DIR]" >&2
       exit 2 ;;
  esac
done

python=/usr/bin/python3  # Debian's interpreter: it has python3-torch over the same libtorch, and PIL
make_photos="$root/benchmarks/upscale/make-photos.py"
peer=("$python" "$root/benchmarks/upscale/python_upscale_peer.py")
dotnet build "$root/src/Gan.Cli/Gan.Cli.csproj" -c Release -nologo -v quiet >/dev/null
gan=(dotnet "$root/src/Gan.Cli/bin/Release/net10.0/gan.dll")
mkdir -p "$out"

# The photo folder for a count, made once: the stamp records the generator's checksum and the count, so a changed
# generator remakes it.
photos_for() {
  local dir="$root/artifacts/upscale-photos/photos-$1"
  local stamp
  stamp="$(sha256sum < "$make_photos" | cut -d' ' -f1) count $1"
  if [ ! -d "$dir" ] || [ "$(cat "$dir.stamp" 2>/dev/null)" != "$stamp" ]; then
    "$python" "$make_photos" --out "$dir" --count "$1" >&2
    echo "$stamp" > "$dir.stamp"
  fi
  echo "$dir"
}

first_count=${counts%% *}
photos=$(photos_for "$first_count")

# Same output: both sides upscale the first PNG and the first JPEG of the folder; the outputs must agree within ±1.
check="$out/same-output"
rm -rf "$check" && mkdir -p "$check/input"
for pattern in '*.png' '*.jpg'; do
  first=$(find "$photos" -name "$pattern" | sort | sed -n 1p)  # sed reads on: head would end sort by SIGPIPE, which pipefail turns into an exit
  if [ -n "$first" ]; then cp "$first" "$check/input/"; fi
done
"${gan[@]}" upscale --input "$check/input" --output "$check/gan" --scale "$scale" --threads "$threads" --batch "$batch" \
  --format png > "$check/gan.log"
"${peer[@]}" --input "$check/input" --output "$check/python" --scale "$scale" --threads "$threads" > "$check/python.log"
"$python" - "$check" <<'EOF'
import os, sys
import numpy as np
from PIL import Image

check = sys.argv[1]
for name in sorted(os.listdir(os.path.join(check, "python"))):
    if name.startswith("."):
        continue
    a = np.asarray(Image.open(os.path.join(check, "gan", name)).convert("RGB")).astype(np.int16)
    b = np.asarray(Image.open(os.path.join(check, "python", name)).convert("RGB")).astype(np.int16)
    if a.shape != b.shape:
        print(f"same output: {name}: DIFFERENT shapes, gan {a.shape} vs python {b.shape}")
        continue
    difference = np.abs(a - b)
    over = int((difference > 1).sum())
    verdict = "same within ±1" if over == 0 else f"DIFFERENT: {over} of {difference.size} values differ by more than 1"
    print(f"same output: {name} ({a.shape[1]}x{a.shape[0]}): {verdict} (largest difference {difference.max()}, "
          f"{int((difference > 0).sum())} values differ at all)")
EOF

for count in $counts; do
  photos=$(photos_for "$count")
  for side in $sides; do
    echo "count $count: timing $side" >&2
    case "$side" in
      gan) command=("${gan[@]}" bench upscale --input "$photos" --scale "$scale" --threads "$threads" --batch "$batch" --format png) ;;
      python) command=("${peer[@]}" --input "$photos" --scale "$scale" --threads "$threads" --profile) ;;
      *) echo "unknown side '$side' (gan, python)" >&2; exit 2 ;;
    esac
    /usr/bin/time -v -o "$out/$side-$count.time" "${command[@]}" > "$out/$side-$count.md"
  done
done

"$python" - "$out" "$counts" "$sides" "$threads" "$scale" <<'EOF'
import os, sys

out, counts, sides, threads, scale = sys.argv[1], sys.argv[2].split(), sys.argv[3].split(), sys.argv[4], sys.argv[5]

def row(side, count):
    """The side's own markdown row (inputs, written, failed, seconds, images/s, MP/s, ...) and /usr/bin/time's figures."""
    with open(os.path.join(out, f"{side}-{count}.md")) as f:
        cells = [c.strip() for c in f.read().splitlines()[2].strip("|").split("|")]
    time_v = {}
    with open(os.path.join(out, f"{side}-{count}.time")) as f:
        for line in f:
            key, _, value = line.strip().rpartition(": ")
            time_v[key] = value
    wall = 0.0
    for part in time_v["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":"):
        wall = wall * 60 + float(part)
    rss = int(time_v["Maximum resident set size (kbytes)"]) / 1024
    return {"images": int(cells[1]), "failed": int(cells[2]), "seconds": float(cells[3]), "images/s": float(cells[4]),
            "MP/s": float(cells[5]), "rss": rss, "wall": wall}

print(f"\n×{scale}, {threads} thread(s); peak RSS from /usr/bin/time -v; seconds, images/s and MP/s from each side's own timing\n")
print("| files | side | images | seconds | images/s | output MP/s | peak RSS MiB | wall s (whole process) |")
print("|---:|---|---:|---:|---:|---:|---:|---:|")
rows = {}
for count in counts:
    for side in sides:
        r = rows[(side, count)] = row(side, count)
        failed = f" ({r['failed']} failed)" if r["failed"] else ""
        print(f"| {count} | {side} | {r['images']}{failed} | {r['seconds']:.2f} | {r['images/s']:.2f} | {r['MP/s']:.3f} | "
              f"{r['rss']:.0f} | {r['wall']:.1f} |")
print()
for count in counts:
    if ("gan", count) in rows and ("python", count) in rows:
        ratio = rows[("gan", count)]["images/s"] / rows[("python", count)]["images/s"]
        verdict = "met" if ratio >= 1.3 else "NOT met"
        print(f"{count} files: gan/python throughput {ratio:.2f}× (bar ≥ 1.3×: {verdict})")
for side in sides:
    if len(counts) > 1:
        first, last = rows[(side, counts[0])]["rss"], rows[(side, counts[-1])]["rss"]
        print(f"{side}: peak RSS {first:.0f} MiB at {counts[0]} files, {last:.0f} MiB at {counts[-1]} files ({last / first:.2f}×)")
if os.path.exists(os.path.join(out, f"python-{counts[0]}.md")):
    with open(os.path.join(out, f"python-{counts[0]}.md")) as f:
        profile = f.read().split("\n\n", 1)
    if len(profile) > 1:
        print(f"\npython, {counts[0]} files, " + profile[1].strip())
print(f"\nraw outputs in {out}")
EOF
