"""Go's decoding rules as goflow's ``ReadEvent`` applies them, through ``read_event``.

Sources: spec/json.md §2 (syntax, key matching, duplicates, nulls, strings, integers,
raw JSON, times, type mismatches), spec/errors.md (§1 precedence, §3 the type-mismatch
table), spec/events.md §17 (msg_wait and its hint), spec/types.md §7 (XNumber,
XDateTime). Outputs are Go's ``json.Marshal`` bytes (``dumps(..., escape_html=True)``)
unless a test is about ``utils.JSONMarshal`` (``escape_html=False``).
"""

# ruff: noqa: UP031  -- printf-style templates keep the JSON braces readable

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import read_jsonl

import flows_events as fe
from flows_events.errors import (
    DecodeError,
    EventError,
    JSONSyntaxError,
    TypeMismatchError,
    UnknownTypeError,
    ValidationError,
)

CREATED = '"created_on":"2006-01-02T15:04:05Z"'
UUID4 = "0e06f977-cbb7-475f-9d0b-a0c4aaec7f6a"
LAYOUT = '"\\"2006-01-02T15:04:05Z07:00\\""'


def ev(type_: str, body: str = "") -> str:
    return '{"type":"%s",%s%s}' % (type_, CREATED, "," + body if body else "")


def out(type_: str, body: str = "") -> str:
    return '{"type":"%s",%s%s}' % (type_, CREATED, "," + body if body else "")


def read_ok(data: str | bytes | dict, *, escape_html: bool = True) -> str:
    return fe.dumps(fe.read_event(data), escape_html=escape_html)


def read_error(data: str | bytes | dict) -> EventError:
    with pytest.raises(EventError) as info:
        fe.read_event(data)
    return info.value


def mismatch(what: str, where: str, go: str) -> str:
    return f"json: cannot unmarshal {what} into Go struct field {where} of type {go}"


def bad_time(token: str, rest: str, elem: str) -> str:
    def q(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    return f"parsing time {q(token)} as {LAYOUT}: cannot parse {q(rest)} as {q(elem)}"


BAD_TIME = bad_time('"bad"', 'bad"', "2006")


# =========================================================================== §2.3 key matching

KEYS = [
    pytest.param(
        '{"TYPE":"wait_timed_out",%s}' % CREATED, out("wait_timed_out"), id="TYPE"
    ),
    pytest.param(
        '{"\\u0074ype":"msg\\u005fwait",%s}' % CREATED, out("msg_wait"), id="escaped-key-and-type"
    ),
    pytest.param(
        '{"type":"error","Created_On":"2006-01-02T15:04:05Z","TEXT":"a","Fatal":true}',
        out("error", '"text":"a","fatal":true'),
        id="Created_On-TEXT-Fatal",
    ),
    pytest.param(
        ev("webhook_called", '"url":"x","\u017ftatus":"success","request":"r"'),
        out("webhook_called", '"url":"x","status":"success","elapsed_ms":0,"request":"r"'),
        id="long-s-matches-s",
    ),
    pytest.param(
        ev("webhook_called", '"url":"x","status":"success","request":"r","resthoo\u212a":"h"'),
        out("webhook_called", '"url":"x","resthook":"h","status":"success","elapsed_ms":0,"request":"r"'),
        id="kelvin-sign-matches-k",
    ),
    pytest.param(
        ev("contact_field_changed", '"field":{"\u212aEY":"k"}'),
        out("contact_field_changed", '"field":{"key":"k","name":""},"value":null'),
        id="kelvin-sign-in-nested-key",
    ),
    pytest.param(
        ev("wait_timed_out", '"\u017fTEP_uuid":"%s"' % UUID4),
        out("wait_timed_out", '"step_uuid":"%s"' % UUID4),
        id="long-s-in-base-field",
    ),
    pytest.param(
        ev("msg_created", '"msg":{"uuid":"x","URN":"tel:+1234567","Text":"hi","UUID":"y"}'),
        out("msg_created", '"msg":{"uuid":"y","urn":"tel:+1234567","text":"hi"}'),
        id="URN-Text-UUID-inside-msg",
    ),
    pytest.param(
        ev("msg_wait", '"HINT":{"TYPE":"location"}'),
        out("msg_wait", '"hint":{"type":"location"}'),
        id="HINT-and-hint-TYPE",
    ),
    pytest.param(
        ev("msg_wait", '"Timeout_Seconds":5,"hint":{"type":"digits","Count":2,"TERMINATED_BY":"#"}'),
        out("msg_wait", '"timeout_seconds":5,"hint":{"type":"digits","count":2,"terminated_by":"#"}'),
        id="msg_wait-envelope-and-hint-fields",
    ),
    pytest.param(
        ev("flow_entered", '"flow":{"uuid":"%s"},"term\u0130nal":true' % UUID4),
        out("flow_entered", '"flow":{"uuid":"%s","name":""},"parent_run_uuid":"","terminal":false' % UUID4),
        id="dotted-capital-I-does-not-match",
    ),
    pytest.param(
        ev("flow_entered", '"flow":{"uuid":"%s"},"term\u0131nal":true' % UUID4),
        out("flow_entered", '"flow":{"uuid":"%s","name":""},"parent_run_uuid":"","terminal":false' % UUID4),
        id="dotless-i-does-not-match",
    ),
    pytest.param(
        ev("flow_entered", '"flow":{"uuid":"%s"},"TERMINAL":true' % UUID4),
        out("flow_entered", '"flow":{"uuid":"%s","name":""},"parent_run_uuid":"","terminal":true' % UUID4),
        id="TERMINAL",
    ),
    pytest.param(
        ev("broadcast_created", '"base_language":"eng","translations":{"ENG":{"TEXT":"a"},"eng":{"Text":"b"}}'),
        out("broadcast_created", '"translations":{"ENG":{"text":"a"},"eng":{"text":"b"}},"base_language":"eng"'),
        id="map-keys-are-never-folded",
    ),
    pytest.param(
        ev("error", '"text":"a","unknown":{"x":[1,2,{"y":null}]},"n":1e999'),
        out("error", '"text":"a","fatal":false'),
        id="unknown-keys-ignored",
    ),
]


@pytest.mark.parametrize("text, expected", KEYS)
def test_case_insensitive_keys(text: str, expected: str) -> None:
    assert read_ok(text) == expected


@pytest.mark.parametrize(
    "text, message",
    [
        pytest.param(ev("contact_field_changed", '"f\u0130eld":{"key":"k"}'), "field 'field' is required", id="fIeld-dotted"),
        pytest.param(ev("error", '"te\u00d7t":"a"'), "field 'text' is required", id="no-other-folding"),
        pytest.param('{"type":"msg_wait","type":"MSG_WAIT",%s}' % CREATED, "unknown type: 'MSG_WAIT'", id="type-value-case-sensitive"),
        pytest.param('{"type":"Msg_Wait",%s}' % CREATED, "unknown type: 'Msg_Wait'", id="type-value-mixed-case"),
    ],
)
def test_key_matching_limits(text: str, message: str) -> None:
    assert str(read_error(text)) == message


# =========================================================================== §2.4 duplicate keys

GROUP_A = '{"uuid":"b7cf0d83-f1c9-411c-96fd-c511a4cfa86d","name":"A"}'
GROUP_B = '{"uuid":"1e1ce1e1-9288-4504-869e-022d1003c72a","name":"B"}'

DUPLICATES = [
    pytest.param(ev("error", '"text":"a","text":"b"'), out("error", '"text":"b","fatal":false'), id="string-last-wins"),
    pytest.param(
        ev("error", '"text":"x","TEXT":"y","Text":null'), out("error", '"text":"y","fatal":false'), id="string-case-variants-null-keeps"
    ),
    pytest.param(
        '{"type":"wait_timed_out","created_on":"2006-01-02T15:04:05Z","created_on":null}',
        out("wait_timed_out"),
        id="time-null-keeps-first",
    ),
    pytest.param(
        '{"type":"wait_timed_out","created_on":"2006-01-02T15:04:05Z","CREATED_ON":"2007-01-02T15:04:05Z"}',
        '{"type":"wait_timed_out","created_on":"2007-01-02T15:04:05Z"}',
        id="time-last-wins",
    ),
    pytest.param(ev("error", '"text":"a","fatal":true,"fatal":null'), out("error", '"text":"a","fatal":true'), id="bool-null-keeps"),
    pytest.param(
        '{"type":"error","created_on":"2006-01-02T15:04:05Z","created_on":null,"text":"a","text":null,"fatal":true,"fatal":null}',
        out("error", '"text":"a","fatal":true'),
        id="scalars-null-keep-all",
    ),
    pytest.param(
        ev("flow_entered", '"flow":{"uuid":"%s","name":"A"},"flow":{"name":"B"}' % UUID4),
        out("flow_entered", '"flow":{"uuid":"%s","name":"B"},"parent_run_uuid":"","terminal":false' % UUID4),
        id="struct-pointer-merges",
    ),
    pytest.param(
        ev(
            "input_labels_added",
            '"input_uuid":"4aef4050-1895-4c80-999a-70368317a4f5",'
            '"labels":[{"uuid":"b7cf0d83-f1c9-411c-96fd-c511a4cfa86d","name":"Spam"}],"labels":[{"name":"Ham"}]',
        ),
        out(
            "input_labels_added",
            '"input_uuid":"4aef4050-1895-4c80-999a-70368317a4f5",'
            '"labels":[{"uuid":"b7cf0d83-f1c9-411c-96fd-c511a4cfa86d","name":"Ham"}]',
        ),
        id="slice-of-pointers-merges-elements",
    ),
    pytest.param(
        ev("contact_groups_changed", '"groups_added":[%s,%s],"groups_added":[{"name":"C"}]' % (GROUP_A, GROUP_B)),
        out("contact_groups_changed", '"groups_added":[{"uuid":"b7cf0d83-f1c9-411c-96fd-c511a4cfa86d","name":"C"}]'),
        id="slice-shrinks-to-later-length",
    ),
    pytest.param(
        ev("contact_groups_changed", '"groups_added":[%s],"groups_added":[null]' % GROUP_A),
        out("contact_groups_changed", '"groups_added":[null]'),
        id="slice-null-element-replaces",
    ),
    pytest.param(
        ev(
            "broadcast_created",
            '"base_language":"eng","translations":{"eng":{"text":"a","quick_replies":["x"]}},'
            '"translations":{"spa":{"text":"b"},"eng":{"attachments":["image:x"]}}',
        ),
        out(
            "broadcast_created",
            '"translations":{"eng":{"text":"","attachments":["image:x"]},"spa":{"text":"b"}},"base_language":"eng"',
        ),
        id="map-keeps-keys-replaces-values-fresh",
    ),
    pytest.param(
        ev("contact_urns_changed", '"urns":["tel:+1234567","tel:+7654321"],"urns":["tel:+1111111"]'),
        out("contact_urns_changed", '"urns":["tel:+1111111"]'),
        id="string-slice-last-wins",
    ),
    pytest.param(
        ev("msg_received", '"msg":{"text":"a","urn":"tel:+1234567"},"msg":{"text":"b"}'),
        out("msg_received", '"msg":{"uuid":"","urn":"tel:+1234567","text":"b"}'),
        id="struct-value-merges",
    ),
    pytest.param(
        ev("msg_received", '"msg":{"text":"a","urn":"tel:+1234567"},"msg":null'),
        out("msg_received", '"msg":{"uuid":"","urn":"tel:+1234567","text":"a"}'),
        id="struct-value-null-no-effect",
    ),
    pytest.param(
        ev("contact_field_changed", '"field":{"key":"a"},"value":{"text":"x","number":5},"value":{"datetime":"2017-12-02T00:00:00Z"}'),
        out(
            "contact_field_changed",
            '"field":{"key":"a","name":""},"value":{"text":"x","datetime":"2017-12-02T00:00:00.000000Z","number":5}',
        ),
        id="value-pointer-merges",
    ),
    pytest.param(
        ev("contact_field_changed", '"field":{"key":"a"},"value":{"text":"x","number":5,"number":null}'),
        out("contact_field_changed", '"field":{"key":"a","name":""},"value":{"text":"x"}'),
        id="xnumber-pointer-null-nils",
    ),
    pytest.param(
        ev("contact_refreshed", '"contact":{"a":1},"contact":null'),
        out("contact_refreshed", '"contact":null'),
        id="raw-json-null-replaces",
    ),
    pytest.param(
        ev("msg_wait", '"hint":{"type":"image"},"hint":{"type":"digits","count":3}'),
        out("msg_wait", '"hint":{"type":"digits","count":3}'),
        id="hint-raw-last-wins",
    ),
    pytest.param(
        ev("msg_wait", '"timeout_seconds":5,"timeout_seconds":null'), out("msg_wait"), id="int-pointer-null-nils"
    ),
    pytest.param(
        '{"type":"error","type":"wait_timed_out",%s,"text":"a"}' % CREATED, out("wait_timed_out"), id="type-last-wins"
    ),
    pytest.param(
        '{"Type":"error","type":"wait_timed_out",%s,"text":"a"}' % CREATED, out("wait_timed_out"), id="type-Type-then-type"
    ),
    pytest.param(
        '{"type":"wait_timed_out","Type":"error",%s,"text":"a"}' % CREATED,
        out("error", '"text":"a","fatal":false'),
        id="type-type-then-Type",
    ),
    pytest.param(
        ev("session_triggered", '"flow":{"uuid":"%s"},"urns":["tel:+1234567"],"urns":[]' % UUID4),
        out("session_triggered", '"flow":{"uuid":"%s","name":""},"run_summary":null' % UUID4),
        id="slice-later-empty",
    ),
    # Derived from encoding/json's array decoder (Go 1.19 decode.go `array`): a later
    # array is decoded over the earlier backing array, and SetLen does not clear it.
    pytest.param(
        ev(
            "contact_groups_changed",
            '"groups_added":[{"uuid":"b7cf0d83-f1c9-411c-96fd-c511a4cfa86d"},{"uuid":"1e1ce1e1-9288-4504-869e-022d1003c72a"}],'
            '"groups_added":[{"name":"x"}],"groups_added":[{"name":"x"},{"name":"y"}]',
        ),
        out(
            "contact_groups_changed",
            '"groups_added":[{"uuid":"b7cf0d83-f1c9-411c-96fd-c511a4cfa86d","name":"x"},'
            '{"uuid":"1e1ce1e1-9288-4504-869e-022d1003c72a","name":"y"}]',
        ),
        id="derived-slice-regrows-over-old-backing-array",
    ),
]


@pytest.mark.parametrize("text, expected", DUPLICATES)
def test_duplicate_keys(text: str, expected: str) -> None:
    assert read_ok(text) == expected


@pytest.mark.parametrize(
    "text, message",
    [
        pytest.param(
            ev("flow_entered", '"flow":{"uuid":"%s","name":"A"},"flow":null' % UUID4), "field 'flow' is required", id="pointer-null-nils"
        ),
        pytest.param(
            ev("contact_groups_changed", '"groups_added":[%s],"groups_added":[{"name_match":"x"}]' % GROUP_A),
            "field 'groups_added[0].uuid' is mutually exclusive with 'name_match', "
            "field 'groups_added[0].name_match' is mutually exclusive with 'uuid'",
            id="merged-element-has-uuid-and-name_match",
        ),
        pytest.param(
            ev("msg_created", '"msg":{"uuid":"x","urn":"tel:+1234567","text":"hi"},"msg":{"urn":"bad"}'),
            "field 'msg.urn' failed tag 'urn'",
            id="merged-msg-urn-overwritten",
        ),
        pytest.param(
            ev("email_created", '"addresses":["a"],"addresses":null,"subject":"s"'),
            "field 'addresses' is required",
            id="slice-later-null",
        ),
        pytest.param(
            ev("contact_groups_changed", '"groups_added":[%s],"groups_added":null,"groups_added":[{"name":"x"}]' % GROUP_A),
            "field 'groups_added[0].uuid' is mutually exclusive with 'name_match', "
            "field 'groups_added[0].name_match' is mutually exclusive with 'uuid'",
            id="slice-null-drops-backing-array",
        ),
        # Derived from encoding/json (see above): null elements leave the old backing values
        pytest.param(
            ev("contact_urns_changed", '"urns":["a","b","c","d","e"],"urns":["tel:+1234567"],"urns":[null,null]'),
            "field 'urns[1]' failed tag 'urn'",
            id="derived-null-string-elements-keep-backing-values",
        ),
    ],
)
def test_duplicate_keys_then_validation(text: str, message: str) -> None:
    assert str(read_error(text)) == message


# =========================================================================== §2.5 null

NULLS = [
    pytest.param(ev("contact_name_changed", '"name":null'), out("contact_name_changed", '"name":""'), id="string"),
    pytest.param(ev("error", '"text":"x","fatal":null'), out("error", '"text":"x","fatal":false'), id="bool"),
    pytest.param(
        ev("webhook_called", '"url":"x","status":"s","request":"r","elapsed_ms":null,"status_code":null,"body_ignored":null'),
        out("webhook_called", '"url":"x","status":"s","elapsed_ms":0,"request":"r"'),
        id="int-and-bool",
    ),
    pytest.param(
        ev("webhook_called", '"url":"x","status":"s","request":"r","elapsed_ms":5,"elapsed_ms":null,"status_code":7,"status_code":null'),
        out("webhook_called", '"url":"x","status":"s","status_code":7,"elapsed_ms":5,"request":"r"'),
        id="int-null-keeps-earlier",
    ),
    pytest.param(ev("msg_received", '"msg":null'), out("msg_received", '"msg":{"uuid":"","text":""}'), id="struct-value"),
    pytest.param(
        ev("contact_field_changed", '"field":{"key":"a"},"value":{"text":null,"datetime":null,"number":null,"state":null}'),
        out("contact_field_changed", '"field":{"key":"a","name":""},"value":{"text":""}'),
        id="xtext-xdatetime-xnumber-locationpath",
    ),
    pytest.param(
        ev("contact_field_changed", '"field":{"key":"a"},"value":{"text":"t","text":null}'),
        out("contact_field_changed", '"field":{"key":"a","name":""},"value":{"text":"t"}'),
        id="xtext-null-keeps-earlier",
    ),
    pytest.param(ev("msg_wait", '"timeout_seconds":null'), out("msg_wait"), id="int-pointer"),
    pytest.param(
        ev("msg_wait", '"hint":{"type":"digits","count":5,"count":null}'),
        out("msg_wait", '"hint":{"type":"digits"}'),
        id="hint-count-pointer",
    ),
    pytest.param(
        ev("contact_field_changed", '"field":{"key":"gender","name":"Gender"},"value":null'),
        out("contact_field_changed", '"field":{"key":"gender","name":"Gender"},"value":null'),
        id="value-pointer",
    ),
    pytest.param(
        ev("msg_created", '"msg":{"channel":{"uuid":"%s"},"channel":null,"templating":null}' % UUID4),
        out("msg_created", '"msg":{"uuid":"","text":""}'),
        id="channel-and-templating-pointers",
    ),
    pytest.param(
        ev("msg_created", '"msg":{"templating":{"template":null,"variables":null}}'),
        out("msg_created", '"msg":{"uuid":"","text":"","templating":{"template":null,"language":"","variables":null}}'),
        id="template-pointer-variables-slice",
    ),
    pytest.param(
        ev("msg_created", '"msg":{"templating":{"variables":[]}}'),
        out("msg_created", '"msg":{"uuid":"","text":"","templating":{"template":null,"language":"","variables":[]}}'),
        id="variables-empty-is-not-null",
    ),
    pytest.param(ev("contact_urns_changed", '"urns":null'), out("contact_urns_changed", '"urns":null'), id="slice"),
    pytest.param(
        ev("broadcast_created", '"base_language":"eng","urns":null,"contacts":null,"groups":null'),
        out("broadcast_created", '"translations":null,"base_language":"eng"'),
        id="omitempty-slices",
    ),
    pytest.param(
        ev("broadcast_created", '"base_language":"eng","translations":{"eng":{"text":"x"}},"translations":null'),
        out("broadcast_created", '"translations":null,"base_language":"eng"'),
        id="map",
    ),
    pytest.param(
        ev("run_result_changed", '"name":"x","extra":null'),
        out("run_result_changed", '"name":"x","value":"","category":"","extra":null'),
        id="raw-json-stores-null",
    ),
    pytest.param(ev("contact_refreshed", '"contact":null'), out("contact_refreshed", '"contact":null'), id="raw-contact"),
    pytest.param(
        ev("email_created", '"addresses":[null],"subject":"s"'),
        out("email_created", '"addresses":[""],"subject":"s","body":""'),
        id="string-list-element-becomes-empty",
    ),
    pytest.param(
        ev("broadcast_created", '"base_language":"eng","contacts":[null],"groups":[null]'),
        out("broadcast_created", '"translations":null,"base_language":"eng","contacts":[null],"groups":[null]'),
        id="pointer-list-elements-kept",
    ),
    pytest.param(
        ev("broadcast_created", '"base_language":"eng","translations":{"eng":null,"spa":{"text":"x"}}'),
        out("broadcast_created", '"translations":{"eng":null,"spa":{"text":"x"}},"base_language":"eng"'),
        id="map-value-kept",
    ),
    pytest.param(
        ev("flow_entered", '"flow":{"uuid":"%s"},"parent_run_uuid":null,"terminal":null' % UUID4),
        out("flow_entered", '"flow":{"uuid":"%s","name":""},"parent_run_uuid":"","terminal":false' % UUID4),
        id="run-uuid-and-bool",
    ),
]


@pytest.mark.parametrize("text, expected", NULLS)
def test_null(text: str, expected: str) -> None:
    assert read_ok(text) == expected


@pytest.mark.parametrize(
    "text, message",
    [
        pytest.param('{"type":"wait_timed_out","created_on":null}', "field 'created_on' is required", id="time"),
        pytest.param(ev("flow_entered", '"flow":null'), "field 'flow' is required", id="flow-pointer"),
        pytest.param(ev("msg_created", '"msg":null'), "field 'msg' is required", id="msg-pointer"),
        pytest.param(ev("input_labels_added", '"input_uuid":"%s","labels":null' % UUID4), "field 'labels' is required", id="slice"),
        pytest.param(
            ev("broadcast_created", '"base_language":"eng","urns":[null,"tel:+1234567"]'),
            "field 'urns[0]' failed tag 'urn'",
            id="urn-element",
        ),
        pytest.param(ev("msg_wait", '"hint":null'), "unable to read hint: field 'type' is required", id="hint"),
    ],
)
def test_null_then_error(text: str, message: str) -> None:
    assert str(read_error(text)) == message


# =========================================================================== §2.7 integers

INT_FIELDS = [
    # (event, body template, output template, struct.path, go type)
    ("webhook_called", '"url":"x","status":"s","request":"r","elapsed_ms":%s', '"url":"x","status":"s","elapsed_ms":%s,"request":"r"',
     "WebhookCalledEvent.elapsed_ms", "int"),
    ("webhook_called", '"url":"x","status":"s","request":"r","status_code":%s', '"url":"x","status":"s","status_code":%s,"elapsed_ms":0,"request":"r"',
     "WebhookCalledEvent.status_code", "int"),
    ("msg_wait", '"timeout_seconds":%s', '"timeout_seconds":%s', "msgWaitEnvelope.timeout_seconds", "int"),
    ("msg_created", '"msg":{"id":%s}', '"msg":{"uuid":"","id":%s,"text":""}', "MsgOut.msg.id", "flows.MsgID"),
    ("msg_received", '"msg":{"id":%s}', '"msg":{"uuid":"","id":%s,"text":""}', "MsgIn.msg.id", "flows.MsgID"),
]


def _int_ok_cases() -> list:
    cases = []
    for event, body, written, where, _ in INT_FIELDS:
        name = where.split(".")[-1]
        for token, value in [
            ("7", "7"),
            ("-5", "-5"),
            ("9223372036854775807", "9223372036854775807"),
            ("-9223372036854775808", "-9223372036854775808"),
            ("2147483648", "2147483648"),
        ]:
            cases.append(pytest.param(ev(event, body % token), out(event, written % value), id=f"{event}-{name}-{token}"))
    return cases


@pytest.mark.parametrize("text, expected", _int_ok_cases())
def test_integer_accepted(text: str, expected: str) -> None:
    assert read_ok(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            ev("webhook_called", '"url":"x","status":"s","request":"r","elapsed_ms":-0'),
            out("webhook_called", '"url":"x","status":"s","elapsed_ms":0,"request":"r"'),
            id="elapsed_ms--0",
        ),
        pytest.param(
            ev("webhook_called", '"url":"x","status":"s","request":"r","status_code":-0'),
            out("webhook_called", '"url":"x","status":"s","elapsed_ms":0,"request":"r"'),
            id="status_code--0-omitted",
        ),
        pytest.param(ev("msg_wait", '"timeout_seconds":-0'), out("msg_wait", '"timeout_seconds":0'), id="timeout--0-pointer-written"),
        pytest.param(ev("msg_wait", '"timeout_seconds":0'), out("msg_wait", '"timeout_seconds":0'), id="timeout-0"),
        pytest.param(ev("msg_created", '"msg":{"id":-0}'), out("msg_created", '"msg":{"uuid":"","text":""}'), id="msg-id--0-omitted"),
        pytest.param(
            ev("msg_wait", '"hint":{"type":"digits","count":-0}'), out("msg_wait", '"hint":{"type":"digits","count":0}'), id="count--0"
        ),
    ],
)
def test_integer_minus_zero(text: str, expected: str) -> None:
    assert read_ok(text) == expected


def _int_bad_cases() -> list:
    cases = []
    for event, body, _, where, go in INT_FIELDS:
        name = where.split(".")[-1]
        for token in ["1.0", "1e2", "1E2", "12.5", "9223372036854775808", "-9223372036854775809", "1e-0"]:
            cases.append(
                pytest.param(ev(event, body % token), mismatch(f"number {token}", where, go), id=f"{event}-{name}-{token}")
            )
        for token, what in [('"12"', "string"), ("true", "bool"), ("[]", "array"), ("{}", "object")]:
            cases.append(pytest.param(ev(event, body % token), mismatch(what, where, go), id=f"{event}-{name}-{what}"))
    return cases


@pytest.mark.parametrize("text, message", _int_bad_cases())
def test_integer_rejected(text: str, message: str) -> None:
    error = read_error(text)
    assert isinstance(error, TypeMismatchError)
    assert str(error) == message


@pytest.mark.parametrize(
    "token, message",
    [
        ("1.0", "unable to read hint: json: cannot unmarshal number 1.0 into Go struct field DigitsHint.count of type int"),
        ("1e2", "unable to read hint: json: cannot unmarshal number 1e2 into Go struct field DigitsHint.count of type int"),
        (
            "9223372036854775808",
            "unable to read hint: json: cannot unmarshal number 9223372036854775808 into Go struct field DigitsHint.count of type int",
        ),
        ('"4"', "unable to read hint: json: cannot unmarshal string into Go struct field DigitsHint.count of type int"),
    ],
)
def test_hint_count_integer_rejected(token: str, message: str) -> None:
    error = read_error(ev("msg_wait", '"hint":{"type":"digits","count":%s}' % token))
    assert isinstance(error, DecodeError)
    assert str(error) == message


# =========================================================================== errors.md §3: type mismatches

TYPE_MISMATCHES = {
    # base
    "step_uuid": (ev("wait_timed_out", '"step_uuid":5'), "number", "WaitTimedOutEvent.step_uuid", "flows.StepUUID"),
    # broadcast_created
    "translations-whole": (
        ev("broadcast_created", '"base_language":"eng","translations":[]'),
        "array", "BroadcastCreatedEvent.translations", "map[utils.Language]*events.BroadcastTranslation",
    ),
    "translations-value": (
        ev("broadcast_created", '"base_language":"eng","translations":{"eng":"x"}'),
        "string", "BroadcastCreatedEvent.translations", "events.BroadcastTranslation",
    ),
    "translation-text": (
        ev("broadcast_created", '"base_language":"eng","translations":{"eng":{"text":5}}'),
        "number", "BroadcastTranslation.translations.text", "string",
    ),
    "translation-attachments-whole": (
        ev("broadcast_created", '"base_language":"eng","translations":{"eng":{"attachments":"x"}}'),
        "string", "BroadcastTranslation.translations.attachments", "[]utils.Attachment",
    ),
    "translation-attachments-element": (
        ev("broadcast_created", '"base_language":"eng","translations":{"eng":{"attachments":[5]}}'),
        "number", "BroadcastTranslation.translations.attachments", "utils.Attachment",
    ),
    "translation-quick_replies-whole": (
        ev("broadcast_created", '"base_language":"eng","translations":{"eng":{"quick_replies":{}}}'),
        "object", "BroadcastTranslation.translations.quick_replies", "[]string",
    ),
    "translation-quick_replies-element": (
        ev("broadcast_created", '"base_language":"eng","translations":{"eng":{"quick_replies":[true]}}'),
        "bool", "BroadcastTranslation.translations.quick_replies", "string",
    ),
    "base_language": (ev("broadcast_created", '"base_language":5'), "number", "BroadcastCreatedEvent.base_language", "utils.Language"),
    "broadcast-urns-whole": (ev("broadcast_created", '"base_language":"eng","urns":"x"'), "string", "BroadcastCreatedEvent.urns", "[]urns.URN"),
    "broadcast-urns-element": (ev("broadcast_created", '"base_language":"eng","urns":[5]'), "number", "BroadcastCreatedEvent.urns", "urns.URN"),
    "broadcast-contacts-whole": (
        ev("broadcast_created", '"base_language":"eng","contacts":{}'),
        "object", "BroadcastCreatedEvent.contacts", "[]*flows.ContactReference",
    ),
    "broadcast-contacts-element": (
        ev("broadcast_created", '"base_language":"eng","contacts":[5]'), "number", "BroadcastCreatedEvent.contacts", "flows.ContactReference",
    ),
    "contact-uuid": (
        ev("broadcast_created", '"base_language":"eng","contacts":[{"uuid":5}]'), "number", "ContactReference.contacts.uuid", "flows.ContactUUID",
    ),
    "contact-name": (
        ev("broadcast_created", '"base_language":"eng","contacts":[{"name":5}]'), "number", "ContactReference.contacts.name", "string",
    ),
    "broadcast-groups-whole": (
        ev("broadcast_created", '"base_language":"eng","groups":5'), "number", "BroadcastCreatedEvent.groups", "[]*assets.GroupReference",
    ),
    "broadcast-groups-element": (
        ev("broadcast_created", '"base_language":"eng","groups":["x"]'), "string", "BroadcastCreatedEvent.groups", "assets.GroupReference",
    ),
    "group-uuid": (
        ev("broadcast_created", '"base_language":"eng","groups":[{"uuid":5}]'), "number", "GroupReference.groups.uuid", "assets.GroupUUID",
    ),
    "group-name": (ev("broadcast_created", '"base_language":"eng","groups":[{"name":5}]'), "number", "GroupReference.groups.name", "string"),
    "group-name_match": (
        ev("broadcast_created", '"base_language":"eng","groups":[{"uuid":"5f9fd4f7-4b0f-462a-a598-18bfc7810412","name_match":5}]'),
        "number", "GroupReference.groups.name_match", "string",
    ),
    # session_triggered
    "session-urns-element": (ev("session_triggered", '"urns":[true]'), "bool", "SessionTriggeredEvent.urns", "urns.URN"),
    "session-contacts-element": (ev("session_triggered", '"contacts":["x"]'), "string", "SessionTriggeredEvent.contacts", "flows.ContactReference"),
    "session-groups-whole": (ev("session_triggered", '"groups":{}'), "object", "SessionTriggeredEvent.groups", "[]*assets.GroupReference"),
    "session-flow": (ev("session_triggered", '"flow":[]'), "array", "SessionTriggeredEvent.flow", "assets.FlowReference"),
    "create_contact": (
        ev("session_triggered", '"flow":{"uuid":"%s"},"create_contact":"yes"' % UUID4), "string", "SessionTriggeredEvent.create_contact", "bool",
    ),
    # contact_groups_changed
    "groups_added-element": (ev("contact_groups_changed", '"groups_added":[1]'), "number", "ContactGroupsChangedEvent.groups_added", "assets.GroupReference"),
    "groups_added-uuid": (
        ev("contact_groups_changed", '"groups_added":[{"uuid":[]}]'), "array", "GroupReference.groups_added.uuid", "assets.GroupUUID",
    ),
    "groups_removed-whole": (
        ev("contact_groups_changed", '"groups_removed":{}'), "object", "ContactGroupsChangedEvent.groups_removed", "[]*assets.GroupReference",
    ),
    "groups_removed-name_match": (
        ev("contact_groups_changed", '"groups_removed":[{"name_match":false}]'), "bool", "GroupReference.groups_removed.name_match", "string",
    ),
    # input_labels_added
    "labels-whole": (ev("input_labels_added", '"labels":{}'), "object", "InputLabelsAddedEvent.labels", "[]*assets.LabelReference"),
    "labels-element": (ev("input_labels_added", '"labels":[1]'), "number", "InputLabelsAddedEvent.labels", "assets.LabelReference"),
    "label-uuid": (ev("input_labels_added", '"labels":[{"uuid":1}]'), "number", "LabelReference.labels.uuid", "assets.LabelUUID"),
    "label-name": (ev("input_labels_added", '"labels":[{"name":1}]'), "number", "LabelReference.labels.name", "string"),
    "label-name_match": (ev("input_labels_added", '"labels":[{"name_match":1}]'), "number", "LabelReference.labels.name_match", "string"),
    "input_uuid": (ev("input_labels_added", '"input_uuid":1'), "number", "InputLabelsAddedEvent.input_uuid", "flows.InputUUID"),
    # contact_field_changed
    "field-whole": (ev("contact_field_changed", '"field":"x"'), "string", "ContactFieldChangedEvent.field", "assets.FieldReference"),
    "field-key": (ev("contact_field_changed", '"field":{"key":1}'), "number", "FieldReference.field.key", "string"),
    "field-name": (ev("contact_field_changed", '"field":{"key":"a","name":5}'), "number", "FieldReference.field.name", "string"),
    "value-whole": (ev("contact_field_changed", '"field":{"key":"a"},"value":"x"'), "string", "ContactFieldChangedEvent.value", "flows.Value"),
    "value-text-number": (ev("contact_field_changed", '"value":{"text":5}'), "number", "Value.value.text", "string"),
    "value-text-bool": (ev("contact_field_changed", '"value":{"text":true}'), "bool", "Value.value.text", "string"),
    "value-text-array": (ev("contact_field_changed", '"value":{"text":[]}'), "array", "Value.value.text", "string"),
    "value-text-object": (ev("contact_field_changed", '"value":{"text":{}}'), "object", "Value.value.text", "string"),
    "value-state": (ev("contact_field_changed", '"value":{"text":"x","state":5}'), "number", "Value.value.state", "utils.LocationPath"),
    "value-district": (ev("contact_field_changed", '"value":{"district":1}'), "number", "Value.value.district", "utils.LocationPath"),
    "value-ward": (ev("contact_field_changed", '"value":{"ward":[]}'), "array", "Value.value.ward", "utils.LocationPath"),
    # plain string fields
    "language": (ev("contact_language_changed", '"language":1'), "number", "ContactLanguageChangedEvent.language", "string"),
    "contact-name-changed": (ev("contact_name_changed", '"name":5'), "number", "ContactNameChangedEvent.name", "string"),
    "name-array": (ev("contact_name_changed", '"name":["a"]'), "array", "ContactNameChangedEvent.name", "string"),
    "name-object": (ev("contact_name_changed", '"name":{"a":1}'), "object", "ContactNameChangedEvent.name", "string"),
    "name-bool": (ev("contact_name_changed", '"name":true'), "bool", "ContactNameChangedEvent.name", "string"),
    "timezone": (ev("contact_timezone_changed", '"timezone":1'), "number", "ContactTimezoneChangedEvent.timezone", "string"),
    "subject": (ev("email_created", '"subject":1'), "number", "EmailCreatedEvent.subject", "string"),
    "body": (ev("email_created", '"body":1'), "number", "EmailCreatedEvent.body", "string"),
    "addresses-whole": (ev("email_created", '"addresses":"x"'), "string", "EmailCreatedEvent.addresses", "[]string"),
    "addresses-element": (ev("email_created", '"addresses":[1]'), "number", "EmailCreatedEvent.addresses", "string"),
    "error-text": (ev("error", '"text":1'), "number", "ErrorEvent.text", "string"),
    "fatal-string": (ev("error", '"text":"x","fatal":"true"'), "string", "ErrorEvent.fatal", "bool"),
    "fatal-number": (ev("error", '"text":"x","fatal":1'), "number", "ErrorEvent.fatal", "bool"),
    "resthook_called-resthook": (ev("resthook_called", '"resthook":1'), "number", "ResthookCalledEvent.resthook", "string"),
    "run_result-name": (ev("run_result_changed", '"name":1'), "number", "RunResultChangedEvent.name", "string"),
    "run_result-value": (ev("run_result_changed", '"value":1'), "number", "RunResultChangedEvent.value", "string"),
    "run_result-category": (ev("run_result_changed", '"category":1'), "number", "RunResultChangedEvent.category", "string"),
    "run_result-category_localized": (
        ev("run_result_changed", '"category_localized":1'), "number", "RunResultChangedEvent.category_localized", "string",
    ),
    "run_result-input": (ev("run_result_changed", '"input":1'), "number", "RunResultChangedEvent.input", "string"),
    # urns
    "contact_urns-whole": (ev("contact_urns_changed", '"urns":"tel:+1234"'), "string", "ContactURNsChangedEvent.urns", "[]urns.URN"),
    "contact_urns-element": (ev("contact_urns_changed", '"urns":[5]'), "number", "ContactURNsChangedEvent.urns", "urns.URN"),
    "contact_urns-second-element": (
        ev("contact_urns_changed", '"urns":["tel:+1234567",5]'), "number", "ContactURNsChangedEvent.urns", "urns.URN",
    ),
    # flow_entered / run_expired
    "flow-whole": (ev("flow_entered", '"flow":1'), "number", "FlowEnteredEvent.flow", "assets.FlowReference"),
    "flow-uuid": (ev("flow_entered", '"flow":{"uuid":1}'), "number", "FlowReference.flow.uuid", "assets.FlowUUID"),
    "flow-name": (ev("flow_entered", '"flow":{"name":1}'), "number", "FlowReference.flow.name", "string"),
    "parent_run_uuid": (ev("flow_entered", '"parent_run_uuid":1'), "number", "FlowEnteredEvent.parent_run_uuid", "flows.RunUUID"),
    "terminal": (ev("flow_entered", '"terminal":"x"'), "string", "FlowEnteredEvent.terminal", "bool"),
    "run_uuid": (ev("run_expired", '"run_uuid":1'), "number", "RunExpiredEvent.run_uuid", "flows.RunUUID"),
    # messages
    "msg_created-msg": (ev("msg_created", '"msg":[]'), "array", "MsgCreatedEvent.msg", "flows.MsgOut"),
    "msg_created-msg-string": (ev("msg_created", '"msg":"x"'), "string", "MsgCreatedEvent.msg", "flows.MsgOut"),
    "ivr_created-msg": (ev("ivr_created", '"msg":1'), "number", "IVRCreatedEvent.msg", "flows.MsgOut"),
    "msg_received-msg": (ev("msg_received", '"msg":"x"'), "string", "MsgReceivedEvent.msg", "flows.MsgIn"),
    "msg-uuid-out": (ev("msg_created", '"msg":{"uuid":1}'), "number", "MsgOut.msg.uuid", "flows.MsgUUID"),
    "msg-uuid-in": (ev("msg_received", '"msg":{"uuid":1}'), "number", "MsgIn.msg.uuid", "flows.MsgUUID"),
    "ivr-msg-uuid": (ev("ivr_created", '"msg":{"uuid":1}'), "number", "MsgOut.msg.uuid", "flows.MsgUUID"),
    "msg-urn-out": (ev("msg_created", '"msg":{"urn":1}'), "number", "MsgOut.msg.urn", "urns.URN"),
    "msg-urn-in": (ev("msg_received", '"msg":{"urn":1}'), "number", "MsgIn.msg.urn", "urns.URN"),
    "msg-channel": (ev("msg_created", '"msg":{"channel":1}'), "number", "MsgOut.msg.channel", "assets.ChannelReference"),
    "msg-in-channel": (ev("msg_received", '"msg":{"channel":"c"}'), "string", "MsgIn.msg.channel", "assets.ChannelReference"),
    "channel-uuid": (ev("msg_created", '"msg":{"channel":{"uuid":5}}'), "number", "ChannelReference.msg.channel.uuid", "assets.ChannelUUID"),
    "channel-name": (ev("msg_created", '"msg":{"channel":{"name":1}}'), "number", "ChannelReference.msg.channel.name", "string"),
    "msg-text": (ev("msg_created", '"msg":{"text":1}'), "number", "MsgOut.msg.text", "string"),
    "msg-external_id": (ev("msg_received", '"msg":{"external_id":1}'), "number", "MsgIn.msg.external_id", "string"),
    "msg-attachments-whole": (ev("msg_created", '"msg":{"attachments":1}'), "number", "MsgOut.msg.attachments", "[]utils.Attachment"),
    "msg-attachments-element": (ev("msg_created", '"msg":{"attachments":[1]}'), "number", "MsgOut.msg.attachments", "utils.Attachment"),
    "msg-quick_replies-whole": (ev("msg_created", '"msg":{"quick_replies":1}'), "number", "MsgOut.msg.quick_replies", "[]string"),
    "msg-quick_replies-element": (ev("msg_created", '"msg":{"quick_replies":[1]}'), "number", "MsgOut.msg.quick_replies", "string"),
    "msg-templating": (ev("msg_created", '"msg":{"templating":1}'), "number", "MsgOut.msg.templating", "flows.MsgTemplating"),
    "templating-template": (
        ev("msg_created", '"msg":{"templating":{"template":1}}'), "number", "MsgTemplating.msg.templating.template", "assets.TemplateReference",
    ),
    "templating-language": (
        ev("msg_created", '"msg":{"templating":{"language":1}}'), "number", "MsgTemplating.msg.templating.language", "utils.Language",
    ),
    "templating-variables-whole": (
        ev("msg_created", '"msg":{"templating":{"variables":1}}'), "number", "MsgTemplating.msg.templating.variables", "[]string",
    ),
    "templating-variables-element": (
        ev("msg_created", '"msg":{"templating":{"variables":[1]}}'), "number", "MsgTemplating.msg.templating.variables", "string",
    ),
    "template-uuid": (
        ev("msg_created", '"msg":{"templating":{"template":{"uuid":5}}}'),
        "number", "TemplateReference.msg.templating.template.uuid", "assets.TemplateUUID",
    ),
    "template-name": (
        ev("msg_created", '"msg":{"templating":{"template":{"name":1}}}'), "number", "TemplateReference.msg.templating.template.name", "string",
    ),
    # webhook_called
    "webhook-url": (ev("webhook_called", '"url":1'), "number", "WebhookCalledEvent.url", "string"),
    "webhook-resthook": (ev("webhook_called", '"resthook":1'), "number", "WebhookCalledEvent.resthook", "string"),
    "webhook-status": (ev("webhook_called", '"status":1'), "number", "WebhookCalledEvent.status", "flows.WebhookStatus"),
    "webhook-request": (ev("webhook_called", '"request":1'), "number", "WebhookCalledEvent.request", "string"),
    "webhook-response": (ev("webhook_called", '"response":1'), "number", "WebhookCalledEvent.response", "string"),
    "webhook-body_ignored": (ev("webhook_called", '"body_ignored":1'), "number", "WebhookCalledEvent.body_ignored", "bool"),
    # msg_wait envelope
    "msg_wait-step_uuid": (ev("msg_wait", '"step_uuid":1'), "number", "msgWaitEnvelope.step_uuid", "flows.StepUUID"),
    "msg_wait-timeout-object": (ev("msg_wait", '"timeout_seconds":{}'), "object", "msgWaitEnvelope.timeout_seconds", "int"),
}


@pytest.mark.parametrize(
    "text, what, where, go", list(TYPE_MISMATCHES.values()), ids=list(TYPE_MISMATCHES)
)
def test_type_mismatch(text: str, what: str, where: str, go: str) -> None:
    error = read_error(text)
    assert isinstance(error, TypeMismatchError)
    assert isinstance(error, DecodeError)
    assert str(error) == mismatch(what, where, go)


def test_type_mismatch_path_of_top_level_field() -> None:
    error = read_error(ev("webhook_called", '"url":"x","status":"s","request":"r","elapsed_ms":"12"'))
    assert error.path == "elapsed_ms"


@pytest.mark.parametrize(
    "text, message",
    [
        pytest.param("[]", "json: cannot unmarshal array into Go value of type utils.TypedEnvelope", id="array"),
        pytest.param('"x"', "json: cannot unmarshal string into Go value of type utils.TypedEnvelope", id="string"),
        pytest.param("5", "json: cannot unmarshal number into Go value of type utils.TypedEnvelope", id="number"),
        pytest.param("true", "json: cannot unmarshal bool into Go value of type utils.TypedEnvelope", id="bool"),
        pytest.param('{"type": 5}', mismatch("number", "TypedEnvelope.type", "string"), id="type-number"),
        pytest.param('{"type": true}', mismatch("bool", "TypedEnvelope.type", "string"), id="type-bool"),
        pytest.param('{"type": []}', mismatch("array", "TypedEnvelope.type", "string"), id="type-array"),
        pytest.param('{"type": {}}', mismatch("object", "TypedEnvelope.type", "string"), id="type-object"),
        pytest.param('{"type":"error","Type":5,%s,"text":"a"}' % CREATED, mismatch("number", "TypedEnvelope.type", "string"), id="Type-number"),
    ],
)
def test_type_envelope_errors(text: str, message: str) -> None:
    error = read_error(text)
    assert isinstance(error, TypeMismatchError)
    assert str(error) == message


# =========================================================================== errors.md §1 precedence

PRECEDENCE = [
    # the table of errors.md §1
    pytest.param('{"type":"contact_name_changed","name":5,"created_on":"bad"}', BAD_TIME, DecodeError, id="custom-decoder-beats-earlier-mismatch"),
    pytest.param(
        '{"type":"contact_name_changed","name":5,"created_on":"2006-01-02T15:04:05Z","step_uuid":"bad"}',
        mismatch("number", "ContactNameChangedEvent.name", "string"),
        TypeMismatchError,
        id="mismatch-beats-validation",
    ),
    pytest.param(
        ev("webhook_called", '"url":"x","status":"success","request":"r","elapsed_ms":"12","status_code":"x"'),
        mismatch("string", "WebhookCalledEvent.elapsed_ms", "int"),
        TypeMismatchError,
        id="first-mismatch-wins",
    ),
    pytest.param(
        ev("error", '"text":"x","fatal":[],"text":5'),
        mismatch("array", "ErrorEvent.fatal", "bool"),
        TypeMismatchError,
        id="first-mismatch-in-document-order",
    ),
    pytest.param(
        ev("msg_wait", '"timeout_seconds":1.5,"hint":{"type":"foo"}'),
        mismatch("number 1.5", "msgWaitEnvelope.timeout_seconds", "int"),
        TypeMismatchError,
        id="msg_wait-envelope-before-hint",
    ),
    pytest.param(
        ev("msg_wait", '"step_uuid":"bad","hint":{"type":"foo"}'),
        "field 'step_uuid' must be a valid UUID4",
        ValidationError,
        id="msg_wait-envelope-validation-before-hint",
    ),
    pytest.param('{"type": 5}', mismatch("number", "TypedEnvelope.type", "string"), TypeMismatchError, id="envelope-type"),
    pytest.param(
        '{"type":"error","Type":5,%s}' % CREATED, mismatch("number", "TypedEnvelope.type", "string"), TypeMismatchError, id="envelope-Type"
    ),
    pytest.param('{"type":"do_the_foo","created_on":"bad"}', "unknown type: 'do_the_foo'", UnknownTypeError, id="unknown-before-decode"),
    # more orderings from the pipeline (README "The read pipeline")
    pytest.param('{"type":"do_the_foo","created_on":}', "invalid character '}' looking for beginning of value", JSONSyntaxError, id="syntax-first"),
    pytest.param('{"type":5,"x":[1,]}', "invalid character ']' looking for beginning of value", JSONSyntaxError, id="syntax-before-envelope"),
    pytest.param('{"type":"","created_on":"bad"}', "field 'type' is required", ValidationError, id="type-required-before-decode"),
    pytest.param('{"type":5,"type":"do_the_foo"}', mismatch("number", "TypedEnvelope.type", "string"), TypeMismatchError, id="envelope-mismatch-remembered"),
    pytest.param('{"type":"wait_timed_out","created_on":"bad","step_uuid":"x"}', BAD_TIME, DecodeError, id="decode-before-validation"),
    pytest.param(
        ev("contact_field_changed", '"field":{"key":5},"value":{"text":"x","number":"abc"}'),
        "Error decoding string 'abc': can't convert abc to decimal",
        DecodeError,
        id="xnumber-beats-earlier-mismatch",
    ),
    pytest.param(
        ev("contact_field_changed", '"field":{"key":5},"value":{"datetime":"bad"}'),
        BAD_TIME,
        DecodeError,
        id="xdatetime-beats-earlier-mismatch",
    ),
    pytest.param(
        ev("contact_field_changed", '"field":{"key":5},"value":{"text":5}'),
        mismatch("number", "Value.value.text", "string"),
        TypeMismatchError,
        id="xtext-decoder-beats-earlier-mismatch",
    ),
    pytest.param(
        '{"type":"contact_field_changed","value":{"text":5},"created_on":"bad"}',
        mismatch("number", "Value.value.text", "string"),
        TypeMismatchError,
        id="xtext-decoder-aborts-before-later-time",
    ),
    pytest.param(
        '{"type":"contact_field_changed","value":{"number":"abc"},"created_on":"bad"}',
        "Error decoding string 'abc': can't convert abc to decimal",
        DecodeError,
        id="custom-decoders-in-document-order",
    ),
    pytest.param(
        '{"type":"msg_wait","timeout_seconds":"x","created_on":"bad"}', BAD_TIME, DecodeError, id="msg_wait-time-beats-mismatch"
    ),
    pytest.param(
        '{"type":"msg_wait","timeout_seconds":"x","hint":{"type":"foo"}}',
        mismatch("string", "msgWaitEnvelope.timeout_seconds", "int"),
        TypeMismatchError,
        id="msg_wait-mismatch-before-validation",
    ),
    pytest.param(
        ev("webhook_called", '"elapsed_ms":"12"'),
        mismatch("string", "WebhookCalledEvent.elapsed_ms", "int"),
        TypeMismatchError,
        id="mismatch-hides-required-errors",
    ),
]


@pytest.mark.parametrize("text, message, kind", PRECEDENCE)
def test_error_precedence(text: str, message: str, kind: type) -> None:
    error = read_error(text)
    assert isinstance(error, kind)
    assert str(error) == message


# =========================================================================== events.md §17 msg_wait

MSG_WAIT_OK = [
    pytest.param("", out("msg_wait"), id="nothing"),
    pytest.param(
        '"hint":{"type":"digits","count":4,"terminated_by":"#","extra":1}',
        out("msg_wait", '"hint":{"type":"digits","count":4,"terminated_by":"#"}'),
        id="digits-unknown-key-dropped",
    ),
    pytest.param('"hint":{"type":"digits","count":0}', out("msg_wait", '"hint":{"type":"digits","count":0}'), id="digits-count-0"),
    pytest.param(
        '"hint":{"type":"digits","count":null,"terminated_by":""}', out("msg_wait", '"hint":{"type":"digits"}'), id="digits-empty"
    ),
    pytest.param('"hint":{"TYPE":"location"}', out("msg_wait", '"hint":{"type":"location"}'), id="TYPE-key"),
    pytest.param('"hint":{"type":"digits","count":3,"type":"audio"}', out("msg_wait", '"hint":{"type":"audio"}'), id="last-type-wins"),
    pytest.param('"hint":{"type":"image"}', out("msg_wait", '"hint":{"type":"image"}'), id="image"),
    pytest.param('"hint":{"type":"audio"}', out("msg_wait", '"hint":{"type":"audio"}'), id="audio"),
    pytest.param('"hint":{"type":"video"}', out("msg_wait", '"hint":{"type":"video"}'), id="video"),
    pytest.param('"hint":{"type":"location"}', out("msg_wait", '"hint":{"type":"location"}'), id="location"),
    pytest.param('"hint":{"type":"image","count":"x"}', out("msg_wait", '"hint":{"type":"image"}'), id="image-ignores-count"),
    pytest.param('"hint":null,"hint":{"type":"audio"}', out("msg_wait", '"hint":{"type":"audio"}'), id="later-hint-replaces-null"),
    pytest.param('"timeout_seconds":0', out("msg_wait", '"timeout_seconds":0'), id="timeout-0"),
    pytest.param('"timeout_seconds":-5', out("msg_wait", '"timeout_seconds":-5'), id="timeout-negative"),
    pytest.param('"timeout_seconds":null', out("msg_wait"), id="timeout-null"),
    pytest.param(
        '"timeout_seconds":9223372036854775807', out("msg_wait", '"timeout_seconds":9223372036854775807'), id="timeout-max-int64"
    ),
    pytest.param(
        '"timeout_seconds":300,"hint":{"type":"digits","terminated_by":"#"}',
        out("msg_wait", '"timeout_seconds":300,"hint":{"type":"digits","terminated_by":"#"}'),
        id="terminated-digits",
    ),
]


@pytest.mark.parametrize("body, expected", MSG_WAIT_OK)
def test_msg_wait_accepted(body: str, expected: str) -> None:
    assert read_ok(ev("msg_wait", body)) == expected


MSG_WAIT_BAD = [
    pytest.param('"hint":null', "unable to read hint: field 'type' is required", id="hint-null"),
    pytest.param('"hint":{}', "unable to read hint: field 'type' is required", id="hint-empty"),
    pytest.param('"hint":{"type":""}', "unable to read hint: field 'type' is required", id="hint-type-empty"),
    pytest.param('"hint":{"type":null}', "unable to read hint: field 'type' is required", id="hint-type-null"),
    pytest.param('"hint":{"type":"audio"},"hint":null', "unable to read hint: field 'type' is required", id="later-null-hint"),
    pytest.param('"hint":{"type":"foo"}', "unable to read hint: unknown type: 'foo'", id="hint-unknown"),
    pytest.param('"hint":{"type":"IMAGE"}', "unable to read hint: unknown type: 'IMAGE'", id="hint-type-case-sensitive"),
    pytest.param(
        '"hint":{"type":"digits","count":"4"}',
        "unable to read hint: json: cannot unmarshal string into Go struct field DigitsHint.count of type int",
        id="count-string",
    ),
    pytest.param(
        '"hint":{"type":"digits","terminated_by":1}',
        "unable to read hint: json: cannot unmarshal number into Go struct field DigitsHint.terminated_by of type string",
        id="terminated_by-number",
    ),
    pytest.param(
        '"hint":{"type":"digits","terminated_by":5,"count":"x"}',
        "unable to read hint: json: cannot unmarshal number into Go struct field DigitsHint.terminated_by of type string",
        id="first-hint-mismatch-wins",
    ),
    pytest.param(
        '"hint":"image"', "unable to read hint: json: cannot unmarshal string into Go value of type utils.TypedEnvelope", id="hint-string"
    ),
    pytest.param('"hint":[]', "unable to read hint: json: cannot unmarshal array into Go value of type utils.TypedEnvelope", id="hint-array"),
    pytest.param('"hint":5', "unable to read hint: json: cannot unmarshal number into Go value of type utils.TypedEnvelope", id="hint-number"),
    pytest.param('"hint":true', "unable to read hint: json: cannot unmarshal bool into Go value of type utils.TypedEnvelope", id="hint-bool"),
    pytest.param(
        '"hint":{"type":1}',
        "unable to read hint: json: cannot unmarshal number into Go struct field TypedEnvelope.type of type string",
        id="hint-type-number",
    ),
    pytest.param(
        '"hint":{"Type":"image","type":5}',
        "unable to read hint: json: cannot unmarshal number into Go struct field TypedEnvelope.type of type string",
        id="hint-Type-then-type-number",
    ),
    pytest.param(
        '"timeout_seconds":1.0', "json: cannot unmarshal number 1.0 into Go struct field msgWaitEnvelope.timeout_seconds of type int", id="timeout-1.0"
    ),
    pytest.param(
        '"timeout_seconds":"300"', "json: cannot unmarshal string into Go struct field msgWaitEnvelope.timeout_seconds of type int", id="timeout-string"
    ),
    pytest.param(
        '"timeout_seconds":9223372036854775808',
        "json: cannot unmarshal number 9223372036854775808 into Go struct field msgWaitEnvelope.timeout_seconds of type int",
        id="timeout-overflow",
    ),
    pytest.param(
        '"timeout_seconds":1.5,"hint":{"type":"foo"}',
        "json: cannot unmarshal number 1.5 into Go struct field msgWaitEnvelope.timeout_seconds of type int",
        id="timeout-before-hint",
    ),
    pytest.param('"step_uuid":"bad","hint":{"type":"foo"}', "field 'step_uuid' must be a valid UUID4", id="step_uuid-before-hint"),
]


@pytest.mark.parametrize("body, message", MSG_WAIT_BAD)
def test_msg_wait_rejected(body: str, message: str) -> None:
    assert str(read_error(ev("msg_wait", body))) == message


@pytest.mark.parametrize(
    "text, message",
    [
        pytest.param('{"type":"msg_wait"}', "field 'created_on' is required", id="no-created_on"),
        pytest.param('{"type":"msg_wait","created_on":"bad"}', BAD_TIME, id="bad-created_on"),
        pytest.param('{"type":"msg_wait","hint":{"type":"foo"}}', "field 'created_on' is required", id="no-created_on-before-hint"),
    ],
)
def test_msg_wait_base(text: str, message: str) -> None:
    assert str(read_error(text)) == message


def test_msg_wait_hint_error_class() -> None:
    error = read_error(ev("msg_wait", '"hint":{"type":"foo"}'))
    assert isinstance(error, DecodeError)
    assert not isinstance(error, (ValidationError, UnknownTypeError))


def test_msg_wait_hint_objects() -> None:
    event = fe.read_event(ev("msg_wait", '"timeout_seconds":300,"hint":{"type":"digits","count":4,"terminated_by":"#"}'))
    assert event.timeout_seconds == 300
    assert event.hint == fe.DigitsHint(count=4, terminated_by="#")
    assert fe.read_event(ev("msg_wait", '"hint":{"type":"image"}')).hint == fe.ImageHint()
    assert fe.read_event(ev("msg_wait")).hint is None


# =========================================================================== raw JSON fields

RAW = [
    pytest.param(
        ev("contact_refreshed", '"contact":  {  "b" : [ 1 , 2.50 , 1E3 ] , "a" : "<&>\\u00e9\\u2028" , "a": 2 }  '),
        out("contact_refreshed", '"contact":{"b":[1,2.50,1E3],"a":"\\u003c\\u0026\\u003e\\u00e9\\u2028","a":2}'),
        out("contact_refreshed", '"contact":{"b":[1,2.50,1E3],"a":"<&>\\u00e9\\u2028","a":2}'),
        id="contact-compacted-order-duplicates-numbers-escapes-kept",
    ),
    pytest.param(ev("contact_refreshed"), out("contact_refreshed", '"contact":null'), None, id="contact-absent"),
    pytest.param(ev("contact_refreshed", '"contact":"just a string"'), out("contact_refreshed", '"contact":"just a string"'), None, id="contact-string"),
    pytest.param(ev("contact_refreshed", '"contact":123'), out("contact_refreshed", '"contact":123'), None, id="contact-number"),
    pytest.param(ev("contact_refreshed", '"contact":[]'), out("contact_refreshed", '"contact":[]'), None, id="contact-array"),
    pytest.param(ev("environment_refreshed"), out("environment_refreshed", '"environment":null'), None, id="environment-absent"),
    pytest.param(ev("environment_refreshed", '"environment":"junk"'), out("environment_refreshed", '"environment":"junk"'), None, id="environment-junk"),
    pytest.param(ev("environment_refreshed", '"environment":null'), out("environment_refreshed", '"environment":null'), None, id="environment-null"),
    pytest.param(
        ev("resthook_called", '"payload":{"n":123456789012345678901234567890e-5,"s":"\\u00e9\\u003c\\ud83d\\ude00","u":"\\u2028", "raw":"<>&"},"resthook":"<r>"'),
        out(
            "resthook_called",
            '"resthook":"\\u003cr\\u003e","payload":{"n":123456789012345678901234567890e-5,'
            '"s":"\\u00e9\\u003c\\ud83d\\ude00","u":"\\u2028","raw":"\\u003c\\u003e\\u0026"}',
        ),
        out(
            "resthook_called",
            '"resthook":"<r>","payload":{"n":123456789012345678901234567890e-5,'
            '"s":"\\u00e9\\u003c\\ud83d\\ude00","u":"\\u2028","raw":"<>&"}',
        ),
        id="payload-escapes-only-raw-html-characters",
    ),
    pytest.param(ev("resthook_called"), out("resthook_called", '"resthook":"","payload":null'), None, id="payload-absent"),
    pytest.param(ev("resthook_called", '"payload":[ ],"resthook":""'), out("resthook_called", '"resthook":"","payload":[]'), None, id="payload-empty-array"),
    pytest.param(ev("resthook_called", '"payload":"","resthook":""'), out("resthook_called", '"resthook":"","payload":""'), None, id="payload-empty-string"),
    pytest.param(ev("resthook_called", '"payload":false'), out("resthook_called", '"resthook":"","payload":false'), None, id="payload-false"),
    pytest.param(
        ev("resthook_called", '"payload":[ 1 ,\n\t 2 ,\r\n{ "k" : [ ] } ]'),
        out("resthook_called", '"resthook":"","payload":[1,2,{"k":[]}]'),
        None,
        id="payload-all-whitespace-kinds",
    ),
    pytest.param(
        ev("resthook_called", '"payload":"a b  c"'),
        out("resthook_called", '"resthook":"","payload":"a b  c"'),
        None,
        id="payload-whitespace-inside-strings-kept",
    ),
    pytest.param(
        ev("resthook_called", '"payload":"\u2028\u2029"'),
        out("resthook_called", '"resthook":"","payload":"\\u2028\\u2029"'),
        out("resthook_called", '"resthook":"","payload":"\u2028\u2029"'),
        id="payload-literal-line-separators",
    ),
    pytest.param(
        ev("run_result_changed", '"name":"x","extra":null'),
        out("run_result_changed", '"name":"x","value":"","category":"","extra":null'),
        None,
        id="extra-null-written",
    ),
    pytest.param(
        ev("run_result_changed", '"name":"x"'), out("run_result_changed", '"name":"x","value":"","category":""'), None, id="extra-absent-omitted"
    ),
    pytest.param(
        ev("run_result_changed", '"name":"x","extra":{"a" : 1}'),
        out("run_result_changed", '"name":"x","value":"","category":"","extra":{"a":1}'),
        None,
        id="extra-object",
    ),
    pytest.param(
        ev("run_result_changed", '"name":"x","extra":""'),
        out("run_result_changed", '"name":"x","value":"","category":"","extra":""'),
        None,
        id="extra-empty-string",
    ),
    pytest.param(
        ev("run_result_changed", '"name":"x","extra":{"a" : -0.0e+00, "b":1E-7}'),
        out("run_result_changed", '"name":"x","value":"","category":"","extra":{"a":-0.0e+00,"b":1E-7}'),
        None,
        id="extra-number-spellings",
    ),
    pytest.param(
        ev("run_result_changed", '"name":"x","extra":{"a":1},"EXTRA":null'),
        out("run_result_changed", '"name":"x","value":"","category":"","extra":null'),
        None,
        id="extra-later-null",
    ),
    pytest.param(
        ev("session_triggered", '"flow":{"uuid":"%s"}' % UUID4),
        out("session_triggered", '"flow":{"uuid":"%s","name":""},"run_summary":null' % UUID4),
        None,
        id="run_summary-absent",
    ),
    pytest.param(
        ev("session_triggered", '"flow":{"uuid":"%s"},"run_summary":{ }' % UUID4),
        out("session_triggered", '"flow":{"uuid":"%s","name":""},"run_summary":{}' % UUID4),
        None,
        id="run_summary-empty-object",
    ),
    pytest.param(
        ev("session_triggered", '"flow":{"uuid":"%s"},"run_summary":{"uuid": "779eaf3f-1c59-4374-a7cb-0eae9c5e8800", "t":"0001-01-01T00:00:00.000000000-00:00"}' % UUID4),
        out(
            "session_triggered",
            '"flow":{"uuid":"%s","name":""},"run_summary":{"uuid":"779eaf3f-1c59-4374-a7cb-0eae9c5e8800",'
            '"t":"0001-01-01T00:00:00.000000000-00:00"}' % UUID4,
        ),
        None,
        id="run_summary-timestamps-verbatim",
    ),
]


@pytest.mark.parametrize("text, marshal, jsonmarshal", RAW)
def test_raw_json_fields(text: str, marshal: str, jsonmarshal: Any) -> None:
    event = fe.read_event(text)
    assert fe.dumps(event, escape_html=True) == marshal
    assert fe.dumps(event, escape_html=False) == (marshal if jsonmarshal is None else jsonmarshal)
    assert fe.dumps(event) == fe.dumps(event, escape_html=False)


def test_html_escaping_only_with_escape_html() -> None:
    event = fe.read_event(ev("contact_name_changed", '"name":"<b>&amp;</b> \\u2028 \\u2029 \\u0000 \\u001f \\u007f é 😀 \\ud800 \\b\\f\\n\\r\\t\\/"'))
    assert fe.dumps(event, escape_html=True) == out(
        "contact_name_changed",
        '"name":"\\u003cb\\u003e\\u0026amp;\\u003c/b\\u003e \\u2028 \\u2029 \\u0000 \\u001f \x7f é 😀 \ufffd \\u0008\\u000c\\n\\r\\t/"',
    )
    assert fe.dumps(event) == out(
        "contact_name_changed",
        '"name":"<b>&amp;</b> \\u2028 \\u2029 \\u0000 \\u001f \x7f é 😀 \ufffd \\u0008\\u000c\\n\\r\\t/"',
    )


def test_raw_json_value_kept_verbatim() -> None:
    event = fe.read_event(ev("contact_refreshed", '"contact":  { "a" : 1 }  '))
    assert isinstance(event.contact, fe.RawJSON)
    event = fe.read_event(ev("contact_refreshed"))
    assert event.contact is None


# =========================================================================== strings (§2.6)

@pytest.mark.parametrize(
    "escaped, expected",
    [
        pytest.param("\\ud83d\\ude00", "😀", id="surrogate-pair"),
        pytest.param("\\ud83d\\u0041", "\ufffdA", id="lone-high-then-escape"),
        pytest.param("\\udc00x", "\ufffdx", id="lone-low"),
        pytest.param("\\ud800", "\ufffd", id="lone-high-at-end"),
        pytest.param("\\u0000", "\\u0000", id="nul-kept"),
        pytest.param("\\u00E9\\u00e9", "éé", id="hex-any-case"),
        pytest.param("\\/", "/", id="escaped-slash"),
        pytest.param("a\u2028b", "a\\u2028b", id="literal-line-separator-always-escaped"),
    ],
)
def test_string_decoding(escaped: str, expected: str) -> None:
    assert read_ok(ev("contact_name_changed", '"name":"%s"' % escaped)) == out("contact_name_changed", '"name":"%s"' % expected)


# =========================================================================== XNumber and XDateTime

FIELD = '"field":{"key":"a"}'


def value_doc(value: str) -> str:
    return ev("contact_field_changed", FIELD + ',"value":{"text":"x",%s}' % value)


def value_out(value: str) -> str:
    return out("contact_field_changed", '"field":{"key":"a","name":""},"value":{"text":"x",%s}' % value)


@pytest.mark.parametrize(
    "token, written",
    [
        ("1e3", "1000"),
        ("-0.0", "0"),
        ('"1.50"', "1.5"),
        ("1e-7", "0.0000001"),
        ("1E+40", "10000000000000000000000000000000000000000"),
        ('"+5"', "5"),
        ('"-.5"', "-0.5"),
        ('"5."', "5"),
        ('"100.000"', "100"),
        ('"1.5E2"', "150"),
        ('"1.25e-1"', "0.125"),
        ('"-1.25e-10"', "-0.000000000125"),
        ('"1e+5"', "100000"),
        ("12345678901234567890.123456789", "12345678901234567890.123456789"),
        ("5", "5"),
        ("-5", "-5"),
        ("0", "0"),
        ("1.50", "1.5"),
        ("-0", "0"),
    ],
)
def test_xnumber_accepted(token: str, written: str) -> None:
    assert read_ok(value_doc('"number":%s' % token)) == value_out('"number":%s' % written)


@pytest.mark.parametrize(
    "token, message",
    [
        ('"abc"', "Error decoding string 'abc': can't convert abc to decimal"),
        ('""', "Error decoding string '\"\"': can't convert \"\" to decimal"),
        ("true", "Error decoding string 'true': can't convert true to decimal: exponent is not numeric"),
        ("[1]", "Error decoding string '[1]': can't convert [1] to decimal"),
        ("{}", "Error decoding string '{}': can't convert {} to decimal"),
        ('"\\"5\\""', "Error decoding string '\\\"5\\\"': can't convert \\\"5\\\" to decimal"),
        ('"5e"', "Error decoding string '5e': can't convert 5e to decimal: exponent is not numeric"),
        ('"1e99999999999"', "Error decoding string '1e99999999999': can't convert 1e99999999999 to decimal: fractional part too long"),
        ('"0x10"', "Error decoding string '0x10': can't convert 0x10 to decimal"),
        ('"1_000"', "Error decoding string '1_000': can't convert 1_000 to decimal"),
        ('"\u0661"', "Error decoding string '\u0661': can't convert \u0661 to decimal"),
        ('"."', "Error decoding string '.': can't convert . to decimal"),
        ('"-"', "Error decoding string '-': can't convert - to decimal"),
        ('"1.2.3"', "Error decoding string '1.2.3': can't convert 1.2.3 to decimal: too many .s"),
        ('"e5"', "Error decoding string 'e5': can't convert  to decimal"),
    ],
)
def test_xnumber_rejected(token: str, message: str) -> None:
    error = read_error(value_doc('"number":%s' % token))
    assert isinstance(error, DecodeError)
    assert str(error) == message


@pytest.mark.parametrize(
    "token, written",
    [
        ('"2017-12-02T00:00:00.123456789-02:00"', '"2017-12-02T00:00:00.123456-02:00"'),
        ('"2017-12-02T00:00:00Z"', '"2017-12-02T00:00:00.000000Z"'),
        ('"2017-12-02T00:00:00.9999999Z"', '"2017-12-02T00:00:00.999999Z"'),
        ('"2017-12-02T00:00:00+05:30"', '"2017-12-02T00:00:00.000000+05:30"'),
        ('"2017-12-02T00:00:00+00:00"', '"2017-12-02T00:00:00.000000Z"'),
        ('"2017-12-02T00:00:00.5+01:00"', '"2017-12-02T00:00:00.500000+01:00"'),
    ],
)
def test_xdatetime_accepted(token: str, written: str) -> None:
    assert read_ok(value_doc('"datetime":%s' % token)) == value_out('"datetime":%s' % written)


@pytest.mark.parametrize(
    "token, message",
    [
        ('"bad"', BAD_TIME),
        ("12345", bad_time("12345", "12345", '"')),
        ('"2017-12-02"', bad_time('"2017-12-02"', '"', "T")),
        ('"2018-02-29T14:20:30Z"', 'parsing time "\\"2018-02-29T14:20:30Z\\"": day out of range'),
    ],
)
def test_xdatetime_rejected(token: str, message: str) -> None:
    error = read_error(value_doc('"datetime":%s' % token))
    assert isinstance(error, DecodeError)
    assert str(error) == message


def test_value_full_round_trip() -> None:
    text = ev(
        "contact_field_changed",
        '"field":{"key":"gender"},"value":{"text":"x","datetime":"2017-12-02T00:00:00.123456789-02:00",'
        '"number":"1.50","state":"Rwanda > Kigali","district":"","ward":null}',
    )
    assert read_ok(text) == out(
        "contact_field_changed",
        '"field":{"key":"gender","name":""},"value":{"text":"x","datetime":"2017-12-02T00:00:00.123456-02:00",'
        '"number":1.5,"state":"Rwanda \\u003e Kigali"}',
    )
    assert read_ok(text, escape_html=False) == out(
        "contact_field_changed",
        '"field":{"key":"gender","name":""},"value":{"text":"x","datetime":"2017-12-02T00:00:00.123456-02:00",'
        '"number":1.5,"state":"Rwanda > Kigali"}',
    )


# =========================================================================== §2.1 syntax errors

SYNTAX = [
    pytest.param("", "unexpected end of JSON input", id="empty"),
    pytest.param(" \t\r\n", "unexpected end of JSON input", id="only-whitespace"),
    pytest.param(ev("contact_name_changed", '"name":"a"')[:-1], "unexpected end of JSON input", id="truncated"),
    pytest.param('{"a":[', "unexpected end of JSON input", id="truncated-array"),
    pytest.param("x", "invalid character 'x' looking for beginning of value", id="bad-first-char"),
    pytest.param(ev("contact_name_changed", '"name":"a",'), "invalid character '}' looking for beginning of object key string", id="trailing-comma-object"),
    pytest.param("{'type':'error'}", "invalid character '\\'' looking for beginning of object key string", id="single-quote"),
    pytest.param('{"a" 1}', "invalid character '1' after object key", id="missing-colon"),
    pytest.param('{"a":1 "b":2}', "invalid character '\"' after object key:value pair", id="missing-comma"),
    pytest.param("[1 2]", "invalid character '2' after array element", id="missing-comma-array"),
    pytest.param('{"m":[1,2,]}', "invalid character ']' looking for beginning of value", id="trailing-comma-array"),
    pytest.param('{"a":"\n"}', "invalid character '\\n' in string literal", id="raw-newline-in-string"),
    pytest.param('{"a":"\t"}', "invalid character '\\t' in string literal", id="raw-tab-in-string"),
    pytest.param('{"a":"\x01"}', "invalid character '\\x01' in string literal", id="raw-control-in-string"),
    pytest.param('{"a":"a\\x"}', "invalid character 'x' in string escape code", id="bad-escape"),
    pytest.param('{"a":"\\uGGGG"}', "invalid character 'G' in \\u hexadecimal character escape", id="bad-u-escape"),
    pytest.param('{"a":01}', "invalid character '1' after object key:value pair", id="leading-zero-in-object"),
    pytest.param("01", "invalid character '1' after top-level value", id="leading-zero-top-level"),
    pytest.param("[01]", "invalid character '1' after array element", id="leading-zero-in-array"),
    pytest.param('{"a":-}', "invalid character '}' in numeric literal", id="lone-minus"),
    pytest.param('{"a":1.}', "invalid character '}' after decimal point in numeric literal", id="no-fraction-digits"),
    pytest.param('{"a":1e}', "invalid character '}' in exponent of numeric literal", id="no-exponent-digits"),
    pytest.param('{"a":.5}', "invalid character '.' looking for beginning of value", id="leading-dot"),
    pytest.param('{"a":NaN}', "invalid character 'N' looking for beginning of value", id="NaN"),
    pytest.param("-Infinity", "invalid character 'I' in numeric literal", id="minus-Infinity"),
    pytest.param('{"a":tru}', "invalid character '}' in literal true (expecting 'e')", id="tru"),
    pytest.param('{"a":fals}', "invalid character '}' in literal false (expecting 'e')", id="fals"),
    pytest.param('{"a":nul}', "invalid character '}' in literal null (expecting 'l')", id="nul"),
    pytest.param(ev("contact_name_changed") + " x", "invalid character 'x' after top-level value", id="data-after-value"),
    pytest.param(ev("contact_name_changed") + "{}", "invalid character '{' after top-level value", id="two-values"),
    pytest.param("{} x", "invalid character 'x' after top-level value", id="empty-object-then-data"),
    pytest.param("[" * 10001 + "]" * 10001, "invalid character '[' exceeded max depth", id="depth-10001"),
    pytest.param("\x00", "invalid character '\\x00' looking for beginning of value", id="NUL"),
    pytest.param("\x7f", "invalid character '\\x7f' looking for beginning of value", id="DEL"),
    pytest.param("\x07", "invalid character '\\a' looking for beginning of value", id="bell"),
    pytest.param("\x0b", "invalid character '\\v' looking for beginning of value", id="vertical-tab"),
    pytest.param("\\", "invalid character '\\\\' looking for beginning of value", id="backslash"),
    pytest.param("'", "invalid character '\\'' looking for beginning of value", id="apostrophe"),
    pytest.param('{"a":1}}', "invalid character '}' after top-level value", id="extra-brace"),
]


@pytest.mark.parametrize("text, message", SYNTAX)
def test_syntax_errors(text: str, message: str) -> None:
    error = read_error(text)
    assert isinstance(error, JSONSyntaxError)
    assert str(error) == message
    assert str(read_error(text.encode("utf-8"))) == message


def test_depth_10000_is_fine_for_the_parser() -> None:
    # not an object, so the envelope rejects it — but the syntax check passes
    error = read_error("[" * 10000 + "]" * 10000)
    assert str(error) == "json: cannot unmarshal array into Go value of type utils.TypedEnvelope"


@pytest.mark.parametrize(
    "data, message",
    [
        pytest.param(b"\xef\xbb\xbf" + ev("wait_timed_out").encode(), "invalid character '\u00ef' looking for beginning of value", id="BOM"),
        pytest.param(b"\x80", "invalid character '\\u0080' looking for beginning of value", id="byte-80"),
        pytest.param(b"\xa0", "invalid character '\\u00a0' looking for beginning of value", id="byte-a0"),
        pytest.param(b"\xad", "invalid character '\\u00ad' looking for beginning of value", id="byte-ad"),
        pytest.param(b"\xff", "invalid character '\u00ff' looking for beginning of value", id="byte-ff"),
    ],
)
def test_syntax_errors_on_bytes(data: bytes, message: str) -> None:
    error = read_error(data)
    assert isinstance(error, JSONSyntaxError)
    assert str(error) == message


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(ev("contact_name_changed", '"name":"a"') + " ", id="trailing-space"),
        pytest.param(" " + ev("contact_name_changed", '"name":"a"'), id="leading-space"),
        pytest.param("\r\n\t" + ev("contact_name_changed", '"name":"a"') + "\n", id="cr-lf-tab"),
    ],
)
def test_surrounding_whitespace(text: str) -> None:
    assert read_ok(text) == out("contact_name_changed", '"name":"a"')


def test_unknown_member_skipped_even_if_huge_number() -> None:
    assert read_ok(ev("contact_name_changed", '"name":"a", "n": 1e999')) == out("contact_name_changed", '"name":"a"')


# =========================================================================== bytes input

def _name_doc(raw: bytes) -> bytes:
    return b'{"type":"contact_name_changed",' + CREATED.encode() + b',"name":"' + raw + b'"}'


@pytest.mark.parametrize(
    "raw, name",
    [
        pytest.param(b"a\xe2\x82b", "a\ufffd\ufffdb", id="truncated-3-byte-sequence"),
        pytest.param(b"\xff\xfe", "\ufffd\ufffd", id="ff-fe"),
        pytest.param(b"\xed\xa0\x80", "\ufffd\ufffd\ufffd", id="utf8-encoded-surrogate"),
        pytest.param(b"\xc3", "\ufffd", id="truncated-2-byte-at-end"),
        pytest.param(b"\xf0\x9f\x98", "\ufffd\ufffd\ufffd", id="truncated-4-byte"),
        pytest.param(b"\xc0\xaf", "\ufffd\ufffd", id="overlong"),
        pytest.param(b"\xf4\x90\x80\x80", "\ufffd\ufffd\ufffd\ufffd", id="above-U+10FFFF"),
        pytest.param(b"\x80a", "\ufffda", id="lone-continuation"),
        pytest.param("é😀".encode(), "é😀", id="valid-multibyte-untouched"),
    ],
)
def test_bytes_with_invalid_utf8(raw: bytes, name: str) -> None:
    event = fe.read_event(_name_doc(raw))
    assert event.name == name
    assert fe.dumps(event, escape_html=True) == out("contact_name_changed", '"name":"%s"' % name)


def test_invalid_utf8_in_type_value() -> None:
    error = read_error(b'{"type":"do_\xff"}')
    assert isinstance(error, UnknownTypeError)
    assert str(error) == "unknown type: 'do_\ufffd'"


def test_invalid_utf8_in_unknown_key_is_ignored() -> None:
    data = _name_doc(b"ok")[:-1] + b',"x\xff":1}'
    assert read_ok(data) == out("contact_name_changed", '"name":"ok"')


def test_bytearray_input() -> None:
    assert read_ok(bytearray(ev("wait_timed_out").encode())) == out("wait_timed_out")  # type: ignore[arg-type]


# =========================================================================== dict input

VECTORS = read_jsonl("event_vectors.jsonl")


class _NotOrdinary(Exception):
    pass


def _no_duplicates(pairs: list) -> dict:
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        raise _NotOrdinary("duplicate keys")
    return dict(pairs)


def _refuse(_: str) -> Any:
    raise _NotOrdinary("float, NaN or exponent")


def _ordinary(text: str) -> Any:
    """The parsed document if text → dict loses nothing goflow looks at, else None.

    Excluded: duplicate keys (a dict keeps one), non-integer number tokens (their
    spelling matters), any \\u escape (a raw time token keeps it, a dict decodes it),
    invalid JSON and non-object documents.
    """
    if "\\u" in text:
        return None
    try:
        doc = json.loads(text, object_pairs_hook=_no_duplicates, parse_float=_refuse, parse_constant=_refuse)
    except (_NotOrdinary, ValueError):
        return None
    return doc if isinstance(doc, dict) else None


ORDINARY = [(i, v["in"]) for i, v in enumerate(VECTORS) if _ordinary(v["in"]) is not None]


def _verdict(data: Any, escape_html: bool, reader: Any = fe.read_event) -> str:
    try:
        return "ok " + fe.dumps(reader(data), escape_html=escape_html)
    except EventError as error:
        return f"{type(error).__name__}: {error}"


def test_enough_ordinary_vectors() -> None:
    assert len(ORDINARY) >= 300


@pytest.mark.parametrize("text", [t for _, t in ORDINARY], ids=[f"vector-{i}" for i, _ in ORDINARY])
def test_dict_input_same_verdict_as_text(text: str) -> None:
    for escape_html in (True, False):
        expected = _verdict(text, escape_html)
        assert _verdict(json.loads(text), escape_html) == expected
        assert _verdict(json.loads(text), escape_html, fe.from_dict) == expected


DICTS = [
    pytest.param({"type": "wait_timed_out", "created_on": "2006-01-02T15:04:05Z"}, "ok " + out("wait_timed_out"), id="minimal"),
    pytest.param({"TYPE": "wait_timed_out", "Created_On": "2006-01-02T15:04:05Z"}, "ok " + out("wait_timed_out"), id="case-insensitive"),
    pytest.param({"foo": "bar"}, "ValidationError: field 'type' is required", id="no-type"),
    pytest.param({"type": None}, "ValidationError: field 'type' is required", id="type-null"),
    pytest.param({"type": 5}, "TypeMismatchError: " + mismatch("number", "TypedEnvelope.type", "string"), id="type-number"),
    pytest.param({"type": "do_the_foo", "created_on": "bad"}, "UnknownTypeError: unknown type: 'do_the_foo'", id="unknown-type"),
    pytest.param(
        {"type": "webhook_called", "created_on": "2006-01-02T15:04:05Z", "url": "x", "status": "s", "request": "r", "elapsed_ms": 1.0},
        "TypeMismatchError: " + mismatch("number 1.0", "WebhookCalledEvent.elapsed_ms", "int"),
        id="float-for-int",
    ),
    pytest.param(
        {"type": "webhook_called", "created_on": "2006-01-02T15:04:05Z", "url": "x", "status": "s", "request": "r", "elapsed_ms": True},
        "TypeMismatchError: " + mismatch("bool", "WebhookCalledEvent.elapsed_ms", "int"),
        id="bool-for-int",
    ),
    pytest.param(
        {"type": "webhook_called", "created_on": "2006-01-02T15:04:05Z", "url": "x", "status": "s", "request": "r", "elapsed_ms": 2**63},
        "TypeMismatchError: " + mismatch("number 9223372036854775808", "WebhookCalledEvent.elapsed_ms", "int"),
        id="int-overflow",
    ),
    pytest.param(
        {"type": "contact_name_changed", "name": 5, "created_on": "bad"}, "TimestampError: " + BAD_TIME, id="custom-decoder-precedence"
    ),
    pytest.param(
        {"type": "wait_timed_out", "created_on": 12345},
        "TimestampError: " + bad_time("12345", "12345", '"'),
        id="time-from-int",
    ),
    pytest.param(
        {"type": "contact_field_changed", "created_on": "2006-01-02T15:04:05Z", "field": {"key": "a"}, "value": {"text": "x", "number": "1.50"}},
        "ok " + value_out('"number":1.5'),
        id="xnumber-string",
    ),
    pytest.param(
        {"type": "contact_refreshed", "created_on": "2006-01-02T15:04:05Z", "contact": {"b": [1, 2], "a": "<&>"}},
        "ok " + out("contact_refreshed", '"contact":{"b":[1,2],"a":"\\u003c\\u0026\\u003e"}'),
        id="raw-json-from-dict",
    ),
    pytest.param(
        {"type": "contact_refreshed", "created_on": "2006-01-02T15:04:05Z", "contact": None},
        "ok " + out("contact_refreshed", '"contact":null'),
        id="raw-json-null",
    ),
    pytest.param(
        {"type": "msg_wait", "created_on": "2006-01-02T15:04:05Z", "hint": None},
        "DecodeError: unable to read hint: field 'type' is required",
        id="hint-null",
    ),
    pytest.param(
        {"type": "contact_urns_changed", "created_on": "2006-01-02T15:04:05Z", "urns": ("tel:+1234567",)},
        "ok " + out("contact_urns_changed", '"urns":["tel:+1234567"]'),
        id="tuple-as-array",
    ),
]


@pytest.mark.parametrize("doc, expected", DICTS)
def test_dict_input(doc: dict, expected: str) -> None:
    assert _verdict(doc, True) == expected
    assert _verdict(doc, True, fe.from_dict) == expected


def test_dict_input_six_validation_errors() -> None:
    doc = {
        "type": "broadcast_created",
        "created_on": "2006-01-02T15:04:05Z",
        "base_language": "",
        "urns": ["bad"],
        "groups": [{}],
        "contacts": [{"uuid": ""}],
        "step_uuid": "x",
    }
    with pytest.raises(ValidationError) as info:
        fe.from_dict(doc)
    assert info.value.paths == ("step_uuid", "base_language", "urns[0]", "contacts[0].uuid", "groups[0].uuid", "groups[0].name_match")


@pytest.mark.parametrize("data", [[1], 5, None, 1.5])
def test_read_event_rejects_non_text_non_dict(data: Any) -> None:
    with pytest.raises(EventError):
        fe.read_event(data)


def test_from_dict_rejects_non_mapping() -> None:
    with pytest.raises(EventError):
        fe.from_dict([])  # type: ignore[arg-type]
