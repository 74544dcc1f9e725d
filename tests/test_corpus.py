"""Every real event from goflow's own test data reads, and writes back byte for byte."""

from __future__ import annotations

import json

import pytest
from conftest import go_marshal, read_jsonl, read_lines

import flows_events

EVENTS = read_lines("goflow-v0.36.0-events.jsonl")
GO_OUTPUT = read_lines("goflow-v0.36.0-events.go-output.jsonl")
CASES = list(zip(range(1, len(EVENTS) + 1), EVENTS, GO_OUTPUT))


def test_corpus_is_complete() -> None:
    assert len(EVENTS) == len(GO_OUTPUT) == 474
    types = {json.loads(line)["type"] for line in EVENTS}
    assert types == set(flows_events.registered_types())


@pytest.mark.parametrize("line, data, expected", CASES, ids=[f"line{n}" for n, _, _ in CASES])
def test_reads_and_writes_like_goflow(line: int, data: str, expected: str) -> None:
    event = flows_events.read_event(data)
    assert event.type == json.loads(data)["type"]
    assert flows_events.dumps(event) == expected
    assert flows_events.dumps(event, escape_html=True) == go_marshal(expected)


@pytest.mark.parametrize("line, data, expected", CASES, ids=[f"line{n}" for n, _, _ in CASES])
def test_go_output_is_a_fixed_point(line: int, data: str, expected: str) -> None:
    # reading goflow's own output and writing it again changes nothing, from text or dict
    event = flows_events.read_event(expected)
    assert flows_events.dumps(event) == expected
    assert flows_events.from_dict(json.loads(expected)) == event
    assert flows_events.read_event(expected.encode("utf-8")) == event


@pytest.mark.parametrize("case", read_jsonl("goflow-v0.36.0-invalid.jsonl"), ids=lambda c: c["input"])
def test_goflow_rejects(case: dict) -> None:
    with pytest.raises(flows_events.EventError) as info:
        flows_events.read_event(case["input"])
    assert str(info.value) == case["error"]
