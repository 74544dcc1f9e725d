"""The fast path and the exact path never disagree, and the fast path is really taken."""

# ruff: noqa: UP031 - printf-style templates keep JSON braces readable

from __future__ import annotations

import json
import re
from typing import Any, ClassVar, Optional
from unittest import mock

import attrs
import pytest
from conftest import read_jsonl, read_lines

import flows_events
from flows_events import fastpath, gojson
from flows_events.converter import reader
from flows_events.fields import gofield

GO_OUTPUT = read_lines("goflow-v0.36.0-events.go-output.jsonl")
CORPUS = read_lines("goflow-v0.36.0-events.jsonl")
VECTOR_INPUTS = [v["in"] for v in read_jsonl("event_vectors.jsonl")]


def exact(data: Any, *, strict: bool = False, lenient: bool = False) -> Any:
    """The exact path alone: goflow's parser, decoding rules and the cattrs build (the
    converter tries the fast path first for a dict: it is switched off here)."""
    try:
        doc = gojson.parse(data) if isinstance(data, (str, bytes)) else data
        # no builder is known (the converter's hook looks there first) and none is made
        with mock.patch.object(fastpath, "_dict_by_type", {}), mock.patch.object(
            fastpath, "read_dict", lambda *args: None
        ):
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
        '{"type":"error","created_on":"2019-01-02T15:04:05\\u005a","text":"a"}',  # escaped Z
        '{"type":"resthook_called","created_on":"2019-01-02T15:04:05Z","payload":{"a":2.50}}',
        '{"type":"msg_wait","created_on":"2019-01-02T15:04:05Z","timeout_seconds":1.0}',
        '{"type":"msg_wait","created_on":"2019-01-02T15:04:05Z","hint":null}',
        # not goflow's own form, and then:
        '{"type": "error", "created_on": "2019-01-02T15:04:05Z", "text": "a", "text": "b"}',  # a key twice
        '{"type": "error", "created_on": "2019-01-02T15:04:05\\u005a", "text": "a"}',  # an escaped Z
        '{"type": "error", "created_on": "2019-01-02T15:04:05Z", "text": "a\\u003a", "text": "b"}',
        '{"type": "resthook_called", "created_on": "2019-01-02T15:04:05Z", "payload": {"a": 2.5}}',
        '{"type": "resthook_called", "created_on": "2019-01-02T15:04:05Z", "payload": {"a": -0}}',
        '{"type": "resthook_called", "created_on": "2019-01-02T15:04:05Z", "payload": {"a": "\\u00e9"}}',
        '{"type": "contact_field_changed", "created_on": "2019-01-02T15:04:05Z", "field": {"key": "a"}, '
        '"value": {"number": 1.5}, "other": {"number": 1.5}}',  # which token is the field's?
        '{"type":"error","created_on":"0001-01-01T00:00:00Z","text":"a"}',
        # a key written twice: Go merges the two objects (or keeps the first's error), the
        # parser keeps the last
        '{"type": "msg_created", "created_on": "2019-01-02T15:04:05Z", "msg": {"uuid": "%s", '
        '"text": "a"}, "msg": {"uuid": "%s"}}' % (("9dd490d9-5bc4-4132-bbaf-699ab45836e1",) * 2),
        '{"type": "error", "created_on": "2019-01-02T15:04:05Z", "text": 5, "text": "a"}',
        '{"type": "run_result_changed", "created_on": "2019-01-02T15:04:05Z", "name": "a", '
        '"extra": {"k": 1, "k": 2}}',
        '{"type": "error", "created_on": "2019-01-02T15:04:05Z", "text": "a:b", "text": "a"}',
    ],
)
def test_unusual_input_steps_aside(data: str) -> None:
    assert fastpath.read_text(data) is None
    slow = exact(data)
    try:
        assert flows_events.read_event(data) == slow
    except flows_events.EventError as error:
        assert str(error) == str(slow)


MSG = (
    '{"type":"msg_created","created_on":"2019-01-02T15:04:05Z","msg":{"uuid":"%s",'
    '"urn":"tel:+12065551212","channel":%s,"text":"hi"}}'
)
CHANNEL = '{"uuid":"57f1078f-88aa-46f4-a59a-948a5739c03d","name":"My Android Phone"}'


def test_references_are_interned() -> None:
    first = flows_events.read_event(MSG % ("9dd490d9-5bc4-4132-bbaf-699ab45836e1", CHANNEL))
    second = flows_events.read_event(MSG % ("b4340077-59d1-4ecc-bd39-7b526cfd7353", CHANNEL))
    assert first.msg.channel is second.msg.channel
    from_dict = flows_events.converter.structure(json.loads(MSG % ("x", CHANNEL)), flows_events.Event)
    assert from_dict.msg.channel is first.msg.channel


@pytest.mark.parametrize(
    "channel",
    [
        '{"uuid":"57f1078f-88aa-46f4-a59a-948a5739c03d","name":"My Android Phone","extra":1}',
        '{"uuid":"57f1078f-88aa-46f4-a59a-948a5739c03d","name":null}',
        '{"uuid":"57f1078f-88aa-46f4-a59a-948a5739c03d"}',
    ],
)
def test_interning_keeps_every_value_exact(channel: str) -> None:
    # a reference with unknown keys, a null or a missing key reads as the exact path reads it
    for lenient in (False, True):
        data = MSG % ("9dd490d9-5bc4-4132-bbaf-699ab45836e1", channel)
        fast = flows_events.read_event(data, lenient=lenient)
        assert fast == exact(data, lenient=lenient)
        assert fast.msg.channel.unknown_keys == exact(data, lenient=lenient).msg.channel.unknown_keys
        assert flows_events.dumps(fast) == flows_events.dumps(exact(data, lenient=lenient))


def test_invalid_references_are_never_interned() -> None:
    bad = '{"uuid":"","name":"My Android Phone"}'
    for _ in range(2):
        with pytest.raises(flows_events.ValidationError, match="uuid"):
            flows_events.read_event(MSG % ("x", bad))


def test_intern_cache_is_bounded() -> None:
    template = '{"uuid":"57f1078f-88aa-46f4-a59a-948a5739c03d","name":"phone %d"}'
    for number in range(fastpath._INTERN_LIMIT * 2 + 5):
        event = flows_events.read_event(MSG % ("x", template % number))
        assert event.msg.channel.name == f"phone {number}"
    assert all(len(cache) <= fastpath._INTERN_LIMIT for cache in fastpath._interned.values())


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("2019-05-14T00:00:00.000000+02:00", "2019-05-14T00:00:00+02:00"),
        ("2019-05-14T10:20:30.123000-05:30", "2019-05-14T10:20:30.123-05:30"),
        ("2019-05-14T10:20:30.100000Z", "2019-05-14T10:20:30.1Z"),
        ("2019-05-14T10:20:30.000000000Z", "2019-05-14T10:20:30Z"),
        ("2019-05-14T10:20:30.000000+00:00", "2019-05-14T10:20:30Z"),  # Go keeps a location: not zulu
    ],
)
def test_timestamps_with_trailing_zeros(value: str, written: str) -> None:
    data = '{"type":"error","created_on":"%s","text":"a"}' % value
    fast = fastpath.read_text(data)
    slow = exact(data)
    assert fast is not None and fast == slow
    assert fast.created_on.isoformat() == slow.created_on.isoformat() == written
    assert fast.created_on.zulu == slow.created_on.zulu == value.endswith("Z")
    field = (
        '{"type":"contact_field_changed","created_on":"2019-01-02T15:04:05Z","field":{"key":"joined",'
        '"name":"Joined"},"value":{"text":"x","datetime":"%s"}}' % value
    )
    assert fastpath.read_text(field) == exact(field)
    assert flows_events.dumps(fastpath.read_text(field)) == flows_events.dumps(exact(field))


# --- classes the builders cannot reproduce go the exact way ---------------------------


@pytest.fixture()
def restored_registry(monkeypatch: pytest.MonkeyPatch) -> Any:
    from flows_events import events as events_module

    monkeypatch.setattr(events_module, "_registry", events_module._registry)  # put back afterwards
    yield


@attrs.frozen(slots=True, kw_only=True)
class _DefaultsEvent(flows_events.Event):
    TYPE: ClassVar[str] = "x_defaults"
    note: str = gofield(json="note", default="n/a")  # not Go's zero value
    count: int = gofield(json="count", go="int", default=7)


@attrs.frozen(slots=True, kw_only=True)
class _PlainFieldEvent(flows_events.Event):
    TYPE: ClassVar[str] = "x_plain_field"
    note: str = gofield(json="note", default="")
    source: str = attrs.field(default="archive")  # no Go tags


@attrs.frozen(slots=True, kw_only=True)
class _PostInitEvent(flows_events.Event):
    TYPE: ClassVar[str] = "x_post_init"
    note: str = gofield(json="note", default="")

    def __attrs_post_init__(self) -> None:
        if self.note == "bad":
            raise flows_events.EventError("note must not be bad")
        super().__attrs_post_init__()


@attrs.frozen(slots=True, kw_only=True)
class _ZeroDefaultsEvent(flows_events.Event):
    TYPE: ClassVar[str] = "x_zero_defaults"
    note: str = gofield(json="note,omitempty", default="")


@attrs.frozen(slots=True, kw_only=True)
class _SharedKeyEvent(flows_events.Event):
    TYPE: ClassVar[str] = "x_shared_key"
    a: str = gofield(json="note", default="")
    b: str = gofield(json="note", default="")


@pytest.mark.parametrize("cls", [_DefaultsEvent, _PlainFieldEvent, _PostInitEvent, _SharedKeyEvent])
def test_classes_the_builders_cannot_reproduce_step_aside(restored_registry: Any, cls: type) -> None:
    flows_events.register_type(cls.TYPE, cls)  # type: ignore[attr-defined]
    assert not fastpath._buildable(cls)
    for data in (
        '{"type":"%s","created_on":"2019-01-02T15:04:05Z"}' % cls.TYPE,  # type: ignore[attr-defined]
        '{"type":"%s","created_on":"2019-01-02T15:04:05Z","note":"x"}' % cls.TYPE,  # type: ignore[attr-defined]
        '{"type":"%s","created_on":"2019-01-02T15:04:05Z","note":"x","Note":"y"}' % cls.TYPE,  # type: ignore[attr-defined]
    ):
        assert fastpath.read_text(data) is None
        assert fastpath.read_dict(json.loads(data)) is None
        event = flows_events.read_event(data)
        assert event == exact(data)
        assert repr(event) == repr(exact(data))  # every field set (a slot left unset would raise)
        assert flows_events.converter.structure(json.loads(data), flows_events.Event) == event


def test_defaults_come_from_the_class(restored_registry: Any) -> None:
    flows_events.register_type("x_defaults", _DefaultsEvent)
    flows_events.register_type("x_post_init", _PostInitEvent)
    event = flows_events.read_event('{"type":"x_defaults","created_on":"2019-01-02T15:04:05Z"}')
    assert (event.note, event.count) == ("n/a", 7)
    with pytest.raises(flows_events.EventError, match="bad"):
        flows_events.read_event('{"type":"x_post_init","created_on":"2019-01-02T15:04:05Z","note":"bad"}')


def test_classes_with_go_zero_defaults_take_the_fast_path(restored_registry: Any) -> None:
    flows_events.register_type("x_zero_defaults", _ZeroDefaultsEvent)
    data = '{"type":"x_zero_defaults","created_on":"2019-01-02T15:04:05Z","note":"x"}'
    assert fastpath._buildable(_ZeroDefaultsEvent)
    assert fastpath.read_text(data) == exact(data)


def test_every_goflow_class_is_built_by_the_fast_path() -> None:
    from flows_events.fields import specs
    from flows_events.types import HINT_TYPES

    seen: set = set()

    def walk(cls: type) -> None:
        if cls not in seen:
            seen.add(cls)
            for spec in specs(cls):
                if spec.model is not None:
                    walk(spec.model)

    for cls in list(flows_events.EVENT_TYPES) + list(HINT_TYPES.values()):
        walk(cls)
    assert len(seen) == 40
    assert [cls.__name__ for cls in seen if not fastpath._buildable(cls)] == []


def test_a_struct_rule_added_later_reaches_both_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    from flows_events import validators
    from flows_events.types import ChannelReference

    data = MSG % ("9dd490d9-5bc4-4132-bbaf-699ab45836e1", '{"uuid":"57f1078f-88aa-46f4-a59a-948a5739c03d","name":"Nexmo"}')
    assert flows_events.read_event(data).msg.channel.name == "Nexmo"  # builders compiled, reference interned

    def no_nexmo(obj: Any, prefix: str, errors: list) -> None:
        if obj.name == "Nexmo":
            errors.append(validators.FieldError(prefix + "name", "required", ""))

    monkeypatch.setattr(validators, "_STRUCT_RULES", dict(validators._STRUCT_RULES))
    try:
        validators.register_struct_validation(no_nexmo, ChannelReference)
        assert fastpath.read_text(data) is None
        with pytest.raises(flows_events.ValidationError, match="msg.channel.name"):
            flows_events.read_event(data)
        with pytest.raises(flows_events.ValidationError, match="msg.channel.name"):
            flows_events.converter.structure(json.loads(data), flows_events.Event)
    finally:
        monkeypatch.undo()
        fastpath._forget()
        validators._walks.clear()
    assert flows_events.read_event(data).msg.channel.name == "Nexmo"


def test_the_exact_helper_never_calls_a_builder(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = json.loads(GO_OUTPUT[0])
    flows_events.converter.structure(doc, flows_events.Event)  # its builder is now known
    build = fastpath._dict_by_type[doc["type"]]
    calls = []

    def spy(*args: Any) -> Any:
        calls.append(args)
        return build(*args)

    monkeypatch.setitem(fastpath._dict_by_type, doc["type"], spy)
    exact(doc)
    assert calls == []
    flows_events.converter.structure(doc, flows_events.Event)
    assert len(calls) == 1


UUID = "9dd490d9-5bc4-4132-bbaf-699ab45836e1"
LONE = "\ud800"


def _msg(**fields: Any) -> dict:
    msg = {"uuid": UUID, "urn": "tel:+12065551212", "text": "hi", **fields}
    return {"type": "msg_created", "created_on": "2019-01-02T15:04:05Z", "msg": msg}


@pytest.mark.parametrize(
    ("doc", "lenient"),
    [
        (_msg(text="a" + LONE + "b"), False),
        (_msg(attachments=["image/jpeg:http://example.com/" + LONE]), False),
        (_msg(channel={"uuid": "57f1078f-88aa-46f4-a59a-948a5739c03d", "name": LONE}), False),
        ({"type": "error", "created_on": "2019-01-02T15:04:05Z", "text": "a", "x" + LONE: 1}, True),
        (
            {
                "type": "broadcast_created",
                "created_on": "2019-01-02T15:04:05Z",
                "translations": {"eng" + LONE: {"text": "hi"}},
                "base_language": "eng",
                "urns": ["tel:+12065551212"],
            },
            False,
        ),
        (
            {
                "type": "run_result_changed",
                "created_on": "2019-01-02T15:04:05Z",
                "name": "a",
                "value": "b",
                "extra": {"k": [LONE]},
            },
            False,
        ),
    ],
    ids=["text", "attachment", "reference", "unknown key", "map key", "raw value"],
)
def test_lone_surrogates_in_dicts_step_aside(doc: dict, lenient: bool) -> None:
    # Go could only have read such a string as U+FFFD: the exact path's business (a raw
    # value is stored by the exact path's own code, from either path)
    slow = exact(doc, lenient=lenient)
    built = fastpath.read_dict(doc, None, False, lenient)
    assert built is None if "extra" not in doc else built == slow
    conv = flows_events.converter if not lenient else flows_events.register_hooks(
        flows_events.converter.copy(), lenient=True
    )
    try:
        fast = conv.structure(doc, flows_events.Event)
    except flows_events.EventError as error:
        assert str(error) == str(slow)
    else:
        assert fast == slow
        assert any(form in flows_events.dumps(fast) for form in ("\ufffd", "\\ufffd"))


class _Dict(dict):  # type: ignore[type-arg]
    pass


class _Str(str):
    pass


@pytest.mark.parametrize(
    "extra",
    [
        {"ok": True, "id": 0, "list": [1, "a", None, False, {"b": []}]},
        {"float": 1.0},
        {"big": 1e16, "small": 1e-7, "half": 2.5},
        {"int": 2**63 - 1, "huge": 2**70, "neg": -(2**63)},
        {"esc": "a\bb\fc\u2028d\u2029e\n\t\"\\</>&\x7f\x00"},
        {"backslash b": "\\b\\f"},
        {"tuple": (1, 2)},
        {"sub": _Dict(a=1)},
        {"str": _Str("s")},
        [1, 2, 3],
        "text",
        12,
        None,
        {"deep": json.loads("[" * 300 + "]" * 300)},
    ],
    ids=lambda value: repr(value)[:30],
)
def test_raw_values_from_dicts_are_what_the_exact_path_stores(extra: Any) -> None:
    doc = {"type": "run_result_changed", "created_on": "2019-01-02T15:04:05Z", "name": "a", "value": "b"}
    doc["extra"] = extra
    slow = exact(doc)
    fast = flows_events.converter.structure(doc, flows_events.Event)
    assert fast == slow
    assert fast.extra.text == slow.extra.text
    assert flows_events.dumps(fast) == flows_events.dumps(slow)


def test_plain_raw_values_from_dicts_take_the_c_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    from flows_events import decoding

    calls = []
    monkeypatch.setattr(decoding, "_raw", lambda *args: calls.append(args))
    doc = {"type": "run_result_changed", "created_on": "2019-01-02T15:04:05Z", "name": "a", "value": "b"}
    doc["extra"] = {"ok": True, "list": [1, "é", None]}
    event = flows_events.converter.structure(doc, flows_events.Event)
    assert event.extra.text == '{"ok":true,"list":[1,"é",null]}'
    assert calls == []
    doc["extra"] = {"float": 1.5}  # a float's spelling is the exact path's business
    fastpath.read_dict(doc)
    assert len(calls) == 1


@pytest.mark.parametrize("year", [2019, 2020, 1900, 2000])
@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("day", [28, 29, 30, 31])
def test_days_past_28_agree_and_are_read_at_once(year: int, month: int, day: int) -> None:
    # every date valid in all years is in the fast form; February 29 is the full parser's
    for stamp in ("%04d-%02d-%02dT23:59:59.999999999Z", "%04d-%02d-%02dT00:00:00.000000+02:00"):
        value = stamp % (year, month, day)
        data = '{"type":"error","created_on":"%s","text":"a"}' % value
        fast = fastpath.read_text(data)
        same(fast, exact(data))
        same(fastpath.read_dict(json.loads(data)), exact(json.loads(data)))
        valid = not isinstance(exact(data), Exception)
        if valid and (month, day) != (2, 29):
            assert fast is not None
            assert fast.created_on._text is not None  # kept as text, not parsed


@pytest.mark.parametrize(
    "value",
    [
        "2019-01-31T10:11:12.123456+00:00",  # Python's isoformat()
        "2019-01-31T10:11:12-00:00",
        "2019-01-31T10:11:12.100000000+00:00",
        "0001-01-01T00:00:00+00:00",  # not Go's zero time: the offset attaches a location
        "0001-01-01T00:00:00.000+00:00",
        "0001-01-01T00:00:00.000Z",  # Go's zero time: required fails (here, not the offset's case)
        "2019-01-31T10:11:12.120000Z",
        "2020-02-29T00:00:00+00:00",
        "2019-02-29T00:00:00+00:00",  # no such day
        "2019-01-31T10:11:12.123456789-00:00",
        "2019-01-31T10:11:12.1234567890+00:00",  # ten digits: the full parser's
    ],
)
def test_offset_zero_written_as_a_number(value: str) -> None:
    import pickle

    from flows_events.timestamps import _parse_token_exact

    data = '{"type":"error","created_on":"%s","text":"a"}' % value
    slow = exact(data)
    fast = fastpath.read_text(data)
    same(fast, slow)
    if value.endswith("Z"):
        assert isinstance(slow, Exception) or fast is not None and fast.created_on.zulu is True
        return
    if not isinstance(slow, Exception):
        assert fast is not None
        assert fast.created_on.zulu is slow.created_on.zulu is False
        assert fast.created_on.is_zero is slow.created_on.is_zero is False
        # the text is kept as Go writes it back (Z), the value is the full parser's
        reference = _parse_token_exact('"%s"' % value)
        for ts in (fast.created_on, slow.created_on):
            assert ts == reference and hash(ts) == hash(reference) and repr(ts) == repr(reference)
            assert pickle.loads(pickle.dumps(ts)) == ts and pickle.loads(pickle.dumps(ts)).zulu is False
        written = flows_events.dumps(attrs.evolve(fast, created_on=reference))  # written from the fields
        assert flows_events.dumps(fast) == flows_events.dumps(slow) == written
        assert '"created_on":"%s' % value[:19] in written and '00:00"' not in written
        assert re.search(r'\.[0-9]*0Z"', written) is None  # (no trailing zeros in the fraction)
        if value[19:20] != "." and value[4:10] != "-02-29":  # (February 29 is the full parser's)
            assert fast.created_on._text == value[:19] + "Z"  # read at once, not by the full parser


def _reformatted(line: str) -> list:
    doc = json.loads(line)
    return [
        json.dumps(doc),  # Python's defaults: spaces, non-ASCII escaped
        json.dumps(doc, ensure_ascii=False, indent=2),
        json.dumps(doc, separators=(",", ":"), sort_keys=True),
        json.dumps(doc, ensure_ascii=False, separators=(", ", ": ")),
    ]


@pytest.mark.parametrize("lenient", [False, True])
def test_other_writers_output_agrees_and_is_taken(lenient: bool) -> None:
    taken = total = 0
    for line in GO_OUTPUT + CORPUS:
        try:
            variants = _reformatted(line)
        except ValueError:
            continue
        for data in variants:
            fast = fastpath.read_text(data, False, lenient)
            same(fast, exact(data, lenient=lenient))
            same(fastpath.read_text(data.encode(), False, lenient), exact(data.encode(), lenient=lenient))
            if line in GO_OUTPUT:
                total += 1
                taken += fast is not None
    # the rest hold floats in raw JSON or numbers, escapes with raw JSON, and the like
    assert taken >= 0.8 * total


def test_go_json_marshal_output_with_html_escapes_is_taken() -> None:
    # Go's json.Marshal writes <, > and & as \u003c, \u003e and \u0026, and U+2028/9 escaped
    taken = escaped = 0
    for line in GO_OUTPUT:
        event = exact(line)
        if isinstance(event, Exception):
            continue
        data = flows_events.dumps(event, escape_html=True)
        fast = fastpath.read_text(data)
        same(fast, exact(data))
        if "\\u00" in data or "\\u202" in data:
            escaped += 1
            taken += fast is not None
    assert escaped >= 10
    assert taken >= 0.8 * escaped  # the rest have an escape inside raw JSON, whose text is kept


RESULT = '{"type": "run_result_changed", "created_on": "2019-01-02T15:04:05Z", "name": "%s", "extra": %s}'


@pytest.mark.parametrize(
    ("name", "extra", "text"),
    [
        ("a", '{"k": "v", "n": [1, true, null]}', '{"k":"v","n":[1,true,null]}'),
        ("a\\n", '{"k": "v", "n": [1, true, null]}', '{"k":"v","n":[1,true,null]}'),  # escapes elsewhere
        ("a", '{"u": "http://x/y"}', '{"u":"http://x/y"}'),
        ("a\\n", '{"u": "http://x/y"}', None),  # a "/" may have been written "\/"
        ("a", '{"u": "http:\\/\\/x"}', None),
        ("a", '{"k": "\\u00e9"}', None),
        ("a", '{"k": 1.5}', None),
        ("a", '{"k": -0}', None),
        ("a", '{"k": [0, -1, 10]}', '{"k":[0,-1,10]}'),
    ],
)
def test_raw_json_in_other_writers_text(name: str, extra: str, text: Optional[str]) -> None:
    data = RESULT % (name, extra)
    fast = fastpath.read_text(data)
    same(fast, exact(data))
    if text is None:
        assert fast is None  # its text is not known from the parse: the exact path keeps it
    else:
        assert fast is not None and fast.extra.text == text == exact(data).extra.text


@pytest.mark.parametrize(
    "number",
    ["1E3", "1e3", "1.50", "58.77", "58.770000000000003", "-0.0", '"1"', '"1.50"', '"1e3"', "12", "-0", '"x"', "1e400"],
)
@pytest.mark.parametrize("spaced", [False, True])
def test_contact_field_numbers_are_read_from_their_token(number: str, spaced: bool) -> None:
    # goflow reads a number field from its token as written: "1.50" and 1E3 are not 1.5 and 1000
    data = '{"type":"contact_field_changed","created_on":"2019-01-02T15:04:05Z","field":{"key":"a"},' \
        '"value":{"number":%s}}' % number
    if spaced:
        data = data.replace(",", ", ").replace(":{", ": {")
    fast = fastpath.read_text(data)
    same(fast, exact(data))
    if number not in ('"x"', "1e400"):
        assert fast is not None
        assert str(fast.value.number) == str(exact(data).value.number)


@pytest.mark.parametrize("kind", [bytearray, memoryview])
def test_other_buffers_are_left_to_the_exact_path(kind: type) -> None:
    data = kind(GO_OUTPUT[0].encode())
    assert fastpath.read_text(data) is None  # not an error: None, the exact path's business
    if kind is bytearray:
        assert flows_events.read_event(data) == exact(GO_OUTPUT[0])


def test_objects_built_through_twins_are_plain_instances() -> None:
    import copy
    import pickle

    line = MSG % ("9dd490d9-5bc4-4132-bbaf-699ab45836e1", CHANNEL)
    event = fastpath.read_text(line)
    assert event is not None
    slow = exact(line)
    for fast_obj, slow_obj in ((event, slow), (event.msg, slow.msg), (event.created_on, slow.created_on)):
        assert type(fast_obj) is type(slow_obj)
    assert pickle.loads(pickle.dumps(event)) == event
    assert copy.deepcopy(event) == event
    changed = attrs.evolve(event, step_uuid="5ecda5fc-951c-437b-a17e-f85e49829fb9")
    assert changed.step_uuid == "5ecda5fc-951c-437b-a17e-f85e49829fb9" and changed.msg is event.msg
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        event.step_uuid = "x"  # type: ignore[misc]


# --- unknown keys are found by counting: len(dict) + fields absent or null == fields ---

_WAIT = {"type": "msg_wait", "created_on": "2019-01-02T15:04:05Z", "step_uuid": UUID, "timeout_seconds": 5}


@pytest.mark.parametrize(
    "doc",
    [
        {**_WAIT, "hint": {"type": "image"}},  # every field: the count alone decides
        {**_WAIT, "extra": 1},  # an unknown key, one field absent: the count is off by one
        {**_WAIT, "hint": {"type": "image"}, "extra": 1},
        {**_WAIT, "timeout_seconds": None, "extra": 1},  # a null field and an unknown key
        {**_WAIT, "step_uuid": None, "Step_UUID": UUID},  # a null field and a key Go folds onto it
        {**_WAIT, "Timeout_Seconds": 7},  # a key Go folds onto an absent field
        {k: v for k, v in _WAIT.items() if k != "timeout_seconds"} | {"TIMEOUT_SECONDS": 7},
        {**_WAIT, "hint": {"type": "image", "Type": "audio"}},  # in a nested struct
        {**_WAIT, "hint": {"type": "image", "x": None}},
    ],
    ids=["all", "unknown", "all+unknown", "null+unknown", "null+folded", "folded", "absent+folded", "nested-folded", "nested-unknown"],
)
@pytest.mark.parametrize("lenient", [False, True])
def test_unknown_keys_found_whatever_the_count(doc: dict, lenient: bool) -> None:
    text = json.dumps(doc, separators=(",", ":"))
    same(fastpath.read_text(text, False, lenient), exact(text, lenient=lenient))
    same(fastpath.read_dict(doc, None, False, lenient), exact(doc, lenient=lenient))
    folded = any(key != key.lower() for key in doc) or "Type" in doc.get("hint", {})
    if folded:
        assert fastpath.read_text(text, False, lenient) is None
        assert fastpath.read_dict(doc, None, False, lenient) is None
    elif lenient:
        event = fastpath.read_dict(doc, None, False, lenient)
        assert event is not None
        kept = [key for key, _ in event.unknown_keys]
        assert kept == (["extra"] if "extra" in doc else [])


@pytest.mark.parametrize("lenient", [False, True])
def test_no_type_key_counts_as_absent(lenient: bool) -> None:
    # with the class given, "type" may be missing: then a key Go folds onto a field
    # cannot make up for it in the count
    doc = {"created_on": "2019-01-02T15:04:05Z", "timeout_seconds": 5, "Step_Uuid": UUID, "hint": {"type": "image"}}
    assert fastpath.read_dict(doc, flows_events.MsgWaitEvent, False, lenient) is None
    event = flows_events.register_hooks(flows_events.converter.copy(), lenient=lenient).structure(doc, flows_events.MsgWaitEvent)
    assert event.step_uuid == UUID  # Go folds Step_Uuid onto step_uuid
    doc = {"created_on": "2019-01-02T15:04:05Z", "timeout_seconds": 5, "extra": 1, "hint": {"type": "image"}}
    event = fastpath.read_dict(doc, flows_events.MsgWaitEvent, False, lenient)
    assert event is not None and event.step_uuid == ""
    assert event.unknown_keys == ((("extra", flows_events.RawJSON("1")),) if lenient else ())


@pytest.mark.parametrize("line", GO_OUTPUT, ids=lambda line: json.loads(line)["type"])
def test_each_field_absent_is_counted(line: str) -> None:
    # for every field of every kind: with its key gone and a key Go folds onto it in its
    # place, the fast path steps aside (the count alone would see nothing amiss)
    doc = json.loads(line)
    for key in [k for k in doc if k != "type"]:
        moved = {k: v for k, v in doc.items() if k != key}
        moved[key.upper()] = doc[key]
        assert fastpath.read_dict(moved, None, False, False) is None, key
        text = json.dumps(moved, separators=(",", ":"), ensure_ascii=False)
        assert fastpath.read_text(text) is None, key
        assert exact(moved) == exact(doc)  # Go folds the key back onto its field


def test_urns_found_valid_are_not_matched_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from flows_events import urns

    def line_with(urn: str) -> str:
        return (MSG % ("9dd490d9-5bc4-4132-bbaf-699ab45836e1", CHANNEL)).replace("tel:+12065551212", urn)

    line = line_with("tel:+12065551213")
    urns.recently_valid.discard("tel:+12065551213")
    assert fastpath.read_text(line) is not None
    assert "tel:+12065551213" in urns.recently_valid
    bad = line_with("tel:12")  # invalid: never remembered, always checked
    assert fastpath.read_text(bad) is None and fastpath.read_text(bad) is None
    assert "tel:12" not in urns.recently_valid
    assert isinstance(exact(bad), flows_events.EventError)
    uncommon = line_with("ext:anything")  # valid, but not matched by the common forms
    assert fastpath.read_text(uncommon) == exact(uncommon)
    assert "ext:anything" in urns.recently_valid
    # a URN remembered is not matched again: with the matches refused, the same line
    # reads the same (the compiled checks hold the functions, so they are patched there)
    expected, expected_uncommon = exact(line), exact(uncommon)
    refused = mock.Mock(side_effect=AssertionError("matched again"))
    monkeypatch.setattr(urns, "common_valid", refused)
    monkeypatch.setattr(urns, "uncommon_validation_error", refused)
    fastpath._forget()  # builders compiled again, with the refusing functions
    try:
        assert fastpath.read_text(line) == expected
        assert fastpath.read_text(uncommon) == expected_uncommon
        assert refused.call_count == 0
    finally:
        monkeypatch.undo()
        fastpath._forget()
