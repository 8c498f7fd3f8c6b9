#!/usr/bin/env bash
# The first-build figures of README ("How long the first time takes"): a clean clone of
# this repository's HEAD built with an empty ccache, step by step, then the rebuild after
# touching one core file. Run it on a quiet machine: nothing else should compile or train.
#   bench/build_times.sh [FOLDER]     (default /tmp/ferkd-build-times; removed first)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-/tmp/ferkd-build-times}
rm -rf "$dir"
git clone -q "$repo" "$dir/src"
export CCACHE_DIR="$dir/ccache"  # empty: nothing from earlier builds
cd "$dir/src"
# step LOG COMMAND...: the command's wall seconds, and in brackets the CPU seconds (user +
# system) of it and its children, which the machine's load moves less; output in $dir/LOG.log
step() {
    local log=$1 TIMEFORMAT='%R %U %S' times
    shift
    times=$({ time "$@" > "$dir/$log.log" 2>&1; } 2>&1)
    set -- $times
    awk -v r="$1" -v u="$2" -v s="$3" 'BEGIN { printf "%d s (CPU %d s)", r + 0.5, u + s + 0.5 }'
}

echo "clone of $(git rev-parse --short HEAD), $(nproc) cores, CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "flags: $(grep -m1 '^flags' /proc/cpuinfo | grep -oE 'avx2|avx512f|avx512bw|avx512vl|avx512_vnni|avx512_bf16|amx_tile' | xargs)"
programs=$(step programs make programs)
echo "make programs (configure, ferkd, ferkd-studio): ${programs}"
tests_build=$(step build make build)
echo "make build after it (the tests' programs): ${tests_build}"
ctest_s=$(QT_QPA_PLATFORM=offscreen step ctest ctest --test-dir build --output-on-failure -j "$(nproc)" --timeout 900)
echo "ctest -j $(nproc): ${ctest_s}"
echo "a whole first make test (programs + tests' build + ctest): $((${programs%% *} + ${tests_build%% *} + ${ctest_s%% *})) s"
# A touched file's rebuild, compiled and not found in the cache: one of the files without
# LibTorch (ferkd_base) and one of the core's LibTorch files.
for file in core/train/lr_schedule.cpp core/train/checkpoint_policy.cpp; do
    touch "$file"
    rebuild=$(CCACHE_DISABLE=1 step rebuild cmake --build build)
    echo "rebuild after touching $file (all targets): ${rebuild}"
done
