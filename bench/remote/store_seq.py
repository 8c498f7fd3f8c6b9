#!/usr/bin/env python3
# Schema 6 (step rows keyed by (run_id, step)) against schema 7 (an AUTOINCREMENT seq and
# UNIQUE (run_id, step)): 200,000 step rows written as the trainer writes them, 50 rows per
# transaction with INSERT OR REPLACE, WAL and synchronous=NORMAL; then a full read and a
# paged read. Alternating, 3 rounds each, side by side on this machine.
import os, sqlite3, sys, time, tempfile
V6 = """CREATE TABLE step_metrics (run_id INTEGER NOT NULL, step INTEGER NOT NULL, epoch INTEGER NOT NULL,
  loss REAL, lr REAL, images_per_sec REAL, time REAL, PRIMARY KEY (run_id, step));"""
V7 = """CREATE TABLE step_metrics (seq INTEGER PRIMARY KEY AUTOINCREMENT, run_id INTEGER NOT NULL, step INTEGER NOT NULL,
  epoch INTEGER NOT NULL, loss REAL, lr REAL, images_per_sec REAL, time REAL, UNIQUE (run_id, step));"""
N, BATCH = 200_000, 50
def run(schema):
    d = tempfile.mkdtemp()
    db = sqlite3.connect(os.path.join(d, "s.sqlite"), isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL"); db.execute("PRAGMA synchronous=NORMAL")
    db.execute(schema)
    t = time.perf_counter()
    for start in range(1, N + 1, BATCH):
        db.execute("BEGIN")
        db.executemany("INSERT OR REPLACE INTO step_metrics(run_id, step, epoch, loss, lr, images_per_sec, time) VALUES(?,?,?,?,?,?,?)",
                       [(1, s, s // 1000, 1.0 / s, 0.1, 500.0, float(s)) for s in range(start, min(start + BATCH, N + 1))])
        db.execute("COMMIT")
    write = time.perf_counter() - t
    t = time.perf_counter()
    rows = db.execute("SELECT step, loss FROM step_metrics WHERE run_id=1 ORDER BY step").fetchall()
    read = time.perf_counter() - t
    assert len(rows) == N
    t = time.perf_counter()
    key = "seq" if "seq" in schema else "rowid"
    cursor, n = 0, 0
    while True:
        page = db.execute(f"SELECT {key}, step FROM step_metrics WHERE run_id=1 AND {key}>? ORDER BY {key} LIMIT 10000", (cursor,)).fetchall()
        if not page: break
        cursor, n = page[-1][0], n + len(page)
    paged = time.perf_counter() - t
    size = os.path.getsize(os.path.join(d, "s.sqlite")) + os.path.getsize(os.path.join(d, "s.sqlite-wal"))
    db.close()
    return write, read, paged, size
res = {"v6": [], "v7": []}
for r in range(3):
    for name, schema in (("v6", V6), ("v7", V7)):
        res[name].append(run(schema))
for name in res:
    w = sorted(x[0] for x in res[name]); rd = sorted(x[1] for x in res[name]); p = sorted(x[2] for x in res[name])
    print(f"{name}: write {w[1]*1e6/N:.2f} us/row (median of 3; {N/w[1]:,.0f} rows/s), full read {rd[1]*1e3:.0f} ms, paged read {p[1]*1e3:.0f} ms, file {res[name][0][3]/1e6:.1f} MB")
print("sqlite", sqlite3.sqlite_version)
