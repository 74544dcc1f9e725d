"""The JSON Schema derived from the model accepts goflow's events and rejects broken ones."""

from __future__ import annotations

import json

import pytest
from conftest import read_lines

import flows_events
from flows_events.schema import DRAFT, json_schema

jsonschema = pytest.importorskip("jsonschema")

EVENTS = [json.loads(line) for line in read_lines("goflow-v0.36.0-events.jsonl")]


@pytest.fixture(scope="module")
def validator():
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_schema_shape() -> None:
    schema = json_schema()
    assert schema["$schema"] == DRAFT
    assert len(schema["oneOf"]) == 23
    assert schema["$defs"]["MsgCreatedEvent"]["properties"]["type"] == {"const": "msg_created"}
    assert schema["$defs"]["MsgCreatedEvent"]["required"] == ["type", "created_on", "msg"]
    assert set(schema["$defs"]) >= {"MsgOut", "MsgIn", "GroupReference", "Value", "DigitsHint"}


def test_every_corpus_event_validates(validator) -> None:
    failures = [(i, e) for i, e in enumerate(EVENTS, 1) if not validator.is_valid(e)]
    assert failures == []


@pytest.mark.parametrize(
    "event",
    [
        {"type": "msg_created", "created_on": "2019-01-02T15:04:05Z"},  # msg required
        {"type": "wait_timed_out"},  # created_on required
        {"type": "run_expired", "created_on": "2019-01-02T15:04:05Z", "run_uuid": "NOT-A-UUID"},
        {"type": "error", "created_on": "2019-01-02T15:04:05Z", "text": ""},
        {"type": "error", "created_on": "2019-01-02T15:04:05Z", "text": "x", "fatal": "yes"},
        {"type": "email_created", "created_on": "2019-01-02T15:04:05Z", "addresses": [], "subject": "s"},
        {"type": "wait_timed_out", "created_on": "2019-01-02 15:04:05"},
        {"type": "msg_wait", "created_on": "2019-01-02T15:04:05Z", "timeout_seconds": 1.5},
        {"type": "contact_urns_changed", "created_on": "2019-01-02T15:04:05Z", "urns": ["no-scheme"]},
        {"type": "nope", "created_on": "2019-01-02T15:04:05Z"},
    ],
    ids=lambda e: e["type"],
)
def test_schema_rejects(validator, event) -> None:
    assert not validator.is_valid(event)
    with pytest.raises(flows_events.EventError):
        flows_events.read_event(event)


def test_schema_for_some_types() -> None:
    schema = json_schema(["msg_created", "msg_wait"])
    assert [ref["$ref"] for ref in schema["oneOf"]] == ["#/$defs/MsgCreatedEvent", "#/$defs/MsgWaitEvent"]
    assert "ImageHint" in schema["$defs"] and "BroadcastCreatedEvent" not in schema["$defs"]
    with pytest.raises(ValueError, match="unknown event type"):
        json_schema(["msg_sent"])
