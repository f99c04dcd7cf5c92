#!/usr/bin/env bash
# Runs `./l2rl bench` and keeps its output with its provenance (command, commit, clean tree or not, date, CPU,
# cores, load before and after) in data/bench/bench-DATE.txt, so later claims about speed compare against it.
#   data/bench/make-bench.sh
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
OUT="data/bench/bench-$(date -u +%Y-%m-%d).txt"
{
  echo "# command: ./l2rl bench"
  echo "# git commit: $(git rev-parse HEAD) (tree clean: $(git diff --quiet HEAD -- lib-src pom.xml && echo yes || echo no))"
  echo "# date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "# cpu: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), family $(grep -m1 'cpu family' /proc/cpuinfo | sed 's/.*: //'), $(nproc) cores, flags with avx512f: $(grep -m1 -c avx512f /proc/cpuinfo)"
  echo "# java: $(java -version 2>&1 | head -1)"
  echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  ./l2rl bench
  echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
cat "$OUT"
