#!/usr/bin/env bash
# The benchmark run whose results are committed: run it on an idle machine (nothing else running,
# `uptime` load average below 1), then commit bench/results/<timestamp>, docs/performance.md and README.md.
#
#   bench/idle-run.sh
#
# One invocation of bench/run: the engine scenarios at N = 10 and 20 (3 runs each, beside the floor and the
# expert script), the standard plan on lab clusters of 4 and 10 hosts (--cluster: first converge, 3 no-ops
# warm and through the CLI beside ssh true, apply of one converged host), the CLI's start (7 times). Then
# bench/update-docs.sh writes the result directory's targets table and full table into docs/performance.md
# and the targets table into README.md, the 100-host line from the newest scale run in bench/results (*-scale:
# `bench/run --hosts 100 --runs 1 --no-references --out bench/results/<timestamp>-scale`, about 10 minutes, run
# apart). Takes about 15 minutes on the project's idle 2-core machine
# (docs/performance.md, "The idle run"); extra arguments go to bench/run (e.g. --runs 5).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
read -r load _ </proc/loadavg
if awk -v l="$load" 'BEGIN { exit !(l >= 1) }'; then
  echo "[idle-run] warning: load average $load: the machine is not idle; the times will be inflated" >&2
fi
out="$root/bench/results/$(date -u +%Y%m%d-%H%M%S)"
start=$(date +%s)
"$root/bench/run" --hosts 10,20 --runs 3 --cluster 4,10 --jvm-starts 7 --out "$out" "$@"
# The 100-host target comes from the newest committed scale run (bench/run --hosts 100 --out ...-scale), if any.
scale=$(ls -d "$root"/bench/results/*-scale 2>/dev/null | sort | tail -n 1)
if [ -n "$scale" ]; then
  echo "[idle-run] the 100-host line of the targets comes from $scale" >&2
fi
"$root/bench/update-docs.sh" "$out" ${scale:+"$scale"}
echo "[idle-run] done in $(( ($(date +%s) - start) / 60 )) min; commit: git add $out docs/performance.md README.md" >&2
