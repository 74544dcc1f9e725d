"""Strict mode: checks beyond goflow's own validation.

goflow only checks what its ``validate`` tags say, so it happily reads events whose
URNs are not possible phone numbers, whose language is not an ISO 639-3 code, or
whose time zone does not exist. ``read_event(..., strict=True)`` (and
``flows-events check --strict``) also runs those checks.

Run: ``python examples/strict_check.py``.
"""

from __future__ import annotations

import flows_events

# goflow v0.36.0 reads every one of these without complaint
EVENTS = [
    '{"type":"contact_urns_changed","created_on":"2019-10-16T08:21:41Z","urns":["tel:Male"]}',
    '{"type":"contact_language_changed","created_on":"2019-10-16T08:21:41Z","language":"english"}',
    '{"type":"contact_timezone_changed","created_on":"2019-10-16T08:21:41Z","timezone":"Mars/Olympus"}',
    '{"type":"email_created","created_on":"2019-10-16T08:21:41Z","addresses":["bob at example"],"subject":"Hi"}',
]


def main() -> None:
    for text in EVENTS:
        event = flows_events.read_event(text)  # what goflow does: accepted
        print(f"goflow accepts {event.type}")
        try:
            flows_events.read_event(text, strict=True)
        except flows_events.ValidationError as error:
            for problem in error.errors:
                print(f"  strict rejects {problem.path} [{problem.tag}]: {problem.message}")
        else:
            raise AssertionError(f"strict mode accepted {text}")


if __name__ == "__main__":
    main()
