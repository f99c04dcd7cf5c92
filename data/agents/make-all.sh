#!/usr/bin/env bash
# Trains the five pretrained agents (seed 1, shipped in data/agents/NAME) and the same five with seeds 2 and 3
# (data/agents/more-seeds/), every setting the train command's default (20,000 episodes), one after another;
# then prints the table of README.md and data/agents/README.md (summarize.py).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for SEED in ${SEEDS:-1 2 3}; do
  ./make-agent.sh independent       BanditTwoArmedIndependentUniform-v0 "$SEED"
  ./make-agent.sh dependent-uniform BanditTwoArmedDependentUniform-v0   "$SEED"
  ./make-agent.sh easy              BanditTwoArmedDependentEasy-v0      "$SEED"
  ./make-agent.sh medium            BanditTwoArmedDependentMedium-v0    "$SEED"
  ./make-agent.sh hard              BanditTwoArmedDependentHard-v0      "$SEED"
done
/usr/bin/python3 summarize.py
