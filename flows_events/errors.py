"""The library's one error family.

Every way goflow's ``events.ReadEvent`` can reject an input maps onto a subclass of
:class:`EventError` (itself a :class:`ValueError`), and ``str(error)`` is goflow's own
text. Errors carry the JSON path of the offending field, keep it across pickling, and
never wrap a bare ``KeyError``/``TypeError``.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, Tuple, Type

import attrs

__all__ = [
    "EventError",
    "DecodeError",
    "JSONSyntaxError",
    "TypeMismatchError",
    "UnknownTypeError",
    "FieldError",
    "ValidationError",
    "FieldTypeError",
    "URNError",
]


class EventError(ValueError):
    """An event that goflow would not read, or a value that cannot be written.

    ``path`` is the JSON path of the offending field in goflow's form (``msg.urn``,
    ``urns[0]``), or ``""`` when the problem concerns the whole document.
    """

    def __init__(self, message: str, *, path: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> Tuple[Any, ...]:
        return (_rebuild, (type(self), self.message, self.path, self.__dict__))

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self), self.message, self.path))


def _rebuild(cls: Type[EventError], message: str, path: str, state: Dict[str, Any]) -> EventError:
    error = cls.__new__(cls)
    ValueError.__init__(error, message)
    error.__dict__.update(state)
    error.message = message
    error.path = path
    return error


class DecodeError(EventError):
    """The JSON could not be decoded into the event (goflow's decode stage).

    Raised for bad timestamps, bad numbers, bad hints and other custom-decoder
    failures; its subclasses cover syntax errors and wrong JSON kinds.
    """


class JSONSyntaxError(DecodeError):
    """The input is not one well-formed JSON value (Go's ``encoding/json`` text)."""

    def __init__(self, message: str, *, offset: int = -1) -> None:
        super().__init__(message)
        self.offset = offset


class TypeMismatchError(DecodeError):
    """A JSON value of the wrong kind for its field (Go's ``UnmarshalTypeError``)."""


class UnknownTypeError(EventError):
    """The event's ``type`` is not registered (``unknown type: 'x'``)."""

    def __init__(self, type_name: str) -> None:
        super().__init__(f"unknown type: '{type_name}'", path="type")
        self.type_name = type_name


@attrs.frozen(slots=True)
class FieldError:
    """One failed validation rule: where (``path``), which rule (``tag``) and why.

    ``str(field_error)`` is goflow's text, e.g. ``field 'msg.urn' failed tag 'urn'``.
    """

    path: str
    tag: str
    param: str = ""
    #: Set for checks that goflow itself does not make (strict mode).
    strict: bool = False
    #: Optional human detail (strict checks explain what is wrong).
    detail: str = ""

    @property
    def message(self) -> str:
        """The message in goflow's ``field '<path>' <problem>`` form."""
        return f"field '{self.path}' {self.problem}"

    @property
    def problem(self) -> str:
        """The part of the message after the field name."""
        fixed = _PROBLEMS.get(self.tag)
        if fixed is not None:
            return fixed
        if self.tag == "min":
            return f"must have a minimum of {self.param} items"
        if self.tag == "max":
            return f"must have a maximum of {self.param} items"
        if self.tag == "mutually_exclusive":
            return f"is mutually exclusive with '{self.param}'"
        if self.tag == "type":  # a hand-built value (never goflow's)
            return f"must be {self.param}, not {self.detail}"
        if self.detail:
            return f"failed tag '{self.tag}': {self.detail}"
        return f"failed tag '{self.tag}'"

    def __str__(self) -> str:
        return self.message


_PROBLEMS = {
    "required": "is required",
    "uuid": "must be a valid UUID",
    "uuid4": "must be a valid UUID4",
    "url": "is not a valid URL",
    "http_method": "is not a valid HTTP method",
    "date_format": "is not a valid date format",
    "time_format": "is not a valid time format",
    "language": "is not a valid language code",
    "country": "is not a valid country code",
}


class ValidationError(EventError):
    """The event decoded but broke goflow's ``validate`` rules.

    ``errors`` holds every failure, in goflow's order; ``str()`` joins their messages
    with ``", "`` exactly as goflow does. ``path`` is the first failure's path.
    """

    def __init__(self, errors: Iterable[FieldError]) -> None:
        errors = tuple(errors)
        if not errors:
            raise ValueError("a ValidationError needs at least one FieldError")
        super().__init__(", ".join(e.message for e in errors), path=errors[0].path)
        self.errors: Tuple[FieldError, ...] = errors

    @property
    def paths(self) -> Tuple[str, ...]:
        """The path of every failure, in order."""
        return tuple(e.path for e in self.errors)

    @property
    def tags(self) -> Tuple[str, ...]:
        """The tag of every failure, in order."""
        return tuple(e.tag for e in self.errors)


class FieldTypeError(ValidationError, TypeError):
    """A hand-built event holds a value of the wrong Python type (``text=5``): the
    failures are ``type`` errors (``field 'text' must be a str, not int``), listed
    with any rule the values of the right type break. Also a ``TypeError``."""


class URNError(EventError):
    """A URN helper was given a string that is not a valid URN (gocommon's message)."""
