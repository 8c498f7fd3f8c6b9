#!/usr/bin/env bash
# The cluttered testbed end to end from the CLI, one seed (docs/TESTBED.md): the data
# set, the teacher, its label set, the mining figures, and the ce, fkd and ferkd
# students. Prints each stage's wall time and appends it to WORKSPACE/stages.txt. A stage
# whose result the workspace already has is skipped, so an interrupted run continues.
#   bench/testbed.sh [WORKSPACE] [BUILD_DIR]
set -euo pipefail
W=${1:-/tmp/ferkd-testbed}
F=${2:-build}/bin/ferkd
DATA="$W/cluttered-fmnist"
LABELS="$W/cluttered-8.fkdl"
mkdir -p "$W"

stage() {  # stage NAME DONE_TEST COMMAND...
    local name=$1 done=$2
    shift 2
    if eval "$done"; then
        echo "== $name: already done"
        return
    fi
    echo "== $name"
    local start=$SECONDS
    "$@"
    printf '%-10s %4d s  %s\n' "$name" $((SECONDS - start)) "$*" | tee -a "$W/stages.txt"
}
trained() { "$F" --workspace "$W" runs show "$1" 2>/dev/null | grep -q "status finished"; }

stage data "[ -f '$DATA/test.fkpack' ]" "$F" dataset make-cluttered fashion-mnist "$DATA"
stage teacher "trained teacher" "$F" --workspace "$W" train --preset clutter-teacher --data "$DATA" --name teacher
stage labels "[ -f '$LABELS' ]" "$F" --workspace "$W" labels generate --teacher teacher --data "$DATA" --out "$LABELS" --crops 8
stage mining false "$F" --workspace "$W" labels mining "$LABELS" --data "$DATA" --csv "$W/mining-bins.csv"
stage ce "trained ce" "$F" --workspace "$W" train --preset clutter-ce-student --data "$DATA" --name ce
for student in fkd ferkd; do
    stage "$student" "trained $student" "$F" --workspace "$W" train --preset "clutter-$student-student" --data "$DATA" \
        --set distill.labels="$LABELS" --name "$student"
done
