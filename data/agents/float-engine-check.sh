#!/usr/bin/env bash
# Does the float engine learn what the double one did? The fifteen shipped agents (five families x seeds 1-3) were
# trained by the double-precision fused engine (today's engine = fused-double); this trains the same fifteen with
# today's default (engine = fused: float, batched kernels), every other setting the same defaults, and evaluates
# each on the shipped agents' 1,000 held-out episodes (seed 20161117), paired with the double-trained agent of the
# same family and seed. Writes data/agents/float-engine-check.csv; summarize with
# /usr/bin/python3 data/agents/float-engine-check.py.
#   data/agents/float-engine-check.sh
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
OUT=data/agents/float-engine-check.csv
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
echo "family,seed,float_regret,float_ci95,double_regret,bayes_optimal_regret,float_train_seconds,load_before,git_commit" > "$OUT.tmp"
for seed in 1 2 3; do
  for pair in independent:BanditTwoArmedIndependentUniform-v0 dependent-uniform:BanditTwoArmedDependentUniform-v0 \
              easy:BanditTwoArmedDependentEasy-v0 medium:BanditTwoArmedDependentMedium-v0 hard:BanditTwoArmedDependentHard-v0; do
    name=${pair%%:*}; task=${pair##*:}
    if [ "$seed" = 1 ]; then shipped="data/agents/$name"; else shipped="data/agents/more-seeds/$name-seed$seed"; fi
    grep -q '"engine": "fused"' "$shipped/provenance.json"  # trained by the double engine, before float came
    dir="$WORK/$name-$seed"
    load=$(cut -d' ' -f1 /proc/loadavg)
    start=$(date +%s.%N)
    ./l2rl train -e "$task" -l "$dir" --seed "$seed" --quiet
    end=$(date +%s.%N)
    csv=$(./l2rl evaluate -e "$task" -l "$dir" --episodes 1000 --seed 20161117 --format csv)
    agent=$(printf '%s\n' "$csv" | awk -F, '$1=="agent" {print $2 "," $3}')
    bayes=$(printf '%s\n' "$csv" | awk -F, '$1=="bayes-optimal" {print $2}')
    double=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['evaluation']['agent']['regret_mean'])" "$shipped/provenance.json")
    secs=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", b - a}')
    echo "$name,$seed,$agent,$double,$bayes,$secs,$load,$(git rev-parse --short HEAD)" | tee -a "$OUT.tmp"
  done
done
mv "$OUT.tmp" "$OUT"
