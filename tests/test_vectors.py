"""The specification's test vectors: observed goflow v0.36.0 behaviour, input by input."""

from __future__ import annotations

import pytest
from conftest import read_jsonl

import flows_events

VECTORS = read_jsonl("event_vectors.jsonl")


def test_vector_count() -> None:
    assert len(VECTORS) == 416
    assert {v["section"] for v in VECTORS} == {1, 2, 3}


@pytest.mark.parametrize("vector", VECTORS, ids=[f"s{v['section']}-{i}" for i, v in enumerate(VECTORS)])
def test_vector(vector: dict) -> None:
    if vector["err"] is None:
        event = flows_events.read_event(vector["in"])
        assert flows_events.dumps(event, escape_html=True) == vector["out"]
    else:
        with pytest.raises(flows_events.EventError) as info:
            flows_events.read_event(vector["in"])
        assert str(info.value) == vector["err"]
