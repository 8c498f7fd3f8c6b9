#!/usr/bin/env bash
# Run ON the GPU machine, from the repository root, with .deps carried (bench/gpu/fetch-deps.sh):
#   run(command="bash bench/gpu/run.sh", carry=[".deps"])
# 1. builds the core and the CLI against PyTorch's LibTorch (no Qt, no OpenCV);
# 2. checks correctness: the same first steps' losses on CPU (fp32) and CUDA (fp32 and
#    bf16 autocast), same initial weights and data, within fp32 and bf16 tolerance;
#    Then one FerKD epoch (RandAugment, SelfMix) twice on CUDA, its crops assembled on the
#    GPU and on the CPU prefetch thread (runtime.crops_on_device): the same losses;
# 3. the paper's scale (docs/SCALE.md): Table 1's ResNet-50 step (1,024 crops of 224 px,
#    bf16) whole and in micro-batches of 256, app beside the peer, with the peak tensor
#    memory of each (torch.cuda.max_memory_allocated on the peer's side); the memory plan
#    of the table1-resnet50-pretrain preset on this GPU; the input pipeline's images/s at
#    1..16 workers on 2,000 JPEGs of 500 x 375 px;
# 4. runs the GPU benchmarks beside the PyTorch peers (bench/run.py step-gpu ... labels-gpu):
#    the training step and the ResNet-50 teacher labelling 224-px crops in bf16.
# Sections 3 and 4 go on when one of their parts fails. Everything is printed and kept in
# $OUT/gpu-run.log (the run tool brings $OUT back), so a run cut short still reports.
set -euo pipefail
LOG=${OUT:-/tmp}/gpu-run.log
exec > >(tee -a "$LOG") 2>&1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PY=${PYTHON:-python3}
TORCH_PREFIX=$($PY -c 'import torch; print(torch.utils.cmake_prefix_path)')
echo "== $(nvidia-smi --query-gpu=name,driver_version --format=csv,noheader), torch $($PY -c 'import torch; print(torch.__version__)')"

start=$(date +%s)
cmake -S . -B build-gpu -G Ninja -DCMAKE_BUILD_TYPE=Release -DFERKD_BUILD_UI=OFF -DFERKD_BUILD_TESTS=OFF -DFERKD_WITH_SERVER=OFF \
      -DFERKD_WITH_OPENCV=OFF -DFERKD_WITH_ONNX=OFF -DFERKD_NCCL=ON -DCMAKE_PREFIX_PATH="$TORCH_PREFIX;$ROOT/.deps/root/usr" > build-gpu.log 2>&1 \
  || { tail -40 build-gpu.log; exit 1; }
ninja -C build-gpu -j16 ferkd >> build-gpu.log 2>&1 || { grep -E "error|Error" -A3 build-gpu.log | head -60; exit 1; }
echo "== built in $(( $(date +%s) - start )) s"
FERKD=$ROOT/build-gpu/bin/ferkd

echo "== correctness: losses of the first 5 steps (ResNet-18, 64 px, batch 32)"
check="--arch resnet18 --input-size 64 --batch 32 --steps 2 --warmup 3 --json"
cpu=$($FERKD bench step $check --device cpu --threads 16 | tail -1)
gpu=$($FERKD bench step $check --device cuda | tail -1)
bf16=$($FERKD bench step $check --device cuda --precision bf16 | tail -1)
$PY - "$cpu" "$gpu" "$bf16" <<'PYEOF'
import json, sys
cpu, gpu, bf16 = (json.loads(a)["losses"] for a in sys.argv[1:])
def worst(a, b):
    return max(abs(x - y) / max(abs(x), 1e-6) for x, y in zip(a, b))
print("cpu fp32 ", ["%.5f" % x for x in cpu])
print("cuda fp32", ["%.5f" % x for x in gpu], "largest relative difference %.2e (limit 1e-3)" % worst(cpu, gpu))
print("cuda bf16", ["%.5f" % x for x in bf16], "largest relative difference %.2e (limit 3e-2)" % worst(cpu, bf16))
ok = worst(cpu, gpu) < 1e-3 and worst(cpu, bf16) < 3e-2
print("correctness:", "ok" if ok else "FAILED")
sys.exit(0 if ok else 1)
PYEOF

echo "== correctness: crops assembled on the GPU and on the CPU, one FerKD epoch each"
DATA=$(mktemp -d)
$PY - "$DATA" <<'PYEOF'
import struct, sys, numpy as np
rng = np.random.default_rng(0)
for split, n in (("train", 4096), ("t10k", 256)):
    labels = np.arange(n) % 10                       # ten classes, as Fashion-MNIST (the peers assume it)
    images = rng.integers(0, 48, (n, 28, 28), dtype=np.uint8)
    for i, y in enumerate(labels):
        images[i, 2 + y * 2:5 + y * 2] += 180        # a band whose position is the class
    open(f"{sys.argv[1]}/{split}-images-idx3-ubyte", "wb").write(struct.pack(">4i", 0x803, n, 28, 28) + images.tobytes())
    open(f"{sys.argv[1]}/{split}-labels-idx1-ubyte", "wb").write(struct.pack(">2i", 0x801, n) + labels.astype(np.uint8).tobytes())
PYEOF
$FERKD bench labels --arch resnet18 --data "$DATA" --images 2048 --crops 4 --input-size 56 --batch 512 --threads 16 \
      --out "$DATA/labels.fkdl" --json > /dev/null
for on in true false; do
  $FERKD --workspace "$DATA/ws-$on" train --data "$DATA" --arch resnet18 --epochs 2 --batch-size 256 --name assembly \
      --set data.input_size=56 --set data.train_limit=2048 --set distill.mode=ferkd --set distill.labels="$DATA/labels.fkdl" --set distill.num_crops=2 \
      --set augment.randaug_ops=2 --set augment.selfmix_prob=0.5 --set schedule.warmup_epochs=0 \
      --set runtime.device=cuda --set runtime.crops_on_device=$on > "$DATA/train-$on.log" 2>&1 \
    || { tail -20 "$DATA/train-$on.log"; exit 1; }
  $FERKD --workspace "$DATA/ws-$on" runs export-csv assembly --out "$DATA/$on.csv"
done
$PY - "$DATA/true.csv" "$DATA/false.csv" <<'PYEOF'
import csv, sys
gpu, cpu = (next(csv.DictReader(open(f))) for f in sys.argv[1:])
rel = abs(float(gpu["train_loss"]) - float(cpu["train_loss"])) / abs(float(cpu["train_loss"]))
print("crops on the GPU: train loss %s, test top-1 %s, %s s" % (gpu["train_loss"], gpu["test_top1"], gpu["seconds"]))
print("crops on the CPU: train loss %s, test top-1 %s, %s s" % (cpu["train_loss"], cpu["test_top1"], cpu["seconds"]))
print("relative difference %.2e (limit 2e-3):" % rel, "ok" if rel < 2e-3 else "FAILED")
sys.exit(0 if rel < 2e-3 else 1)
PYEOF

echo "== $(( $(date +%s) - start )) s: Table 1 ResNet-50 step, 1,024 crops of 224 px, bf16: whole, and 4 micro-batches of 256"
table1="--arch resnet50 --input-size 224 --classes 1000 --batch 1024 --steps 5 --warmup 3 --device cuda --precision bf16"
for micro in 0 256; do
  app=$($FERKD bench step $table1 --micro-batch $micro --json | tail -1) || app='{"failed": true}'
  peer=$($PY bench/python/step_peer.py $table1 --micro-batch $micro | tail -1) || peer='{"failed": true}'
  $PY - "$micro" "$app" "$peer" <<'PYEOF' || true
import json, sys
micro, app, peer = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
def row(name, j):
    if j.get("failed"):
        return f"  {name}: FAILED"
    peak = j.get("peak_bytes")
    return (f"  {name}: {j['images_per_s']:.0f} crops/s (forward {j['forward_s']:.3f} s, backward {j['backward_s']:.3f} s, "
            f"update {j['update_s']:.3f} s), peak {peak / 1e9:.2f} GB of tensors" if peak else f"  {name}: {j['images_per_s']:.0f} crops/s")
print(f"micro-batch {micro or 'whole step'}:")
print(row("app ", app))
print(row("peer", peer))
if not app.get("failed") and not peer.get("failed"):
    print(f"  app/peer speed {app['images_per_s'] / peer['images_per_s']:.2f}; losses app {app['losses'][:3]} peer {peer['losses'][:3]}")
PYEOF
done

echo "== $(( $(date +%s) - start )) s: the input pipeline: 2,000 JPEGs of 500 x 375 px, batches of 256 at 224 px"
JPEG=$(mktemp -d)
if $PY bench/python/make_jpegs.py "$JPEG" --count 2000; then
  for workers in 1 2 4 8 16; do
    $FERKD bench data --data "$JPEG" --workers $workers --input-size 224 --batch 256 --batches 0 || echo "  $workers workers: FAILED"
  done
  echo "== $(( $(date +%s) - start )) s: the memory plan of table1-resnet50-pretrain on this GPU (measured with CUDA's allocator statistics)"
  $FERKD --workspace "$JPEG/ws" train --plan --preset table1-resnet50-pretrain --set model.num_classes=1000 \
      --set distill.mode=ce --set augment.selfmix_prob=0 --set data.path="$JPEG" --set data.test_path="$JPEG" --set runtime.device=cuda \
    || echo "  plan: FAILED"
else
  echo "  make_jpegs.py: FAILED"
fi

echo "== $(( $(date +%s) - start )) s: benchmarks (app beside the PyTorch peer)"
$PY bench/run.py --ferkd "$FERKD" --python "$PY" --repeat 2 --data "$DATA" step-gpu step-gpu-resnet18 labels-gpu || echo "benchmarks: FAILED"
echo "== total $(( $(date +%s) - start )) s"
