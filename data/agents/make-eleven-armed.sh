#!/usr/bin/env bash
# Trains the eleven-armed agents (paper 3.1.3) with the train command's defaults and the family's own training
# defaults (5 trials, 100,000 episodes, beta_e annealed over half), seeds 1 (data/agents/eleven-armed), 2 and 3
# (data/agents/more-seeds/), evaluates each with its action rule and always sampling (evaluate-agent.sh), then
# prints the table of README.md and data/agents/README.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for SEED in ${SEEDS:-1 2 3}; do
  ./make-agent.sh eleven-armed BanditElevenArmedWithIndex-v0 "$SEED"
  if [ "$SEED" = 1 ]; then DIR=data/agents/eleven-armed; else DIR=data/agents/more-seeds/eleven-armed-seed$SEED; fi
  ./evaluate-agent.sh "$DIR"
done
/usr/bin/python3 summarize.py
