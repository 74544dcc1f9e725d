"""Each event class documents its JSON; every example must read and write back unchanged."""

from __future__ import annotations

import inspect

import pytest

import flows_events


def example_json(cls: type) -> str:
    doc = inspect.getdoc(cls) or ""
    _, marker, rest = doc.partition("Example JSON::")
    assert marker, f"{cls.__name__} has no 'Example JSON::' in its docstring"
    lines = [line.strip() for line in rest.strip().splitlines()]
    assert lines and lines[0].startswith("{"), f"{cls.__name__}: no JSON after the marker"
    return lines[0]


@pytest.mark.parametrize("cls", flows_events.EVENT_TYPES, ids=lambda c: c.TYPE)
def test_docstring_example_round_trips(cls: type) -> None:
    text = example_json(cls)
    event = flows_events.read_event(text)
    assert type(event) is cls
    assert flows_events.dumps(event) == text


def test_every_public_name_has_a_docstring() -> None:
    missing = [
        name
        for name in flows_events.__all__
        if callable(getattr(flows_events, name)) and not inspect.getdoc(getattr(flows_events, name))
    ]
    assert missing == []
