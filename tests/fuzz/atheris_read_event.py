"""Coverage-guided fuzzing of ``flows_events.read_event`` with atheris (optional).

Not collected by pytest (the name does not start with ``test_``) and not needed for CI;
atheris is not a dependency. See ``tests/fuzz/README.md``::

    pip install atheris
    python tests/fuzz/atheris_read_event.py --make-seeds /tmp/flows_events_seeds
    python tests/fuzz/atheris_read_event.py /tmp/flows_events_seeds -atheris_runs=1000000

The property is the one of ``tests/test_robustness.py``: whatever the input (bytes,
text, parsed dict; default, strict and lenient reading), only
``flows_events.EventError`` may escape, and an accepted event writes back as JSON that
reads back and writes the same again. ``one_input`` works without atheris too
(``tests/test_robustness.py`` runs it on a few inputs so that it cannot rot).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import flows_events
from flows_events import EventError, dumps, from_dict, gojson, read_event

DATA = Path(__file__).resolve().parent.parent / "data"
MODES: list[dict[str, bool]] = [{}, {"strict": True}, {"lenient": True}]


def _check_written(event: Any, mode: dict[str, bool]) -> None:
    try:
        text = dumps(event)
    except EventError as error:
        # the one permitted divergence (README): numbers too long to print
        assert "too large to write" in str(error), error
        return
    try:
        again = read_event(text, **mode)
    except EventError:
        return  # goflow itself does not read back e.g. offsets of 100 hours (+100:39)
    assert dumps(again) == text, (text, dumps(again))


def one_input(data: bytes) -> None:
    """One fuzz input: every reader, every mode; only EventError may escape."""
    inputs: list[Any] = [data, data.decode("utf-8", "surrogateescape")]
    try:
        inputs.append(gojson.loads(data))
    except EventError:
        pass
    for source in inputs:
        for mode in MODES:
            try:
                if isinstance(source, (bytes, str)):
                    event = read_event(source, **mode)
                else:
                    event = from_dict(source, **mode)
            except EventError:
                continue
            _check_written(event, mode)
    try:
        flows_events.converter.structure(inputs[-1], flows_events.Event)
    except EventError:
        pass


def make_seeds(directory: str) -> None:
    """Write every corpus line (inputs and Go outputs) as one seed file each."""
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    count = 0
    for name, prefix in (("goflow-v0.36.0-events.jsonl", "input"), ("goflow-v0.36.0-events.go-output.jsonl", "go")):
        for number, line in enumerate((DATA / name).read_bytes().splitlines(), 1):
            if line.strip():
                (target / f"{prefix}-{number:04d}.json").write_bytes(line)
                count += 1
    print(f"wrote {count} seeds to {target}")


def main() -> None:
    if sys.argv[1:2] == ["--make-seeds"]:
        make_seeds(sys.argv[2] if len(sys.argv) > 2 else "/tmp/flows_events_seeds")
        return
    try:
        import atheris
    except ImportError:
        sys.exit("atheris is not installed: pip install atheris (see tests/fuzz/README.md)")
    atheris.instrument_all()  # flows_events is already imported: instrument what is loaded
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
