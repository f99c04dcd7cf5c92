#!/usr/bin/env bash
# Trains one pretrained agent with the train command's defaults and writes its provenance.json: exact command,
# seed, git commit, wall time, load, episodes, and the held-out evaluation (1,000 episodes of an evaluation seed
# stream that training never draws from) beside the baselines on the same tasks.
#   data/agents/make-agent.sh NAME TASK_ID SEED [extra train flags...]
# Seed 1 is the shipped agent (data/agents/NAME); other seeds go to data/agents/more-seeds/NAME-seedS.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
NAME=$1; TASK=$2; SEED=$3; shift 3
if [ "$SEED" = 1 ]; then DIR="data/agents/$NAME"; else DIR="data/agents/more-seeds/$NAME-seed$SEED"; fi
EVAL_SEED=20161117
EVAL_EPISODES=1000
cd "$ROOT"
mkdir -p "$(dirname "$DIR")"
rm -rf "$DIR.tmp"
TRAIN=(./l2rl train -e "$TASK" -l "$DIR.tmp" --seed "$SEED" --quiet "$@")
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
START=$(date +%s.%N)
"${TRAIN[@]}"
END=$(date +%s.%N)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
rm -rf "$DIR"; mv "$DIR.tmp" "$DIR"
# keep the final checkpoint only
ls "$DIR"/checkpoints/checkpoint-*.zip | sort | head -n -1 | xargs -r rm -f
EVAL=(./l2rl evaluate -e "$TASK" -l "$DIR" --episodes "$EVAL_EPISODES" --seed "$EVAL_SEED" --format csv)
CSV=$("${EVAL[@]}")
# a policy the family does not offer (Gittins on the eleven-armed task) is null
row() { printf '%s\n' "$CSV" | awk -F, -v p="$1" '$1==p {printf "{\"regret_mean\": %s, \"regret_ci95\": %s, \"subopt_pulls_mean\": %s}", $2, $3, $4; found=1} END {if (!found) printf "null"}'; }
EPISODES=$(grep '^episodes' "$DIR/config.properties" | sed 's/.*= *//')
WORKERS=$(grep '^workers' "$DIR/config.properties" | sed 's/.*= *//')
ENGINE=$(grep '^engine' "$DIR/config.properties" | sed 's/.*= *//')
cat > "$DIR/provenance.json" <<JSON
{
  "task": "$TASK",
  "command": "$(printf '%s ' "${TRAIN[@]}" | sed "s#$DIR.tmp#$DIR#; s/ *$//")",
  "seed": $SEED,
  "git_commit": "$(git rev-parse HEAD)",
  "git_tree_clean": $(git diff --quiet HEAD -- lib-src pom.xml && echo true || echo false),
  "wall_seconds": $(awk -v a="$START" -v b="$END" 'BEGIN {printf "%.1f", b - a}'),
  "load_average_before": "$LOAD_BEFORE",
  "load_average_after": "$LOAD_AFTER",
  "episodes": $EPISODES,
  "workers": $WORKERS,
  "engine": "$ENGINE",
  "evaluation": {
    "command": "$(printf '%s ' "${EVAL[@]}" | sed 's/ *$//')",
    "episodes": $EVAL_EPISODES,
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
