"""Stream a JSON Lines file of goflow events into typed objects with cattrs.

``flows_events.register_hooks`` teaches any cattrs converter (here the global one)
to structure ``flows_events.Event``: the ``type`` key picks the class, goflow's rules
decode and validate it. The file is read one line at a time, so memory stays flat
however long it is.

Run: ``python examples/bulk_load.py [PATH]`` (default: examples/events.jsonl).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import cattrs

import flows_events

DEFAULT = Path(__file__).with_name("events.jsonl")


def load(path: Path) -> tuple[Counter[str], int]:
    """Count the valid events of each type in ``path`` and the lines that failed."""
    flows_events.register_hooks(cattrs.global_converter)
    counts: Counter[str] = Counter()
    failed = 0
    with path.open("rb") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                event = cattrs.structure(json.loads(line), flows_events.Event)
            except ValueError as error:  # bad JSON (JSONDecodeError) or a bad event (EventError)
                failed += 1
                print(f"{path}:{number}: {error}", file=sys.stderr)
                continue
            counts[event.type] += 1
    return counts, failed


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    counts, failed = load(path)
    for name, count in sorted(counts.items()):
        print(f"{name:<26} {count:>6}")
    print(f"{sum(counts.values())} events of {len(counts)} types loaded, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
