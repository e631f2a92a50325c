#!/usr/bin/env bash
# The test command of the README and of CI: set up the machine if needed, build everything and run every test
# project. Ends with one summary line: "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Gan.MLNet.sln -c Release 2>&1 | tee "$log" || status=$?
awk '/(Passed|Failed)! +- Failed: /{
       gsub(/,/, ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit $status
