#!/usr/bin/env bash
# Trains one of the pretrained agents with the train command's defaults and writes its provenance.json:
# exact command, seed, git commit, wall time, episodes, and the held-out evaluation (300 episodes, an
# evaluation seed stream that training never draws from) beside the baselines on the same tasks.
#   data/agents/make-agent.sh NAME TASK_ID [extra train flags...]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
NAME=$1; TASK=$2; shift 2
DIR="data/agents/$NAME"
SEED=1
EVAL_SEED=20161117
cd "$ROOT"
rm -rf "$DIR.tmp"
TRAIN=(./l2rl train -e "$TASK" -l "$DIR.tmp" --seed "$SEED" --quiet "$@")
START=$(date +%s.%N)
"${TRAIN[@]}"
END=$(date +%s.%N)
rm -rf "$DIR"; mv "$DIR.tmp" "$DIR"
sed -i "s#$DIR.tmp#$DIR#g" "$DIR/config.properties" 2>/dev/null || true
EVAL=(./l2rl evaluate -e "$TASK" -l "$DIR" --episodes 300 --seed "$EVAL_SEED" --format csv)
CSV=$("${EVAL[@]}")
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
row() { printf '%s\n' "$CSV" | awk -F, -v p="$1" '$1==p {printf "{\"regret_mean\": %s, \"regret_ci95\": %s, \"subopt_pulls_mean\": %s}", $2, $3, $4}'; }
EPISODES=$(grep '^episodes' "$DIR/config.properties" | sed 's/.*= *//')
WORKERS=$(grep '^workers' "$DIR/config.properties" | sed 's/.*= *//')
cat > "$DIR/provenance.json" <<JSON
{
  "task": "$TASK",
  "command": "$(printf '%s ' "${TRAIN[@]}" | sed "s#$DIR.tmp#$DIR#; s/ *$//")",
  "seed": $SEED,
  "git_commit": "$(git rev-parse HEAD)",
  "wall_seconds": $(printf '%.1f' "$(echo "$END - $START" | bc)"),
  "load_average_after": "$LOAD",
  "episodes": $EPISODES,
  "workers": $WORKERS,
  "evaluation": {
    "command": "$(printf '%s ' "${EVAL[@]}" | sed 's/ *$//')",
    "episodes": 300,
    "held_out": "tasks from Seeds stream 'task' of seed $EVAL_SEED; training draws 'train-task' of seed $SEED",
    "agent": $(row agent),
    "thompson": $(row thompson),
    "gittins": $(row gittins),
    "bayes_optimal": $(row bayes-optimal),
    "random": $(row random)
  }
}
JSON
cat "$DIR/provenance.json"
