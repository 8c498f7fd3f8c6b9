#!/bin/sh
# How cost grows with the data set: a FerKD epoch (ResNet-18, 28 px, 2 of 4 stored
# crops per image, batch 256, 2 threads) on the first N Fashion-MNIST images, N = 1k,
# 10k, 60k: epoch time, the label store's size and the trainer's peak resident memory.
# Usage: bench/scaling.sh [build/bin/ferkd]   (prints a Markdown table)
set -eu
FERKD=${1:-build/bin/ferkd}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
echo "| images | label store | epoch (train + 256-image test) | crops/s | peak RSS |"
echo "|---|---|---|---|---|"
for N in 1000 10000 60000; do
  L="$TMP/labels-$N.fkdl"
  "$FERKD" bench labels --arch resnet18 --images "$N" --crops 4 --input-size 28 --batch 512 --threads 2 \
    --out "$L" --json > /dev/null
  /usr/bin/time -f "%M" -o "$TMP/rss" "$FERKD" --workspace "$TMP/ws-$N" train --data fashion-mnist \
    --arch resnet18 --epochs 2 --batch-size 512 --threads 2 --name "n$N" \
    --set data.train_limit="$N" --set data.test_limit=256 --set distill.mode=ferkd \
    --set distill.labels="$L" --set distill.num_crops=2 --set schedule.warmup_epochs=0 \
    --set checkpoint.keep_best=false > /dev/null
  "$FERKD" --workspace "$TMP/ws-$N" runs export-csv "n$N" --out "$TMP/m.csv" > /dev/null
  SECONDS_=$(tail -n 1 "$TMP/m.csv" | awk -F, '{print $NF}')
  STEPS=$((N / 256))
  echo "| $N | $(($(stat -c %s "$L") / 1024)) KiB | $(printf '%.1f' "$SECONDS_") s | $(awk "BEGIN {printf \"%.0f\", $STEPS * 512 / $SECONDS_}") | $(($(cat "$TMP/rss") / 1024)) MiB |"
done
