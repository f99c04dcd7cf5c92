#!/usr/bin/env bash
# Trains the five pretrained agents one after another (see README.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
./make-agent.sh independent BanditTwoArmedIndependentUniform-v0
./make-agent.sh dependent-uniform BanditTwoArmedDependentUniform-v0
./make-agent.sh easy BanditTwoArmedDependentEasy-v0
./make-agent.sh medium BanditTwoArmedDependentMedium-v0
./make-agent.sh hard BanditTwoArmedDependentHard-v0
