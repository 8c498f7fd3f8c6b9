#!/usr/bin/env bash
# Run HERE (Debian 12) before a GPU session: the GPU machine has LibTorch but no package
# registry, so the small libraries the core builds against travel as Debian packages
# unpacked into .deps/root (ignored by git; pass `.deps` as the device run's carry).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DEPS=$ROOT/.deps
rm -rf "$DEPS" && mkdir -p "$DEPS/debs" "$DEPS/root"
cd "$DEPS/debs"
# Not libgloo-dev: PyTorch's LibTorch brings its own gloo, whose headers must win.
apt-get download -q nlohmann-json3-dev libcli11-dev libsqlite3-dev libsqlite3-0 zlib1g-dev zlib1g
for deb in *.deb; do dpkg -x "$deb" "$DEPS/root"; done
# Absolute links (libz.so -> /lib/...) would point into the GPU machine's own system.
find "$DEPS/root" -type l | while read -r link; do
  target=$(readlink "$link")
  if [[ $target == /* && -e "$DEPS/root$target" ]]; then ln -sfn "$(realpath --relative-to="$(dirname "$link")" "$DEPS/root$target")" "$link"; fi
done
rm -rf "$DEPS/debs"
du -sh "$DEPS"
