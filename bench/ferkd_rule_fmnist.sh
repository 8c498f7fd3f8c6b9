#!/usr/bin/env bash
# The measurements of docs/DISTILLATION.md's "FerKD as the paper writes it": the
# teacher, a 32-crop label set, the threshold sweep on a validation split, and the
# ablation with the chosen thresholds. Each step skips what a workspace already has
# (finished runs are reused), so an interrupted run continues.
#   bench/ferkd_rule_fmnist.sh [WORKSPACE] [BUILD_DIR]
# About 1 h 30 min on the 2-core development machine (teacher 10 min, labels 9.5 min,
# sweep 12 runs, ablation 36 runs). SWEEP_SEEDS (default 1) and JOBS (default 2) are
# the sweep's seeds per point and runs side by side.
set -euo pipefail
W=${1:-/tmp/ferkd-rule}
F=${2:-build}/bin/ferkd
mkdir -p "$W"
COMMON=(--set data.train_limit=10000 --set data.val_split=1000 --set data.val_seed=0)

"$F" --workspace "$W" runs show teacher >/dev/null 2>&1 ||
    "$F" --workspace "$W" train --preset fmnist-teacher --name teacher
[ -f "$W/fmnist-32.fkdl" ] ||
    "$F" --workspace "$W" labels generate --teacher teacher --out "$W/fmnist-32.fkdl" --crops 32
"$F" labels info "$W/fmnist-32.fkdl" --data fashion-mnist

# Thresholds chosen on the 1,000 held-out training images, never on the test split.
"$F" --workspace "$W" sweep --preset fmnist-fkd-student "${COMMON[@]}" \
    --set distill.mode=ferkd --set distill.labels="$W/fmnist-32.fkdl" \
    --grid distill.ferkd.t_low=0,0.01,0.05 --grid distill.ferkd.t_mid=0.1,0.3 --grid distill.ferkd.t_top=0.999,1 \
    --seeds "${SWEEP_SEEDS:-1}" --select val_top1 --jobs "${JOBS:-2}" --name fmnist-thresholds --out "$W/sweep"

# The comparison, every variant with the selected thresholds, 3 seeds.
SELECTED=$(sed -n 's/^Selected point: //p' "$W/sweep/sweep.md")
RULE=()
for setting in $SELECTED; do RULE+=(--set "distill.ferkd.$setting"); done
"$F" --workspace "$W" bench ablation --preset fmnist-fkd-student --teacher teacher --labels "$W/fmnist-32.fkdl" \
    --seeds 3 --train-limit 10000 --set data.val_split=1000 --set data.val_seed=0 "${RULE[@]}" --out "$W/ablation"
