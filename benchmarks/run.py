"""Throughput of flows_events against pydantic v2 and msgspec, in one process.

Run as a script (not a test)::

    python benchmarks/run.py                      # 5 rounds x 20,000 events
    python benchmarks/run.py --events 5000 --rounds 3
    python benchmarks/run.py --json > results.json
    python benchmarks/run.py --profile read       # cProfile of one operation

Every implementation runs on the same workload (:mod:`workload`), in the same
process, interleaved round by round (the order rotates each round); the figure kept
for each is its best round. Absolute events/s depend on the machine, so read the
ratios: flows_events ÷ pydantic and flows_events ÷ msgspec (above 1 means flows_events
is faster). See README.md for what each row measures.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import importlib.metadata
import io
import json
import os
import platform
import pstats
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Optional

import cattrs
import msgspec
import orjson
import peers
import workload

import flows_events

# --- the workload, prepared once ---------------------------------------------------


class Inputs:
    """Everything the operations consume, built before any timing starts."""

    def __init__(
        self, events: int, seed: int, as_bytes: bool, writer: str = "goflow", timestamps: str = "go"
    ) -> None:
        t0 = time.perf_counter()
        lines: list[Any] = workload.gen_lines(events, seed)
        self.generate_seconds = time.perf_counter() - t0
        self.text_lines: list[str] = lines  # goflow's own form (what the writers must give)
        read: list[str] = lines if timestamps == "go" else [_GO_TIME.sub(_isoformat, line) for line in lines]
        read = read if writer == "goflow" else [json.dumps(json.loads(line)) for line in read]
        self.lines: list[Any] = [line.encode() for line in read] if as_bytes else read
        self.dicts: list[dict[str, Any]] = [json.loads(line) for line in lines]
        self.events = [flows_events.read_event(line) for line in lines]
        self.pyd = [peers.pydantic_adapter.validate_json(line) for line in lines]
        self.msp = [peers.msgspec_decoder.decode(line) for line in lines]
        self.bytes_per_event = sum(len(line.encode()) for line in lines) / max(len(lines), 1)


# a time as goflow writes it, and the same instant as Python's isoformat() writes it
# (microseconds, +00:00), for --timestamps isoformat
_GO_TIME = re.compile(r'"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2})(?:\.([0-9]{1,9}))?Z"')


def _isoformat(match: re.Match[str]) -> str:
    micro = int((match.group(2) or "0")[:6].ljust(6, "0"))
    return f'"{match.group(1)}{f".{micro:06d}" if micro else ""}+00:00"'


def check_equivalence(inp: Inputs) -> dict[str, float]:
    """Share of lines each implementation writes back byte-identical to goflow's form."""
    n = len(inp.text_lines)
    same = {"flows_events": 0, "pydantic": 0, "msgspec": 0}
    for line, event, p, m in zip(inp.text_lines, inp.events, inp.pyd, inp.msp):
        same["flows_events"] += flows_events.dumps(event) == line
        same["pydantic"] += peers.pydantic_dump_json(p) == line
        same["msgspec"] += peers.msgspec_encoder.encode(m) == line.encode()
    return {k: v / max(n, 1) for k, v in same.items()}


# --- the operations ------------------------------------------------------------------

Bench = tuple[str, str, Callable[[], Any]]  # (implementation, description, run over all inputs)

PRIMARY = {
    "read": "flows_events",
    "structure": "flows_events",
    "write": "flows_events",
    "to_dict": "flows_events",
    "read_kept": "flows_events",
    "structure_kept": "flows_events",
    "write_kept": "flows_events",
}


def make_benches(inp: Inputs) -> dict[str, list[Bench]]:
    lines, dicts, events, pyd, msp = inp.lines, inp.dicts, inp.events, inp.pyd, inp.msp

    read_event = flows_events.read_event
    read_events = flows_events.read_events
    validate_json = peers.pydantic_adapter.validate_json
    decode = peers.msgspec_decoder.decode
    orjson_loads = orjson.loads
    json_loads = json.loads

    structure = flows_events.converter.structure
    Event = flows_events.Event
    global_conv = flows_events.register_hooks(cattrs.global_converter)
    global_structure = global_conv.structure
    validate_python = peers.pydantic_adapter.validate_python
    convert = msgspec.convert
    union = peers.MSGSPEC_EVENT
    list_of_union = list[union]  # type: ignore[valid-type]

    dumps = flows_events.dumps
    to_dict = flows_events.to_dict
    encode = peers.msgspec_encoder.encode
    to_builtins = msgspec.to_builtins
    json_dumps = json.dumps
    orjson_dumps = orjson.dumps

    def each(fn: Callable[[Any], Any], items: Sequence[Any]) -> Callable[[], None]:
        # each result is dropped at once (freed before the next is made)
        def run() -> None:
            for item in items:
                fn(item)

        return run

    def kept(fn: Callable[[Any], Any], items: Sequence[Any]) -> Callable[[], None]:
        # every result is kept until the end (a bulk load): the garbage collector sees
        # them all, and how costly that is depends on how many objects each result is
        def run() -> None:
            results = [fn(item) for item in items]
            del results

        return run

    def pyd_dump_json() -> None:
        for model in pyd:
            model.model_dump_json(exclude_defaults=True)

    def pyd_dump() -> None:
        for model in pyd:
            model.model_dump(exclude_defaults=True)

    def fe_json_dumps() -> None:
        for event in events:
            json_dumps(to_dict(event), ensure_ascii=False, separators=(",", ":"))

    return {
        "read": [
            ("flows_events", "read_event(line)", each(read_event, lines)),
            ("flows_events.read_events", "list(read_events(lines))", lambda: list(read_events(lines))),
            ("pydantic", "TypeAdapter.validate_json(line)", each(validate_json, lines)),
            ("msgspec", "Decoder(Union).decode(line)", each(decode, lines)),
            ("floor: orjson.loads", "orjson.loads(line), no validation", each(orjson_loads, lines)),
            ("floor: json.loads", "json.loads(line), no validation", each(json_loads, lines)),
        ],
        "structure": [
            ("flows_events", "converter.structure(d, Event)", each(lambda d: structure(d, Event), dicts)),
            ("cattrs.global_converter", "global_converter.structure(d, Event)",
             each(lambda d: global_structure(d, Event), dicts)),
            ("pydantic", "TypeAdapter.validate_python(d)", each(validate_python, dicts)),
            # msgspec caches what it learns about Struct classes, not about a Union: a call
            # with the Union re-analyses it (~17 us), so the peer converts the whole list
            ("msgspec", "msgspec.convert(dicts, list[Union])", lambda: convert(dicts, list_of_union)),
            ("msgspec, per call", "msgspec.convert(d, Union)", each(lambda d: convert(d, union), dicts)),
        ],
        "write": [
            ("flows_events", "dumps(event)", each(dumps, events)),
            ("pydantic", "model_dump_json(exclude_defaults=True)", pyd_dump_json),
            ("msgspec", "Encoder.encode(struct) -> bytes", each(encode, msp)),
            ("ref: json.dumps(to_dict)", "json.dumps(to_dict(event))", fe_json_dumps),
            ("floor: orjson.dumps", "orjson.dumps(parsed dict) -> bytes", each(orjson_dumps, dicts)),
            ("floor: json.dumps", "json.dumps(parsed dict)",
             each(lambda d: json_dumps(d, ensure_ascii=False, separators=(",", ":")), dicts)),
        ],
        "to_dict": [
            ("flows_events", "to_dict(event)", each(to_dict, events)),
            ("pydantic", "model_dump(exclude_defaults=True)", pyd_dump),
            ("msgspec", "msgspec.to_builtins(struct)", each(to_builtins, msp)),
        ],
        # the same calls, with every result kept in a list until the end
        "read_kept": [
            ("flows_events", "[read_event(line) ...]", kept(read_event, lines)),
            ("pydantic", "[TypeAdapter.validate_json(line) ...]", kept(validate_json, lines)),
            ("msgspec", "[Decoder(Union).decode(line) ...]", kept(decode, lines)),
        ],
        "structure_kept": [
            ("flows_events", "[converter.structure(d, Event) ...]", kept(lambda d: structure(d, Event), dicts)),
            ("pydantic", "[TypeAdapter.validate_python(d) ...]", kept(validate_python, dicts)),
            ("msgspec", "msgspec.convert(dicts, list[Union])", lambda: convert(dicts, list_of_union)),
        ],
        "write_kept": [
            ("flows_events", "[dumps(event) ...]", kept(dumps, events)),
            ("pydantic", "[model_dump_json(exclude_defaults=True) ...]",
             kept(lambda model: model.model_dump_json(exclude_defaults=True), pyd)),
            ("msgspec", "[Encoder.encode(struct) ...]", kept(encode, msp)),
        ],
    }


# --- timing --------------------------------------------------------------------------


def measure(benches: dict[str, list[Bench]], n: int, rounds: int, log: Callable[[str], None]) -> dict[str, Any]:
    flat = [(op, impl, desc, fn) for op, rows in benches.items() for impl, desc, fn in rows]
    best: dict[tuple[str, str], float] = {}
    all_times: dict[tuple[str, str], list[float]] = {}
    # one untimed warm-up pass of everything (caches, lazily built hooks)
    for _, _, _, fn in flat:
        fn()
    for r in range(rounds):
        shift = r % len(flat)
        order = flat[shift:] + flat[:shift]
        for op, impl, _, fn in order:
            gc.collect()
            t0 = time.perf_counter()
            fn()
            elapsed = time.perf_counter() - t0
            key = (op, impl)
            all_times.setdefault(key, []).append(elapsed)
            best[key] = min(best.get(key, elapsed), elapsed)
        log(f"  round {r + 1}/{rounds} done")
    results: dict[str, Any] = {}
    for op, impl, desc, _ in flat:
        seconds = best[(op, impl)]
        results.setdefault(op, []).append({
            "implementation": impl,
            "call": desc,
            "best_seconds": seconds,
            "events_per_second": n / seconds,
            "us_per_event": 1e6 * seconds / n,
            "round_seconds": all_times[(op, impl)],
        })
    return results


def ratios(results: dict[str, Any]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for op, rows in results.items():
        by_impl = {row["implementation"]: row["events_per_second"] for row in rows}
        fe = by_impl[PRIMARY[op]]
        out[op] = {f"flows_events/{peer}": fe / by_impl[peer] for peer in ("pydantic", "msgspec") if peer in by_impl}
    return out


def machine() -> dict[str, Any]:
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for row in f:
                if row.startswith("model name"):
                    cpu = row.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    versions = {}
    for dist in ("flows_events", "attrs", "cattrs", "pydantic", "pydantic-core", "msgspec", "orjson"):
        try:
            versions[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            versions[dist] = "?"
    return {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpu": cpu,
        "cpu_count": os.cpu_count(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "python_build": " ".join(platform.python_build()),
        "versions": versions,
    }


def render(summary: dict[str, Any]) -> str:
    out = io.StringIO()
    m = summary["machine"]
    w = summary["workload"]
    print(f"machine : {m['platform']} ({m['machine']}), {m['cpu'] or 'unknown cpu'}, {m['cpu_count']} cpus", file=out)
    print(f"python  : {m['python']} ({m['python_build']})", file=out)
    print("versions: " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()), file=out)
    print(f"workload: {w['events']} events (seed {w['seed']}), {w['bytes_per_event']:.0f} bytes/event, "
          f"{w['types']} types, input {w['input']} as {w.get('writer', 'goflow')} writes it"
          f"{', times as isoformat() writes them' if w.get('timestamps') == 'isoformat' else ''}; "
          f"best of {w['rounds']} interleaved rounds", file=out)
    eq = summary["output_identical_to_goflow_form"]
    print("output byte-identical to goflow's form: " + ", ".join(f"{k} {100 * v:.1f}%" for k, v in eq.items()),
          file=out)
    for op, rows in summary["results"].items():
        fe = next(r for r in rows if r["implementation"] == PRIMARY[op])["events_per_second"]
        print(f"\n{op}", file=out)
        print(f"  {'implementation':<26} {'call':<42} {'events/s':>12} {'us/event':>9} {'fe / this':>9}", file=out)
        for r in rows:
            print(f"  {r['implementation']:<26} {r['call']:<42} {r['events_per_second']:>12,.0f} "
                  f"{r['us_per_event']:>9.2f} {fe / r['events_per_second']:>9.3f}", file=out)
    print("\nratios (events/s of flows_events / events/s of the peer; > 1: flows_events is faster)", file=out)
    print(f"  {'operation':<16} {'flows_events/pydantic':>22} {'flows_events/msgspec':>21}", file=out)
    for op, r in summary["ratios"].items():
        print(f"  {op:<16} {r.get('flows_events/pydantic', float('nan')):>22.3f} "
              f"{r.get('flows_events/msgspec', float('nan')):>21.3f}", file=out)
    return out.getvalue()


README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- benchmark:start -->", "<!-- benchmark:end -->"


def update_readme(table: str) -> None:
    """Replace the figures between README.md's benchmark markers with ``table``."""
    text = README.read_text(encoding="utf-8")
    head, start, rest = text.partition(START)
    _, end, tail = rest.partition(END)
    if not start or not end:
        raise SystemExit(f"README.md has no {START} ... {END} section")
    command = "python benchmarks/run.py --readme"
    block = f"{START}\n_Generated by `{command}`._\n\n```\n{table.rstrip()}\n```\n{END}"
    README.write_text(head + block + tail, encoding="utf-8")


# --- profiling -----------------------------------------------------------------------

PROFILES = {
    "read": "read",
    "read_events": "read",
    "structure": "structure",
    "write": "write",
    "to_dict": "to_dict",
}


def profile(op: str, inp: Inputs, top: int) -> str:
    benches = make_benches(inp)
    group = benches[PROFILES[op]]
    impl = "flows_events.read_events" if op == "read_events" else "flows_events"
    fn = next(f for name, _, f in group if name == impl)
    fn()  # warm up outside the profile
    gc.collect()
    profiler = cProfile.Profile()
    profiler.enable()
    fn()
    profiler.disable()
    out = io.StringIO()
    n = len(inp.lines)
    for title, key, restrict in (
        (f"top {top} by cumulative time", "cumulative", ()),
        (f"top {top} by total (own) time", "tottime", ()),
        ("top 15 flows_events functions by total (own) time", "tottime", ("flows_events",)),
    ):
        print(f"=== profile of {op} ({impl}) over {n} events: {title} ===", file=out)
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats(key).print_stats(*restrict, 15 if restrict else top)
    return out.getvalue()


# --- main ----------------------------------------------------------------------------


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="flows_events vs pydantic vs msgspec, events/s")
    parser.add_argument("--events", type=int, default=20_000, help="events in the workload (default 20,000)")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds; the best is kept (default 5)")
    parser.add_argument("--seed", type=int, default=1, help="workload seed (default 1)")
    parser.add_argument("--ops", default="read,structure,write,to_dict,read_kept,structure_kept,write_kept",
                        help="comma-separated operations to run (default: all)")
    parser.add_argument("--bytes", action="store_true", help="feed the read operations UTF-8 bytes, not str")
    parser.add_argument("--writer", choices=["goflow", "json.dumps"], default="goflow",
                        help="the read operations' lines as goflow writes them (default), or as Python's "
                             "json.dumps does (spaces after , and :, non-ASCII escaped)")
    parser.add_argument("--timestamps", choices=["go", "isoformat"], default="go",
                        help="the read operations' times as goflow writes them (default: nanoseconds, Z), "
                             "or as Python's datetime.isoformat() does (microseconds, +00:00)")
    parser.add_argument("--json", action="store_true",
                        help="print a machine-readable summary on stdout (the table goes to stderr)")
    parser.add_argument("--profile", metavar="OP", choices=sorted(PROFILES),
                        help="cProfile flows_events on one operation instead: " + ", ".join(sorted(PROFILES)))
    parser.add_argument("--top", type=int, default=25, help="rows per profile listing (default 25)")
    parser.add_argument("--readme", action="store_true",
                        help="also write the figures into README.md's performance section")
    args = parser.parse_args(argv)

    table_out = sys.stderr if args.json else sys.stdout

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    log(f"generating {args.events} events (seed {args.seed}) ...")
    inp = Inputs(args.events, args.seed, args.bytes, args.writer, args.timestamps)
    log(f"  {inp.generate_seconds:.1f}s, {inp.bytes_per_event:.0f} bytes/event")

    if args.profile:
        print(profile(args.profile, inp, args.top))
        return 0

    ops = [op.strip() for op in args.ops.split(",") if op.strip()]
    all_benches = make_benches(inp)
    unknown = [op for op in ops if op not in all_benches]
    if unknown:
        parser.error(f"unknown operation(s): {', '.join(unknown)}; choose from {', '.join(all_benches)}")
    benches = {op: all_benches[op] for op in ops}
    log("checking outputs ...")
    identical = check_equivalence(inp)
    log(f"timing {sum(len(v) for v in benches.values())} implementations x {args.rounds} rounds ...")
    results = measure(benches, len(inp.lines), args.rounds, log)
    summary = {
        "machine": machine(),
        "workload": {
            "events": len(inp.lines),
            "seed": args.seed,
            "rounds": args.rounds,
            "bytes_per_event": inp.bytes_per_event,
            "types": len({d["type"] for d in inp.dicts}),
            "input": "bytes" if args.bytes else "str",
            "writer": args.writer,
            "timestamps": args.timestamps,
        },
        "output_identical_to_goflow_form": identical,
        "results": results,
        "ratios": ratios(results),
    }
    print(render(summary), file=table_out)
    if args.readme:
        update_readme(render(summary))
    if args.json:
        json.dump(summary, sys.stdout, indent=2)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
