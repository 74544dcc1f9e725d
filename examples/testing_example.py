"""Reproducible test events: factories, a frozen clock and seeded UUIDs.

``flows_events.testing`` mirrors goflow's own test setup (a fixed time source and a
seeded UUID4 generator): inside ``frozen_clock()`` every new event is stamped
2018-10-18T14:20:30.000123456Z, and inside ``seeded_uuids(seed)`` every default UUID
comes from a seeded generator, so the same code writes the same bytes on every run.

Run with ``python examples/testing_example.py``. In pytest, the fixtures
``frozen_clock``, ``seeded_uuids`` and ``event_factory`` do the same (no import needed).
"""

from __future__ import annotations

from typing import List

import flows_events
from flows_events.testing import factories, frozen_clock, seeded_uuids


def conversation() -> List[str]:
    """A little flow session, as goflow would write it."""
    with frozen_clock(step=1_000_000) as clock, seeded_uuids(seed=42):  # +1 ms per event
        events = [
            factories.flow_entered(flow_name="Registration"),
            factories.msg_created(text="Hi! What's your name?", quick_replies=["Skip"]),
            factories.msg_wait(timeout_seconds=600, hint="digits"),
        ]
        clock.advance(90 * 1_000_000_000)  # the contact answers 90 s later
        events += [
            factories.msg_received(text="Ryan", urn="tel:+250788123123"),
            factories.run_result_changed(name="Name", value="Ryan", category="All Responses", input="Ryan"),
            factories.contact_name_changed(name="Ryan"),
            factories.contact_field_changed(key="age", text="23", number=23),
            factories.contact_groups_changed(added=["Registered"], removed=[]),
            factories.webhook_called(status_code=503),  # status: response_error
        ]
    return [flows_events.dumps(event) for event in events]


def main() -> None:
    first = conversation()
    for line in first:
        print(line)

    # the same seed and clock give the same bytes, every time
    assert conversation() == first

    # and everything a factory makes is an event goflow reads back unchanged
    for line in first:
        assert flows_events.dumps(flows_events.read_event(line)) == line

    # outside the context managers, the wall clock and random UUIDs are back
    event = factories.msg_created()
    assert str(event.created_on) != "2018-10-18T14:20:30.000123456Z"
    print("ok:", len(first), "reproducible events")


if __name__ == "__main__":
    main()
