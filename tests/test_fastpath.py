"""The fast path and the exact path never disagree, and the fast path is really taken."""

from __future__ import annotations

import json
from typing import Any, Optional

import pytest
from conftest import read_jsonl, read_lines

import flows_events
from flows_events import fastpath, gojson
from flows_events.converter import reader

GO_OUTPUT = read_lines("goflow-v0.36.0-events.go-output.jsonl")
CORPUS = read_lines("goflow-v0.36.0-events.jsonl")
VECTOR_INPUTS = [v["in"] for v in read_jsonl("event_vectors.jsonl")]


def exact(data: Any, *, strict: bool = False, lenient: bool = False) -> Any:
    """The exact path alone: goflow's parser, decoding rules and the cattrs build."""
    try:
        doc = gojson.parse(data) if isinstance(data, (str, bytes)) else data
        return reader(strict=strict, lenient=lenient)(doc)
    except flows_events.EventError as error:
        return error


def same(fast: Optional[Any], slow: Any) -> None:
    if fast is None:
        return  # stepped aside: the exact path decides
    assert not isinstance(slow, Exception), f"fast path accepted what the exact path rejects: {slow}"
    assert fast == slow
    assert flows_events.dumps(fast) == flows_events.dumps(slow)
    assert flows_events.dumps(fast, escape_html=True) == flows_events.dumps(slow, escape_html=True)


@pytest.mark.parametrize("lenient", [False, True])
@pytest.mark.parametrize("strict", [False, True])
def test_text_agrees(strict: bool, lenient: bool) -> None:
    for data in GO_OUTPUT + CORPUS + VECTOR_INPUTS:
        same(fastpath.read_text(data, strict, lenient), exact(data, strict=strict, lenient=lenient))
        encoded = data.encode("utf-8")
        same(fastpath.read_text(encoded, strict, lenient), exact(encoded, strict=strict, lenient=lenient))


@pytest.mark.parametrize("lenient", [False, True])
def test_dicts_agree(lenient: bool) -> None:
    for data in GO_OUTPUT + CORPUS + VECTOR_INPUTS:
        try:
            doc = json.loads(data)
        except ValueError:
            continue
        if isinstance(doc, dict):
            same(fastpath.read_dict(doc, None, False, lenient), exact(doc, lenient=lenient))


@pytest.mark.parametrize(
    "data",
    [
        '{"type":"error","created_on":"2019-01-02T15:04:05Z","text":"a","fatal":null}',
        '{"type":"error","created_on":"2019-01-02T15:04:05+00:00","text":"a"}',
        '{"type":"error","created_on":"2019-01-02T15:04:05.100Z","text":"a"}',
    ],
)
def test_fast_path_keeps_go_semantics(data: str) -> None:
    fast = fastpath.read_text(data)
    assert fast is not None and fast == exact(data)
    assert fast.created_on.zulu == exact(data).created_on.zulu


def test_fast_path_is_taken_for_goflow_output() -> None:
    taken = sum(fastpath.read_text(line) is not None for line in GO_OUTPUT)
    # the rest have U+2028, number spellings orjson would change, or similar
    assert taken >= 0.95 * len(GO_OUTPUT)
    assert all(fastpath.read_dict(json.loads(line)) is not None for line in GO_OUTPUT)


@pytest.mark.parametrize(
    "data",
    [
        '{"type":"error","created_on":"2019-01-02T15:04:05Z","text":"a","text":"b"}',  # duplicate key
        '{"type":"error","created_on":"2019-01-02T15:04:05Z","TEXT":"a"}',  # case-variant key
        '{"type":"error", "created_on":"2019-01-02T15:04:05Z","text":"a"}',  # whitespace
        '{"type":"error","created_on":"2019-01-02T15:04:05\\u005a","text":"a"}',  # escaped Z
        '{"type":"resthook_called","created_on":"2019-01-02T15:04:05Z","payload":{"a":2.50}}',
        '{"type":"contact_field_changed","created_on":"2019-01-02T15:04:05Z","field":{"key":"a"},"value":{"number":1E3}}',
        '{"type":"msg_wait","created_on":"2019-01-02T15:04:05Z","timeout_seconds":1.0}',
        '{"type":"msg_wait","created_on":"2019-01-02T15:04:05Z","hint":null}',
        '{"type":"error","created_on":"0001-01-01T00:00:00Z","text":"a"}',
    ],
)
def test_unusual_input_steps_aside(data: str) -> None:
    assert fastpath.read_text(data) is None
    slow = exact(data)
    try:
        assert flows_events.read_event(data) == slow
    except flows_events.EventError as error:
        assert str(error) == str(slow)
