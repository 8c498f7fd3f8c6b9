#!/usr/bin/python3
"""Runs each speed benchmark on both sides in one invocation, the app (`ferkd bench ...`)
and its PyTorch-in-Python peer (bench/python/*_peer.py) with the same arguments, and
prints one Markdown row per benchmark with the ratio. Usage:

    bench/run.py [--ferkd build/bin/ferkd] [--python /usr/bin/python3] [--repeat 3] [step|step-fmnist|store|labels|epoch|epoch-jpeg|data ...]
    bench/run.py --data DIR step-gpu labels-gpu   # on a CUDA machine (bench/gpu/run.sh)

Each benchmark runs --repeat times, the app and the peer alternately (a shared VM's speed
drifts by 10% and more within minutes); a row gives each side's median and the ratio of
the medians, with the lowest and highest ratio of the pairs in brackets.

Both sides run with the same allocator policy: the app keeps freed memory for reuse at
start-up (core/util/allocator.h: glibc's M_MMAP_MAX 0, M_TRIM_THRESHOLD 1 GiB, and one
arena, M_ARENA_MAX 1, for every thread), and the peers get the same settings through glibc's environment variables (--peer-malloc app, the
default); --peer-malloc glibc leaves the peers on glibc's defaults, as the rows of
docs/PERFORMANCE.md before the night of 2026-12-07 were measured.

Figures go to docs/PERFORMANCE.md with the command line that produced them."""
import argparse
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# The same arguments for both sides of each benchmark.
WORKLOADS = {
    "step": (["--arch", "resnet18", "--input-size", "112", "--batch", "32", "--steps", "20", "--warmup", "3",
              "--threads", "2"], "images_per_s", "img/s"),
    "step-fmnist": (["--arch", "resnet18", "--input-size", "28", "--in-chans", "1", "--classes", "10", "--batch", "256",
                     "--steps", "20", "--warmup", "3", "--threads", "2"], "images_per_s", "img/s"),
    "store": (["--images", "10000", "--crops", "40", "--classes", "1000", "--topk", "10", "--reads", "5000"],
              "reads_per_s", "random image reads/s"),
    "labels": (["--arch", "resnet18", "--images", "1000", "--crops", "8", "--input-size", "56", "--batch", "256",
                "--threads", "2"], "crops_per_s", "crops/s"),
    # The GPU machine (bench/gpu/run.sh): DESIGN.md section 6's workload, PyTorch eager 4,640 img/s there.
    "step-gpu": (["--arch", "resnet50", "--input-size", "224", "--batch", "256", "--steps", "20", "--warmup", "10",
                  "--device", "cuda", "--precision", "bf16"], "images_per_s", "img/s"),
    "step-gpu-resnet18": (["--arch", "resnet18", "--input-size", "224", "--batch", "256", "--steps", "20",
                           "--warmup", "10", "--device", "cuda", "--precision", "bf16"], "images_per_s", "img/s"),
    # DESIGN.md's ResNet-50 inference at batch 1024, bf16 (16,372 img/s): 65,536 crops of
    # 224 px, the forward passes' warm-up included on both sides; the peer with 8 workers.
    "labels-gpu": (["--arch", "resnet50", "--images", "4096", "--crops", "16", "--input-size", "224", "--batch", "1024",
                    "--device", "cuda", "--precision", "bf16"], "crops_per_s", "crops/s", ["--workers", "8"]),
}


# glibc's settings that keepFreedMemoryForReuse() applies in the app, for the peers.
APP_MALLOC = {"MALLOC_MMAP_MAX_": "0", "MALLOC_TRIM_THRESHOLD_": str(1 << 30), "MALLOC_ARENA_MAX": "1"}


def run_json(cmd, env=None):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env).stdout
    return json.loads(out.strip().splitlines()[-1])


def ratio_text(apps, peers, higher_is_better=True):
    """The ratio of the medians (app over peer, or peer over app for times) and the range
    of the per-pair ratios."""
    ratio = (lambda a, p: a / p) if higher_is_better else (lambda a, p: p / a)
    pairs = [ratio(a, p) for a, p in zip(apps, peers)]
    text = f"{ratio(statistics.median(apps), statistics.median(peers)):.2f}x"
    if len(pairs) > 1:
        text += f" [{min(pairs):.2f}-{max(pairs):.2f}]"
    return text


# The two epoch workloads: Fashion-MNIST as the app reads it (IDX), and an image folder of
# 224-px JPEGs (made here from Fashion-MNIST images, upscaled and coloured).
EPOCHS = {
    "epoch": dict(images=10000, crops=2, size=28, batch=256, test=256, folder=False),
    "epoch-jpeg": dict(images=400, crops=2, size=112, batch=32, test=64, folder=True),
}


def make_jpeg_folder(root, per_class_train=100, per_class_val=16, classes=4):
    """root/train/<class>/*.jpg and root/val/<class>/*.jpg, 224x224 RGB, quality 90."""
    sys.path.insert(0, os.path.join(HERE, "python"))
    import fmnist
    from PIL import Image
    images, labels = fmnist.load("train", 4000)
    tint = [(1.0, 0.6, 0.6), (0.6, 1.0, 0.6), (0.6, 0.6, 1.0), (1.0, 1.0, 0.6)]
    count = {}
    for img, y in zip(images.numpy(), labels.tolist()):
        if y >= classes:
            continue
        n = count.get(y, 0)
        if n >= per_class_train + per_class_val:
            continue
        count[y] = n + 1
        split = "train" if n < per_class_train else "val"
        folder = os.path.join(root, split, f"class{y}")
        os.makedirs(folder, exist_ok=True)
        grey = Image.fromarray(img).resize((224, 224), Image.BICUBIC)
        rgb = Image.merge("RGB", [grey.point(lambda v, t=t: int(v * t)) for t in tint[y]])
        rgb.save(os.path.join(folder, f"{n:05d}.jpg"), quality=90)


def run_epoch(args, name):
    """A FerKD epoch (ResNet-18; 2 of 4 stored crops per image; 2 threads): `ferkd train`
    against epoch_peer.py on the same label store (made by `ferkd bench labels`, random
    teacher). Train time plus a short test pass on both sides; the app's checkpoint
    write after the epoch is not counted."""
    import shutil
    import tempfile
    w = EPOCHS[name]
    tmp = tempfile.mkdtemp(prefix="ferkd-bench-epoch-")
    try:
        data = "fashion-mnist"
        if w["folder"]:
            data = os.path.join(tmp, "jpeg")
            make_jpeg_folder(data)
        labels = os.path.join(tmp, "labels.fkdl")
        run_json([args.ferkd, "bench", "labels", "--arch", "resnet18", "--data", data, "--images", str(w["images"]),
                  "--crops", "4", "--input-size", str(w["size"]), "--batch", "512", "--threads", "2", "--out", labels,
                  "--json"])
        app_runs, peer_runs, first_round = [], [], []
        workers_best = None
        for r in range(args.repeat):
            app_runs.append(train_app_epoch(args, w, data, labels, os.path.join(tmp, f"ws{r}")))
            # The peer's best DataLoader setting, chosen in the first round.
            for workers in ((0, 1, 2) if workers_best is None else (workers_best,)):
                cmd = [args.python, os.path.join(HERE, "python", "epoch_peer.py"), "--labels", labels,
                       "--images", str(w["images"]), "--num-crops", str(w["crops"]), "--input-size", str(w["size"]),
                       "--batch", str(w["batch"]), "--test-images", str(w["test"]), "--threads", "2",
                       "--workers", str(workers)]
                if w["folder"]:
                    cmd += ["--folder", data]
                seconds = run_json(cmd, args.peer_env)["epoch_s"]
                if workers_best is None:
                    first_round.append((seconds, workers))
                else:
                    peer_runs.append(seconds)
            if workers_best is None:
                seconds, workers_best = min(first_round)
                peer_runs.append(seconds)
        what = "224-px JPEG folder" if w["folder"] else "Fashion-MNIST"
        argv = (f"{what}, resnet18 at {w['size']} px, {w['images']} images, {w['crops']} of 4 stored crops/image, "
                f"batch {w['batch']} images, 2 threads; peer: {workers_best} DataLoader workers, its best of 0, 1, 2 ("
                + ", ".join(f"{s:.1f} s" for s, _ in first_round) + f"); {args.repeat} runs each")
        print(f"| {name} | {argv} | {statistics.median(app_runs):.1f} s | {statistics.median(peer_runs):.1f} s | "
              f"{ratio_text(app_runs, peer_runs, higher_is_better=False)} |")
        sys.stdout.flush()
    finally:
        shutil.rmtree(tmp)


def run_data(args):
    """The input pipeline alone (`ferkd bench data` against data_peer.py's DataLoader):
    2,000 JPEGs of 500 x 375 px (bench/python/make_jpegs.py), RandomResizedCrop to 224 px,
    flip, normalise, batches of 64 images, at 1 and 2 workers; the sides alternate."""
    import shutil
    import tempfile
    tmp = tempfile.mkdtemp(prefix="ferkd-bench-data-")
    try:
        folder = os.path.join(tmp, "jpeg")
        subprocess.run([args.python, os.path.join(HERE, "python", "make_jpegs.py"), folder, "--count", "2000"],
                       check=True)
        argv = ["--data", folder, "--input-size", "224", "--batch", "64"]
        results = {}
        for workers in (1, 2):
            apps, peers = [], []
            for _ in range(args.repeat):
                apps.append(run_json([args.ferkd, "bench", "data", *argv, "--workers", str(workers), "--json"]))
                peers.append(run_json([args.python, os.path.join(HERE, "python", "data_peer.py"), *argv,
                                       "--workers", str(workers)], args.peer_env))
            app = [a["images_per_s"] for a in apps]
            peer = [p["images_per_s"] for p in peers]
            results[workers] = (statistics.median(app), statistics.median(peer))
            print(f"| data, {workers} worker{'s' if workers > 1 else ''} | `{' '.join(argv[2:])}`, 2,000 JPEGs "
                  f"500x375 | {statistics.median(app):,.1f} img/s | {statistics.median(peer):,.1f} img/s | "
                  f"{ratio_text(app, peer)} |")
            sys.stdout.flush()
        (a1, p1), (a2, p2) = results[1], results[2]
        print(f"| data, 2 workers / 1 | | {a2 / a1:.2f}x | {p2 / p1:.2f}x | |")
    finally:
        shutil.rmtree(tmp)


def train_app_epoch(args, w, data, labels, ws):
    """`ferkd train` for one epoch in a fresh workspace; the epoch's seconds from the run's CSV."""
    import csv
    # FKD's accounting: the batch counts crops and one pass with 2 crops per image is 2 epochs.
    subprocess.run([args.ferkd, "--workspace", ws, "train", "--data", data, "--arch", "resnet18",
                    "--epochs", str(w["crops"]), "--batch-size", str(w["batch"] * w["crops"]), "--threads", "2",
                    "--name", "epoch",
                    "--set", f"data.input_size={w['size']}",
                    "--set", f"data.train_limit={w['images']}", "--set", f"data.test_limit={w['test']}",
                    "--set", "distill.mode=ferkd", "--set", f"distill.labels={labels}",
                    "--set", f"distill.num_crops={w['crops']}", "--set", "schedule.warmup_epochs=0",
                    "--set", "checkpoint.keep_best=false"], check=True, capture_output=True)
    out = os.path.join(ws, "epoch.csv")
    subprocess.run([args.ferkd, "--workspace", ws, "runs", "export-csv", "epoch", "--out", out], check=True,
                   capture_output=True)
    with open(out) as f:
        return float(next(csv.DictReader(f))["seconds"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ferkd", default=os.path.join(HERE, "..", "build", "bin", "ferkd"))
    ap.add_argument("--python", default="/usr/bin/python3")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each side, alternating")
    ap.add_argument("--data", default="", help="an IDX folder for the labels workloads instead of Debian's "
                    "Fashion-MNIST (the GPU machine has none)")
    ap.add_argument("--peer-malloc", choices=["app", "glibc"], default="app",
                    help="the peers' allocator settings: the app's (default) or glibc's defaults")
    cpu = [name for name in WORKLOADS if "gpu" not in name]
    ap.add_argument("benchmarks", nargs="*", default=cpu + list(EPOCHS) + ["data"])
    args = ap.parse_args()
    # The peers' environment: None (this one) leaves them on glibc's defaults.
    args.peer_env = None
    if args.peer_malloc == "app":
        args.peer_env = {**{k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}, **APP_MALLOC}
    if args.data:
        os.environ["FERKD_FMNIST_DIR"] = os.path.abspath(args.data)
        args.data = os.path.abspath(args.data)
    print("| benchmark | arguments | app | PyTorch peer | app / peer |")
    print("|---|---|---|---|---|")
    for name in args.benchmarks:
        if name in EPOCHS:
            run_epoch(args, name)
            continue
        if name == "data":
            run_data(args)
            continue
        argv, key, unit, *peer_only = WORKLOADS[name]
        peer_argv = argv + (peer_only[0] if peer_only else [])
        sub = name.split("-")[0]  # step-fmnist, step-gpu: `bench step` and step_peer.py
        app_argv = argv + (["--data", args.data] if args.data and sub == "labels" else [])
        apps, peers = [], []
        for _ in range(args.repeat):
            apps.append(run_json([args.ferkd, "bench", sub, *app_argv, "--json"]))
            peers.append(run_json([args.python, os.path.join(HERE, "python", f"{sub}_peer.py"), *peer_argv], args.peer_env))
        app = statistics.median(a[key] for a in apps)
        peer = statistics.median(p[key] for p in peers)
        extra = ""
        if sub == "store":
            extra = f" ({apps[0]['bytes_per_crop']:.1f} vs {peers[0]['bytes_per_crop']:.1f} bytes/crop)"
        print(f"| {name} | `{' '.join(argv)}` | {app:,.1f} {unit} | {peer:,.1f} {unit} | "
              f"{ratio_text([a[key] for a in apps], [p[key] for p in peers])}{extra} |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
