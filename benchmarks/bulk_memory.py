"""Read a large JSONL file of events with bounded memory: events/s and peak RSS.

::

    python benchmarks/bulk_memory.py                      # 1,000,000 events
    python benchmarks/bulk_memory.py --events 100000      # a quicker run
    python benchmarks/bulk_memory.py --path events.jsonl  # an existing file

Without ``--path`` (or when the file does not exist yet) the workload (:mod:`workload`)
is written to a file first, by a separate process, so that the reading process's
peak RSS (``resource.getrusage(RUSAGE_SELF).ru_maxrss``) covers nothing but
importing flows_events and reading. The file is then read with
``flows_events.read_events(open(path, "rb"))``, keeping no event, while the resident
set size is sampled ten times: memory stays flat, whatever the file's size.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import subprocess
import sys
import tempfile
import time
from typing import Optional

import flows_events

HERE = os.path.dirname(os.path.abspath(__file__))


def current_rss_mb() -> float:
    """The resident set size now (Linux: /proc/self/statm), in MiB; peak RSS elsewhere."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            pages = int(f.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return peak_rss_mb()


def peak_rss_mb() -> float:
    """``ru_maxrss`` in MiB (kilobytes on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def count_lines(path: str) -> int:
    n = 0
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            n += chunk.count(b"\n")
    return n


def generate(path: str, events: int, seed: int) -> float:
    """Write the workload to ``path`` in a child process; return the seconds it took."""
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, os.path.join(HERE, "workload.py"), "--events", str(events), "--seed", str(seed),
         "--out", path],
        check=True,
    )
    return time.perf_counter() - t0


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="read a big JSONL file of events: events/s and peak RSS")
    parser.add_argument("--events", type=int, default=1_000_000, help="events to generate (default 1,000,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--path", help="JSONL file to read (generated first if it does not exist)")
    parser.add_argument("--keep", action="store_true", help="keep the generated file (default: delete it)")
    args = parser.parse_args(argv)

    path = args.path
    generated = False
    if path is None:
        fd, path = tempfile.mkstemp(prefix="flows_events_bulk_", suffix=".jsonl")
        os.close(fd)
        os.unlink(path)
    if not os.path.exists(path):
        print(f"writing {args.events:,} events to {path} (child process) ...", flush=True)
        seconds = generate(path, args.events, args.seed)
        generated = True
        print(f"  {seconds:.1f}s", flush=True)

    try:
        size = os.path.getsize(path)
        total = count_lines(path)
        checkpoints = {max(1, total * k // 10) for k in range(1, 11)}

        gc.collect()
        base_rss = current_rss_mb()
        base_peak = peak_rss_mb()
        samples = []
        count = 0
        t0 = time.perf_counter()
        with open(path, "rb") as f:
            for _ in flows_events.read_events(f):
                count += 1
                if count in checkpoints:
                    samples.append((count, current_rss_mb(), time.perf_counter() - t0))
        elapsed = time.perf_counter() - t0
        peak = peak_rss_mb()
    finally:
        if generated and not args.keep:
            os.unlink(path)

    print(f"file    : {path}{' (deleted)' if generated and not args.keep else ''}")
    print(f"          {total:,} lines, {size / 2**20:,.1f} MiB, {size / max(total, 1):.0f} bytes/event")
    print(f"python  : {sys.version.split()[0]}, flows_events {flows_events.__version__}")
    print(f"read    : {count:,} events in {elapsed:.1f}s = {count / elapsed:,.0f} events/s "
          "(flows_events.read_events(open(path, 'rb')), nothing kept)")
    print(f"memory  : RSS before reading {base_rss:.1f} MiB (peak so far {base_peak:.1f} MiB); "
          f"peak RSS after reading {peak:.1f} MiB (ru_maxrss)")
    print("  events read      RSS MiB   seconds")
    for n, rss, seconds in samples:
        print(f"  {n:>11,} {rss:>9.1f} {seconds:>9.1f}")
    if samples:
        first, last = samples[0][1], samples[-1][1]
        print(f"  RSS growth from the first to the last tenth: {last - first:+.1f} MiB; "
              f"peak growth over the start: {peak - base_peak:+.1f} MiB "
              f"(the file is {size / 2**20:,.1f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
