#!/usr/bin/env bash
# The GRU's tuning, and the LSTM's on the same grid, so both cells get the same effort: the learning rate (the one
# key the two cells are most likely to want differently) at 0.002 / 0.004 (the LSTM's default) / 0.008, every other
# key the default, GRU(56) against LSTM(48) (about the same parameter count), on the independent and the hard
# family, seed 1, scored on 1,000 episodes of evaluation seed 7 (the shipped agents are reported on 20161117) as a
# multiple of the exact Bayes-optimal regret on the same episodes. Writes data/agents/gru/tuning.csv.
#   data/agents/gru/tune.sh
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
cd "$ROOT"
OUT=data/agents/gru/tuning.csv
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
echo "family,cell,hidden,learning_rate,agent_regret,agent_ci95,bayes_optimal_regret,x_bayes_optimal,train_seconds,load_before,git_commit" > "$OUT.tmp"
for task in BanditTwoArmedIndependentUniform-v0 BanditTwoArmedDependentHard-v0; do
  for cell in lstm:48 gru:56; do
    for lr in 0.002 0.004 0.008; do
      name=${cell%%:*}; hidden=${cell##*:}
      printf 'cell = %s\nhidden = %s\nlearningRate = %s\n' "$name" "$hidden" "$lr" > "$WORK/config"
      dir="$WORK/$task-$name-$lr"
      load=$(cut -d' ' -f1 /proc/loadavg)
      start=$(date +%s.%N)
      ./l2rl train -e "$task" -l "$dir" --seed 1 --quiet --config "$WORK/config"
      end=$(date +%s.%N)
      csv=$(./l2rl evaluate -e "$task" -l "$dir" --episodes 1000 --seed 7 --format csv)
      agent=$(printf '%s\n' "$csv" | awk -F, '$1=="agent" {print $2 "," $3}')
      bayes=$(printf '%s\n' "$csv" | awk -F, '$1=="bayes-optimal" {print $2}')
      ratio=$(awk -v a="${agent%%,*}" -v b="$bayes" 'BEGIN {printf "%.3f", a / b}')
      secs=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", b - a}')
      echo "$task,$name,$hidden,$lr,$agent,$bayes,$ratio,$secs,$load,$(git rev-parse --short HEAD)" | tee -a "$OUT.tmp"
    done
  done
done
mv "$OUT.tmp" "$OUT"
