#!/usr/bin/env python3
"""Load on `ferkd serve` while a run trains, beside the same run unwatched.

Starts a server on loopback (with --allow-control) over a fresh workspace, queues the same
small run several times, alternating: unwatched, then watched by N clients that each poll
every P seconds for the run, its new steps (by cursor) and its epochs, as the studio's
monitor will. Reports failed requests, request latency, and each run's step throughput
(median images/s of its logged steps after the first epoch's warm-up).

  python3 bench/remote/load.py --ferkd build/bin/ferkd --clients 20 --period 0.1 --pairs 2 [--pin]

--pin puts the server (and so the runs it starts) on CPU 0 and the clients on CPU 1: on a
small machine the clients, which in use run on the desktop, would otherwise take the
training's CPU themselves. The server's and the clients' CPU seconds are reported.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import http.client


def request(url, token, path, method="GET", body=None):
    req = urllib.request.Request(url + "/api/v1/" + path, method=method, data=body,
                                 headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read())


class Connection:
    """One kept-alive connection, as the studio's client keeps one; opened again when
    the server closes it (after 100 requests, or 5 s idle)."""

    def __init__(self, url, token):
        self.host, self.port = urllib.parse.urlsplit(url).hostname, urllib.parse.urlsplit(url).port
        self.headers = {"Authorization": "Bearer " + token}
        self.conn = None

    def get(self, path):
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=10)
            try:
                self.conn.request("GET", "/api/v1/" + path, headers=self.headers)
                reply = self.conn.getresponse()
                body = reply.read()
                if reply.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                if reply.status != 200:
                    raise RuntimeError(f"{reply.status}: {body[:200]}")
                return json.loads(body)
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise


class Watcher(threading.Thread):
    """One client: the run, its new steps and its epochs, every `period` seconds."""

    def __init__(self, url, token, run, period, stop):
        super().__init__(daemon=True)
        self.url, self.token, self.run_id, self.period, self.stop = url, token, run, period, stop
        self.latencies, self.failures, self.steps = [], 0, {}

    def run(self):
        connection = Connection(self.url, self.token)
        cursor = 0
        next_at = time.monotonic()
        while not self.stop.is_set():
            for path in (f"runs/{self.run_id}", f"runs/{self.run_id}/steps?after={cursor}", f"runs/{self.run_id}/epochs"):
                start = time.monotonic()
                try:
                    reply = connection.get(path)
                    if "/steps" in path:
                        for row in reply["rows"]:
                            self.steps[row["step"]] = row
                        cursor = reply["cursor"]
                except Exception as e:  # noqa: BLE001 - every failure counts
                    self.failures += 1
                    print("request failed:", path, e, file=sys.stderr)
                self.latencies.append(time.monotonic() - start)
            next_at += self.period
            self.stop.wait(max(0.0, next_at - time.monotonic()))


def cpu_seconds(pid):
    """User and system CPU time of process `pid` (not its children)."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_for(url, token, run, statuses, timeout=3600):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        r = request(url, token, f"runs/{run}")
        if r["status"] in statuses:
            return r
        time.sleep(0.5)
    raise RuntimeError(f"run {run} did not reach {statuses}")


def throughput(url, token, run):
    steps, cursor = [], 0
    while True:
        page = request(url, token, f"runs/{run}/steps?after={cursor}")
        steps += page["rows"]
        cursor = page["cursor"]
        if not page["more"]:
            break
    later = [s["images_per_sec"] for s in steps if s["epoch"] >= 1] or [s["images_per_sec"] for s in steps]
    return statistics.median(later), len(steps)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ferkd", default="build/bin/ferkd")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--period", type=float, default=0.1)
    ap.add_argument("--pairs", type=int, default=2, help="unwatched/watched pairs, alternating")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--train-limit", type=int, default=6000)
    ap.add_argument("--pin", action="store_true", help="server and runs on CPU 0, clients on CPU 1")
    args = ap.parse_args()

    ws = tempfile.mkdtemp(prefix="ferkd-load-")
    command = [args.ferkd, "--workspace", ws, "serve", "--listen", "127.0.0.1:0", "--allow-control"]
    if args.pin:
        command = ["taskset", "-c", "0"] + command
        os.sched_setaffinity(0, {1})
    server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    url = re.search(r"at (http://[0-9.:]+)", line).group(1)
    token = open(os.path.join(ws, "server", "token")).read().strip()
    config = {"preset": "fmnist-resnet-quick", "tags": "load",
              "sets": [f"schedule.epochs={args.epochs}", f"data.train_limit={args.train_limit}", "data.test_limit=1000",
                       "runtime.threads=1", "runtime.log_every=1"]}
    results = {"unwatched": [], "watched": []}
    all_latencies, failures = [], 0
    try:
        for pair in range(args.pairs):
            for watched in (False, True):
                run = request(url, token, "runs", "POST", json.dumps(config).encode())["id"]
                wait_for(url, token, run, ("running",))
                stop = threading.Event()
                server_cpu, client_cpu, started = cpu_seconds(server.pid), time.process_time(), time.monotonic()
                watchers = [Watcher(url, token, run, args.period, stop) for _ in range(args.clients if watched else 0)]
                for w in watchers:
                    w.start()
                wait_for(url, token, run, ("finished", "failed", "stopped"))
                stop.set()
                for w in watchers:
                    w.join()
                server_cpu = cpu_seconds(server.pid) - server_cpu
                client_cpu = time.process_time() - client_cpu
                seconds = time.monotonic() - started
                ips, steps = throughput(url, token, run)
                label = "watched" if watched else "unwatched"
                results[label].append(ips)
                for w in watchers:
                    all_latencies += w.latencies
                    failures += w.failures
                    assert len(w.steps) == steps, f"a client saw {len(w.steps)} of {steps} steps"
                requests = sum(len(w.latencies) for w in watchers)
                print(f"pair {pair + 1} {label:9s} run {run}: {ips:8.1f} images/s over {steps} logged steps"
                      + (f", {requests} requests" if watched else "")
                      + f"; server CPU {server_cpu:.1f} s, clients' CPU {client_cpu:.1f} s in {seconds:.0f} s", flush=True)
    finally:
        server.terminate()
        server.wait()
    lat = sorted(all_latencies)
    unwatched, watched = statistics.mean(results["unwatched"]), statistics.mean(results["watched"])
    print(f"clients {args.clients}, period {args.period * 1000:.0f} ms: {len(lat)} requests, {failures} failed; "
          f"latency median {1000 * lat[len(lat) // 2]:.1f} ms, p99 {1000 * lat[int(len(lat) * 0.99)]:.1f} ms, "
          f"max {1000 * lat[-1]:.1f} ms")
    print(f"throughput unwatched {unwatched:.1f} images/s, watched {watched:.1f}: ratio {watched / unwatched:.3f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
