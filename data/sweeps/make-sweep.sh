#!/usr/bin/env bash
# Runs (or resumes) one family's paper-size sweep and keeps its provenance: every invocation appends a session
# (commit, clean tree, start/end, wall, load, runs finished before/after) to sessions.jsonl, and provenance.json
# is rebuilt from those sessions and the run records. A sweep may take several sessions; rerun the same line.
#   data/sweeps/make-sweep.sh NAME TASK_ID [OUT_DIR [SWEEP_FLAGS...]]
# OUT_DIR defaults to data/sweeps/NAME of this checkout (another checkout's build may write into it); SWEEP_FLAGS
# go to ./l2rl sweep as they are (the search space: --lr MIN:MAX, --gamma MIN:MAX) and into the recorded command.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
NAME=$1; TASK=$2
OUT=${3:-$ROOT/data/sweeps/$NAME}
FLAGS=("${@:4}")
RUNS=100
EPISODES=${L2RL_SWEEP_EPISODES:-20000}
cd "$ROOT"
mkdir -p "$OUT"
finished() { cat "$OUT"/runs/run-*.json 2>/dev/null | grep -o '"status":"ok"' | wc -l || true; }
BEFORE=$(finished)
# A complete sweep is left as it is: a session that does nothing would only add noise to its provenance.
if [ "$BEFORE" -ge "$RUNS" ] && [ -f "$OUT/top5.txt" ]; then echo "$OUT: complete ($BEFORE runs), nothing to do"; exit 0; fi
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
START=$(date -u +%Y-%m-%dT%H:%M:%SZ); T0=$(date +%s.%N)
STATUS=0
./l2rl sweep -e "$TASK" --runs "$RUNS" --episodes "$EPISODES" "${FLAGS[@]}" -l "$OUT" || STATUS=$?
T1=$(date +%s.%N)
cat >> "$OUT/sessions.jsonl" <<JSON
{"start": "$START", "end": "$(date -u +%Y-%m-%dT%H:%M:%SZ)", "wall_seconds": $(awk -v a="$T0" -v b="$T1" 'BEGIN {printf "%.1f", b - a}'), "git_commit": "$(git rev-parse HEAD)", "git_tree_clean": $(git diff --quiet HEAD -- lib-src pom.xml && echo true || echo false), "load_average_before": "$LOAD_BEFORE", "load_average_after": "$(cut -d' ' -f1-3 /proc/loadavg)", "finished_runs_before": $BEFORE, "finished_runs_after": $(finished), "exit_status": $STATUS}
JSON
[ "$STATUS" -eq 0 ] && /usr/bin/python3 "$ROOT/data/sweeps/keep-top5.py" "$OUT" "$RUNS"
/usr/bin/python3 "$ROOT/data/sweeps/provenance.py" "$OUT" "$TASK" "./l2rl sweep -e $TASK --runs $RUNS --episodes $EPISODES${FLAGS[*]:+ ${FLAGS[*]}} -l data/sweeps/$NAME"
exit $STATUS
