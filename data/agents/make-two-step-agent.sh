#!/usr/bin/env bash
# Trains one two-step agent with the train command's defaults and the task's declared training defaults, and writes
# its provenance.json: exact command, seed, git commit, wall time, load, and the held-out analysis (1,000 episodes of
# an evaluation seed stream training never draws from) beside the reference learners on the same episodes.
#   data/agents/make-two-step-agent.sh NAME TASK_ID SEED [extra train flags, e.g. --no-reward-input]
# Seed 1 goes to data/agents/NAME; other seeds to data/agents/more-seeds/NAME-seedS.
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
ls "$DIR"/checkpoints/checkpoint-*.zip | sort | head -n -1 | xargs -r rm -f   # keep the final checkpoint only
EVAL=(./l2rl two-step -l "$DIR" -e "$TASK" --episodes "$EVAL_EPISODES" --seed "$EVAL_SEED" --format csv)
"${EVAL[@]}" > "$DIR/two-step.csv"
POLICIES=(model-free model-based)
[ "$TASK" = TwoStep-v0 ] && POLICIES+=(ideal-observer)
for p in "${POLICIES[@]}"; do
  ./l2rl two-step --policy "$p" -e "$TASK" --episodes "$EVAL_EPISODES" --seed "$EVAL_SEED" --format csv | tail -n +2 >> "$DIR/two-step.csv"
done
/usr/bin/python3 - "$DIR" "$TASK" "$SEED" "$(git rev-parse HEAD)" \
    "$(git diff --quiet HEAD -- lib-src pom.xml && echo true || echo false)" "$START" "$END" "$LOAD_BEFORE" \
    "$LOAD_AFTER" "$(printf '%s ' "${TRAIN[@]}" | sed "s#$DIR.tmp#$DIR#; s/ *$//")" \
    "$(printf '%s ' "${EVAL[@]}" | sed 's/ *$//')" <<'PY'
import csv, json, sys
d, task, seed, commit, clean, start, end, before, after, train, evaluate = sys.argv[1:]
config = dict(line.split(" = ", 1) for line in open(f"{d}/config.properties").read().splitlines() if " = " in line)
rows = {}
for r in csv.DictReader(open(f"{d}/two-step.csv")):
    number = lambda x: round(float(x), 4) if x not in ("", "NaN") else None  # None: a separated regression
    rows.setdefault(r["policy"], {})[r["quantity"]] = {"value": number(r["value"]), "ci95": number(r["ci95"])}
json.dump({"task": task, "command": train, "seed": int(seed), "git_commit": commit, "git_tree_clean": clean == "true",
           "wall_seconds": round(float(end) - float(start), 1), "load_average_before": before,
           "load_average_after": after, "episodes": int(config["episodes"]), "trials": int(config["trials"]),
           "workers": int(config["workers"]), "engine": config["engine"], "actions": config["actions"],
           "reward_input": config.get("rewardInput", "true") == "true",
           "evaluation": {"command": evaluate + " (and --policy P for each reference learner)", "episodes": 1000,
                          "held_out": f"tasks from Seeds stream 'task' of seed 20161117; training draws 'train-task' of seed {seed}",
                          **rows}}, open(f"{d}/provenance.json", "w"), indent=2)
PY
cat "$DIR/provenance.json" | head -5
