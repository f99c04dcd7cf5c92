#!/usr/bin/env bash
# The five paper-size sweeps, one family after another; rerun to resume (finished runs are kept).
#   data/sweeps/make-all.sh [OUT_ROOT]   (default: data/sweeps of this checkout)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT_ROOT=${1:-$HERE}
"$HERE/make-sweep.sh" independent       BanditTwoArmedIndependentUniform-v0 "$OUT_ROOT/independent"
"$HERE/make-sweep.sh" dependent-uniform BanditTwoArmedDependentUniform-v0   "$OUT_ROOT/dependent-uniform"
"$HERE/make-sweep.sh" easy              BanditTwoArmedDependentEasy-v0      "$OUT_ROOT/easy"
"$HERE/make-sweep.sh" medium            BanditTwoArmedDependentMedium-v0    "$OUT_ROOT/medium"
"$HERE/make-sweep.sh" hard              BanditTwoArmedDependentHard-v0      "$OUT_ROOT/hard"
