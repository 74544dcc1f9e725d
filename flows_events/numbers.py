"""goflow's ``XNumber``: arbitrary-precision decimals read and written like Go does.

A contact field's ``number`` is a ``types.XNumber`` in goflow, backed by
``shopspring/decimal``. Its JSON reader takes the *raw* token text (a string keeps its
quotes and undecoded escapes unless it is longer than two characters, in which case the
quotes are dropped) and turns it into ``integer × 10**exponent`` with a few quirks of its
own (types.md §7.3). The writer prints the canonical plain decimal: never an exponent,
never ``+``, no negative zero, no trailing fractional zeros.

:func:`parse_xnumber` reproduces the reader, verdicts and error texts included;
:func:`format_xnumber` reproduces the writer. Python's :class:`~decimal.Decimal` accepts
text that Go refuses (spaces, ``_``, ``Infinity``, non-ASCII digits), so the text is
validated with ASCII-only rules first and the value is then built exactly; nothing here
depends on the active decimal context.

One deliberate divergence: Go would write ``1e2000000000`` as two billion digits.
:func:`format_xnumber` refuses outputs longer than :data:`MAX_OUTPUT_CHARS` characters
with an :class:`~flows_events.errors.EventError` instead of exhausting memory.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Final

from flows_events.errors import DecodeError, EventError

__all__ = ["MAX_OUTPUT_CHARS", "NumberError", "format_xnumber", "parse_xnumber", "xnumber_data"]


class NumberError(DecodeError):
    """A token that goflow's ``XNumber`` reader rejects; ``str()`` is Go's text."""


#: The longest text :func:`format_xnumber` will produce (the one divergence from Go).
MAX_OUTPUT_CHARS: Final = 100_000

_INT32_MIN: Final = -(2**31)
_INT32_MAX: Final = 2**31 - 1
_UINT32_MAX: Final = 2**32 - 1

#: What Go's ``big.Int.SetString(s, 10)`` accepts: optional sign, ASCII digits.
_INTEGER_RE: Final = re.compile(r"[+-]?[0-9]+", re.ASCII)
#: An exponent Go's ``strconv.ParseInt(s, 10, 32)`` reads; group 2 = significant digits.
#: (no "0*" before the digits: two overlapping runs would make fullmatch quadratic)
_EXPONENT_RE: Final = re.compile(r"([+-]?)([0-9]*)", re.ASCII)
_LEADING_DIGITS_RE: Final = re.compile(r"[+-]?0*([0-9]*)", re.ASCII)
_E_RE: Final = re.compile(r"[eE]")


class _Reason(Exception):
    """Internal: the text after ``Error decoding string '<s>': ``."""


def parse_xnumber(raw: str) -> Decimal:
    """Read a contact field's ``number`` from its raw JSON token text, like goflow.

    ``raw`` is the token exactly as it appears in the document: ``1e3``, ``"1.50"``
    (quotes kept, escapes undecoded), ``true``, ``[1]``. The JSON ``null`` is the
    caller's business (goflow leaves the field nil). The result is exactly
    ``integer × 10**exponent`` with the coefficient and exponent goflow computes
    (``"1.50"`` → ``Decimal('1.5')``, ``1e3`` → ``Decimal('1E+3')``; zero is never
    negative).

    Raises :class:`NumberError` with goflow's text, e.g.
    ``Error decoding string '5e': can't convert 5e to decimal: exponent is not numeric``.
    """
    text = raw
    if len(text) > 2 and text[0] == '"' and text[-1] == '"':
        text = text[1:-1]
    try:
        return _from_string(text)
    except _Reason as reason:
        raise NumberError(f"Error decoding string '{text}': {reason}") from None


def _parse_int32(text: str) -> int | None:
    """An int32 read like Go's ``ParseInt(text, 10, 32)``; None for a syntax error.

    Raises ``OverflowError`` for a range error. Go reports a range error as soon as the
    digits read so far overflow, even when junk follows them.
    """
    match = _EXPONENT_RE.fullmatch(text)
    if match is not None:
        sign, digits = match.groups()
        digits = digits.lstrip("0")
        if not digits and not text.lstrip("+-"):
            return None  # empty, or a sign alone
        if len(digits) > 10:
            raise OverflowError
        value = int(digits) if digits else 0
        if sign == "-":
            if value > -_INT32_MIN:
                raise OverflowError
            return -value
        if value > _INT32_MAX:
            raise OverflowError
        return value
    # Not a number: still a range error if the leading digits already overflow uint32.
    leading = _LEADING_DIGITS_RE.match(text)
    digits = leading.group(1) if leading is not None else ""
    if len(digits) > 10 or (digits and int(digits) > _UINT32_MAX):
        raise OverflowError
    return None


def _from_string(text: str) -> Decimal:
    exponent = 0
    mantissa = text
    e_match = _E_RE.search(text)
    if e_match is not None:
        e_index = e_match.start()
        try:
            parsed = _parse_int32(text[e_index + 1 :])
        except OverflowError:
            raise _Reason(
                f"can't convert {text} to decimal: fractional part too long"
            ) from None
        if parsed is None:
            raise _Reason(f"can't convert {text} to decimal: exponent is not numeric")
        exponent = parsed
        mantissa = text[:e_index]

    parts = mantissa.split(".")
    if len(parts) == 1:
        integer = mantissa
    elif len(parts) == 2:
        fraction = parts[1].rstrip("0")
        integer = parts[0] + fraction
        # Go subtracts the fraction's length in bytes; anything non-ASCII fails below.
        exponent -= len(fraction)
    else:
        raise _Reason(f"can't convert {mantissa} to decimal: too many .s")

    if _INTEGER_RE.fullmatch(integer) is None:
        raise _Reason(f"can't convert {mantissa} to decimal")
    if not _INT32_MIN <= exponent <= _INT32_MAX:
        raise _Reason(f"can't convert {text} to decimal: fractional part too long")

    negative = integer[0] == "-"
    digits = integer.lstrip("+-").lstrip("0") or "0"
    if digits == "0":
        negative = False  # a big.Int has no negative zero
    # Construction from a string is exact and independent of the decimal context.
    return Decimal(f"{'-' if negative else ''}{digits}E{exponent}")


def format_xnumber(d: Decimal) -> str:
    """goflow's output for an ``XNumber``: the canonical plain decimal text.

    No exponent, no ``+``, ``-0`` written ``0``, trailing fractional zeros (and a bare
    point) removed: ``Decimal('1E+3')`` → ``1000``, ``Decimal('1.50')`` → ``1.5``,
    ``Decimal('1E-7')`` → ``0.0000001``.

    Raises :class:`~flows_events.errors.EventError` for NaN and infinities, and
    ("number too large to write: …") when the text would exceed
    :data:`MAX_OUTPUT_CHARS` characters — Go has no such limit (deliberate divergence).
    """
    if not isinstance(d, Decimal):
        raise EventError(f"expected a Decimal, got {type(d).__name__}")
    if not d.is_finite():
        raise EventError(f"cannot write {d} as a number")
    sign, digit_tuple, exponent = d.as_tuple()
    assert isinstance(exponent, int)  # finite
    digits = "".join(map(str, digit_tuple)).lstrip("0")
    if not digits:
        return "0"
    prefix = "-" if sign else ""
    if exponent < 0:
        stripped = digits.rstrip("0")
        exponent += len(digits) - len(stripped)
        digits = stripped
    if exponent >= 0:
        size = len(prefix) + len(digits) + exponent
        if size > MAX_OUTPUT_CHARS:
            raise _too_large(size)
        return prefix + digits + "0" * exponent
    places = -exponent
    size = len(prefix) + (len(digits) + 1 if len(digits) > places else places + 2)
    if size > MAX_OUTPUT_CHARS:
        raise _too_large(size)
    if len(digits) > places:
        return prefix + digits[:-places] + "." + digits[-places:]
    return prefix + "0." + "0" * (places - len(digits)) + digits


def xnumber_data(value: Decimal) -> Any:
    """An XNumber as JSON-ready Python data: an ``int`` when whole (and of a sane size),
    a ``float`` when exact, else the ``Decimal`` itself (``1e999999999`` must not
    become a billion digits)."""
    if value.adjusted() < 4300 and value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    return as_float if Decimal(repr(as_float)) == value else value


def _too_large(size: int) -> EventError:
    return EventError(
        f"number too large to write: {size} characters exceed the limit of "
        f"{MAX_OUTPUT_CHARS} (goflow would write them all)"
    )
