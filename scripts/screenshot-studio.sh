#!/usr/bin/env bash
# Starts the studio under Xvfb and saves a screenshot: how a user sees it.
# Usage: scripts/screenshot-studio.sh OUT.png [WORKSPACE] [LANG] [RUN_IDS] [WIDTHxHEIGHT] [LABEL_STORE] [EXTRA ARGS...]
set -euo pipefail
OUT=${1:?output png}
WS=${2:-$(mktemp -d)}
LANG_=${3:-en_US.UTF-8}
SELECT=${4:-}
SIZE=${5:-1280x800}
LABELS=${6:-}
shift $(( $# < 6 ? $# : 6 ))
EXTRA=("$@")
BIN=${BIN:-build/bin}
export DISPLAY=:97
Xvfb $DISPLAY -screen 0 ${SIZE}x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
sleep 1
LANG=$LANG_ LC_ALL=$LANG_ "$BIN/ferkd-studio" --workspace "$WS" --quit-after 6000 ${SELECT:+--select "$SELECT"} ${LABELS:+--labels "$LABELS"} "${EXTRA[@]}" &
APP=$!
sleep 4.5
import -window root "$OUT"
wait $APP
