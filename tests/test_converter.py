"""The cattrs side: hooks in any converter, mixed lists, registration, dicts."""

from __future__ import annotations

import json
import pickle
from decimal import Decimal
from typing import ClassVar, List, Sequence, Tuple

import attrs
import cattrs
import pytest
from conftest import read_lines
from hypothesis import given
from hypothesis import settings as hyp_settings

import flows_events
from flows_events import (
    ContactFieldChangedEvent,
    Event,
    MsgCreatedEvent,
    MsgOut,
    Timestamp,
    Value,
)
from flows_events.fields import gofield
from flows_events.testing import strategies

GO_OUTPUT = read_lines("goflow-v0.36.0-events.go-output.jsonl")
ROWS = [json.loads(line) for line in GO_OUTPUT]


@pytest.fixture
def global_converter():
    flows_events.register_hooks(cattrs.global_converter)
    return cattrs.global_converter


def test_global_converter_structures_mixed_list(global_converter) -> None:
    events = cattrs.structure(ROWS, List[Event])
    assert [e.type for e in events] == [r["type"] for r in ROWS]
    assert [flows_events.dumps(e) for e in events] == GO_OUTPUT


def test_builtin_generic_list_and_other_collections(global_converter) -> None:
    assert cattrs.structure(ROWS[:3], list[Event]) == [flows_events.read_event(line) for line in GO_OUTPUT[:3]]
    as_tuple = cattrs.structure(ROWS[:3], Tuple[Event, ...])
    assert isinstance(as_tuple, tuple) and len(as_tuple) == 3
    assert len(cattrs.structure(ROWS[:3], Sequence[Event])) == 3


def test_global_converter_unstructures_like_to_dict(global_converter) -> None:
    events = cattrs.structure(ROWS, List[Event])
    assert cattrs.unstructure(events) == [flows_events.to_dict(e) for e in events]


def test_mixed_list_error_is_an_event_error_with_the_index(global_converter) -> None:
    rows = ROWS[:2] + [{"type": "msg_created", "created_on": "2019-01-02T15:04:05Z", "msg": {"urn": "bad"}}]
    with pytest.raises(flows_events.ValidationError) as info:
        cattrs.structure(rows, List[Event])
    assert str(info.value) == "field 'msg.urn' failed tag 'urn'"
    assert info.value.index == 2
    assert info.value.path == "msg.urn"


def test_unknown_type_in_list(global_converter) -> None:
    with pytest.raises(flows_events.UnknownTypeError, match="unknown type: 'nope'"):
        cattrs.structure([{"type": "nope"}], List[Event])


def test_fresh_converter_with_hooks_and_concrete_class() -> None:
    conv = flows_events.register_hooks(cattrs.Converter())
    event = conv.structure(ROWS[0], Event)
    assert conv.structure(ROWS[0], type(event)) == event
    assert conv.unstructure(event) == ROWS[0]


def test_hooks_leave_users_own_attrs_classes_alone() -> None:
    @attrs.define
    class Mine:
        a: int

    conv = flows_events.register_hooks(cattrs.Converter())
    assert conv.structure({"a": "5"}, Mine) == Mine(5)
    assert conv.unstructure(Mine(5)) == {"a": 5}


def test_to_dict_is_json_ready_and_from_dict_inverts_it() -> None:
    for line in GO_OUTPUT:
        event = flows_events.read_event(line)
        data = flows_events.to_dict(event)
        assert json.loads(json.dumps(data)) == data
        assert flows_events.from_dict(data) == event


def test_to_dict_numbers() -> None:
    def number(n: str):
        event = ContactFieldChangedEvent(
            created_on=Timestamp.parse("2019-01-02T15:04:05Z"),
            field=flows_events.FieldReference("age", "Age"),
            value=Value(text=n, number=Decimal(n)),
        )
        return flows_events.to_dict(event)["value"]["number"]

    assert number("23") == 23 and type(number("23")) is int
    assert number("1.5") == 1.5 and type(number("1.5")) is float
    assert number("12345678901234567890.123456789") == Decimal("12345678901234567890.123456789")


@attrs.frozen(slots=True, kw_only=True)
class AirtimeTransferredEvent(Event):
    """Airtime was sent to the contact (from a goflow extension).

    Example JSON::

        {"type":"airtime_transferred","created_on":"2018-07-06T12:30:04.123456789Z","currency":"USD","amount":"1","status":"success"}
    """

    TYPE: ClassVar[str] = "airtime_transferred"

    currency: str = gofield(json="currency", validate="required", default="")
    amount: Decimal = gofield(json="amount", go="*types.XNumber", default=None)
    status: str = gofield(json="status", validate="required", default="")


AIRTIME = '{"type":"airtime_transferred","created_on":"2018-07-06T12:30:04.123456789Z","currency":"USD","amount":1,"status":"success"}'


def test_register_type_round_trip(global_converter) -> None:
    with pytest.raises(flows_events.UnknownTypeError):
        flows_events.read_event(AIRTIME)
    conv = flows_events.register_hooks(cattrs.Converter())  # hooks installed before registering
    flows_events.register_type("airtime_transferred", AirtimeTransferredEvent)
    try:
        event = flows_events.read_event(AIRTIME)
        assert isinstance(event, AirtimeTransferredEvent)
        assert event.amount == Decimal(1)
        assert flows_events.dumps(event) == AIRTIME
        assert conv.structure(json.loads(AIRTIME), Event) == event
        assert cattrs.structure([json.loads(AIRTIME)], List[Event]) == [event]
        with pytest.raises(flows_events.ValidationError, match="field 'currency' is required"):
            flows_events.read_event(AIRTIME.replace('"USD"', '""'))
    finally:
        flows_events.events._registry.pop("airtime_transferred", None)


def test_register_type_rejects_non_events() -> None:
    with pytest.raises(TypeError):
        flows_events.register_type("x", dict)


def test_register_type_replaces() -> None:
    original = flows_events.event_class("error")

    @attrs.frozen(slots=True, kw_only=True)
    class MyError(flows_events.ErrorEvent):
        """An error event with a different class."""

    flows_events.register_type("error", MyError)
    try:
        event = flows_events.read_event('{"type":"error","created_on":"2006-01-02T15:04:05Z","text":"x"}')
        assert type(event) is MyError
    finally:
        flows_events.register_type("error", original)


def test_events_and_errors_pickle() -> None:
    for line in GO_OUTPUT[:50]:
        event = flows_events.read_event(line)
        assert pickle.loads(pickle.dumps(event)) == event
    with pytest.raises(flows_events.ValidationError) as info:
        flows_events.read_event('{"type":"msg_created","created_on":"2019-01-02T15:04:05Z"}')
    copy = pickle.loads(pickle.dumps(info.value))
    assert copy == info.value and copy.errors == info.value.errors and str(copy) == "field 'msg' is required"


def test_constructor_stamps_now_and_with_step_uuid(monkeypatch) -> None:
    fixed = Timestamp.parse("2018-10-18T14:20:30.000123456Z")
    previous = flows_events.sources.set_time_source(lambda: fixed)
    try:
        event = MsgCreatedEvent(msg=MsgOut(uuid="08d3c3e2-f1ea-4b52-97e4-99d56e963fc9", text="Hi"))
    finally:
        flows_events.sources.set_time_source(previous)
    assert event.created_on == fixed and event.step_uuid == ""
    stepped = event.with_step_uuid("692926ea-09d6-4942-bd38-d266ec8d3716")
    assert flows_events.dumps(stepped) == (
        '{"type":"msg_created","created_on":"2018-10-18T14:20:30.000123456Z",'
        '"step_uuid":"692926ea-09d6-4942-bd38-d266ec8d3716",'
        '"msg":{"uuid":"08d3c3e2-f1ea-4b52-97e4-99d56e963fc9","text":"Hi"}}'
    )
    # like goflow's SetStepUUID, with_step_uuid does not check; attrs.evolve does
    assert event.with_step_uuid("x").step_uuid == "x"
    with pytest.raises(flows_events.ValidationError, match="field 'step_uuid' must be a valid UUID4"):
        attrs.evolve(event, step_uuid="x")


@pytest.mark.parametrize(
    "created_on, written",
    [
        ("2018-10-18T14:20:30Z", "2018-10-18T14:20:30Z"),
        ("2018-10-18T14:20:30.000123456Z", "2018-10-18T14:20:30.000123456Z"),
        ("2018-10-18T14:20:30.100Z", "2018-10-18T14:20:30.1Z"),
        ("2006-01-02T15:04:05.120-05:30", "2006-01-02T15:04:05.12-05:30"),
        ("2006-01-02T15:04:05+05:45", "2006-01-02T15:04:05+05:45"),
        ("0001-01-01T00:00:00.000000001Z", "0001-01-01T00:00:00.000000001Z"),
        ("0001-01-01T00:00:00+00:00", "0001-01-01T00:00:00Z"),
        ("9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.999999999Z"),
        ("0000-01-01T00:00:00Z", "0000-01-01T00:00:00Z"),
        ("2018-10-18T14:20:30+99:99", "2018-10-18T14:20:30+100:39"),
    ],
)
def test_timestamps_at_the_edges(created_on: str, written: str) -> None:
    event = flows_events.read_event(f'{{"type":"wait_timed_out","created_on":"{created_on}"}}')
    assert flows_events.dumps(event) == f'{{"type":"wait_timed_out","created_on":"{written}"}}'
    assert str(event.created_on) == written


def test_timestamp_datetime_view() -> None:
    event = flows_events.read_event('{"type":"wait_timed_out","created_on":"2006-01-02T15:04:05.123456789-05:30"}')
    dt = event.created_on.to_datetime()
    assert dt.isoformat() == "2006-01-02T15:04:05.123456-05:30"
    assert event.created_on.nanosecond == 123456789


def test_to_dict_and_dumps_describe_the_same_json() -> None:
    # two generated writers (cattrs for dicts, flows_events.writer for text) must agree
    for line in GO_OUTPUT:
        event = flows_events.read_event(line)
        assert json.loads(flows_events.dumps(event)) == flows_events.to_dict(event)
        assert list(json.loads(flows_events.dumps(event))) == list(flows_events.to_dict(event))


def _same_data(event: object) -> None:
    data, unstructured = flows_events.to_dict(event), flows_events.converter.unstructure(event)
    assert data == unstructured
    assert repr(data) == repr(unstructured)  # same keys in the same order, same types


def test_to_dict_is_what_the_converter_unstructures() -> None:
    # to_dict has a writer of its own (flows_events.writer.to_data): cattrs' hooks agree
    for line in GO_OUTPUT + read_lines("goflow-v0.36.0-events.jsonl"):
        for lenient in (False, True):
            try:
                event = flows_events.read_event(line, lenient=lenient)
            except flows_events.EventError:
                continue
            _same_data(event)


def test_to_dict_keeps_unknown_keys_after_the_fields() -> None:
    line = (
        '{"zeta":[1,2.50],"type":"error","created_on":"2019-01-02T15:04:05Z","text":"a",'
        '"text2":{"b":null},"type2":"x"}'
    )
    event = flows_events.read_event(line, lenient=True)
    data = flows_events.to_dict(event)
    assert list(data) == ["type", "created_on", "text", "fatal", "zeta", "text2", "type2"]
    assert data["zeta"] == [1, 2.5] and data["text2"] == {"b": None}
    _same_data(event)


@hyp_settings(max_examples=200, deadline=None)
@given(strategies.events())
def test_to_dict_is_what_the_converter_unstructures_for_any_event(event: object) -> None:
    _same_data(event)


def test_the_converter_and_its_copies_structure_events_alike() -> None:
    # flows_events.converter calls its Event hook without cattrs' dispatch; a copy uses the dispatch
    copy = flows_events.converter.copy()
    hook = flows_events.converter.get_structure_hook(Event)
    for line in GO_OUTPUT[:50]:
        doc = json.loads(line)
        event = flows_events.converter.structure(doc, Event)
        assert event == hook(doc, Event) == copy.structure(doc, Event) == flows_events.read_event(line)
    with pytest.raises(flows_events.EventError, match="unknown"):
        copy.structure({"type": "nope", "created_on": "2019-01-02T15:04:05Z"}, Event)


def test_a_hook_registered_later_takes_over_from_the_shortcut() -> None:
    conv = flows_events.converter.copy()
    ours = flows_events.register_hooks(flows_events.converter.__class__(unstruct_collection_overrides={tuple: list}))
    doc = {"type": "contact_name_changed", "created_on": "2006-01-02T15:04:05Z", "name": "Bob"}
    assert type(ours.structure(doc, Event)).__name__ == "ContactNameChangedEvent"
    for c in (conv, ours):
        c.register_structure_hook(Event, lambda value, _: "CUSTOM")
        assert c.structure(doc, Event) == c.get_structure_hook(Event)(doc, Event) == "CUSTOM"
    assert type(flows_events.converter.structure(doc, Event)).__name__ == "ContactNameChangedEvent"


@attrs.frozen(slots=True, kw_only=True)
class _NoteEvent(Event):
    TYPE: ClassVar[str] = "x_note"
    note: str = gofield(json="note,omitempty", default="n/a")


def test_omitempty_is_go_empty_not_the_python_default() -> None:
    stamp = Timestamp(2019, 1, 2, 15, 4, 5)
    for note, written in (("", None), ("n/a", "n/a"), ("x", "x")):
        event = _NoteEvent(created_on=stamp, note=note)
        data = flows_events.to_dict(event)
        assert data == flows_events.converter.unstructure(event)
        assert data == json.loads(flows_events.dumps(event))
        assert data.get("note") == written
