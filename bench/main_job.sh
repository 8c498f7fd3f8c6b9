#!/usr/bin/env bash
# The main job of `make run` on a machine without a display, timed end to end: `ferkd
# train --preset fmnist-resnet-quick` (start-up, data loading, every epoch and its
# evaluation, checkpoints), once per seed, each in a fresh workspace. Prints one line per
# seed and the mean and spread of wall time and test top-1.
#   bench/main_job.sh [BUILD_DIR] [SEEDS] [-- extra `ferkd train` arguments]
# e.g. bench/main_job.sh build 3 -- --set runtime.precision=fp32
set -euo pipefail
BUILD_DIR=${1:-build}
SEEDS=${2:-3}
shift $(( $# >= 2 ? 2 : $# ))
[ "${1:-}" = "--" ] && shift
F="$BUILD_DIR/bin/ferkd"
[ -x "$F" ] || { echo "main_job: $F is not built (make build)" >&2; exit 2; }
W=$(mktemp -d /tmp/ferkd-main-job.XXXXXX)
trap 'rm -rf "$W"' EXIT

echo "main job: $F train --preset fmnist-resnet-quick $*; $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)"
printf '%-5s %-10s %9s %12s %12s\n' seed precision wall_s best_top1 last_top1
results=()
for seed in $(seq 0 $((SEEDS - 1))); do
    log="$W/seed$seed.log"
    start=$(date +%s.%N)
    "$F" --workspace "$W/ws$seed" train --preset fmnist-resnet-quick --set seed="$seed" "$@" >"$log" 2>&1 ||
        { cat "$log" >&2; exit 1; }
    wall=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
    best=$(sed -n 's/.*finished (test top-1 \([0-9.]*\)% at the best epoch).*/\1/p' "$log" | tail -1)
    last=$(sed -n 's/^epoch [0-9]*\/[0-9]*: .*test loss [0-9.]* top-1 \([0-9.]*\)%.*/\1/p' "$log" | tail -1)
    precision=$(sed -n 's/^precision \([a-z0-9]*\) (.*/\1/p' "$log" | head -1)
    printf '%-5s %-10s %9.1f %12s %12s\n' "$seed" "${precision:-?}" "$wall" "$best" "$last"
    results+=("$wall $best $last")
done
printf '%s\n' "${results[@]}" | awk '
    { for (i = 1; i <= 3; i++) { s[i] += $i; q[i] += $i * $i } n++ }
    END {
        split("wall_s best_top1 last_top1", name, " ")
        for (i = 1; i <= 3; i++) {
            m = s[i] / n; v = n > 1 ? (q[i] - n * m * m) / (n - 1) : 0
            printf "%s: mean %.2f, std %.2f over %d seeds\n", name[i], m, sqrt(v > 0 ? v : 0), n
        }
    }'
