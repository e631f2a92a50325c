#!/usr/bin/env bash
# The test command of the README and of CI: set up the machine if needed, build everything, run every test project,
# then the package consumer test (scripts/test-packages.sh: the packages used from a project outside the repository).
# Ends with one summary line: "tests: N passed, N failed, N skipped; package consumer test passed|FAILED".
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Gan.MLNet.sln -c Release 2>&1 | tee "$log" || status=$?
consumer=passed
bash scripts/test-packages.sh || { consumer=FAILED; status=1; }
awk -v consumer="$consumer" '/(Passed|Failed)! +- Failed: /{
       gsub(/,/, ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "tests: %d passed, %d failed, %d skipped; package consumer test %s\n", p, f, s, consumer }' "$log"
exit $status
