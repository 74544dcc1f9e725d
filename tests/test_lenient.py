"""Lenient reading: unknown types and keys survive; the default stays goflow's."""

from __future__ import annotations

import json
from typing import List

import cattrs
import pytest

import flows_events
from flows_events import Event, UnknownEvent

AIRTIME = (
    '{"type":"airtime_transferred","created_on":"2018-07-06T12:30:04.123456789Z",'
    '"step_uuid":"692926ea-09d6-4942-bd38-d266ec8d3716","currency":"USD","amount":1.50,'
    '"status":"success","extra":{"b":[1,2.50,1E3],"a":"<&>"}}'
)

KNOWN = (
    '{"type":"msg_created","created_on":"2019-01-02T15:04:05Z","node_uuid":"b7cf0d83-f1c9-411c-96fd-c511a4cfa86d",'
    '"msg":{"uuid":"2d611e17-fb22-457f-b802-b8f7ec5cda5b","text":"hi","priority":true,'
    '"channel":{"uuid":"61602f3e-f603-4c70-8a8f-c477505bf4bf","name":"Twilio","role":"send"}},"z":null}'
)


def test_default_rejects_unknown_type() -> None:
    with pytest.raises(flows_events.UnknownTypeError, match="unknown type: 'airtime_transferred'"):
        flows_events.read_event(AIRTIME)


@pytest.mark.parametrize("as_bytes", [False, True])
def test_unknown_type_is_kept_whole(as_bytes: bool) -> None:
    event = flows_events.read_event(AIRTIME.encode() if as_bytes else AIRTIME, lenient=True)
    assert isinstance(event, UnknownEvent)
    assert event.type == "airtime_transferred"
    assert flows_events.dumps(event) == AIRTIME
    assert flows_events.dumps(event, escape_html=True) == AIRTIME.replace("<&>", "\\u003c\\u0026\\u003e")
    assert event.data["currency"] == "USD"
    assert flows_events.to_dict(event) == json.loads(AIRTIME)


def test_unknown_type_whitespace_is_compacted() -> None:
    spaced = '{ "type" : "x_y", "a" : [ 1 , 2 ] }'
    assert flows_events.dumps(flows_events.read_event(spaced, lenient=True)) == '{"type":"x_y","a":[1,2]}'


def test_known_event_keeps_unknown_keys_top_level_and_nested() -> None:
    strict_goflow = flows_events.read_event(KNOWN)
    lenient = flows_events.read_event(KNOWN, lenient=True)
    assert flows_events.dumps(strict_goflow) == (
        '{"type":"msg_created","created_on":"2019-01-02T15:04:05Z","msg":{"uuid":"2d611e17-fb22-457f-b802-b8f7ec5cda5b",'
        '"channel":{"uuid":"61602f3e-f603-4c70-8a8f-c477505bf4bf","name":"Twilio"},"text":"hi"}}'
    )
    assert lenient.unknown_keys[0][0] == "node_uuid"
    assert [k for k, _ in lenient.unknown_keys] == ["node_uuid", "z"]
    assert [k for k, _ in lenient.msg.unknown_keys] == ["priority"]
    assert [k for k, _ in lenient.msg.channel.unknown_keys] == ["role"]
    assert flows_events.dumps(lenient) == (
        '{"type":"msg_created","created_on":"2019-01-02T15:04:05Z","msg":{"uuid":"2d611e17-fb22-457f-b802-b8f7ec5cda5b",'
        '"channel":{"uuid":"61602f3e-f603-4c70-8a8f-c477505bf4bf","name":"Twilio","role":"send"},"text":"hi",'
        '"priority":true},"node_uuid":"b7cf0d83-f1c9-411c-96fd-c511a4cfa86d","z":null}'
    )
    # reading the lenient output again, leniently, changes nothing
    again = flows_events.read_event(flows_events.dumps(lenient), lenient=True)
    assert again == lenient and flows_events.dumps(again) == flows_events.dumps(lenient)


def test_lenient_keeps_goflow_verdicts_on_known_types() -> None:
    bad = '{"type":"msg_created","created_on":"2019-01-02T15:04:05Z","msg":{"urn":"xyz:1"},"extra_key":1}'
    with pytest.raises(flows_events.ValidationError, match="field 'msg.urn' failed tag 'urn'"):
        flows_events.read_event(bad, lenient=True)
    with pytest.raises(flows_events.ValidationError, match="field 'type' is required"):
        flows_events.read_event('{"foo": 1}', lenient=True)


def test_lenient_dict_input_and_converter() -> None:
    rows = [json.loads(AIRTIME), json.loads(KNOWN)]
    conv = flows_events.register_hooks(cattrs.Converter(), lenient=True)
    events = conv.structure(rows, List[Event])
    assert isinstance(events[0], UnknownEvent)
    # parsed dicts have lost number spellings (1.50, 1E3): compare the data
    assert flows_events.to_dict(events[0]) == json.loads(AIRTIME)
    assert flows_events.dumps(events[1]) == flows_events.dumps(flows_events.read_event(KNOWN, lenient=True))
    assert flows_events.from_dict(json.loads(KNOWN), lenient=True) == flows_events.read_event(KNOWN, lenient=True)


def test_strict_converter_option() -> None:
    event = '{"type":"contact_language_changed","created_on":"2019-01-02T15:04:05Z","language":"english"}'
    assert flows_events.converter.structure(json.loads(event), Event).language == "english"
    conv = flows_events.register_hooks(cattrs.Converter(), strict=True)
    with pytest.raises(flows_events.ValidationError) as info:
        conv.structure(json.loads(event), Event)
    assert info.value.errors[0].path == "language" and info.value.errors[0].strict


def test_read_events_streams_and_numbers_lines() -> None:
    lines = [KNOWN, "", AIRTIME, "{"]
    stream = flows_events.read_events(lines, lenient=True)
    assert next(stream).type == "msg_created"
    assert isinstance(next(stream), UnknownEvent)
    with pytest.raises(flows_events.JSONSyntaxError) as info:
        next(stream)
    assert str(info.value) == "unexpected end of JSON input" and info.value.line == 4
