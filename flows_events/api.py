"""Reading and writing events: goflow's ``ReadEvent`` and ``json.Marshal``.

* :func:`read_event` — JSON text (or an already-parsed dict) to a validated event;
* :func:`read_events` — the same over an iterable of JSON lines, one at a time;
* :func:`dumps` — an event to goflow's exact JSON text;
* :func:`to_dict` / :func:`from_dict` — events to and from JSON-ready Python data.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Literal, Mapping, Optional, Union, overload

from . import fastpath, gojson
from .converter import converter, reader
from .errors import EventError
from .events import Event, UnknownEvent
from .fields import Model
from .writer import to_data, write

__all__ = ["read_event", "read_events", "dumps", "to_dict", "from_dict"]

JSONInput = Union[str, bytes, bytearray, Mapping[str, Any]]


def _document(data: Any, max_size: Optional[int]) -> Any:
    if isinstance(data, (str, bytes, bytearray)):
        if max_size is not None and len(data) > max_size:
            unit = "characters" if isinstance(data, str) else "bytes"
            raise EventError(f"event too large: {len(data)} {unit}, the limit is {max_size}")
        return gojson.parse(bytes(data) if isinstance(data, bytearray) else data)
    if isinstance(data, Mapping):
        return data
    raise EventError(f"cannot read an event from {type(data).__name__}: give JSON text or a dict")


@overload
def read_event(
    data: JSONInput, *, strict: bool = ..., lenient: Literal[False] = ..., max_size: Optional[int] = ...
) -> Event: ...
@overload
def read_event(
    data: JSONInput, *, strict: bool = ..., lenient: bool, max_size: Optional[int] = ...
) -> Union[Event, UnknownEvent]: ...


def read_event(
    data: JSONInput, *, strict: bool = False, lenient: bool = False, max_size: Optional[int] = None
) -> Any:
    """Read one event as goflow's ``events.ReadEvent`` does, then validate it.

    ``data`` is JSON text (``str`` or UTF-8 ``bytes``) or an already-parsed ``dict``.
    Anything goflow rejects raises :class:`~flows_events.errors.EventError` with
    goflow's message; validation failures raise its subclass
    :class:`~flows_events.errors.ValidationError` listing every failure.

    ``strict=True`` adds the checks beyond goflow (languages, emails, phone numbers,
    time zones, attachments: :func:`~flows_events.validators.validate_strict`).
    ``lenient=True`` returns an :class:`~flows_events.events.UnknownEvent` for an
    unregistered type instead of failing, and keeps keys goflow ignores
    (``unknown_keys``) so that :func:`dumps` writes them back. Neither changes what
    the default accepts. ``max_size`` rejects longer text before parsing it.
    """
    if type(data) is str or type(data) is bytes:
        if max_size is None or len(data) <= max_size:
            event = fastpath.read_text(data, strict, lenient)
            if event is not None:
                return event
    return reader(strict=strict, lenient=lenient)(_document(data, max_size))


def read_events(
    lines: Iterable[JSONInput],
    *,
    strict: bool = False,
    lenient: bool = False,
    max_size: Optional[int] = None,
) -> Iterator[Union[Event, UnknownEvent]]:
    """Read events one by one from JSON lines (blank lines are skipped).

    ``lines`` can be an open file (text or binary). A bad line raises its
    :class:`~flows_events.errors.EventError` with ``line`` (1-based) set on it;
    nothing but the current line is held in memory. ``max_size`` bounds each line.
    """
    read = reader(strict=strict, lenient=lenient)
    fast = fastpath.read_text
    for number, line in enumerate(lines, 1):
        if type(line) is str or type(line) is bytes:
            if max_size is None or len(line) <= max_size:
                stripped = line.rstrip("\n") if isinstance(line, str) else line.rstrip(b"\n")
                event = fast(stripped, strict, lenient)
                if event is not None:
                    yield event
                    continue
        if isinstance(line, (str, bytes, bytearray)) and not line.strip():
            continue
        try:
            yield read(_document(line, max_size))
        except EventError as error:
            error.line = number  # type: ignore[attr-defined]
            raise


def dumps(event: Union[Event, UnknownEvent], *, escape_html: bool = False) -> str:
    """Write an event as compact JSON, byte for byte as goflow does.

    By default this is goflow's ``utils.JSONMarshal`` (``<``, ``>`` and ``&`` kept as
    they are); ``escape_html=True`` gives Go's ``json.Marshal`` (``\\u003c``...).
    """
    if isinstance(event, UnknownEvent):
        return event.raw.marshal(escape_html)
    return write(event, escape_html)


def to_dict(event: Union[Event, UnknownEvent]) -> Any:
    """The event as JSON-ready Python data, with goflow's keys, order and omissions.

    The same data as ``converter.unstructure(event)`` with flows_events' own hooks, from a
    function generated per class (as :func:`dumps`); unstructure hooks registered on a
    converter afterwards change what that converter gives, not what ``to_dict`` gives.
    """
    value: Any = event  # anything else cattrs can unstructure is accepted too
    if isinstance(value, Model):
        return to_data(value)
    if isinstance(value, UnknownEvent):
        return value.raw.value
    return converter.unstructure(value)


def from_dict(data: Mapping[str, Any], *, strict: bool = False, lenient: bool = False) -> Any:
    """Read an event from parsed JSON data (the inverse of :func:`to_dict`)."""
    if not isinstance(data, Mapping):
        raise EventError(f"cannot read an event from {type(data).__name__}: give a dict")
    return read_event(data, strict=strict, lenient=lenient)
