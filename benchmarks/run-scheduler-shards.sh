#!/usr/bin/env bash
# Runs N `gan upscale --shard auto` processes over one photo folder under a scheduler's environment (Kubernetes
# Indexed Job or Slurm array), kills process 0 with SIGKILL after --kill-after seconds, restarts it with --resume, and
# prints each process's summary line and whether every input has exactly one output (docs/cli.md, "--shard auto").
#
#   benchmarks/run-scheduler-shards.sh [--processes 3] [--scheduler kubernetes|slurm] [--photos DIR] [--kill-after 25] [--out DIR]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
n=3
scheduler=kubernetes
photos="$root/artifacts/upscale-photos/photos-200"
kill_after=25
out="$root/artifacts/scheduler-shards"
while [ $# -gt 0 ]; do
  case "$1" in
    --processes) n="$2"; shift 2 ;;
    --scheduler) scheduler="$2"; shift 2 ;;
    --photos) photos="$2"; shift 2 ;;
    --kill-after) kill_after="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 [--processes N] [--scheduler kubernetes|slurm] [--photos DIR] [--kill-after S] [--out DIR]" >&2; exit 2 ;;
  esac
done
[ -d "$photos" ] || { echo "no photo folder $photos (benchmarks/run-upscale-comparison.sh makes it)" >&2; exit 2; }

dotnet build "$root/src/Gan.Cli/Gan.Cli.csproj" -c Release -nologo -v quiet >/dev/null
rm -rf "$out"; mkdir -p "$out/images"
gan=(dotnet "$root/src/Gan.Cli/bin/Release/net10.0/gan.dll" upscale -i "$photos" -o "$out/images" --scale 2 --threads 1
     --shard auto --resume --on-error skip)
environment_of() {
  if [ "$scheduler" = kubernetes ]; then echo "JOB_COMPLETION_INDEX=$1 GAN_SHARD_COUNT=$n"
  else echo "SLURM_ARRAY_TASK_ID=$(( $1 + 1 )) SLURM_ARRAY_TASK_COUNT=$n SLURM_ARRAY_TASK_MIN=1"; fi
}

start=$(date +%s)
pids=()
for i in $(seq 0 $((n - 1))); do
  # shellcheck disable=SC2046 # the environment is a list of NAME=value words
  env $(environment_of "$i") "${gan[@]}" > "$out/shard-$i.log" 2>&1 & pids+=($!)
done
sleep "$kill_after"
kill -9 "${pids[0]}" 2>/dev/null && echo "killed process 0 with SIGKILL after $kill_after s"
wait "${pids[0]}" 2>/dev/null || true
for pid in "${pids[@]:1}"; do wait "$pid" || true; done
# shellcheck disable=SC2046
env $(environment_of 0) "${gan[@]}" > "$out/shard-0.resume.log" 2>&1 || true
echo "process 0 resumed: $(tail -1 "$out/shard-0.resume.log")"
for i in $(seq 1 $((n - 1))); do echo "process $i: $(tail -1 "$out/shard-$i.log")"; done
inputs=$(find "$photos" -type f | wc -l)
outputs=$(find "$out/images" -type f ! -name 'gan-errors*' | wc -l)
echo "$outputs outputs for $inputs inputs; $(find "$out/images" -name '*.tmp*' | wc -l) temporary files; $(find "$out/images" -name 'gan-errors*' | wc -l) reports; $(( $(date +%s) - start )) s"
