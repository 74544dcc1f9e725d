"""goflow's validation of events, field by field, exactly as ``events.ReadEvent`` reports it.

Sources: spec/validation.md (the engine, §7 the ordered check list), spec/events.md and
spec/types.md (the per-field tables and their verified edge cases), spec/errors.md §2.4.
Every expected message is goflow's own text; every ``FieldError`` is checked for its
path, tag and param. Strict mode (checks beyond goflow) is tested at the end.
"""

# ruff: noqa: UP031  -- printf-style templates keep the JSON braces readable

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import ClassVar, Optional

import attrs
import pytest

import flows_events as fe
from flows_events import validators
from flows_events.errors import EventError, FieldError, ValidationError
from flows_events.fields import Kind, gofield
from flows_events.timestamps import Timestamp

CREATED = '"created_on":"2006-01-02T15:04:05Z"'
UUID4 = "0e06f977-cbb7-475f-9d0b-a0c4aaec7f6a"
UUID4_B = "5f9fd4f7-4b0f-462a-a598-18bfc7810412"
UUID_NOT_4 = "ffffffff-ffff-ffff-bf1a-4186adc14195"  # a valid `uuid`, not a valid `uuid4`
UUID_ANY = "ffffffff-ffff-ffff-ffff-ffffffffffff"
UPPER = "8720F157-CA1C-432F-9C0B-2014DDC77094"
T = Timestamp.parse("2018-10-18T14:20:30.000123456Z")

Expected = list[tuple[str, str, str]]  # (path, tag, param) of each FieldError, in order


def ev(type_: str, body: str = "") -> str:
    """An event document with the standard created_on and the given extra members."""
    return '{"type":"%s",%s%s}' % (type_, CREATED, "," + body if body else "")


def out(type_: str, body: str = "") -> str:
    """goflow's output for an event with the standard created_on."""
    return '{"type":"%s",%s%s}' % (type_, CREATED, "," + body if body else "")


def read_ok(text: str, *, strict: bool = False) -> str:
    return fe.dumps(fe.read_event(text, strict=strict), escape_html=True)


def read_invalid(text: str, *, strict: bool = False) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        fe.read_event(text, strict=strict)
    return info.value


def check_errors(error: ValidationError, message: str, expected: Expected, *, strict: bool = False) -> None:
    assert isinstance(error, EventError) and isinstance(error, ValueError)
    assert str(error) == message
    assert error.message == message
    assert [(e.path, e.tag, e.param) for e in error.errors] == expected
    assert ", ".join(e.message for e in error.errors) == message
    assert [str(e) for e in error.errors] == [e.message for e in error.errors]
    assert all(e.strict is strict for e in error.errors)
    assert error.path == expected[0][0]
    assert error.paths == tuple(p for p, _, _ in expected)
    assert error.tags == tuple(t for _, t, _ in expected)


# =========================================================================== per field
# Every field with a validate tag (validation.md §7), accepted and rejected.

ACCEPTED = [
    # --- BaseEvent.created_on: the zero-time rule (json.md §2.9) ---
    pytest.param(
        '{"type":"wait_timed_out","created_on":"0001-01-01T00:00:00+00:00"}',
        '{"type":"wait_timed_out","created_on":"0001-01-01T00:00:00Z"}',
        id="created_on-zero-instant-with-+00:00-passes",
    ),
    pytest.param(
        '{"type":"wait_timed_out","created_on":"0001-01-01T00:00:00-00:01"}',
        '{"type":"wait_timed_out","created_on":"0001-01-01T00:00:00-00:01"}',
        id="created_on-minus-one-minute-offset",
    ),
    pytest.param(
        '{"type":"wait_timed_out","created_on":"0001-01-01T01:00:00+01:00"}',
        '{"type":"wait_timed_out","created_on":"0001-01-01T01:00:00+01:00"}',
        id="created_on-zero-instant-at-+01:00",
    ),
    pytest.param(
        '{"type":"wait_timed_out","created_on":"0001-01-01T00:00:00.000000001Z"}',
        '{"type":"wait_timed_out","created_on":"0001-01-01T00:00:00.000000001Z"}',
        id="created_on-one-nanosecond-after-zero",
    ),
    pytest.param(
        '{"type":"wait_timed_out","created_on":"0000-01-01T00:00:00Z"}',
        '{"type":"wait_timed_out","created_on":"0000-01-01T00:00:00Z"}',
        id="created_on-year-0",
    ),
    # --- BaseEvent.step_uuid: omitempty,uuid4 ---
    pytest.param(ev("wait_timed_out", '"step_uuid":""'), out("wait_timed_out"), id="step_uuid-empty-omitted"),
    pytest.param(ev("wait_timed_out", '"step_uuid":null'), out("wait_timed_out"), id="step_uuid-null"),
    pytest.param(
        ev("wait_timed_out", '"step_uuid":"8720f157-ca1c-432f-9c0b-2014ddc77094"'),
        out("wait_timed_out", '"step_uuid":"8720f157-ca1c-432f-9c0b-2014ddc77094"'),
        id="step_uuid-lowercase-uuid4",
    ),
    pytest.param(
        ev("wait_timed_out", '"step_uuid":"00000000-0000-4000-8000-000000000000"'),
        out("wait_timed_out", '"step_uuid":"00000000-0000-4000-8000-000000000000"'),
        id="step_uuid-minimal-uuid4",
    ),
    # --- broadcast_created ---
    pytest.param(
        ev("broadcast_created", '"base_language":"eng"'),
        out("broadcast_created", '"translations":null,"base_language":"eng"'),
        id="broadcast-base_language-only-translations-null",
    ),
    pytest.param(
        ev("broadcast_created", '"base_language":" "'),
        out("broadcast_created", '"translations":null,"base_language":" "'),
        id="broadcast-base_language-space-is-a-value",
    ),
    pytest.param(
        ev("broadcast_created", '"base_language":"xx","translations":{"zzz":{"text":""}}'),
        out("broadcast_created", '"translations":{"zzz":{"text":""}},"base_language":"xx"'),
        id="broadcast-no-language-checks",
    ),
    pytest.param(
        ev("broadcast_created", '"base_language":"eng","translations":{}'),
        out("broadcast_created", '"translations":{},"base_language":"eng"'),
        id="broadcast-translations-empty-min1-ignored",
    ),
    pytest.param(
        ev("broadcast_created", '"base_language":"eng","translations":{"eng":null}'),
        out("broadcast_created", '"translations":{"eng":null},"base_language":"eng"'),
        id="broadcast-translations-null-value",
    ),
    pytest.param(
        ev("broadcast_created", '"base_language":"eng","translations":{"eng":{}}'),
        out("broadcast_created", '"translations":{"eng":{"text":""}},"base_language":"eng"'),
        id="broadcast-translations-empty-translation",
    ),
    pytest.param(
        ev("broadcast_created", '"base_language":"eng","urns":["tel:+12065551212"]'),
        out("broadcast_created", '"translations":null,"base_language":"eng","urns":["tel:+12065551212"]'),
        id="broadcast-urns-valid",
    ),
    pytest.param(
        ev("broadcast_created", '"base_language":"eng","urns":[],"contacts":[],"groups":[]'),
        out("broadcast_created", '"translations":null,"base_language":"eng"'),
        id="broadcast-empty-lists-omitted",
    ),
    pytest.param(
        ev("broadcast_created", '"base_language":"eng","contacts":[null,{"uuid":"%s","name":"Bob"}]' % UUID4),
        out(
            "broadcast_created",
            '"translations":null,"base_language":"eng","contacts":[null,{"uuid":"%s","name":"Bob"}]' % UUID4,
        ),
        id="broadcast-contacts-null-element-skipped",
    ),
    pytest.param(
        ev("broadcast_created", '"base_language":"eng","groups":[null,{"name_match":"@foo"},{"uuid":"%s"}]' % UUID4),
        out(
            "broadcast_created",
            '"translations":null,"base_language":"eng","groups":[null,{"name_match":"@foo"},{"uuid":"%s"}]'
            % UUID4,
        ),
        id="broadcast-groups-null-name_match-uuid",
    ),
    # --- contact_field_changed ---
    pytest.param(
        ev("contact_field_changed", '"field":{"key":"gender"}'),
        out("contact_field_changed", '"field":{"key":"gender","name":""},"value":null'),
        id="field-key-only-value-absent",
    ),
    pytest.param(
        ev("contact_field_changed", '"field":{"key":"gender","name":"Gender"},"value":{}'),
        out("contact_field_changed", '"field":{"key":"gender","name":"Gender"},"value":{"text":""}'),
        id="value-empty-text-required-is-a-no-op",
    ),
    pytest.param(
        ev("contact_field_changed", '"field":{"key":" "},"value":{"text":""}'),
        out("contact_field_changed", '"field":{"key":" ","name":""},"value":{"text":""}'),
        id="field-key-space-value-text-empty",
    ),
    # --- contact_groups_changed ---
    pytest.param(ev("contact_groups_changed"), out("contact_groups_changed"), id="groups_changed-nothing"),
    pytest.param(
        ev("contact_groups_changed", '"groups_added":[],"groups_removed":[]'),
        out("contact_groups_changed"),
        id="groups_changed-empty-lists",
    ),
    pytest.param(
        ev("contact_groups_changed", '"groups_added":[null]'),
        out("contact_groups_changed", '"groups_added":[null]'),
        id="groups_added-null-element",
    ),
    pytest.param(
        ev("contact_groups_changed", '"groups_added":[{"name_match":"x","name":"n"}],"groups_removed":[{"uuid":"%s"}]' % UUID4),
        out("contact_groups_changed", '"groups_added":[{"name":"n","name_match":"x"}],"groups_removed":[{"uuid":"%s"}]' % UUID4),
        id="groups_changed-name_match-and-uuid",
    ),
    # --- contact_urns_changed ---
    pytest.param(ev("contact_urns_changed"), out("contact_urns_changed", '"urns":null'), id="urns_changed-absent"),
    pytest.param(ev("contact_urns_changed", '"urns":null'), out("contact_urns_changed", '"urns":null'), id="urns_changed-null"),
    pytest.param(ev("contact_urns_changed", '"urns":[]'), out("contact_urns_changed", '"urns":[]'), id="urns_changed-empty"),
    pytest.param(
        ev("contact_urns_changed", '"urns":["tel:+12345678900","twitterid:8764843252522#bob","mailto:a@b"]'),
        out("contact_urns_changed", '"urns":["tel:+12345678900","twitterid:8764843252522#bob","mailto:a@b"]'),
        id="urns_changed-valid",
    ),
    # --- email_created ---
    pytest.param(
        ev("email_created", '"addresses":[""],"subject":" "'),
        out("email_created", '"addresses":[""],"subject":" ","body":""'),
        id="email-elements-unchecked-subject-space",
    ),
    pytest.param(
        ev("email_created", '"addresses":["foo@bar.com"],"subject":"s","body":"b"'),
        out("email_created", '"addresses":["foo@bar.com"],"subject":"s","body":"b"'),
        id="email-valid",
    ),
    # --- error ---
    pytest.param(ev("error", '"text":"x"'), out("error", '"text":"x","fatal":false'), id="error-text"),
    # --- flow_entered ---
    pytest.param(
        ev("flow_entered", '"flow":{"uuid":"%s"},"parent_run_uuid":""' % UUID4),
        out("flow_entered", '"flow":{"uuid":"%s","name":""},"parent_run_uuid":"","terminal":false' % UUID4),
        id="flow_entered-parent_run_uuid-empty-written",
    ),
    pytest.param(
        ev("flow_entered", '"flow":{"uuid":"%s"},"parent_run_uuid":null' % UUID4),
        out("flow_entered", '"flow":{"uuid":"%s","name":""},"parent_run_uuid":"","terminal":false' % UUID4),
        id="flow_entered-parent_run_uuid-null",
    ),
    pytest.param(
        ev("flow_entered", '"flow":{"uuid":"%s","name":"R"},"parent_run_uuid":"%s","terminal":true' % (UUID4, UUID4_B)),
        out("flow_entered", '"flow":{"uuid":"%s","name":"R"},"parent_run_uuid":"%s","terminal":true' % (UUID4, UUID4_B)),
        id="flow_entered-valid",
    ),
    # --- input_labels_added ---
    pytest.param(
        ev("input_labels_added", '"input_uuid":"%s","labels":[null]' % UUID4),
        out("input_labels_added", '"input_uuid":"%s","labels":[null]' % UUID4),
        id="labels-null-element-passes-required-and-min",
    ),
    pytest.param(
        ev("input_labels_added", '"input_uuid":"%s","labels":[{"name_match":"m"},{"uuid":"%s","name":"n"}]' % (UUID4, UUID4_B)),
        out("input_labels_added", '"input_uuid":"%s","labels":[{"name_match":"m"},{"uuid":"%s","name":"n"}]' % (UUID4, UUID4_B)),
        id="labels-name_match-and-uuid",
    ),
    # --- msg_created / ivr_created ---
    pytest.param(ev("msg_created", '"msg":{}'), out("msg_created", '"msg":{"uuid":"","text":""}'), id="msg_created-empty-msg"),
    pytest.param(ev("ivr_created", '"msg":{}'), out("ivr_created", '"msg":{"uuid":"","text":""}'), id="ivr_created-empty-msg"),
    pytest.param(
        ev("msg_created", '"msg":{"uuid":"not-a-uuid","text":""}'),
        out("msg_created", '"msg":{"uuid":"not-a-uuid","text":""}'),
        id="msg-uuid-and-text-unchecked",
    ),
    pytest.param(
        ev("msg_created", '"msg":{"uuid":"x","channel":{"uuid":"%s"},"templating":{"template":null}}' % UUID_ANY),
        out(
            "msg_created",
            '"msg":{"uuid":"x","channel":{"uuid":"%s","name":""},"text":"",'
            '"templating":{"template":null,"language":"","variables":null}}' % UUID_ANY,
        ),
        id="msg-channel-any-version-uuid-template-null",
    ),
    pytest.param(
        ev("ivr_created", '"msg":{"channel":{"uuid":"%s"},"templating":{"template":{"uuid":"%s"}}}' % (UUID_NOT_4, UUID_NOT_4)),
        out(
            "ivr_created",
            '"msg":{"uuid":"","channel":{"uuid":"%s","name":""},"text":"",'
            '"templating":{"template":{"uuid":"%s","name":""},"language":"","variables":null}}' % (UUID_NOT_4, UUID_NOT_4),
        ),
        id="ivr-uuid-tag-accepts-non-v4",
    ),
    pytest.param(
        ev("msg_created", '"msg":{"urn":""}'),
        out("msg_created", '"msg":{"uuid":"","text":""}'),
        id="msg-urn-empty-omitempty",
    ),
    # --- msg_received: required on a struct value never fires ---
    pytest.param(ev("msg_received"), out("msg_received", '"msg":{"uuid":"","text":""}'), id="msg_received-no-msg"),
    pytest.param(ev("msg_received", '"msg":null'), out("msg_received", '"msg":{"uuid":"","text":""}'), id="msg_received-msg-null"),
    pytest.param(
        ev("msg_received", '"msg":{"urn":"tel:+12065551212","channel":{"uuid":"%s"}}' % UUID_ANY),
        out("msg_received", '"msg":{"uuid":"","urn":"tel:+12065551212","channel":{"uuid":"%s","name":""},"text":""}' % UUID_ANY),
        id="msg_received-valid-urn-channel",
    ),
    # --- msg_wait ---
    pytest.param(ev("msg_wait"), out("msg_wait"), id="msg_wait-base-only"),
    # --- run_expired ---
    pytest.param(ev("run_expired", '"run_uuid":"%s"' % UUID4), out("run_expired", '"run_uuid":"%s"' % UUID4), id="run_uuid-valid"),
    # --- run_result_changed ---
    pytest.param(
        ev("run_result_changed", '"name":"x"'),
        out("run_result_changed", '"name":"x","value":"","category":""'),
        id="run_result-name",
    ),
    # --- session_triggered ---
    pytest.param(
        ev("session_triggered", '"flow":{"uuid":"%s"},"create_contact":false' % UUID4),
        out("session_triggered", '"flow":{"uuid":"%s","name":""},"run_summary":null' % UUID4),
        id="session_triggered-flow-only",
    ),
    pytest.param(
        ev(
            "session_triggered",
            '"flow":{"uuid":"%s"},"urns":["tel:+1234567"],"contacts":[null,{"uuid":"%s"}],"groups":[null,{"name_match":"m"}]'
            % (UUID4, UUID4_B),
        ),
        out(
            "session_triggered",
            '"flow":{"uuid":"%s","name":""},"urns":["tel:+1234567"],"contacts":[null,{"uuid":"%s","name":""}],'
            '"groups":[null,{"name_match":"m"}],"run_summary":null' % (UUID4, UUID4_B),
        ),
        id="session_triggered-lists-with-nulls",
    ),
    # --- webhook_called: status is any non-empty string ---
    pytest.param(
        ev(
            "webhook_called",
            '"url":"x","status":"bogus","request":"r","status_code":0,"elapsed_ms":0,"response":"","body_ignored":false,"resthook":""',
        ),
        out("webhook_called", '"url":"x","status":"bogus","elapsed_ms":0,"request":"r"'),
        id="webhook-status-bogus",
    ),
    pytest.param(
        ev("webhook_called", '"url":" ","status":" ","request":" "'),
        out("webhook_called", '"url":" ","status":" ","elapsed_ms":0,"request":" "'),
        id="webhook-spaces-are-values",
    ),
]


@pytest.mark.parametrize("text, expected", ACCEPTED)
def test_accepted(text: str, expected: str) -> None:
    assert read_ok(text) == expected


def case(text: str, message: str, *expected: tuple[str, str, str]) -> tuple[str, str, Expected]:
    return text, message, list(expected)


def req(path: str) -> tuple[str, str, str]:
    return (path, "required", "")


def u4(path: str) -> tuple[str, str, str]:
    return (path, "uuid4", "")


def uu(path: str) -> tuple[str, str, str]:
    return (path, "uuid", "")


def urn(path: str) -> tuple[str, str, str]:
    return (path, "urn", "")


def excl(prefix: str) -> list[tuple[str, str, str]]:
    return [(prefix + "uuid", "mutually_exclusive", "name_match"), (prefix + "name_match", "mutually_exclusive", "uuid")]


def excl_msg(prefix: str) -> str:
    return (
        f"field '{prefix}uuid' is mutually exclusive with 'name_match', "
        f"field '{prefix}name_match' is mutually exclusive with 'uuid'"
    )


def _step(value: str) -> str:
    return ev("wait_timed_out", '"step_uuid":"%s"' % value)


STEP_BAD = "field 'step_uuid' must be a valid UUID4"

REJECTED = {
    # --- BaseEvent.created_on ---
    "created_on-absent": case('{"type":"wait_timed_out"}', "field 'created_on' is required", req("created_on")),
    "created_on-null": case(
        '{"type":"wait_timed_out","created_on":null}', "field 'created_on' is required", req("created_on")
    ),
    "created_on-go-zero-Z": case(
        '{"type":"wait_timed_out","created_on":"0001-01-01T00:00:00Z"}', "field 'created_on' is required", req("created_on")
    ),
    "created_on-go-zero-.000Z": case(
        '{"type":"wait_timed_out","created_on":"0001-01-01T00:00:00.000Z"}',
        "field 'created_on' is required",
        req("created_on"),
    ),
    "created_on-go-zero-10-fraction-digits": case(
        '{"type":"wait_timed_out","created_on":"0001-01-01T00:00:00.0000000001Z"}',
        "field 'created_on' is required",
        req("created_on"),
    ),
    "created_on-msg_wait-absent": case('{"type":"msg_wait"}', "field 'created_on' is required", req("created_on")),
    # --- BaseEvent.step_uuid: lowercase uuid4, $ is end of text ---
    "step_uuid-not-a-uuid": case(_step("xyz"), STEP_BAD, u4("step_uuid")),
    "step_uuid-uppercase": case(_step(UPPER), STEP_BAD, u4("step_uuid")),
    "step_uuid-version-1": case(_step("8720f157-ca1c-132f-9c0b-2014ddc77094"), STEP_BAD, u4("step_uuid")),
    "step_uuid-variant-c": case(_step("8720f157-ca1c-432f-cc0b-2014ddc77094"), STEP_BAD, u4("step_uuid")),
    "step_uuid-trailing-newline": case(_step("8720f157-ca1c-432f-9c0b-2014ddc77094\\n"), STEP_BAD, u4("step_uuid")),
    "step_uuid-braces": case(_step("{8720f157-ca1c-432f-9c0b-2014ddc77094}"), STEP_BAD, u4("step_uuid")),
    "step_uuid-no-hyphens": case(_step("8720f157ca1c432f9c0b2014ddc77094"), STEP_BAD, u4("step_uuid")),
    "step_uuid-leading-space": case(_step(" 8720f157-ca1c-432f-9c0b-2014ddc77094"), STEP_BAD, u4("step_uuid")),
    "step_uuid-uuid-but-not-uuid4": case(_step(UUID_NOT_4), STEP_BAD, u4("step_uuid")),
    "step_uuid-latin1-ff": case(_step("\xff720f157-ca1c-432f-9c0b-2014ddc77094"), STEP_BAD, u4("step_uuid")),
    "step_uuid-escaped-ff": case(_step("8720f157-ca1c-432f-9c0b-2014ddc7709\\u00ff"), STEP_BAD, u4("step_uuid")),
    "step_uuid-arabic-indic-digit": case(_step("8720f157-ca1c-432f-9c0b-2014ddc7709\u0668"), STEP_BAD, u4("step_uuid")),
    "step_uuid-msg_wait": case(
        ev("msg_wait", '"step_uuid":"bad","hint":{"type":"foo"}'), STEP_BAD, u4("step_uuid")
    ),
    "msg_wait-base-errors-all-collected": case(
        '{"type":"msg_wait","hint":{"type":"image"},"step_uuid":"bad"}',
        "field 'created_on' is required, field 'step_uuid' must be a valid UUID4",
        req("created_on"),
        u4("step_uuid"),
    ),
    # --- broadcast_created ---
    "broadcast-base_language-absent": case(
        ev("broadcast_created"), "field 'base_language' is required", req("base_language")
    ),
    "broadcast-base_language-empty": case(
        ev("broadcast_created", '"base_language":""'), "field 'base_language' is required", req("base_language")
    ),
    "broadcast-base_language-null": case(
        ev("broadcast_created", '"base_language":null'), "field 'base_language' is required", req("base_language")
    ),
    "broadcast-urns": case(
        ev("broadcast_created", '"base_language":"eng","urns":["tel:+12065551212","xyz:abc","tel:12","","tel:"]'),
        "field 'urns[1]' failed tag 'urn', field 'urns[2]' failed tag 'urn', "
        "field 'urns[3]' failed tag 'urn', field 'urns[4]' failed tag 'urn'",
        urn("urns[1]"),
        urn("urns[2]"),
        urn("urns[3]"),
        urn("urns[4]"),
    ),
    "broadcast-urns-null-element-is-empty-string": case(
        ev("broadcast_created", '"base_language":"eng","urns":[null,"tel:+1234567"]'),
        "field 'urns[0]' failed tag 'urn'",
        urn("urns[0]"),
    ),
    "broadcast-contacts": case(
        ev("broadcast_created", '"base_language":"eng","contacts":[null,{"uuid":"bad","name":"Bob"},{}]'),
        "field 'contacts[1].uuid' must be a valid UUID4, field 'contacts[2].uuid' is required",
        u4("contacts[1].uuid"),
        req("contacts[2].uuid"),
    ),
    "broadcast-contacts-uppercase": case(
        ev("broadcast_created", '"base_language":"eng","contacts":[{"uuid":"%s"}]' % UPPER),
        "field 'contacts[0].uuid' must be a valid UUID4",
        u4("contacts[0].uuid"),
    ),
    "broadcast-groups": case(
        ev(
            "broadcast_created",
            '"base_language":"eng","groups":[{"uuid":"%s","name":"Supervisors"},{"name":"X"},{"name_match":"@foo"},'
            '{"uuid":"%s","name_match":"@foo"},{"uuid":"bad"},null]' % (UUID4_B, UUID4_B),
        ),
        excl_msg("groups[1].") + ", " + excl_msg("groups[3].") + ", field 'groups[4].uuid' must be a valid UUID4",
        *excl("groups[1]."),
        *excl("groups[3]."),
        u4("groups[4].uuid"),
    ),
    "broadcast-group-bad-uuid-and-name_match": case(
        ev("broadcast_created", '"base_language":"eng","groups":[{"uuid":"bad","name_match":"x"}]'),
        "field 'groups[0].uuid' must be a valid UUID4, " + excl_msg("groups[0]."),
        u4("groups[0].uuid"),
        *excl("groups[0]."),
    ),
    # --- contact_field_changed ---
    "field-absent": case(ev("contact_field_changed"), "field 'field' is required", req("field")),
    "field-null": case(ev("contact_field_changed", '"field":null'), "field 'field' is required", req("field")),
    "field-empty-object": case(
        ev("contact_field_changed", '"field":{}'), "field 'field.key' is required", req("field.key")
    ),
    "field-key-empty": case(
        ev("contact_field_changed", '"field":{"key":"","name":"Gender"},"value":{"text":"x"}'),
        "field 'field.key' is required",
        req("field.key"),
    ),
    # --- contact_groups_changed ---
    "groups_changed-verified": case(
        ev("contact_groups_changed", '"groups_added":[{}],"groups_removed":[{"uuid":"bad"},null]'),
        excl_msg("groups_added[0].") + ", field 'groups_removed[0].uuid' must be a valid UUID4",
        *excl("groups_added[0]."),
        u4("groups_removed[0].uuid"),
    ),
    "groups_removed-both-set": case(
        ev("contact_groups_changed", '"groups_removed":[null,{"uuid":"%s","name_match":"x"}]' % UUID4),
        excl_msg("groups_removed[1]."),
        *excl("groups_removed[1]."),
    ),
    "groups_added-uppercase-uuid": case(
        ev("contact_groups_changed", '"groups_added":[{"uuid":"%s"}]' % UPPER),
        "field 'groups_added[0].uuid' must be a valid UUID4",
        u4("groups_added[0].uuid"),
    ),
    # --- contact_urns_changed ---
    "urns_changed-trailing-newline": case(
        ev("contact_urns_changed", '"urns":["tel:+1234567890\\n"]'), "field 'urns[0]' failed tag 'urn'", urn("urns[0]")
    ),
    "urns_changed-uppercase-scheme": case(
        ev("contact_urns_changed", '"urns":["tel:+12065551212","TEL:+12065551212"]'),
        "field 'urns[1]' failed tag 'urn'",
        urn("urns[1]"),
    ),
    # --- email_created ---
    "email-nothing": case(
        ev("email_created"),
        "field 'addresses' is required, field 'subject' is required",
        req("addresses"),
        req("subject"),
    ),
    "email-nulls": case(
        ev("email_created", '"addresses":null,"subject":null'),
        "field 'addresses' is required, field 'subject' is required",
        req("addresses"),
        req("subject"),
    ),
    "email-addresses-empty-list": case(
        ev("email_created", '"addresses":[],"subject":"x"'),
        "field 'addresses' must have a minimum of 1 items",
        ("addresses", "min", "1"),
    ),
    "email-subject-empty": case(
        ev("email_created", '"addresses":["a@b.c"],"subject":""'), "field 'subject' is required", req("subject")
    ),
    # --- error ---
    "error-text-absent": case(ev("error"), "field 'text' is required", req("text")),
    "error-text-empty": case(ev("error", '"text":"","fatal":true'), "field 'text' is required", req("text")),
    # --- flow_entered ---
    "flow_entered-flow-absent": case(ev("flow_entered"), "field 'flow' is required", req("flow")),
    "flow_entered-flow-null": case(
        ev("flow_entered", '"flow":null,"parent_run_uuid":"bad"'),
        "field 'flow' is required, field 'parent_run_uuid' must be a valid UUID4",
        req("flow"),
        u4("parent_run_uuid"),
    ),
    "flow_entered-flow-uuid-absent": case(
        ev("flow_entered", '"flow":{}'), "field 'flow.uuid' is required", req("flow.uuid")
    ),
    "flow_entered-two-errors": case(
        ev("flow_entered", '"flow":{"uuid":"bad"},"parent_run_uuid":"bad"'),
        "field 'flow.uuid' must be a valid UUID4, field 'parent_run_uuid' must be a valid UUID4",
        u4("flow.uuid"),
        u4("parent_run_uuid"),
    ),
    "flow_entered-flow-uuid-not-v4": case(
        ev("flow_entered", '"flow":{"uuid":"%s"}' % UUID_NOT_4), "field 'flow.uuid' must be a valid UUID4", u4("flow.uuid")
    ),
    "flow_entered-parent_run_uuid-uppercase": case(
        ev("flow_entered", '"flow":{"uuid":"%s"},"parent_run_uuid":"%s"' % (UUID4, UPPER)),
        "field 'parent_run_uuid' must be a valid UUID4",
        u4("parent_run_uuid"),
    ),
    # --- input_labels_added ---
    "labels-nothing": case(
        ev("input_labels_added"),
        "field 'input_uuid' is required, field 'labels' is required",
        req("input_uuid"),
        req("labels"),
    ),
    "labels-null": case(
        ev("input_labels_added", '"input_uuid":"%s","labels":null' % UUID4), "field 'labels' is required", req("labels")
    ),
    "labels-bad-uuid-and-empty-list": case(
        ev("input_labels_added", '"input_uuid":"bad","labels":[]'),
        "field 'input_uuid' must be a valid UUID4, field 'labels' must have a minimum of 1 items",
        u4("input_uuid"),
        ("labels", "min", "1"),
    ),
    "labels-input_uuid-empty": case(
        ev("input_labels_added", '"input_uuid":"","labels":[{"name_match":"x"}]'),
        "field 'input_uuid' is required",
        req("input_uuid"),
    ),
    "labels-five-errors": case(
        ev(
            "input_labels_added",
            '"input_uuid":"%s","labels":[null,{},{"name_match":"x"},{"uuid":"bad","name_match":"x"}]' % UUID4,
        ),
        excl_msg("labels[1].") + ", field 'labels[3].uuid' must be a valid UUID4, " + excl_msg("labels[3]."),
        *excl("labels[1]."),
        u4("labels[3].uuid"),
        *excl("labels[3]."),
    ),
    # --- msg_created / ivr_created ---
    "msg_created-msg-absent": case(ev("msg_created"), "field 'msg' is required", req("msg")),
    "msg_created-msg-null": case(ev("msg_created", '"msg":null'), "field 'msg' is required", req("msg")),
    "ivr_created-msg-absent": case(ev("ivr_created"), "field 'msg' is required", req("msg")),
    "msg_created-urn-and-channel": case(
        ev(
            "msg_created",
            '"msg":{"uuid":"not-a-uuid","urn":"bad","channel":{"uuid":"bad"},"id":0,"quick_replies":[],'
            '"templating":null,"attachments":[]}',
        ),
        "field 'msg.urn' failed tag 'urn', field 'msg.channel.uuid' must be a valid UUID",
        urn("msg.urn"),
        uu("msg.channel.uuid"),
    ),
    "msg_created-channel-and-template": case(
        ev(
            "msg_created",
            '"msg":{"uuid":"x","channel":{},"id":123,"quick_replies":["a"],'
            '"templating":{"template":{"uuid":"bad","name":"t"},"language":"eng","variables":null}}',
        ),
        "field 'msg.channel.uuid' is required, field 'msg.templating.template.uuid' must be a valid UUID",
        req("msg.channel.uuid"),
        uu("msg.templating.template.uuid"),
    ),
    "msg_created-channel-uppercase": case(
        ev("msg_created", '"msg":{"uuid":"x","channel":{"uuid":"FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF"},"templating":{}}'),
        "field 'msg.channel.uuid' must be a valid UUID",
        uu("msg.channel.uuid"),
    ),
    "msg_created-template-uuid-absent": case(
        ev("msg_created", '"msg":{"templating":{"template":{"name":"t"}}}'),
        "field 'msg.templating.template.uuid' is required",
        req("msg.templating.template.uuid"),
    ),
    "ivr_created-channel-trailing-newline": case(
        ev("ivr_created", '"msg":{"channel":{"uuid":"%s\\n"}}' % UUID_ANY),
        "field 'msg.channel.uuid' must be a valid UUID",
        uu("msg.channel.uuid"),
    ),
    "ivr_created-urn-invalid-tel": case(
        ev("ivr_created", '"msg":{"urn":"tel:12"}'), "field 'msg.urn' failed tag 'urn'", urn("msg.urn")
    ),
    # --- msg_received ---
    "msg_received-urn-and-channel": case(
        ev("msg_received", '"msg":{"urn":"xyz:1","channel":{"uuid":""},"external_id":"ext1","quick_replies":["x"]}'),
        "field 'msg.urn' failed tag 'urn', field 'msg.channel.uuid' is required",
        urn("msg.urn"),
        req("msg.channel.uuid"),
    ),
    "msg_received-channel-bad": case(
        ev("msg_received", '"msg":{"channel":{"uuid":"bad"}}'),
        "field 'msg.channel.uuid' must be a valid UUID",
        uu("msg.channel.uuid"),
    ),
    # --- run_expired ---
    "run_uuid-absent": case(ev("run_expired"), "field 'run_uuid' is required", req("run_uuid")),
    "run_uuid-empty": case(ev("run_expired", '"run_uuid":""'), "field 'run_uuid' is required", req("run_uuid")),
    "run_uuid-truncated": case(
        ev("run_expired", '"run_uuid":"0e06f977-cbb7-475f-9d0b"'), "field 'run_uuid' must be a valid UUID4", u4("run_uuid")
    ),
    # --- run_result_changed ---
    "run_result-name-absent": case(ev("run_result_changed"), "field 'name' is required", req("name")),
    "run_result-name-empty": case(
        ev("run_result_changed", '"name":"","value":"v"'), "field 'name' is required", req("name")
    ),
    # --- session_triggered ---
    "session-flow-absent": case(ev("session_triggered"), "field 'flow' is required", req("flow")),
    "session-flow-uuid-absent": case(
        ev("session_triggered", '"flow":{"name":"f"}'), "field 'flow.uuid' is required", req("flow.uuid")
    ),
    "session-urns-and-contacts": case(
        ev("session_triggered", '"flow":{"uuid":"%s"},"create_contact":true,"urns":["mailto:bob"],"contacts":[{"uuid":"x"}]' % UUID4),
        "field 'urns[0]' failed tag 'urn', field 'contacts[0].uuid' must be a valid UUID4",
        urn("urns[0]"),
        u4("contacts[0].uuid"),
    ),
    "session-all-lists": case(
        ev(
            "session_triggered",
            '"groups":[{}],"contacts":[{}],"urns":["tel:12"],"flow":{"uuid":"bad"}',
        ),
        "field 'flow.uuid' must be a valid UUID4, field 'urns[0]' failed tag 'urn', "
        "field 'contacts[0].uuid' is required, " + excl_msg("groups[0]."),
        u4("flow.uuid"),
        urn("urns[0]"),
        req("contacts[0].uuid"),
        *excl("groups[0]."),
    ),
    # --- webhook_called ---
    "webhook-nothing": case(
        ev("webhook_called"),
        "field 'url' is required, field 'status' is required, field 'request' is required",
        req("url"),
        req("status"),
        req("request"),
    ),
    "webhook-url": case(ev("webhook_called", '"status":"success","request":"r"'), "field 'url' is required", req("url")),
    "webhook-status": case(
        ev("webhook_called", '"url":"x","status":"","request":"r"'), "field 'status' is required", req("status")
    ),
    "webhook-request": case(
        ev("webhook_called", '"url":"x","status":"success","request":null'), "field 'request' is required", req("request")
    ),
}


@pytest.mark.parametrize("text, message, expected", list(REJECTED.values()), ids=list(REJECTED))
def test_rejected(text: str, message: str, expected: Expected) -> None:
    check_errors(read_invalid(text), message, expected)


# =========================================================================== error order

def test_broadcast_created_six_errors_in_traversal_order() -> None:
    # validation.md §4: base fields first, then the event's fields in declaration order,
    # each list element fully, the struct-level rule after the struct's own fields
    error = read_invalid(
        ev(
            "broadcast_created",
            '"base_language":"","urns":["bad"],"groups":[{}],"contacts":[{"uuid":""}],"step_uuid":"x"',
        )
    )
    check_errors(
        error,
        "field 'step_uuid' must be a valid UUID4, field 'base_language' is required, "
        "field 'urns[0]' failed tag 'urn', field 'contacts[0].uuid' is required, "
        "field 'groups[0].uuid' is mutually exclusive with 'name_match', "
        "field 'groups[0].name_match' is mutually exclusive with 'uuid'",
        [
            ("step_uuid", "uuid4", ""),
            ("base_language", "required", ""),
            ("urns[0]", "urn", ""),
            ("contacts[0].uuid", "required", ""),
            ("groups[0].uuid", "mutually_exclusive", "name_match"),
            ("groups[0].name_match", "mutually_exclusive", "uuid"),
        ],
    )


def test_input_labels_added_five_errors() -> None:
    error = read_invalid(
        ev(
            "input_labels_added",
            '"input_uuid":"4aef4050-1895-4c80-999a-70368317a4f5",'
            '"labels":[null,{},{"name_match":"x"},{"uuid":"bad","name_match":"x"}]',
        )
    )
    check_errors(
        error,
        "field 'labels[1].uuid' is mutually exclusive with 'name_match', "
        "field 'labels[1].name_match' is mutually exclusive with 'uuid', "
        "field 'labels[3].uuid' must be a valid UUID4, "
        "field 'labels[3].uuid' is mutually exclusive with 'name_match', "
        "field 'labels[3].name_match' is mutually exclusive with 'uuid'",
        [
            ("labels[1].uuid", "mutually_exclusive", "name_match"),
            ("labels[1].name_match", "mutually_exclusive", "uuid"),
            ("labels[3].uuid", "uuid4", ""),
            ("labels[3].uuid", "mutually_exclusive", "name_match"),
            ("labels[3].name_match", "mutually_exclusive", "uuid"),
        ],
    )


def test_flow_entered_two_errors() -> None:
    error = read_invalid(ev("flow_entered", '"flow":{"uuid":"bad"},"parent_run_uuid":"bad"'))
    check_errors(
        error,
        "field 'flow.uuid' must be a valid UUID4, field 'parent_run_uuid' must be a valid UUID4",
        [("flow.uuid", "uuid4", ""), ("parent_run_uuid", "uuid4", "")],
    )


def test_order_does_not_follow_document_order() -> None:
    # the same errors whatever order the keys come in: declaration order rules
    error = read_invalid(
        '{"groups":[{}],"contacts":[{"uuid":""}],"urns":["bad"],"base_language":"","step_uuid":"x",'
        '"created_on":"2006-01-02T15:04:05Z","type":"broadcast_created"}'
    )
    assert error.paths == (
        "step_uuid",
        "base_language",
        "urns[0]",
        "contacts[0].uuid",
        "groups[0].uuid",
        "groups[0].name_match",
    )


def test_one_error_per_field_first_failing_tag_wins() -> None:
    # run_uuid is required,uuid4: an empty value reports only `required`
    error = read_invalid(ev("run_expired", '"run_uuid":""'))
    assert error.tags == ("required",)
    # labels is required,min=1,dive: a nil list reports only `required`
    error = read_invalid(ev("input_labels_added", '"input_uuid":"%s"' % UUID4))
    assert error.tags == ("required",)


def test_type_envelope_required() -> None:
    # the type's `required` can only fire in the envelope (README pipeline step 2)
    for text in ('{"foo": "bar"}', "{}", '{"type": ""}', '{"type": null}', "null"):
        check_errors(read_invalid(text), "field 'type' is required", [("type", "required", "")])


# =========================================================================== quirks

def test_required_on_struct_value_does_nothing() -> None:
    event = fe.read_event(ev("msg_received"))
    assert event.msg == fe.MsgIn()
    event = fe.read_event(ev("contact_field_changed", '"field":{"key":"k"},"value":{}'))
    assert event.value == fe.Value(text="")


def test_translations_min_1_is_a_json_option_not_a_rule() -> None:
    assert read_ok(ev("broadcast_created", '"base_language":"eng","translations":null')) == out(
        "broadcast_created", '"translations":null,"base_language":"eng"'
    )
    assert read_ok(ev("broadcast_created", '"base_language":"eng","translations":{}')) == out(
        "broadcast_created", '"translations":{},"base_language":"eng"'
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            ev("email_created", '"addresses":[],"subject":"s"'), "field 'addresses' must have a minimum of 1 items", id="addresses-[]"
        ),
        pytest.param(ev("email_created", '"addresses":null,"subject":"s"'), "field 'addresses' is required", id="addresses-null"),
        pytest.param(ev("email_created", '"subject":"s"'), "field 'addresses' is required", id="addresses-absent"),
        pytest.param(
            ev("input_labels_added", '"input_uuid":"%s","labels":[]' % UUID4),
            "field 'labels' must have a minimum of 1 items",
            id="labels-[]",
        ),
        pytest.param(ev("input_labels_added", '"input_uuid":"%s","labels":null' % UUID4), "field 'labels' is required", id="labels-null"),
        pytest.param(ev("input_labels_added", '"input_uuid":"%s"' % UUID4), "field 'labels' is required", id="labels-absent"),
    ],
)
def test_empty_list_vs_null_for_required_lists(text: str, expected: str) -> None:
    assert str(read_invalid(text)) == expected


def test_step_uuid_omitempty_on_output() -> None:
    assert read_ok(ev("run_expired", '"step_uuid":"","run_uuid":"%s"' % UUID4)) == out("run_expired", '"run_uuid":"%s"' % UUID4)


def test_parent_run_uuid_validate_omitempty_but_always_written() -> None:
    event = fe.read_event(ev("flow_entered", '"flow":{"uuid":"%s"}' % UUID4))
    assert event.parent_run_uuid == ""
    assert fe.dumps(event) == out("flow_entered", '"flow":{"uuid":"%s","name":""},"parent_run_uuid":"","terminal":false' % UUID4)


def test_msg_uuid_and_text_are_not_checked() -> None:
    event = fe.read_event(ev("msg_received", '"msg":{"uuid":"NOT A UUID","text":""}'))
    assert (event.msg.uuid, event.msg.text) == ("NOT A UUID", "")


@pytest.mark.parametrize("status", ["success", "connection_error", "response_error", "subscriber_gone", "bogus", "SUCCESS", "-"])
def test_webhook_status_any_non_empty_string(status: str) -> None:
    event = fe.read_event(ev("webhook_called", '"url":"u","status":"%s","request":"r"' % status))
    assert event.status == status


def test_uuid_checks_are_lowercase_only_and_anchored() -> None:
    for bad in (UPPER, UPPER.lower() + "\n", "\n" + UPPER.lower(), UPPER.lower() + " "):
        assert not validators.is_uuid(bad)
        assert not validators.is_uuid4(bad)
    assert validators.is_uuid4(UPPER.lower())


# =========================================================================== the struct-level rule alone

REFERENCE_CASES = [
    pytest.param(fe.GroupReference(), ["uuid/mutually_exclusive/name_match", "name_match/mutually_exclusive/uuid"], id="group-neither"),
    pytest.param(fe.GroupReference(name="X"), ["uuid/mutually_exclusive/name_match", "name_match/mutually_exclusive/uuid"], id="group-name-only"),
    pytest.param(
        fe.GroupReference(uuid=UUID4_B, name_match="@foo"),
        ["uuid/mutually_exclusive/name_match", "name_match/mutually_exclusive/uuid"],
        id="group-both",
    ),
    pytest.param(
        fe.GroupReference(uuid="bad", name_match="x"),
        ["uuid/uuid4/", "uuid/mutually_exclusive/name_match", "name_match/mutually_exclusive/uuid"],
        id="group-bad-uuid-and-name_match",
    ),
    pytest.param(fe.GroupReference(uuid="bad"), ["uuid/uuid4/"], id="group-bad-uuid-only"),
    pytest.param(fe.GroupReference(uuid=UUID4_B, name="Supervisors"), [], id="group-uuid"),
    pytest.param(fe.GroupReference(name_match="@foo"), [], id="group-name_match"),
    pytest.param(fe.LabelReference(), ["uuid/mutually_exclusive/name_match", "name_match/mutually_exclusive/uuid"], id="label-neither"),
    pytest.param(
        fe.LabelReference(uuid=UUID4_B, name_match="x"),
        ["uuid/mutually_exclusive/name_match", "name_match/mutually_exclusive/uuid"],
        id="label-both",
    ),
    pytest.param(fe.LabelReference(uuid=UUID4_B), [], id="label-uuid"),
    pytest.param(fe.FlowReference(), ["uuid/required/"], id="flow-uuid-required"),
    pytest.param(fe.FlowReference(uuid=UUID_NOT_4), ["uuid/uuid4/"], id="flow-uuid4"),
    pytest.param(fe.ContactReference(uuid="x"), ["uuid/uuid4/"], id="contact-uuid4"),
    pytest.param(fe.ChannelReference(uuid=UUID_NOT_4), [], id="channel-any-uuid"),
    pytest.param(fe.ChannelReference(uuid=UPPER), ["uuid/uuid/"], id="channel-uppercase"),
    pytest.param(fe.TemplateReference(), ["uuid/required/"], id="template-required"),
    pytest.param(fe.FieldReference(), ["key/required/"], id="field-key-required"),
    pytest.param(fe.Value(), [], id="value-text-required-no-op"),
    pytest.param(fe.MsgOut(urn="bad", channel=fe.ChannelReference()), ["urn/urn/", "channel.uuid/required/"], id="msg-out"),
]


@pytest.mark.parametrize("reference, expected", REFERENCE_CASES)
def test_validate_nested_type_on_its_own(reference: object, expected: list[str]) -> None:
    errors = validators.validate(reference)
    assert all(isinstance(e, FieldError) for e in errors)
    assert [f"{e.path}/{e.tag}/{e.param}" for e in errors] == expected


def test_reference_rule_pinned_message_pair() -> None:
    # assets/references_test.go
    pinned = (
        "field 'uuid' is mutually exclusive with 'name_match', "
        "field 'name_match' is mutually exclusive with 'uuid'"
    )
    errors = validators.validate(fe.GroupReference(uuid=UUID4_B, name_match="x"))
    assert str(ValidationError(errors)) == pinned
    assert [e.message for e in errors] == [
        "field 'uuid' is mutually exclusive with 'name_match'",
        "field 'name_match' is mutually exclusive with 'uuid'",
    ]
    with pytest.raises(ValidationError) as info:
        validators.check(fe.LabelReference())
    assert str(info.value) == pinned


# =========================================================================== events built by hand

HAND_BUILT = [
    pytest.param(lambda: fe.RunExpiredEvent(run_uuid="bad"), "field 'run_uuid' must be a valid UUID4", id="run_expired"),
    pytest.param(lambda: fe.RunExpiredEvent(), "field 'run_uuid' is required", id="run_expired-default"),
    pytest.param(
        lambda: fe.EmailCreatedEvent(addresses=[], subject=""),
        "field 'addresses' must have a minimum of 1 items, field 'subject' is required",
        id="email_created",
    ),
    pytest.param(
        lambda: fe.EmailCreatedEvent(),
        "field 'addresses' is required, field 'subject' is required",
        id="email_created-default",
    ),
    pytest.param(lambda: fe.MsgCreatedEvent(), "field 'msg' is required", id="msg_created-default"),
    pytest.param(lambda: fe.WaitTimedOutEvent(created_on=Timestamp(1, 1, 1)), "field 'created_on' is required", id="zero-created_on"),
    pytest.param(lambda: fe.WaitTimedOutEvent(step_uuid="x"), "field 'step_uuid' must be a valid UUID4", id="step_uuid"),
    pytest.param(
        lambda: fe.BroadcastCreatedEvent(
            base_language="eng", contacts=[None, fe.ContactReference(uuid="bad")], groups=[fe.GroupReference()]
        ),
        "field 'contacts[1].uuid' must be a valid UUID4, " + excl_msg("groups[0]."),
        id="broadcast_created",
    ),
    pytest.param(
        lambda: fe.MsgCreatedEvent(
            msg=fe.MsgOut(
                urn="bad",
                channel=fe.ChannelReference(uuid="bad"),
                templating=fe.MsgTemplating(template=fe.TemplateReference()),
            )
        ),
        "field 'msg.urn' failed tag 'urn', field 'msg.channel.uuid' must be a valid UUID, "
        "field 'msg.templating.template.uuid' is required",
        id="msg_created-nested",
    ),
    pytest.param(
        lambda: fe.ContactGroupsChangedEvent(groups_added=[fe.GroupReference(uuid="bad", name_match="x")]),
        "field 'groups_added[0].uuid' must be a valid UUID4, " + excl_msg("groups_added[0]."),
        id="contact_groups_changed",
    ),
    pytest.param(lambda: fe.WebhookCalledEvent(), "field 'url' is required, field 'status' is required, field 'request' is required", id="webhook"),
]


@pytest.mark.parametrize("build, message", HAND_BUILT)
def test_hand_built_invalid_event_raises(build, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as info:
        build()
    assert str(info.value) == message


# --- hand-built values of the wrong Python type: one FieldTypeError, every field named ---

U4 = "8720f157-ca1c-432f-9c0b-2014ddc77094"

WRONG_TYPES = [
    pytest.param(lambda: fe.ErrorEvent(created_on=T, text=5), "field 'text' must be a str, not int", id="str"),
    pytest.param(lambda: fe.FlowEnteredEvent(created_on=T, flow=fe.FlowReference(uuid=U4), terminal="yes"), "field 'terminal' must be a bool, not str", id="bool"),
    pytest.param(lambda: fe.MsgWaitEvent(created_on=T, timeout_seconds=True), "field 'timeout_seconds' must be an int or None, not bool", id="int-ptr-bool"),
    pytest.param(lambda: fe.MsgWaitEvent(created_on=T, timeout_seconds=1.5), "field 'timeout_seconds' must be an int or None, not float", id="int-ptr-float"),
    pytest.param(lambda: fe.ErrorEvent(created_on="2019-01-02T15:04:05Z", text="a"), "field 'created_on' must be a Timestamp, not str", id="time"),
    pytest.param(lambda: fe.MsgWaitEvent(created_on=T, step_uuid=5), "field 'step_uuid' must be a str, not int", id="tagged-str"),
    pytest.param(
        lambda: fe.ContactFieldChangedEvent(created_on=T, field=fe.FieldReference(key="age"), value=fe.Value(text="1", number=1)),
        "field 'value.number' must be a Decimal or None, not int",
        id="xnumber",
    ),
    pytest.param(
        lambda: fe.ContactFieldChangedEvent(created_on=T, field=fe.FieldReference(key="age"), value=fe.Value(text="1", datetime="2019")),
        "field 'value.datetime' must be a Timestamp or None, not str",
        id="xdatetime",
    ),
    pytest.param(lambda: fe.RunResultChangedEvent(created_on=T, name="a", extra={"a": 1}), "field 'extra' must be a RawJSON or None, not dict", id="raw"),
    pytest.param(lambda: fe.MsgCreatedEvent(created_on=T, msg={"text": "x"}), "field 'msg' must be a MsgOut or None, not dict", id="struct-ptr"),
    pytest.param(lambda: fe.MsgWaitEvent(created_on=T, hint="image"), "field 'hint' must be a Hint or None, not str", id="hint"),
    pytest.param(
        lambda: fe.MsgCreatedEvent(created_on=T, msg=fe.MsgOut(text=3, attachments="abc")),
        "field 'msg.text' must be a str, not int, field 'msg.attachments' must be a tuple of str or None, not str",
        id="nested-and-str-for-list",
    ),
    pytest.param(
        lambda: fe.MsgCreatedEvent(created_on=T, msg=fe.MsgOut(attachments=["a", 1])),
        "field 'msg.attachments' must be a tuple of str or None, not a tuple with an item of type int",
        id="list-item",
    ),
    pytest.param(
        lambda: fe.InputLabelsAddedEvent(created_on=T, input_uuid=U4, labels=[fe.GroupReference(uuid=U4)]),
        "field 'labels' must be a tuple of LabelReference or None, not a tuple with an item of type GroupReference",
        id="list-item-class",
    ),
    pytest.param(
        lambda: fe.InputLabelsAddedEvent(created_on=T, input_uuid="bad", labels=5),
        "field 'input_uuid' must be a valid UUID4, field 'labels' must be a tuple of LabelReference or None, not int",
        id="with-rule-failures",
    ),
    pytest.param(
        lambda: fe.BroadcastCreatedEvent(created_on=T, base_language="eng", translations={"eng": 5}),
        "field 'translations' must be a dict of str to BroadcastTranslation or None, not a dict with a value of type int",
        id="map-value",
    ),
    pytest.param(
        lambda: fe.BroadcastCreatedEvent(created_on=T, base_language="eng", translations={1: None}),
        "field 'translations' must be a dict of str to BroadcastTranslation or None, not a dict with a key of type int",
        id="map-key",
    ),
]


@pytest.mark.parametrize("build, message", WRONG_TYPES)
def test_hand_built_values_of_the_wrong_type_raise_field_type_error(build, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(fe.FieldTypeError) as info:
        build()
    error = info.value
    assert str(error) == message
    assert isinstance(error, TypeError) and isinstance(error, ValidationError) and isinstance(error, ValueError)
    assert error.path == message.split("'")[1]
    assert "type" in error.tags


def test_wrong_types_through_evolve_and_validate() -> None:
    event = fe.ErrorEvent(created_on=T, text="a")
    with pytest.raises(fe.FieldTypeError, match="^field 'text' must be a str, not bytes$"):
        attrs.evolve(event, text=b"a")
    bag = attrs.evolve(event)
    object.__setattr__(bag, "fatal", 1)  # past the checks: validate still says what is wrong
    assert [(e.path, e.tag, e.param, e.detail) for e in validators.validate(bag)] == [("fatal", "type", "a bool", "int")]


def test_optional_scalars_of_ones_own_class_are_go_zero_values(monkeypatch: pytest.MonkeyPatch) -> None:
    @attrs.frozen(slots=True, kw_only=True)
    class NoteEvent(fe.Event):
        TYPE: ClassVar[str] = "x_note"
        note: Optional[str] = gofield(json="note,omitempty", default=None)
        ref: Optional[str] = gofield(json="ref", validate="required", default=None)

    monkeypatch.setattr(fe.events, "_registry", dict(fe.events._registry))
    fe.register_type("x_note", NoteEvent)
    with pytest.raises(ValidationError, match="^field 'ref' is required$"):
        NoteEvent(created_on=T)  # None is Go's "": required fails, and no type error
    event = fe.read_event('{"type":"x_note","created_on":"2019-01-02T15:04:05Z","ref":"r"}')
    assert event.note is None and event.ref == "r"
    assert fe.read_event(fe.dumps(event)) == event
    with pytest.raises(fe.FieldTypeError, match="^field 'note' must be a str, not int$"):
        NoteEvent(created_on=T, note=5, ref="r")


def test_list_values_that_are_not_lists() -> None:
    with pytest.raises(fe.FieldTypeError, match="^field 'urns' must be a tuple of str or None, not str$"):
        fe.ContactURNsChangedEvent(created_on=T, urns="tel:+12065551212")
    with attrs.validators.disabled(), pytest.raises(TypeError, match="^expected a list, got str$"):
        fe.ContactURNsChangedEvent(created_on=T, urns="tel:+12065551212")  # nothing would report it
    with attrs.validators.disabled(), pytest.raises(TypeError, match="^expected a list, got int$"):
        fe.ContactURNsChangedEvent(created_on=T, urns=5)

    def broken() -> Iterator[str]:
        yield "tel:+12065551212"
        raise TypeError("the caller's own error")

    with pytest.raises(TypeError, match="^the caller's own error$"):  # not taken for a wrong type
        fe.ContactURNsChangedEvent(created_on=T, urns=broken())
    assert fe.ContactURNsChangedEvent(created_on=T, urns=iter(["tel:+12065551212"])).urns == ("tel:+12065551212",)


@pytest.mark.parametrize("value", [None, 5, b"8720f157-ca1c-432f-9c0b-2014ddc77094"])
def test_plain_checks_say_no_to_non_strings(value: object) -> None:
    assert validators.is_uuid(value) is False  # type: ignore[arg-type]
    assert validators.is_uuid4(value) is False  # type: ignore[arg-type]
    assert validators.is_urn(value) is False  # type: ignore[arg-type]


def test_hand_built_valid_events() -> None:
    assert fe.dumps(fe.MsgReceivedEvent(created_on=T)) == (
        '{"type":"msg_received","created_on":"2018-10-18T14:20:30.000123456Z","msg":{"uuid":"","text":""}}'
    )
    assert fe.dumps(fe.WaitTimedOutEvent(created_on=Timestamp(1, 1, 1, zulu=False))) == (
        '{"type":"wait_timed_out","created_on":"0001-01-01T00:00:00Z"}'
    )


DISABLED = [
    pytest.param(
        lambda: fe.RunExpiredEvent(created_on=T, run_uuid="bad"),
        '{"type":"run_expired","created_on":"2018-10-18T14:20:30.000123456Z","run_uuid":"bad"}',
        "field 'run_uuid' must be a valid UUID4",
        id="run_expired",
    ),
    pytest.param(
        lambda: fe.InputLabelsAddedEvent(created_on=T, input_uuid=UUID4_B, labels=[]),
        '{"type":"input_labels_added","created_on":"2018-10-18T14:20:30.000123456Z",'
        '"input_uuid":"5f9fd4f7-4b0f-462a-a598-18bfc7810412","labels":[]}',
        "field 'labels' must have a minimum of 1 items",
        id="input_labels_added-labels-[]-quirk",
    ),
    pytest.param(
        lambda: fe.EmailCreatedEvent(created_on=T),
        '{"type":"email_created","created_on":"2018-10-18T14:20:30.000123456Z","addresses":null,"subject":"","body":""}',
        "field 'addresses' is required, field 'subject' is required",
        id="email_created-nothing",
    ),
    pytest.param(
        lambda: fe.MsgCreatedEvent(created_on=T),
        '{"type":"msg_created","created_on":"2018-10-18T14:20:30.000123456Z","msg":null}',
        "field 'msg' is required",
        id="msg_created-nil-msg",
    ),
    pytest.param(
        lambda: fe.SessionTriggeredEvent(created_on=T),
        '{"type":"session_triggered","created_on":"2018-10-18T14:20:30.000123456Z","flow":null,"run_summary":null}',
        "field 'flow' is required",
        id="session_triggered-nil-flow",
    ),
    pytest.param(
        lambda: fe.FlowEnteredEvent(created_on=T),
        '{"type":"flow_entered","created_on":"2018-10-18T14:20:30.000123456Z","flow":null,"parent_run_uuid":"","terminal":false}',
        "field 'flow' is required",
        id="flow_entered-nil-flow",
    ),
]


@pytest.mark.parametrize("build, written, reread_error", DISABLED)
def test_validators_disabled_allows_invalid_events(build, written: str, reread_error: str) -> None:  # type: ignore[no-untyped-def]
    with attrs.validators.disabled():
        event = build()
    assert not attrs.validators.get_disabled()
    # written without validation (json.Marshal never validates) ...
    assert fe.dumps(event) == written
    assert fe.dumps(event, escape_html=True) == written
    # ... but goflow would not read it back
    assert str(read_invalid(written)) == reread_error
    # and validating it explicitly gives the same failures
    assert str(ValidationError(validators.validate(event))) == reread_error


def test_with_step_uuid_does_not_validate() -> None:
    event = fe.WaitTimedOutEvent(created_on=T).with_step_uuid("x")
    assert fe.dumps(event) == '{"type":"wait_timed_out","created_on":"2018-10-18T14:20:30.000123456Z","step_uuid":"x"}'


def test_with_step_uuid_valid() -> None:
    event = fe.WaitTimedOutEvent(created_on=T).with_step_uuid(UUID4)
    assert fe.dumps(event) == (
        '{"type":"wait_timed_out","created_on":"2018-10-18T14:20:30.000123456Z","step_uuid":"%s"}' % UUID4
    )


# =========================================================================== plain checks

@pytest.mark.parametrize(
    "value, uuid, uuid4",
    [
        pytest.param("8720f157-ca1c-432f-9c0b-2014ddc77094", True, True, id="v4"),
        pytest.param("00000000-0000-4000-8000-000000000000", True, True, id="v4-minimal"),
        pytest.param(UUID_NOT_4, True, False, id="validator_test-not-v4"),
        pytest.param(UUID_ANY, True, False, id="all-f"),
        pytest.param("8720f157-ca1c-132f-9c0b-2014ddc77094", True, False, id="v1"),
        pytest.param("8720f157-ca1c-432f-cc0b-2014ddc77094", True, False, id="variant-c"),
        pytest.param(UPPER, False, False, id="uppercase"),
        pytest.param("8720f157-ca1c-432f-9c0b-2014ddc77094\n", False, False, id="trailing-newline"),
        pytest.param("{8720f157-ca1c-432f-9c0b-2014ddc77094}", False, False, id="braces"),
        pytest.param("8720f157ca1c432f9c0b2014ddc77094", False, False, id="no-hyphens"),
        pytest.param(" 8720f157-ca1c-432f-9c0b-2014ddc77094", False, False, id="leading-space"),
        pytest.param("12345abcdefe", False, False, id="validator_test-short"),
        pytest.param("", False, False, id="empty"),
        # the patterns match a hex digit as [0-9a-f\xff] on ASCII strings only
        pytest.param("\xff720f157-ca1c-432f-9c0b-2014ddc77094", False, False, id="latin1-ff"),
        pytest.param("8720f157-ca1c-432f-9c0b-2014ddc7709\xff", False, False, id="latin1-ff-last"),
        pytest.param("8720f157-ca1c-432f-9c0b-2014ddc7709\u0668", False, False, id="arabic-indic-digit"),
        pytest.param("8720f157-ca1c-432f-9c0b-2014ddc7709\uff41", False, False, id="fullwidth-a"),
    ],
)
def test_is_uuid_and_is_uuid4(value: str, uuid: bool, uuid4: bool) -> None:
    assert validators.is_uuid(value) is uuid
    assert validators.is_uuid4(value) is uuid4


@pytest.mark.parametrize(
    "value, valid",
    [
        ("tel:+12065551212", True),
        ("tel:123", True),
        ("tel:PRIZES", True),
        ("mailto:a@b", True),
        ("twitterid:12345#jimmyjo", True),
        ("ext:anything at all", True),
        ("tel:12", False),
        ("tel:", False),
        ("", False),
        ("xyz:abc", False),
        ("TEL:+12065551212", False),
        ("tel:+1234567890\n", False),
        ("mailto:bob", False),
    ],
)
def test_is_urn(value: str, valid: bool) -> None:
    assert validators.is_urn(value) is valid


@pytest.mark.parametrize(
    "value, kind, expected",
    [
        pytest.param("", Kind.STRING, False, id="string-empty"),
        pytest.param(" ", Kind.STRING, True, id="string-space"),
        pytest.param(None, Kind.LIST, False, id="list-nil"),
        pytest.param((), Kind.LIST, True, id="list-empty-non-nil"),
        pytest.param(None, Kind.MAP, False, id="map-nil"),
        pytest.param({}, Kind.MAP, True, id="map-empty-non-nil"),
        pytest.param(None, Kind.STRUCT_PTR, False, id="pointer-nil"),
        pytest.param(fe.FlowReference(), Kind.STRUCT_PTR, True, id="pointer-to-empty-struct"),
        pytest.param(Timestamp(1, 1, 1), Kind.TIME, False, id="time-go-zero"),
        pytest.param(Timestamp.parse("0001-01-01T00:00:00+00:00"), Kind.TIME, True, id="time-zero-instant-with-offset"),
        pytest.param(Timestamp.parse("0001-01-01T00:00:00.000000001Z"), Kind.TIME, True, id="time-1ns"),
        pytest.param(0, Kind.INT, False, id="int-0"),
        pytest.param(-1, Kind.INT, True, id="int-negative"),
        pytest.param(False, Kind.BOOL, False, id="bool-false"),
        pytest.param(True, Kind.BOOL, True, id="bool-true"),
    ],
)
def test_has_value(value: object, kind: str, expected: bool) -> None:
    assert validators.has_value(value, kind) is expected


def test_has_value_defaults_to_string() -> None:
    assert validators.has_value("x") is True
    assert validators.has_value("") is False


@pytest.mark.parametrize(
    "check, value, expected",
    [
        pytest.param(validators.is_language, "eng", True, id="language-eng"),
        pytest.param(validators.is_language, "fra", True, id="language-fra"),
        pytest.param(validators.is_language, "base", True, id="language-base"),
        pytest.param(validators.is_language, "xx", False, id="language-xx"),
        pytest.param(validators.is_language, "english", False, id="language-english"),
        pytest.param(validators.is_language, "ENG", False, id="language-uppercase"),
        pytest.param(validators.is_language, "zzz", False, id="language-zzz"),
        pytest.param(validators.is_email, "foo@bar.com", True, id="email-ok"),
        pytest.param(validators.is_email, "abcd+label@x.y.z.com", True, id="email-plus-label"),
        pytest.param(validators.is_email, "bob", False, id="email-no-at"),
        pytest.param(validators.is_email, "a@b", False, id="email-no-tld"),
        pytest.param(validators.is_email, "", False, id="email-empty"),
        pytest.param(validators.is_timezone, "Africa/Kigali", True, id="tz-kigali"),
        pytest.param(validators.is_timezone, "America/Guayaquil", True, id="tz-guayaquil"),
        pytest.param(validators.is_timezone, "UTC", True, id="tz-utc"),
        pytest.param(validators.is_timezone, "Not/AZone", False, id="tz-unknown"),
        pytest.param(validators.is_timezone, "", False, id="tz-empty"),
        pytest.param(validators.is_timezone, "../etc/passwd", False, id="tz-path-traversal"),
        pytest.param(validators.is_timezone, "/etc/localtime", False, id="tz-absolute-path"),
        pytest.param(validators.is_attachment, "image/jpeg:https://s3.amazon.com/mybucket/attachment.jpg", True, id="att-media-type"),
        pytest.param(validators.is_attachment, "audio:https://s3.amazon.com/mybucket/attachment.m4a", True, id="att-major-type"),
        pytest.param(validators.is_attachment, "https://s3.amazon.com/mybucket/attachment.jpg", False, id="att-no-content-type"),
        pytest.param(validators.is_attachment, "image/jpeg", False, id="att-no-url"),
        pytest.param(validators.is_attachment, "", False, id="att-empty"),
    ],
)
def test_strict_plain_checks(check, value: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    assert check(value) is expected


# --- the attrs validators on a class of our own -------------------------------------


@attrs.define
class Ticket:
    id: str = attrs.field(validator=validators.uuid4())
    channel: str = attrs.field(default=UUID_ANY, validator=validators.uuid())
    urn: str = attrs.field(default="tel:+12065551212", validator=validators.urn())
    subject: str = attrs.field(default="s", validator=validators.required())
    tags: Sequence[str] | None = attrs.field(default=("a",), validator=validators.min_items(1))
    extra: Sequence[str] | None = attrs.field(default=(), validator=validators.required(Kind.LIST))


def test_attrs_validators_accept() -> None:
    ticket = Ticket(id=UUID4, channel=UUID_NOT_4, urn="mailto:a@b", subject=" ", tags=["x"], extra=[])
    assert ticket.subject == " "


@pytest.mark.parametrize(
    "changes, message, tag, param",
    [
        pytest.param({"id": UUID_NOT_4}, "field 'id' must be a valid UUID4", "uuid4", "", id="uuid4"),
        pytest.param({"id": ""}, "field 'id' must be a valid UUID4", "uuid4", "", id="uuid4-empty"),
        pytest.param({"channel": UPPER}, "field 'channel' must be a valid UUID", "uuid", "", id="uuid-uppercase"),
        pytest.param({"urn": "tel:12"}, "field 'urn' failed tag 'urn'", "urn", "", id="urn"),
        pytest.param({"subject": ""}, "field 'subject' is required", "required", "", id="required"),
        pytest.param({"tags": []}, "field 'tags' must have a minimum of 1 items", "min", "1", id="min-items"),
        pytest.param({"extra": None}, "field 'extra' is required", "required", "", id="required-list-nil"),
    ],
)
def test_attrs_validators_reject(changes: dict, message: str, tag: str, param: str) -> None:
    with pytest.raises(ValidationError) as info:
        Ticket(**{"id": UUID4, **changes})
    assert str(info.value) == message
    (error,) = info.value.errors
    assert (error.path, error.tag, error.param, error.strict) == (message.split("'")[1], tag, param, False)


def test_attrs_min_items_on_none() -> None:
    with pytest.raises(ValidationError) as info:
        Ticket(id=UUID4, tags=None)
    assert str(info.value) == "field 'tags' must have a minimum of 1 items"


def test_attrs_validators_respect_disabled() -> None:
    with attrs.validators.disabled():
        ticket = Ticket(id="bad", subject="")
    assert (ticket.id, ticket.subject) == ("bad", "")


@attrs.frozen
class Selector:
    """A class of our own with goflow tags and the reference rule."""

    uuid: str = gofield(json="uuid,omitempty", validate="omitempty,uuid4", default="")
    query: str = gofield(json="query,omitempty", default="")


validators.register_struct_validation(validators.mutually_exclusive("uuid", "query"), Selector)


@pytest.mark.parametrize(
    "selector, message",
    [
        pytest.param(Selector(uuid=UUID4), None, id="uuid"),
        pytest.param(Selector(query="q"), None, id="query"),
        pytest.param(
            Selector(),
            "field 'uuid' is mutually exclusive with 'query', field 'query' is mutually exclusive with 'uuid'",
            id="neither",
        ),
        pytest.param(
            Selector(uuid="x", query="q"),
            "field 'uuid' must be a valid UUID4, field 'uuid' is mutually exclusive with 'query', "
            "field 'query' is mutually exclusive with 'uuid'",
            id="bad-uuid-and-query",
        ),
    ],
)
def test_own_class_with_gofield_and_struct_rule(selector: Selector, message: str | None) -> None:
    errors = validators.validate(selector)
    if message is None:
        assert errors == []
    else:
        assert str(ValidationError(errors)) == message


def test_validation_error_needs_errors() -> None:
    with pytest.raises(ValueError):
        ValidationError([])


# =========================================================================== strict mode

STRICT_CASES = [
    pytest.param(
        ev("broadcast_created", '"base_language":"xx","translations":{"zzz":{"text":""}}'),
        out("broadcast_created", '"translations":{"zzz":{"text":""}},"base_language":"xx"'),
        [("base_language", "language", "field 'base_language' is not a valid language code")],
        id="base_language-xx",
    ),
    pytest.param(
        ev("contact_language_changed", '"language":"english"'),
        out("contact_language_changed", '"language":"english"'),
        [("language", "language", "field 'language' is not a valid language code")],
        id="contact_language-english",
    ),
    pytest.param(
        ev("msg_created", '"msg":{"templating":{"language":"xx"}}'),
        out("msg_created", '"msg":{"uuid":"","text":"","templating":{"template":null,"language":"xx","variables":null}}'),
        [("msg.templating.language", "language", "field 'msg.templating.language' is not a valid language code")],
        id="templating-language",
    ),
    pytest.param(
        ev("email_created", '"addresses":["foo@bar.com","bob"],"subject":"s"'),
        out("email_created", '"addresses":["foo@bar.com","bob"],"subject":"s","body":""'),
        [("addresses[1]", "email", "field 'addresses[1]' failed tag 'email': 'bob' is not a valid email address")],
        id="email-address",
    ),
    pytest.param(
        ev("contact_urns_changed", '"urns":["tel:+12065551212","mailto:a@b"]'),
        out("contact_urns_changed", '"urns":["tel:+12065551212","mailto:a@b"]'),
        [("urns[1]", "urn_strict", "field 'urns[1]' failed tag 'urn_strict': invalid email address: a@b")],
        id="mailto-urn",
    ),
    pytest.param(
        ev("contact_urns_changed", '"urns":["tel:+1234"]'),
        out("contact_urns_changed", '"urns":["tel:+1234"]'),
        [("urns[0]", "urn_strict", "field 'urns[0]' failed tag 'urn_strict': not a possible phone number: +1234")],
        id="impossible-tel",
    ),
    pytest.param(
        ev("session_triggered", '"flow":{"uuid":"%s"},"urns":["tel:1337"]' % UUID4),
        out("session_triggered", '"flow":{"uuid":"%s","name":""},"urns":["tel:1337"],"run_summary":null' % UUID4),
        [("urns[0]", "urn_strict", "field 'urns[0]' failed tag 'urn_strict': not a possible phone number: 1337")],
        id="session-short-code-tel",
    ),
    pytest.param(
        ev("contact_timezone_changed", '"timezone":"Not/AZone"'),
        out("contact_timezone_changed", '"timezone":"Not/AZone"'),
        [("timezone", "timezone", "field 'timezone' failed tag 'timezone': 'Not/AZone' is not an IANA time zone")],
        id="timezone",
    ),
    pytest.param(
        # the msg_received doc example: its attachment has no content type
        ev(
            "msg_received",
            '"msg":{"uuid":"2d611e17-fb22-457f-b802-b8f7ec5cda5b","urn":"tel:+12065551212",'
            '"text":"hi there","attachments":["https://s3.amazon.com/mybucket/attachment.jpg"]}',
        ),
        out(
            "msg_received",
            '"msg":{"uuid":"2d611e17-fb22-457f-b802-b8f7ec5cda5b","urn":"tel:+12065551212",'
            '"text":"hi there","attachments":["https://s3.amazon.com/mybucket/attachment.jpg"]}',
        ),
        [
            (
                "msg.attachments[0]",
                "attachment",
                (
                    "field 'msg.attachments[0]' failed tag 'attachment': "
                    "'https://s3.amazon.com/mybucket/attachment.jpg' is not a content-type:url attachment"
                ),
            )
        ],
        id="attachment-without-content-type",
    ),
    pytest.param(
        ev(
            "msg_created",
            '"msg":{"urn":"tel:+1234","attachments":["https://x.com/a.jpg","image:https://x.com/b.jpg"],'
            '"templating":{"language":"xx"}}',
        ),
        out(
            "msg_created",
            '"msg":{"uuid":"","urn":"tel:+1234","text":"","attachments":["https://x.com/a.jpg","image:https://x.com/b.jpg"],'
            '"templating":{"template":null,"language":"xx","variables":null}}',
        ),
        [
            ("msg.urn", "urn_strict", "field 'msg.urn' failed tag 'urn_strict': not a possible phone number: +1234"),
            (
                "msg.attachments[0]",
                "attachment",
                "field 'msg.attachments[0]' failed tag 'attachment': 'https://x.com/a.jpg' is not a content-type:url attachment",
            ),
            ("msg.templating.language", "language", "field 'msg.templating.language' is not a valid language code"),
        ],
        id="several-in-declaration-order",
    ),
]


@pytest.mark.parametrize("text, default_output, expected", STRICT_CASES)
def test_strict_rejects_what_goflow_accepts(text: str, default_output: str, expected: list[tuple[str, str, str]]) -> None:
    # without strict: goflow's verdict, unchanged
    assert read_ok(text) == default_output
    assert read_ok(text, strict=False) == default_output
    # with strict: every extra failure, flagged strict, with its path
    error = read_invalid(text, strict=True)
    assert [(e.path, e.tag, e.message) for e in error.errors] == expected
    assert all(e.strict for e in error.errors)
    assert str(error) == ", ".join(m for _, _, m in expected)
    assert error.path == expected[0][0]
    # the dict input path agrees
    with pytest.raises(ValidationError) as info:
        fe.from_dict(json.loads(text), strict=True)
    assert str(info.value) == str(error)


def test_strict_checks_translation_attachments() -> None:
    # the strict walk reaches BroadcastTranslation.attachments inside the translations map
    text = ev(
        "broadcast_created",
        '"base_language":"eng","translations":{"eng":{"text":"x","attachments":["image:https://x.com/b.jpg","https://x.com/a.jpg"]}}',
    )
    assert read_ok(text) == out(
        "broadcast_created",
        '"translations":{"eng":{"text":"x","attachments":["image:https://x.com/b.jpg","https://x.com/a.jpg"]}},"base_language":"eng"',
    )
    error = read_invalid(text, strict=True)
    assert [(e.path, e.tag, e.strict) for e in error.errors] == [("translations[eng].attachments[1]", "attachment", True)]
    assert str(error) == (
        "field 'translations[eng].attachments[1]' failed tag 'attachment': "
        "'https://x.com/a.jpg' is not a content-type:url attachment"
    )


STRICT_ACCEPTED = [
    pytest.param(
        ev(
            "broadcast_created",
            '"translations":{"eng":{"text":"hi","attachments":["image/jpeg:https://x.com/a.jpg"]}},'
            '"base_language":"eng","urns":["tel:+12065551212","mailto:foo@bar.com"]',
        ),
        id="broadcast",
    ),
    pytest.param(ev("broadcast_created", '"base_language":"base"'), id="base_language-base"),
    pytest.param(ev("contact_language_changed", '"language":""'), id="language-empty"),
    pytest.param(ev("contact_language_changed", '"language":"fra"'), id="language-fra"),
    pytest.param(ev("contact_timezone_changed", '"timezone":""'), id="timezone-empty"),
    pytest.param(ev("contact_timezone_changed", '"timezone":"Africa/Kigali"'), id="timezone-kigali"),
    pytest.param(ev("email_created", '"addresses":["foo@bar.com"],"subject":"s"'), id="email"),
    pytest.param(ev("contact_urns_changed", '"urns":["tel:+250788383383","twitter:jimmyjo","ext:x"]'), id="urns"),
    pytest.param(
        ev(
            "msg_created",
            '"msg":{"uuid":"2d611e17-fb22-457f-b802-b8f7ec5cda5b","urn":"tel:+12065551212",'
            '"text":"hi there","attachments":["image/jpeg:https://s3.amazon.com/mybucket/attachment.jpg"],'
            '"templating":{"language":"eng"}}',
        ),
        id="msg_created",
    ),
    pytest.param(ev("msg_received"), id="msg_received-empty"),
    pytest.param(ev("wait_timed_out"), id="base-only"),
]


@pytest.mark.parametrize("text", STRICT_ACCEPTED)
def test_strict_accepts_good_values(text: str) -> None:
    assert read_ok(text, strict=True) == read_ok(text)


@pytest.mark.parametrize(
    "text, message",
    [
        pytest.param(
            ev("broadcast_created", '"base_language":"","urns":["tel:+1234","mailto:a@b"]'),
            "field 'base_language' is required",
            id="broadcast",
        ),
        pytest.param(
            ev("email_created", '"addresses":["bob"]'),
            "field 'subject' is required",
            id="email",
        ),
        pytest.param(
            ev("msg_created", '"msg":{"urn":"tel:12","attachments":["https://x"],"templating":{"language":"xx"}}'),
            "field 'msg.urn' failed tag 'urn'",
            id="msg_created",
        ),
        pytest.param(
            '{"type":"contact_timezone_changed","timezone":"Not/AZone"}',
            "field 'created_on' is required",
            id="timezone",
        ),
    ],
)
def test_strict_never_changes_the_default_verdict(text: str, message: str) -> None:
    default = read_invalid(text)
    strict = read_invalid(text, strict=True)
    assert str(default) == str(strict) == message
    assert not any(e.strict for e in strict.errors)


def test_strict_does_not_affect_decode_errors() -> None:
    text = ev("contact_language_changed", '"language":5')
    message = "json: cannot unmarshal number into Go struct field ContactLanguageChangedEvent.language of type string"
    for strict in (False, True):
        with pytest.raises(fe.TypeMismatchError) as info:
            fe.read_event(text, strict=strict)
        assert str(info.value) == message


def test_validate_strict_on_a_model() -> None:
    event = fe.read_event(ev("contact_language_changed", '"language":"english"'))
    assert validators.validate(event) == []
    errors = validators.validate_strict(event)
    assert [(e.path, e.tag, e.strict) for e in errors] == [("language", "language", True)]
