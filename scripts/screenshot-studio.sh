#!/usr/bin/env bash
# Starts the studio under Xvfb and saves a screenshot: how a user sees it.
# Usage: scripts/screenshot-studio.sh OUT.png [WORKSPACE] [LANG] [RUN_IDS] [WIDTHxHEIGHT] [LABEL_STORE] [EXTRA ARGS...]
# WAIT (seconds, default 4.5): how long the studio runs before the picture (an evaluation takes longer).
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
WAIT=${WAIT:-4.5}
export DISPLAY=:97
# A settings folder of its own: no window geometry or language from an earlier start.
export XDG_CONFIG_HOME=$(mktemp -d)
Xvfb $DISPLAY -screen 0 ${SIZE}x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
sleep 1
LANG=$LANG_ LC_ALL=$LANG_ "$BIN/ferkd-studio" --workspace "$WS" --quit-after "$(python3 -c "print(int(($WAIT + 1.5) * 1000))")" ${SELECT:+--select "$SELECT"} ${LABELS:+--labels "$LABELS"} "${EXTRA[@]}" &
APP=$!
sleep "$WAIT"
import -window root "$OUT"
wait $APP
