"""Shared test data: the goflow corpus and the specification's vectors (see data/README.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List

DATA = Path(__file__).parent / "data"


def read_lines(name: str) -> List[str]:
    """The lines of a data file, as text, without their newlines."""
    return (DATA / name).read_text(encoding="utf-8").splitlines()


def read_jsonl(name: str) -> List[Dict[str, Any]]:
    """A JSON Lines data file, parsed."""
    return [json.loads(line) for line in read_lines(name) if line.strip()]


def go_marshal(jsonmarshal_output: str) -> str:
    """goflow's json.Marshal form of a utils.JSONMarshal line (HTML characters escaped)."""
    return (
        jsonmarshal_output.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    )
