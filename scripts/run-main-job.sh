#!/usr/bin/env bash
# The main job of `make run`: the studio on the default workspace when a display is
# there; otherwise the quick Fashion-MNIST preset headless with the CLI.
set -euo pipefail
BUILD_DIR=${1:-build}
BIN="$BUILD_DIR/bin"

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  if [ -x "$BIN/ferkd-studio" ]; then
    exec "$BIN/ferkd-studio"
  fi
  echo "run: ferkd-studio was not built (FERKD_BUILD_UI=OFF); running the CLI instead"
else
  echo "run: no display (DISPLAY and WAYLAND_DISPLAY are unset), so the studio cannot open."
  echo "run: training the quick Fashion-MNIST preset headless with the CLI instead."
fi
exec "$BIN/ferkd" train --preset fmnist-resnet-quick
