#!/usr/bin/env bash
# docs/TESTBED.md's comparison on the cluttered testbed: the threshold sweep of the
# paper's rule on a validation split, then ce / fkd / ferkd (paper rule, the
# selected thresholds) / ferkd-fraction (the earlier reading) over 3 seeds. Students
# train on the first 20,000 training images, 2,000 of them held out for validation (the
# test split chooses nothing). Needs the teacher and label set of bench/testbed.sh in the
# same workspace; finished runs are reused, so an interrupted run continues.
#   bench/testbed_comparison.sh [WORKSPACE] [BUILD_DIR]
set -euo pipefail
W=${1:-/tmp/ferkd-testbed}
F=${2:-build}/bin/ferkd
DATA="$W/cluttered-fmnist"
LABELS="$W/cluttered-8.fkdl"
COMMON=(--set data.path="$DATA" --set data.train_limit=20000 --set data.val_split=2000 --set data.val_seed=0)

"$F" --workspace "$W" sweep --preset clutter-ferkd-student "${COMMON[@]}" --set distill.labels="$LABELS" \
    --grid distill.ferkd.t_low=0,0.01,0.05 --grid distill.ferkd.t_mid=0.1,0.3 --grid distill.ferkd.t_top=1 \
    --seeds "${SWEEP_SEEDS:-1}" --select val_top1 --jobs "${JOBS:-2}" --name clutter-thresholds --out "$W/sweep"

SELECTED=$(sed -n 's/^Selected point: //p' "$W/sweep/sweep.md")
RULE=()
for setting in $SELECTED; do RULE+=(--set "distill.ferkd.$setting"); done
"$F" --workspace "$W" bench ablation --preset clutter-ferkd-student --teacher teacher --labels "$LABELS" \
    --variants ce,fkd,ferkd,ferkd-fraction --seeds 3 "${COMMON[@]}" "${RULE[@]}" --out "$W/ablation"
