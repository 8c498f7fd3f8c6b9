#!/usr/bin/env bash
# Regenerates the studio's screenshots under Xvfb (first start, runs table and monitor
# with overlaid runs, sweep view, confusion drill-down, crop browser, comparison, config
# editor, data set view) at 1366x768 and 1920x1080, in English and Simplified Chinese.
# Usage: scripts/screenshots.sh OUT_DIR WORKSPACE LABEL_STORE [RUN_IDS] [SWEEP_RUN_IDS] [CELL_RUN CELL]
#   WORKSPACE and LABEL_STORE: e.g. the ablation of docs/DISTILLATION.md; SWEEP_RUN_IDS:
#   the runs of a sweep (`ferkd sweep`); CELL_RUN and CELL (true,predicted): the run whose
#   confusion cell is opened.
set -euo pipefail
OUT=${1:?output folder}
WS=${2:?workspace with runs}
LABELS=${3:?label store}
RUNS=${4:-3,4,5,6,7}
SWEEP=${5:-}
CELL_RUN=${6:-}
CELL=${7:-6,0}
mkdir -p "$OUT"
here=$(dirname "$0")
for size in 1366x768 1920x1080; do
  "$here/screenshot-studio.sh" "$OUT/first-start-$size.png" "$(mktemp -d)" en_US.UTF-8 "" "$size"
  if [ -n "$SWEEP" ]; then
    "$here/screenshot-studio.sh" "$OUT/sweep-$size.png" "$WS" en_US.UTF-8 "$SWEEP" "$size" "" --tab sweep --sweep-field optim.lr
  fi
  if [ -n "$CELL_RUN" ]; then
    WAIT=15 "$here/screenshot-studio.sh" "$OUT/confusion-cell-$size.png" "$WS" en_US.UTF-8 "$CELL_RUN" "$size" "" --show-cell "$CELL"
  fi
  "$here/screenshot-studio.sh" "$OUT/monitor-$size.png" "$WS" en_US.UTF-8 "$RUNS" "$size"
  "$here/screenshot-studio.sh" "$OUT/crops-$size.png" "$WS" en_US.UTF-8 "" "$size" "$LABELS"
done
"$here/screenshot-studio.sh" "$OUT/crops-zh_CN.png" "$WS" zh_CN.UTF-8 "" 1366x768 "$LABELS"
"$here/screenshot-studio.sh" "$OUT/compare.png" "$WS" en_US.UTF-8 "$RUNS" 1366x768 "" --tab compare
"$here/screenshot-studio.sh" "$OUT/config-editor.png" "$WS" en_US.UTF-8 "" 1366x768 "" --new-run
"$here/screenshot-studio.sh" "$OUT/data-set.png" "$WS" en_US.UTF-8 "" 1366x768 "" --inspect-data fashion-mnist
echo "screenshots in $OUT"
