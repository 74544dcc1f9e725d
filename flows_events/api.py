"""Reading and writing events: goflow's ``ReadEvent`` and ``json.Marshal``.

* :func:`read_event` — JSON text (or an already-parsed dict) to a validated event;
* :func:`read_events` — the same over an iterable of JSON lines, one at a time;
* :func:`dumps` — an event to goflow's exact JSON text;
* :func:`to_dict` / :func:`from_dict` — events to and from JSON-ready Python data.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping, Union

from . import gojson, validators
from .converter import converter, structure_event, unstructure_for_wire
from .errors import EventError, ValidationError
from .events import Event

__all__ = ["read_event", "read_events", "dumps", "to_dict", "from_dict"]

JSONInput = Union[str, bytes, bytearray, Mapping[str, Any]]


def read_event(data: JSONInput, *, strict: bool = False) -> Event:
    """Read one event as goflow's ``events.ReadEvent`` does, then validate it.

    ``data`` is JSON text (``str`` or UTF-8 ``bytes``) or an already-parsed ``dict``.
    Anything goflow rejects raises :class:`~flows_events.errors.EventError` with
    goflow's message; validation failures raise its subclass
    :class:`~flows_events.errors.ValidationError` listing every failure. With
    ``strict=True`` the checks beyond goflow (see :func:`validators.validate_strict
    <flows_events.validators.validate_strict>`) run too.
    """
    if isinstance(data, (str, bytes, bytearray)):
        doc: Any = gojson.parse(bytes(data) if isinstance(data, bytearray) else data)
    elif isinstance(data, Mapping):
        doc = data
    else:
        raise EventError(f"cannot read an event from {type(data).__name__}: give JSON text or a dict")
    event = structure_event(doc)
    if strict:
        errors = validators.validate_strict(event)
        if errors:
            raise ValidationError(errors)
    return event


def read_events(lines: Iterable[JSONInput], *, strict: bool = False) -> Iterator[Event]:
    """Read events one by one from JSON lines (blank lines are skipped).

    A bad line raises its :class:`~flows_events.errors.EventError` with ``line`` (1-based)
    set on it; nothing but the current line is held in memory.
    """
    for number, line in enumerate(lines, 1):
        if isinstance(line, (str, bytes, bytearray)) and not line.strip():
            continue
        try:
            yield read_event(line, strict=strict)
        except EventError as error:
            error.line = number  # type: ignore[attr-defined]
            raise


def dumps(event: Event, *, escape_html: bool = False) -> str:
    """Write an event as compact JSON, byte for byte as goflow does.

    By default this is goflow's ``utils.JSONMarshal`` (``<``, ``>`` and ``&`` kept as
    they are); ``escape_html=True`` gives Go's ``json.Marshal`` (``\\u003c``...).
    """
    return gojson.encode(unstructure_for_wire(event), escape_html=escape_html)


def to_dict(event: Event) -> dict[str, Any]:
    """The event as JSON-ready Python data, with goflow's keys, order and omissions."""
    return converter.unstructure(event)  # type: ignore[no-any-return]


def from_dict(data: Mapping[str, Any], *, strict: bool = False) -> Event:
    """Read an event from parsed JSON data (the inverse of :func:`to_dict`)."""
    if not isinstance(data, Mapping):
        raise EventError(f"cannot read an event from {type(data).__name__}: give a dict")
    return read_event(data, strict=strict)
