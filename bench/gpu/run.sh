#!/usr/bin/env bash
# Run ON the GPU machine, from the repository root, with .deps carried (bench/gpu/fetch-deps.sh):
#   run(command="bash bench/gpu/run.sh", carry=[".deps"])
# 1. builds the core and the CLI against PyTorch's LibTorch (no Qt, no OpenCV);
# 2. checks correctness: the same first steps' losses on CPU (fp32) and CUDA (fp32 and
#    bf16 autocast), same initial weights and data, within fp32 and bf16 tolerance;
# 3. runs the GPU step benchmarks beside the PyTorch peers (bench/run.py step-gpu ...).
# Everything is printed; nothing needs to come back but the log.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PY=${PYTHON:-python3}
TORCH_PREFIX=$($PY -c 'import torch; print(torch.utils.cmake_prefix_path)')
echo "== $(nvidia-smi --query-gpu=name,driver_version --format=csv,noheader), torch $($PY -c 'import torch; print(torch.__version__)')"

start=$(date +%s)
cmake -S . -B build-gpu -G Ninja -DCMAKE_BUILD_TYPE=Release -DFERKD_BUILD_UI=OFF -DFERKD_BUILD_TESTS=OFF \
      -DFERKD_WITH_OPENCV=OFF -DFERKD_NCCL=ON -DCMAKE_PREFIX_PATH="$TORCH_PREFIX;$ROOT/.deps/root/usr" > build-gpu.log 2>&1 \
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

echo "== benchmarks (app beside the PyTorch peer)"
$PY bench/run.py --ferkd "$FERKD" --python "$PY" step-gpu step-gpu-resnet18
echo "== total $(( $(date +%s) - start )) s"
