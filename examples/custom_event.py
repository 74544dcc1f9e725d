"""Define, register, read and write an event type of your own.

Fields are declared with ``flows_events.fields.gofield``: the JSON tag and the
``validate`` rules are written exactly as goflow's Go struct tags would be, and the
``go`` type tells the decoder how to read the value (here ``urns.URN`` strings and
``decimal.Decimal`` amounts). Once registered, the type is read by ``read_event``,
the cattrs hooks and the ``flows-events`` command line like any built-in event.

Run: ``python examples/custom_event.py``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar

import attrs

import flows_events
from flows_events.fields import gofield


@attrs.frozen(slots=True, kw_only=True)
class AirtimeTransferredEvent(flows_events.Event):
    """Airtime was sent to the contact (goflow's later ``airtime_transferred``).

    Example JSON::

        {"type":"airtime_transferred","created_on":"2019-10-16T08:21:41.5Z","sender":"tel:+250788000001","recipient":"tel:+250788123123","currency":"RWF","desired_amount":1000,"actual_amount":999.5}
    """

    TYPE: ClassVar[str] = "airtime_transferred"

    sender: str = gofield(json="sender", go="urns.URN", validate="omitempty,urn", default="")
    recipient: str = gofield(json="recipient", go="urns.URN", validate="required,urn", default="")
    currency: str = gofield(json="currency", validate="required", default="")
    # gofield() returns an attrs field (like attrs.field()), so RUF009 does not apply
    desired_amount: Decimal = gofield(json="desired_amount", go="decimal.Decimal", default=Decimal(0))  # noqa: RUF009
    actual_amount: Decimal = gofield(json="actual_amount", go="decimal.Decimal", default=Decimal(0))  # noqa: RUF009


flows_events.register_type("airtime_transferred", AirtimeTransferredEvent)

TEXT = (
    '{"type":"airtime_transferred","created_on":"2019-10-16T08:21:41.500Z",'
    '"step_uuid":"596ee7f9-d9dd-4c02-ab6a-44bcadcaef0a","sender":"tel:+250788000001",'
    '"recipient":"tel:+250788123123","currency":"RWF","desired_amount":1000,"actual_amount":999.50}'
)


def main() -> None:
    # read it like any other event...
    event = flows_events.read_event(TEXT)
    assert isinstance(event, AirtimeTransferredEvent)
    print("read:", event.recipient, event.currency, event.actual_amount)

    # ...write it back as goflow would (times and numbers in Go's spelling)
    print("dumps:", flows_events.dumps(event))

    # build one in code; construction validates with the declared rules
    made = AirtimeTransferredEvent(
        created_on=flows_events.Timestamp.parse("2019-10-16T08:30:00Z"),
        recipient="tel:+250788123123",
        currency="RWF",
        desired_amount=Decimal(500),
        actual_amount=Decimal(500),
    )
    print("built:", flows_events.dumps(made))

    # goflow-style validation errors for the new type too
    try:
        flows_events.read_event('{"type":"airtime_transferred","created_on":"2019-10-16T08:30:00Z","recipient":"12"}')
    except flows_events.ValidationError as error:
        for problem in error.errors:
            print(f"invalid: {problem.path}: {problem.message}")


if __name__ == "__main__":
    main()
