"""Build events by hand in tests, and check the exact JSON goflow would write.

Events are frozen attrs classes validated on construction (goflow's rules), so a
fixture can never be an event goflow would reject, and ``dumps`` gives goflow's
bytes: keys in Go struct order, ``omitempty`` fields left out, nanosecond times.

Run with pytest (``pytest examples/fixtures.py``) or as ``python examples/fixtures.py``.
"""

from __future__ import annotations

import attrs

import flows_events
from flows_events import (
    ChannelReference,
    ContactFieldChangedEvent,
    FieldReference,
    MsgCreatedEvent,
    MsgOut,
    Timestamp,
    Value,
)

STEP = "692926ea-09d6-4942-bd38-d266ec8d3716"


def test_msg_created() -> None:
    event = MsgCreatedEvent(
        created_on=Timestamp.parse("2019-01-02T15:04:05Z"),
        msg=MsgOut(
            uuid="2d611e17-fb22-457f-b802-b8f7ec5cda5b",
            urn="tel:+250788123123",
            channel=ChannelReference(uuid="61602f3e-f603-4c70-8a8f-c477505bf4bf", name="MTN"),
            text="hi",
            quick_replies=["Yes", "No"],
        ),
    ).with_step_uuid(STEP)
    assert flows_events.dumps(event) == (
        '{"type":"msg_created","created_on":"2019-01-02T15:04:05Z",'
        '"step_uuid":"692926ea-09d6-4942-bd38-d266ec8d3716",'
        '"msg":{"uuid":"2d611e17-fb22-457f-b802-b8f7ec5cda5b","urn":"tel:+250788123123",'
        '"channel":{"uuid":"61602f3e-f603-4c70-8a8f-c477505bf4bf","name":"MTN"},'
        '"text":"hi","quick_replies":["Yes","No"]}}'
    )
    # reading goflow's JSON back gives an equal event
    assert flows_events.read_event(flows_events.dumps(event)) == event


def test_contact_field_changed_with_nanoseconds() -> None:
    event = ContactFieldChangedEvent(
        created_on=Timestamp.parse("2018-10-18T14:20:30.000123456+02:00"),
        field=FieldReference(key="gender", name="Gender"),
        value=Value(text="Female"),
    )
    assert flows_events.dumps(event) == (
        '{"type":"contact_field_changed","created_on":"2018-10-18T14:20:30.000123456+02:00",'
        '"field":{"key":"gender","name":"Gender"},"value":{"text":"Female"}}'
    )


def test_invalid_fixtures_are_refused() -> None:
    try:
        MsgCreatedEvent(
            created_on=Timestamp.parse("2019-01-02T15:04:05Z"),
            msg=MsgOut(uuid="2d611e17-fb22-457f-b802-b8f7ec5cda5b", urn="not a urn", text="hi"),
        )
    except flows_events.ValidationError as error:
        assert [(e.path, e.tag) for e in error.errors] == [("msg.urn", "urn")]
    else:
        raise AssertionError("an invalid URN was accepted")

    # build a broken event on purpose, e.g. to test your own error handling
    with attrs.validators.disabled():
        broken = MsgCreatedEvent(created_on=Timestamp.parse("2019-01-02T15:04:05Z"))
    assert flows_events.dumps(broken).endswith('"msg":null}')


if __name__ == "__main__":
    tests = [test_msg_created, test_contact_field_changed_with_nanoseconds, test_invalid_fixtures_are_refused]
    for test in tests:
        test()
        print(f"{test.__name__}: ok")
    print(f"{len(tests)} fixture tests passed")
