"""The writer's two forms agree: orjson's fast form and the exact, generated writer.

:func:`flows_events.writer.write` (behind :func:`flows_events.dumps`) builds an object's
members in Go's order for orjson, then looks at the text for what orjson writes
differently from Go (``\\b``/``\\f`` short escapes, raw U+2028/U+2029 and, for
``json.Marshal``, raw ``<``, ``>``, ``&``) and hands such objects to the exact writer
(``_writer_for``). Unknown keys kept by lenient reading, and text orjson refuses (lone
surrogates), go to the exact writer directly.

These tests check that both forms write the same text: over the whole goflow corpus and
the specification's vectors, on hand-picked edge cases (with goflow's exact output) and
on generated events.
"""

from __future__ import annotations

from typing import List, Optional, Tuple

import orjson
import pytest
from conftest import read_jsonl, read_lines
from hypothesis import HealthCheck, given, settings

import flows_events
from flows_events import BroadcastTranslation, Event, writer
from flows_events.testing import factories, strategies

EVENTS = read_lines("goflow-v0.36.0-events.jsonl")
GO_OUTPUT = read_lines("goflow-v0.36.0-events.go-output.jsonl")
CORPUS: List[Tuple[str, int, str]] = [
    (kind, number, line)
    for kind, lines in (("events", EVENTS), ("go-output", GO_OUTPUT))
    for number, line in enumerate(lines, 1)
]
VECTORS = [v for v in read_jsonl("event_vectors.jsonl") if v["err"] is None]

CREATED_ON = "2006-01-02T15:04:05Z"
MSG_UUID = "2d611e17-fb22-457f-b802-b8f7ec5cda5b"


# --- helpers -------------------------------------------------------------------------


def exact(event: Event, html: bool) -> str:
    """The exact writer's text (string concatenation with Go's escaping)."""
    return writer._writer_for(type(event), html)(event)


def fast_form(event: Event, html: bool) -> Optional[str]:
    """orjson's text for the members, before any check; ``None`` when the fast form
    gives up by itself (unknown keys, text orjson refuses)."""
    try:
        return orjson.dumps(writer._members_for(type(event), html)(event)).decode("utf-8")
    except (writer._Slow, TypeError):
        return None


def orjson_differs_from_go(text: str, html: bool) -> bool:
    """Whether ``text`` has something orjson writes differently from Go."""
    return (
        "\\b" in text
        or "\\f" in text
        or "\u2028" in text
        or "\u2029" in text
        or (html and ("<" in text or ">" in text or "&" in text))
    )


def assert_forms_agree(event: Event) -> None:
    """``write`` equals the exact writer in both modes, and whenever the raw fast form
    differs from it, the difference is one the fallback check detects."""
    for html in (False, True):
        expected = exact(event, html)
        assert writer.write(event, html) == expected
        raw = fast_form(event, html)
        assert raw is None or raw == expected or orjson_differs_from_go(raw, html)


def assert_written(event: Event, plain: str, html: str) -> None:
    """``dumps`` gives ``plain`` (``utils.JSONMarshal``) and ``html`` (``json.Marshal``),
    and the exact writer gives the same."""
    assert flows_events.dumps(event) == plain
    assert flows_events.dumps(event, escape_html=True) == html
    assert exact(event, False) == plain
    assert exact(event, True) == html


def msg_event(text: str) -> Event:
    """A ``msg_created`` event whose message has just a UUID and ``text``."""
    msg = factories.msg_out(uuid=MSG_UUID, urn="", channel=None, text=text)
    return factories.msg_created(created_on=CREATED_ON, msg=msg)


def msg_json(text_json: str) -> str:
    """What goflow writes for :func:`msg_event`, with the message text as JSON."""
    return (
        '{"type":"msg_created","created_on":"2006-01-02T15:04:05Z",'
        '"msg":{"uuid":"2d611e17-fb22-457f-b802-b8f7ec5cda5b","text":' + text_json + "}}"
    )


# --- everything real -------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind, number, line", CORPUS, ids=[f"{kind}-line{number}" for kind, number, _ in CORPUS]
)
def test_corpus_fast_form_equals_exact_writer(kind: str, number: int, line: str) -> None:
    for lenient in (False, True):
        event = flows_events.read_event(line, lenient=lenient)
        assert isinstance(event, Event)
        assert_forms_agree(event)


@pytest.mark.parametrize("vector", VECTORS, ids=[f"vector{i}" for i in range(len(VECTORS))])
def test_vectors_fast_form_equals_exact_writer(vector: dict) -> None:
    event = flows_events.read_event(vector["in"])
    assert flows_events.dumps(event, escape_html=True) == vector["out"]
    assert_forms_agree(event)


def test_fast_form_is_used_for_plain_events() -> None:
    # not a vacuous comparison: on ordinary events orjson's text is the answer itself
    event = flows_events.read_event(EVENTS[448])  # webhook_called: \r\n and quotes
    for html in (False, True):
        assert fast_form(event, html) == GO_OUTPUT[448] == flows_events.dumps(event, escape_html=html)


# --- string escaping -------------------------------------------------------------------

ESCAPES = [
    # (id, message text, JSON written by utils.JSONMarshal, by json.Marshal)
    ("backspace", "\b", r'"\u0008"', r'"\u0008"'),
    ("formfeed", "\f", r'"\u000c"', r'"\u000c"'),
    ("backspace-formfeed", "\b\f", r'"\u0008\u000c"', r'"\u0008\u000c"'),
    ("backspace-formfeed-amid", "a\bb\fc", r'"a\u0008b\u000cc"', r'"a\u0008b\u000cc"'),
    ("backslash-then-b", "a\\b", r'"a\\b"', r'"a\\b"'),
    ("backslash-then-f-and-formfeed", "\\f\f", r'"\\f\u000c"', r'"\\f\u000c"'),
    ("escape-lookalike", "\\u0008\\b", r'"\\u0008\\b"', r'"\\u0008\\b"'),
    ("line-separator", "a\u2028b", r'"a\u2028b"', r'"a\u2028b"'),
    ("paragraph-separator", "a\u2029b", r'"a\u2029b"', r'"a\u2029b"'),
    ("line-separators", "a\u2028b\u2029c", r'"a\u2028b\u2029c"', r'"a\u2028b\u2029c"'),
    ("html", "<b>&amp;</b>", '"<b>&amp;</b>"', r'"\u003cb\u003e\u0026amp;\u003c/b\u003e"'),
    ("controls", "\x00\x01\x1f", r'"\u0000\u0001\u001f"', r'"\u0000\u0001\u001f"'),
    ("delete-kept", "a\x7fb", '"a\x7fb"', '"a\x7fb"'),
    ("short-escapes", 'say "hi"\n\r\t/', r'"say \"hi\"\n\r\t/"', r'"say \"hi\"\n\r\t/"'),
    (
        "non-ascii-kept",
        "h\u00e9llo \u017f\u212a \ufeff\u0301\ufffd",
        '"h\u00e9llo \u017f\u212a \ufeff\u0301\ufffd"',
        '"h\u00e9llo \u017f\u212a \ufeff\u0301\ufffd"',
    ),
    (
        "emoji-kept",
        "\U0001f600 \U0001f469\u200d\U0001f4bb",
        '"\U0001f600 \U0001f469\u200d\U0001f4bb"',
        '"\U0001f600 \U0001f469\u200d\U0001f4bb"',
    ),
    ("everything", "<\b\u2028\\b>", r'"<\u0008\u2028\\b>"', r'"\u003c\u0008\u2028\\b\u003e"'),
]


@pytest.mark.parametrize("text, plain, html", [c[1:] for c in ESCAPES], ids=[c[0] for c in ESCAPES])
def test_message_text_escaping(text: str, plain: str, html: str) -> None:
    event = msg_event(text)
    assert_written(event, msg_json(plain), msg_json(html))
    assert_forms_agree(event)
    # and it reads back to the same text
    assert flows_events.read_event(msg_json(plain)).msg.text == text


KEYS_AND_LISTS = [
    (
        "\b",
        '{"type":"broadcast_created","created_on":"2006-01-02T15:04:05Z",'
        r'"translations":{"e\u0008":{"text":"x","quick_replies":["\\b","\u0008"]}},"base_language":"e\u0008"}',
    ),
    (
        "\f",
        '{"type":"broadcast_created","created_on":"2006-01-02T15:04:05Z",'
        r'"translations":{"e\u000c":{"text":"x","quick_replies":["\\b","\u000c"]}},"base_language":"e\u000c"}',
    ),
]


@pytest.mark.parametrize("char, expected", KEYS_AND_LISTS, ids=["backspace", "formfeed"])
def test_backspace_and_formfeed_in_map_keys_and_lists(char: str, expected: str) -> None:
    event = factories.broadcast_created(
        created_on=CREATED_ON,
        translations={"e" + char: BroadcastTranslation(text="x", quick_replies=("\\b", char))},
        base_language="e" + char,
        urns=[],
        contacts=[],
        groups=[],
    )
    assert_written(event, expected, expected)
    assert_forms_agree(event)


def test_lone_surrogates_are_written_as_replacement_characters() -> None:
    # Go's encoder writes \ufffd for text that is not valid UTF-8; orjson refuses it
    event = factories.contact_name_changed(created_on=CREATED_ON, name="a\ud800b")
    expected = r'{"type":"contact_name_changed","created_on":"2006-01-02T15:04:05Z","name":"a\ufffdb"}'
    assert_written(event, expected, expected)
    assert fast_form(event, False) is None and fast_form(event, True) is None


def test_lone_surrogates_in_nested_text_keys_and_lists() -> None:
    event = factories.broadcast_created(
        created_on=CREATED_ON,
        translations={"e\udc00": BroadcastTranslation(text="\ud83d<", quick_replies=("\udfff&",))},
        base_language="eng",
        urns=[],
        contacts=[],
        groups=[],
    )
    prefix = '{"type":"broadcast_created","created_on":"2006-01-02T15:04:05Z","translations":'
    assert_written(
        event,
        prefix + r'{"e\ufffd":{"text":"\ufffd<","quick_replies":["\ufffd&"]}},"base_language":"eng"}',
        prefix
        + r'{"e\ufffd":{"text":"\ufffd\u003c","quick_replies":["\ufffd\u0026"]}},"base_language":"eng"}',
    )
    assert_forms_agree(event)


def test_lone_surrogate_in_field_value_text() -> None:
    event = factories.contact_field_changed(
        created_on=CREATED_ON,
        field=factories.field_reference(key="age", name="Age"),
        value=factories.value(text="\udbff", number=5),
    )
    expected = (
        '{"type":"contact_field_changed","created_on":"2006-01-02T15:04:05Z",'
        r'"field":{"key":"age","name":"Age"},"value":{"text":"\ufffd","number":5}}'
    )
    assert_written(event, expected, expected)
    assert_forms_agree(event)


# --- unknown keys (lenient reading) ----------------------------------------------------


def test_unknown_key_from_the_corpus_is_written_after_the_known_fields() -> None:
    # corpus line 446 has a node_uuid goflow ignores; lenient reading keeps it
    line = EVENTS[445]
    assert '"node_uuid"' in line
    known = (
        '{"type":"run_result_changed","created_on":"2006-01-02T15:04:05Z","name":"Gender","value":"m",'
        '"category":"Male","category_localized":"Homme","input":"M"'
    )
    assert GO_OUTPUT[445] == known + "}"
    event = flows_events.read_event(line, lenient=True)
    with_unknown = known + ',"node_uuid":"b7cf0d83-f1c9-411c-96fd-c511a4cfa86d"}'
    assert_written(event, with_unknown, with_unknown)
    assert fast_form(event, False) is None  # the fast form hands over to the exact writer
    assert_written(flows_events.read_event(line), GO_OUTPUT[445], GO_OUTPUT[445])


def test_unknown_keys_keep_their_order_and_raw_text() -> None:
    text = (
        '{"zz":{ "b" : [1, 2.50, 1E3] },"type":"contact_name_changed","created_on":"2006-01-02T15:04:05Z",'
        '"name":"Bob","aa":"<\\b\u2028>"}'
    )
    event = flows_events.read_event(text, lenient=True)
    prefix = '{"type":"contact_name_changed","created_on":"2006-01-02T15:04:05Z","name":"Bob"'
    assert_written(
        event,
        prefix + ',"zz":{"b":[1,2.50,1E3]},"aa":"<\\b\u2028>"}',
        prefix + r',"zz":{"b":[1,2.50,1E3]},"aa":"\u003c\b\u2028\u003e"}',
    )
    assert_written(flows_events.read_event(text), prefix + "}", prefix + "}")


def test_unknown_keys_of_structs_in_a_list() -> None:
    text = (
        '{"type":"contact_groups_changed","created_on":"2006-01-02T15:04:05Z","groups_added":['
        '{"x":1,"uuid":"b7cf0d83-f1c9-411c-96fd-c511a4cfa86d","name":"Reporters"},'
        '{"uuid":"1e1ce1e1-9288-4504-869e-022d1003c72a","name":"Customers"}]}'
    )
    event = flows_events.read_event(text, lenient=True)
    expected = (
        '{"type":"contact_groups_changed","created_on":"2006-01-02T15:04:05Z","groups_added":['
        '{"uuid":"b7cf0d83-f1c9-411c-96fd-c511a4cfa86d","name":"Reporters","x":1},'
        '{"uuid":"1e1ce1e1-9288-4504-869e-022d1003c72a","name":"Customers"}]}'
    )
    assert_written(event, expected, expected)
    assert fast_form(event, False) is None


# --- raw JSON and numbers ----------------------------------------------------------------


def test_raw_extra_from_the_corpus() -> None:
    event = flows_events.read_event(EVENTS[29])  # run_result_changed with extra
    expected = (
        '{"type":"run_result_changed","created_on":"2018-10-18T14:20:30.000123456Z",'
        '"step_uuid":"e7187099-7d38-4f60-955c-325957214c42","name":"My Result","value":"503",'
        '"category":"Failure","input":"POST http://127.0.0.1:49996/?cmd=unavailable",'
        '"extra":{"errors":["service unavailable"]}}'
    )
    assert GO_OUTPUT[29] == expected
    assert_written(event, expected, expected)


def test_raw_extra_null_is_written() -> None:
    text = '{"type":"run_result_changed","created_on":"2006-01-02T15:04:05Z","name":"n","extra":null}'
    expected = '{"type":"run_result_changed","created_on":"2006-01-02T15:04:05Z","name":"n","value":"","category":"","extra":null}'
    assert_written(flows_events.read_event(text), expected, expected)


def test_raw_payload_keeps_its_escapes_and_spellings() -> None:
    # a RawMessage is compacted, never re-escaped: \b stays \b; only json.Marshal
    # escapes <, >, & and a raw U+2028 in it
    text = (
        '{"type":"resthook_called","created_on":"2006-01-02T15:04:05Z","resthook":"new-registration",'
        '"payload":{ "a" : "<&>\u2028" , "b" : "\\b\\f\\u0008" , "n" : [1.50, 1E3, -0] }}'
    )
    event = flows_events.read_event(text)
    prefix = '{"type":"resthook_called","created_on":"2006-01-02T15:04:05Z","resthook":"new-registration","payload":'
    assert_written(
        event,
        prefix + '{"a":"<&>\u2028","b":"\\b\\f\\u0008","n":[1.50,1E3,-0]}}',
        prefix + r'{"a":"\u003c\u0026\u003e\u2028","b":"\b\f\u0008","n":[1.50,1E3,-0]}}',
    )


def test_raw_payload_from_the_corpus() -> None:
    event = flows_events.read_event(EVENTS[26])  # resthook_called with a payload
    assert event.type == "resthook_called"
    assert_written(event, GO_OUTPUT[26], GO_OUTPUT[26])
    assert fast_form(event, False) == GO_OUTPUT[26]


def test_html_in_the_corpus_falls_back_only_for_json_marshal() -> None:
    # corpus line 1: a URN query with "&"
    event = flows_events.read_event(EVENTS[0])
    plain = (
        '{"type":"contact_urns_changed","created_on":"2018-10-18T14:20:30.000123456Z",'
        '"urns":["tel:+12065551212?channel=3a05eaf5-cb1b-4246-bef1-f277419c83a7&id=123","twitterid:54784326227#nyaruka"]}'
    )
    assert GO_OUTPUT[0] == plain
    assert_written(event, plain, plain.replace("&", "\\u0026"))
    assert fast_form(event, False) == plain


NUMBERS = [
    # (number as read, as goflow writes it); from the corpus and the spec's vectors
    ("37", "37"),
    ("32643463463", "32643463463"),
    ("1.50", "1.5"),
    ('"1.50"', "1.5"),
    ("1E3", "1000"),
    ("1e3", "1000"),
    ("-0.0", "0"),
    ("1e-7", "0.0000001"),
    ("1E+40", "1" + "0" * 40),
    ('"+5"', "5"),
    ('"-.5"', "-0.5"),
    ("12345678901234567890.123456789", "12345678901234567890.123456789"),
]


@pytest.mark.parametrize("token, written", NUMBERS, ids=[n for n, _ in NUMBERS])
def test_contact_field_numbers(token: str, written: str) -> None:
    head = (
        '{"type":"contact_field_changed","created_on":"2006-01-02T15:04:05Z",'
        '"field":{"key":"age","name":"Age"},"value":{"text":"x","number":'
    )
    event = flows_events.read_event(head + token + "}}")
    assert_written(event, head + written + "}}", head + written + "}}")
    assert fast_form(event, False) == head + written + "}}"


def test_nil_map_values_and_list_elements_and_hints() -> None:
    text = (
        '{"type":"broadcast_created","created_on":"2006-01-02T15:04:05Z",'
        '"translations":{"spa":null,"eng":{"text":"hi"}},"base_language":"eng",'
        '"contacts":[null,{"uuid":"0e06f977-cbb7-475f-9d0b-a0c4aaec7f6a","name":"Bob"}]}'
    )
    expected = (
        '{"type":"broadcast_created","created_on":"2006-01-02T15:04:05Z",'
        '"translations":{"eng":{"text":"hi"},"spa":null},"base_language":"eng",'
        '"contacts":[null,{"uuid":"0e06f977-cbb7-475f-9d0b-a0c4aaec7f6a","name":"Bob"}]}'
    )
    assert_written(flows_events.read_event(text), expected, expected)
    wait = '{"type":"msg_wait","created_on":"2019-01-02T15:04:05Z","timeout_seconds":0,"hint":{"type":"digits","count":0,"terminated_by":"<#>"}}'
    assert_written(
        flows_events.read_event(wait),
        wait,
        wait.replace("<#>", "\\u003c#\\u003e"),
    )


# --- generated events ------------------------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(event=strategies.events())
def test_generated_events_fast_form_equals_exact_writer(event: Event) -> None:
    assert_forms_agree(event)
