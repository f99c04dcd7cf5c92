#!/usr/bin/env bash
# The restless-bandit agents (paper 3.1.4), as make-agent.sh makes the others: ./l2rl train with the training
# defaults the restless families declare (500,000 episodes, entropy weight annealed to 0; why: RestlessTwoArmed's
# trainingDefaults), then the held-out evaluation (1,000 episodes of evaluation seed 20161117) beside the restless
# baselines, into provenance.json.
#   data/agents/make-restless.sh            # the mixed family, seeds 1-3, and one agent per regime (seed 1)
#   data/agents/make-restless.sh NAME TASK_ID SEED
# Seed 1 goes to data/agents/NAME, others to data/agents/more-seeds/NAME-seedS.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
if [ $# -eq 0 ]; then
  for seed in 1 2 3; do "$0" restless BanditTwoArmedRestless-v0 "$seed"; done
  "$0" restless-low BanditTwoArmedRestlessLow-v0 1
  "$0" restless-high BanditTwoArmedRestlessHigh-v0 1
  exit 0
fi
NAME=$1; TASK=$2; SEED=$3
if [ "$SEED" = 1 ]; then DIR="data/agents/$NAME"; else DIR="data/agents/more-seeds/$NAME-seed$SEED"; fi
EVAL_SEED=20161117
EVAL_EPISODES=1000
mkdir -p "$(dirname "$DIR")"
rm -rf "$DIR.tmp"
TRAIN=(./l2rl train -e "$TASK" -l "$DIR.tmp" --seed "$SEED" --quiet)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
START=$(date +%s.%N)
"${TRAIN[@]}"
END=$(date +%s.%N)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
rm -rf "$DIR"; mv "$DIR.tmp" "$DIR"
ls "$DIR"/checkpoints/checkpoint-*.zip | sort | head -n -1 | xargs -r rm -f
EVAL=(./l2rl evaluate -e "$TASK" -l "$DIR" --episodes "$EVAL_EPISODES" --seed "$EVAL_SEED" --format csv)
CSV=$("${EVAL[@]}")
SAMPLING_EVAL=(./l2rl evaluate -e "$TASK" -l "$DIR" --episodes "$EVAL_EPISODES" --seed "$EVAL_SEED" --actions sample
  --no-baselines --format csv)
SAMPLING=$("${SAMPLING_EVAL[@]}")
row() { printf '%s\n' "$1" | awk -F, -v p="$2" '$1==p {printf "{\"regret_mean\": %s, \"regret_ci95\": %s, \"subopt_pulls_mean\": %s}", $2, $3, $4}'; }
setting() { grep "^$1 " "$DIR/config.properties" | sed 's/.*= *//'; }
RULE=$(grep -o 'actions: [a-z]*' <(./l2rl evaluate -e "$TASK" -l "$DIR" --episodes 1 --no-baselines) | sed 's/actions: //')
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
  "episodes": $(setting episodes),
  "workers": $(setting workers),
  "engine": "$(setting engine)",
  "evaluation": {
    "command": "$(printf '%s ' "${EVAL[@]}" | sed 's/ *$//')",
    "episodes": $EVAL_EPISODES,
    "held_out": "tasks from Seeds stream 'task' of seed $EVAL_SEED; training draws 'train-task' of seed $SEED",
    "agent": $(row "$CSV" agent),
    "agent_actions": "$RULE (config key actions = validated: the rule of lower regret on validation episodes)",
    "agent_sampling": $(row "$SAMPLING" agent),
    "random": $(row "$CSV" random),
    "ucb": $(row "$CSV" ucb),
    "thompson": $(row "$CSV" thompson),
    "rescorla_wagner": $(row "$CSV" rescorla-wagner),
    "rescorla_wagner_coupled": $(row "$CSV" rescorla-wagner-coupled),
    "bayes_optimal": $(row "$CSV" bayes-optimal)
  }
}
JSON
cat "$DIR/provenance.json"
