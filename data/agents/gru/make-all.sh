#!/usr/bin/env bash
# Trains the shipped GRU agents: GRU(56) on the independent and the hard family, seeds 1-3, with the command the
# LSTM agents were made with plus --config data/agents/gru/gru.properties (cell = gru, hidden = 56). Seed 1 goes to
# data/agents/gru/FAMILY, seeds 2 and 3 to data/agents/more-seeds/gru/FAMILY-seedS (make-agent.sh's layout).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
for SEED in ${SEEDS:-1 2 3}; do
  ./make-agent.sh gru/independent BanditTwoArmedIndependentUniform-v0 "$SEED" --config data/agents/gru/gru.properties
  ./make-agent.sh gru/hard        BanditTwoArmedDependentHard-v0      "$SEED" --config data/agents/gru/gru.properties
done
