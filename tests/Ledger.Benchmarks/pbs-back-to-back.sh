#!/bin/bash
# The wall time of whole `ledger pbs` processes of two builds, run alternately so the machine's mood falls on both:
# each build on a database of its own (LEDGER_DATA_DIR) holding events/, N runs each, the median printed.
#   tests/Ledger.Benchmarks/pbs-back-to-back.sh BEFORE/ledger.dll AFTER/ledger.dll [N]
# Build each with `dotnet build -c Release src/Ledger.Cli` in its own checkout (git worktree add ../before COMMIT).
set -euo pipefail
builds=("$1" "$2"); runs=${3:-10}; work=$(mktemp -d); chmod 755 "$work"
cd "$(dirname "$0")/../.."
for i in 0 1; do
  LEDGER_DATA_DIR=$work/db$i dotnet "${builds[$i]}" demo --json >/dev/null
done
for _ in $(seq "$runs"); do
  for i in 0 1; do
    start=$(date +%s%N)
    LEDGER_DATA_DIR=$work/db$i dotnet "${builds[$i]}" pbs bat-ochir-ser-od --json >/dev/null
    echo $(( ($(date +%s%N) - start) / 1000000 )) >> "$work/times$i"
  done
done
for i in 0 1; do
  LEDGER_DATA_DIR=$work/db$i dotnet "${builds[$i]}" db stop >/dev/null
  echo "${builds[$i]}: median $(sort -n "$work/times$i" | awk '{t[NR]=$1} END {print (NR % 2 ? t[(NR+1)/2] : (t[NR/2] + t[NR/2+1]) / 2)}') ms" \
       "over $runs runs ($(sort -n "$work/times$i" | tr '\n' ' '))"
done
