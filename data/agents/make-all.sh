#!/usr/bin/env bash
# Trains the five pretrained agents one after another (see README.md).
set -euo pipefail
# 60,000 episodes (3x the paper's 20,000; every other setting default): see README.md.
EPISODES=${EPISODES:-60000}
cd "$(dirname "${BASH_SOURCE[0]}")"
./make-agent.sh independent BanditTwoArmedIndependentUniform-v0 --episodes "$EPISODES"
./make-agent.sh dependent-uniform BanditTwoArmedDependentUniform-v0 --episodes "$EPISODES"
./make-agent.sh easy BanditTwoArmedDependentEasy-v0 --episodes "$EPISODES"
./make-agent.sh medium BanditTwoArmedDependentMedium-v0 --episodes "$EPISODES"
./make-agent.sh hard BanditTwoArmedDependentHard-v0 --episodes "$EPISODES"
