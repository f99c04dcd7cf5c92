#!/usr/bin/env bash
# Re-runs a shipped agent's held-out evaluation (the command in its provenance.json) with today's code and replaces
# the provenance's "evaluation" block, recording the commit that evaluated and the action rule the agent used;
# the training fields stay as make-agent.sh wrote them.
#   data/agents/evaluate-agent.sh DIR        e.g. data/agents/hard or data/agents/more-seeds/hard-seed2
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DIR=$1
cd "$ROOT"
read -r -a EVAL < <(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["evaluation"]["command"])' "$DIR/provenance.json")
CSV=$("${EVAL[@]}")
BASE=("${EVAL[@]:0:${#EVAL[@]}-2}")  # the command without its --format csv
TITLE=$("${BASE[@]}" --no-baselines --format table | head -n 1)
SAMPLED=$("${BASE[@]}" --actions sample --no-baselines --format csv | awk -F, '$1=="agent"{print $2","$3","$4}')
RULE=$(printf '%s' "$TITLE" | sed -n 's/.*actions: \([a-z]*\).*/\1/p')
/usr/bin/python3 - "$CSV" "$DIR/provenance.json" "$(git rev-parse HEAD)" \
    "$(git diff --quiet HEAD -- lib-src pom.xml && echo true || echo false)" "$RULE" "$SAMPLED" "${BASE[*]} --actions sample --no-baselines --format csv" <<'PY'
import csv, json, sys
table, path, commit, clean, rule, sampled, sampled_command = sys.argv[1:8]
rows = {r["policy"]: r for r in csv.DictReader(table.splitlines())}
p = json.load(open(path))
ev = p["evaluation"]
for policy, key in [("agent", "agent"), ("thompson", "thompson"), ("gittins", "gittins"),
                    ("bayes-optimal", "bayes_optimal"), ("random", "random")]:
    r = rows.get(policy)
    if r is None:  # a policy the family does not offer (Gittins on the eleven-armed task)
        ev[key] = None
        continue
    ev[key] = {"regret_mean": float(r["regret_mean"]), "regret_ci95": float(r["regret_ci95"]),
               "subopt_pulls_mean": float(r["subopt_pulls_mean"])}
ev["agent_actions"] = rule + " (config key actions = validated: the rule of lower regret on validation episodes)"
mean, ci, pulls = (float(x) for x in sampled.split(","))
ev["agent_sampling"] = {"regret_mean": mean, "regret_ci95": ci, "subopt_pulls_mean": pulls,
                        "command": sampled_command}
ev["git_commit"] = commit
ev["git_tree_clean"] = clean == "true"
json.dump(p, open(path, "w"), indent=2)
open(path, "a").write("\n")
PY
echo "$DIR: agent $(printf '%s\n' "$CSV" | awk -F, '$1=="agent"{print $2}') ($RULE)"
