#!/usr/bin/env bash
# The memory plan's estimate beside the measured peak (docs/SCALE.md): for each case,
# `ferkd train --plan` and then the same config trained for one short pass under
# /usr/bin/time -v, whose "Maximum resident set size" is the process's peak. The data is
# a folder of 500 x 375 JPEGs (bench/python/make_jpegs.py), trained and tested on the same
# images (the peak is what is measured, not accuracy).
#   bench/memory_plan.sh [BUILD_DIR] [WORK] [CASE...]     cases: resnet50 vit-small regnety-128gf vit-giant
set -euo pipefail
F=$(cd "${1:-build}" && pwd)/bin/ferkd
W=${2:-/tmp/ferkd-memory-plan}
shift 2 2>/dev/null || shift $#
CASES=${*:-resnet50 vit-small regnety-128gf vit-giant}
mkdir -p "$W"
[ -d "$W/jpegs" ] || /usr/bin/python3 "$(dirname "$0")/python/make_jpegs.py" "$W/jpegs" --count 16 --classes 4
COMMON="--set distill.mode=ce --set augment.selfmix_prob=0 --set augment.mixup_alpha=0 --set augment.cutmix_alpha=0
        --set data.path=$W/jpegs --set data.test_path=$W/jpegs --set data.val_split=0 --epochs 1
        --set schedule.warmup_epochs=0"

run_case() {  # NAME PRESET SETTINGS...
    local name=$1 preset=$2
    shift 2
    local args="--preset $preset $COMMON $*"
    echo "== $name: $*"
    # shellcheck disable=SC2086
    "$F" --workspace "$W/ws" train $args --plan | tee "$W/$name.plan"
    if grep -q "does not fit" "$W/$name.plan"; then return; fi
    # shellcheck disable=SC2086
    /usr/bin/time -v "$F" --workspace "$W/ws" train $args --name "$name" > "$W/$name.log" 2>&1 || { tail -5 "$W/$name.log"; return; }
    local plan measured
    plan=$(awk '$1 == "peak" {print $2, $3}' "$W/$name.plan")
    measured=$(awk -F': ' '/Maximum resident/ {printf "%.2f GB", $2 / 1048576}' "$W/$name.log")
    echo "$name: plan $plan, measured peak $measured ($(awk -F': ' '/Elapsed/ {print $2}' "$W/$name.log") wall)" | tee -a "$W/summary.txt"
}

for c in $CASES; do
    case $c in
    resnet50) run_case resnet50 table1-resnet50-pretrain --batch-size 16 --set runtime.micro_batch=4 ;;
    vit-small) run_case vit-small table1-vit-small-pretrain --batch-size 16 --set runtime.micro_batch=4 ;;
    regnety-128gf) run_case regnety-128gf table2-regnety-128gf-finetune --batch-size 4 --set runtime.micro_batch=2 \
                       --set model.grad_checkpointing=true ;;
    vit-giant) run_case vit-giant table2-vit-giant-finetune --batch-size 4 --set runtime.micro_batch=2 \
                   --set model.grad_checkpointing=true ;;
    *) echo "unknown case $c" >&2; exit 2 ;;
    esac
done
