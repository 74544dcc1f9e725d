"""Nanosecond timestamps with a fixed UTC offset, read and written the way goflow does.

goflow stores ``created_on`` (and a contact field's ``datetime``) as a Go ``time.Time``.
Python's :class:`datetime.datetime` cannot hold what such a value holds: year 0,
nanoseconds, or an offset of a day or more (``+99:99`` is accepted by Go and means
``+100:39``). :class:`Timestamp` keeps exactly what Go keeps:

* the wall clock as written (year, month, day, hour, minute, second, nanosecond);
* the UTC offset in seconds;
* whether the zone was written ``Z`` (Go's "is zero" test depends on it).

Reading (:meth:`Timestamp.parse_token`) follows Go 1.19's ``time.Time.UnmarshalJSON``:
the *raw* JSON token, quotes included and escapes undecoded, is parsed with the layout
``"2006-01-02T15:04:05Z07:00"`` using Go's lenient grammar, and every failure carries
Go's exact message (``json.md`` §2.9). A precompiled regular expression handles the
common, well-formed shape; everything else goes through an exact re-enactment of Go's
layout walk, which alone decides error messages and positions.

Writing follows Go's ``RFC3339Nano`` (:meth:`Timestamp.isoformat`, ``json.md`` §3.6)
and goflow's fixed six-digit ``XDateTime`` form (:meth:`Timestamp.xdatetime_format`,
``types.md`` §7.2).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any, Final, Optional, Tuple

import attrs

from flows_events.errors import DecodeError, EventError

__all__ = ["Timestamp", "TimestampError"]


class TimestampError(DecodeError):
    """A time token that Go's ``time.Time.UnmarshalJSON`` rejects; ``str()`` is Go's text."""


# --------------------------------------------------------------------------- constants

_NS_PER_SECOND: Final = 1_000_000_000
_SECONDS_PER_DAY: Final = 86_400

#: The layout Go parses JSON times with, already quoted the way its errors show it.
_QUOTED_LAYOUT: Final = '"\\"2006-01-02T15:04:05Z07:00\\""'

_MARSHAL_YEAR_ERROR: Final = (
    "json: error calling MarshalJSON for type time.Time: "
    "Time.MarshalJSON: year outside of range [0,9999]"
)

#: Days in each month of a common year (index 0 unused), for the day-of-month check.
_DAYS_IN_MONTH: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

#: The overwhelmingly common shape: two-digit fields, optional fraction, ``Z`` or ±hh:mm.
#: Anything it matches is parsed by Go in exactly the same way; only ranges remain to check.
_FAST_RE: Final = re.compile(
    r'"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})'
    r'(?:[.,]([0-9]+))?(?:Z|([+-])([0-9]{2}):([0-9]{2}))"',
    re.ASCII,
)

#: A date valid in every year: days 01-28 of any month, 29-30 of any month but
#: February, 31 of the long months (February 29 depends on the year: the full parser
#: checks it).
_DATE: Final = (
    r"[0-9]{4}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"
    r"|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)"
)
_CLOCK: Final = r"T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
_ZONE: Final = r"(?:Z|[+-](?!00:00)[0-9]{2}:[0-5][0-9])"

#: Go's own RFC3339Nano output with every field in range (see _DATE): a fraction
#: without trailing zeros, ``Z`` or a non-zero two-digit-hour offset.
_CANONICAL_RE: Final = re.compile(_DATE + _CLOCK + r"(?:\.[0-9]{0,8}[1-9])?" + _ZONE, re.ASCII)
_CANONICAL_MATCH: Final = _CANONICAL_RE.fullmatch

#: Go's output form (no group set), or one near it (see _NEAR_CANONICAL_MATCH): a
#: fraction ending in a zero (group 1) or a zero offset written ``+00:00`` or
#: ``-00:00`` (group 2), or both. The one match both paths make first (see
#: :func:`_from_canonical`, :func:`_near_canonical`); the two plain patterns around it
#: say what each form is, and the tests hold it to them.
_GO_FORM_MATCH: Final = re.compile(
    _DATE + _CLOCK + r"(?:\.[0-9]{0,8}(?:[1-9]|(0)))?(?:Z|[+-](?!00:00)[0-9]{2}:[0-5][0-9]|([+-]00:00))",
    re.ASCII,
).fullmatch

#: The same with any fraction of 1 to 9 digits (goflow's six-digit ``XDateTime`` form,
#: say), or a zero offset written ``+00:00`` or ``-00:00`` (Python's ``isoformat()``):
#: the canonical text is the input with the fraction's trailing zeros (and a fraction
#: of zeros) removed and a zero offset written ``Z``, as Go writes it back. (Go reads a
#: zero offset into a location of its own, which only its zero-time rule tells from
#: ``Z``: such a value keeps ``zulu`` false.)
_NEAR_CANONICAL_MATCH: Final = re.compile(
    _DATE + _CLOCK + r"(?:\.[0-9]{1,9})?(?:Z|[+-][0-9]{2}:[0-5][0-9])", re.ASCII
).fullmatch


_DIGITS: Final = frozenset(b"0123456789")


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year: int, month: int) -> int:
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 of a proleptic Gregorian date (any year, exact)."""
    if month <= 2:
        year -= 1
    era = year // 400
    yoe = year - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146_097 + doe - 719_468


def _civil_from_days(days: int) -> tuple[int, int, int]:
    """The inverse of :func:`_days_from_civil`."""
    days += 719_468
    era = days // 146_097
    doe = days - era * 146_097
    yoe = (doe - doe // 1460 + doe // 36_524 - doe // 146_096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (1 if month <= 2 else 0), month, day


# --------------------------------------------------------------------------- formatting helpers


def _go_year(year: int) -> str:
    """A year as Go's formatter writes it: at least 4 digits, ``-`` before negatives."""
    if year < 0:
        return f"-{-year:04d}"
    return f"{year:04d}"


def _zone(offset: int) -> str:
    """Go's ``Z07:00`` output: ``Z`` for 0, else sign, hours (≥ 2 digits), ``:``, minutes.

    Offset seconds are dropped; the minutes are truncated toward zero, so an offset
    of -30 s gives ``+00:00`` (as Go does).
    """
    if offset == 0:
        return "Z"
    minutes = abs(offset) // 60
    sign = "-" if offset < 0 and minutes else "+"
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _go_quote(data: bytes) -> str:
    """Quote text the way Go 1.19's ``time`` package does in its parse errors.

    Wrapped in ``"``; ``"`` and ``\\`` get a backslash; every byte of a non-ASCII or
    control character is written ``\\xNN`` (lowercase hex); other bytes as they are.
    """
    parts = ['"']
    for byte in data:
        if byte >= 0x80 or byte < 0x20:
            parts.append(f"\\x{byte:02x}")
        elif byte == 0x22 or byte == 0x5C:
            parts.append("\\" + chr(byte))
        else:
            parts.append(chr(byte))
    parts.append('"')
    return "".join(parts)


def _token_bytes(token: str) -> bytes:
    """The bytes Go would have seen for ``token``.

    Undecodable input bytes that a reader kept with ``errors="surrogateescape"``
    come back as the original bytes, so the ``\\xNN`` of the error text is Go's.
    """
    try:
        return token.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return token.encode("utf-8", "surrogatepass")


# --------------------------------------------------------------------------- the class


class Timestamp:
    """A point in time as Go's ``time.Time`` holds it after reading JSON.

    Attributes: ``year``, ``month``, ``day``, ``hour``, ``minute``, ``second``,
    ``nanosecond`` (the wall clock as written), ``offset`` (seconds east of UTC, any
    size: ``+99:99`` is 362 340) and ``zulu`` (the zone was written ``Z``: only Go's
    zero-time rule sees it). Instances are immutable and hashable.

    Equality compares the wall clock and the offset (two values for the same instant
    in different offsets are *not* equal, as with Go's ``==``); ``zulu`` is ignored.
    Ordering (``<``, ``<=``, ``>``, ``>=``) compares instants, so two values can be
    ``<=`` each other in both directions without being equal.

    A value read from text already in Go's output form keeps that text and computes
    its fields only when asked, so that reading and writing millions of events does
    not pay for fields nobody looks at; this changes no result.
    """

    __slots__ = ("_f", "_text", "_zulu")

    _f: Optional[Tuple[int, int, int, int, int, int, int, int]]
    _text: Optional[str]
    _zulu: bool

    def __init__(
        self,
        year: int,
        month: int,
        day: int,
        hour: int = 0,
        minute: int = 0,
        second: int = 0,
        nanosecond: int = 0,
        offset: int = 0,
        zulu: Optional[bool] = None,
    ) -> None:
        fields = (year, month, day, hour, minute, second, nanosecond, offset)
        _set(self, "_f", fields)
        _set(self, "_text", None)
        _set(self, "_zulu", offset == 0 if zulu is None else zulu)
        _check_fields(self)

    def _fields(self) -> Tuple[int, int, int, int, int, int, int, int]:
        fields = getattr(self, "_f", None)  # unset until first needed, for values read as text
        if fields is None:
            fields = _fields_of_canonical(self._text)  # type: ignore[arg-type]
            _set(self, "_f", fields)
        return fields

    @property
    def zulu(self) -> bool:
        """The zone was written ``Z`` (only Go's zero-time rule sees it)."""
        zulu: Optional[bool] = getattr(self, "_zulu", None)  # unset for values read in Go's output form
        if zulu is None:
            return self._text[-1] == "Z"  # type: ignore[index]  # (Go writes Z for offset 0)
        return zulu

    @property
    def year(self) -> int:
        """Wall-clock year as written (0–9999 when read)."""
        return self._fields()[0]

    @property
    def month(self) -> int:
        """Month 1–12."""
        return self._fields()[1]

    @property
    def day(self) -> int:
        """Day of the month (proleptic Gregorian; year 0 is a leap year)."""
        return self._fields()[2]

    @property
    def hour(self) -> int:
        """Hour 0–23."""
        return self._fields()[3]

    @property
    def minute(self) -> int:
        """Minute 0–59."""
        return self._fields()[4]

    @property
    def second(self) -> int:
        """Second 0–59 (no leap seconds)."""
        return self._fields()[5]

    @property
    def nanosecond(self) -> int:
        """Nanoseconds 0–999 999 999."""
        return self._fields()[6]

    @property
    def offset(self) -> int:
        """Offset from UTC in seconds, east positive, any size (``+99:99`` is 362 340)."""
        return self._fields()[7]

    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError()

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Timestamp:
            return NotImplemented
        assert isinstance(other, Timestamp)
        text, other_text = self._text, other._text
        if text is not None and other_text is not None:
            return text == other_text  # Go's output form is one-to-one with the fields
        return self._fields() == other._fields()

    def __ne__(self, other: object) -> bool:
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        y, mo, d, h, mi, s, ns, off = self._fields()
        return (
            f"Timestamp(year={y}, month={mo}, day={d}, hour={h}, minute={mi}, second={s}, "
            f"nanosecond={ns}, offset={off}, zulu={self.zulu})"
        )

    def __reduce__(self) -> Tuple[Any, ...]:
        return (Timestamp, (*self._fields(), self.zulu))

    def __copy__(self) -> Timestamp:
        return self

    def __deepcopy__(self, memo: Any) -> Timestamp:
        return self

    # ------------------------------------------------------------------ reading

    @classmethod
    def parse_token(cls, token: str) -> Timestamp:
        """Parse a raw JSON token exactly like goflow (Go 1.19 ``time.Time.UnmarshalJSON``).

        ``token`` is the token's source text: for a string its quotes are included and
        its escapes are *not* decoded (``"...\\u005a"`` is not ``Z`` and fails). Any
        other kind of token (``12345``, ``true``, ``{}``) fails at the first ``"``.
        The JSON ``null`` is the caller's business (Go leaves the time unchanged).

        Raises :class:`TimestampError` with Go's exact message.
        """
        if token[:1] == '"' and token[-1:] == '"':
            ts = _from_canonical(token[1:-1])
            if ts is not None:
                return ts
        return _parse_token_not_canonical(token)

    @classmethod
    def parse(cls, text: str) -> Timestamp:
        """Parse a plain RFC 3339 string (Go's lenient grammar).

        Exactly ``parse_token('"' + text + '"')``: the same rules apply and error
        messages show the added quotes, as goflow's would for that JSON string.
        """
        return cls.parse_token('"' + text + '"')

    # ------------------------------------------------------------------ writing

    def isoformat(self) -> str:
        """Go's ``RFC3339Nano`` text, as goflow writes ``created_on`` (json.md §3.6).

        Trailing zeros of the fraction are trimmed (no fraction at all when it is 0);
        the zone is ``Z`` for offset 0, else ``±hh:mm`` with at least two hour digits
        (``+100:39`` is possible) and offset seconds dropped.

        Raises :class:`~flows_events.errors.EventError` with Go's marshal error when the
        year is outside 0–9999 (only possible for values built by hand).
        """
        text = self._text
        if text is not None:
            return text
        if not 0 <= self.year <= 9999:
            raise EventError(_MARSHAL_YEAR_ERROR)
        return self._rfc3339nano()

    def __str__(self) -> str:
        """Like :meth:`isoformat`, but never raises: other years are written as Go's
        ``Format`` writes them (``-0001``, ``10000``)."""
        return self._text or self._rfc3339nano()

    def _rfc3339nano(self) -> str:
        year = self.year
        year_text = f"{year:04d}" if 0 <= year <= 9999 else _go_year(year)
        text = (
            f"{year_text}-{self.month:02d}-{self.day:02d}"
            f"T{self.hour:02d}:{self.minute:02d}:{self.second:02d}"
        )
        nanosecond = self.nanosecond
        if nanosecond:
            text += f".{nanosecond:09d}".rstrip("0")
        offset = self.offset
        return text + ("Z" if offset == 0 else _zone(offset))

    def xdatetime_format(self) -> str:
        """goflow's ``XDateTime`` text (types.md §7.2).

        ``YYYY-MM-DDThh:mm:ss.ffffff`` with exactly six fraction digits, truncated (not
        rounded), then ``Z`` for offset 0 or ``±hh:mm``.
        """
        return (
            f"{_go_year(self.year)}-{self.month:02d}-{self.day:02d}"
            f"T{self.hour:02d}:{self.minute:02d}:{self.second:02d}"
            f".{self.nanosecond // 1000:06d}{_zone(self.offset)}"
        )

    # ------------------------------------------------------------------ Go semantics

    @property
    def is_zero(self) -> bool:
        """Go's ``IsZero`` for a value read from JSON (json.md §2.9 "Zero-time rule").

        True only for exactly ``0001-01-01T00:00:00`` UTC written with ``Z``; a numeric
        offset (even ``+00:00``) attaches a location in Go and makes the value non-zero.
        This is what goflow's ``required`` check on ``created_on`` tests.
        """
        text = self._text
        if text is not None:
            return text == "0001-01-01T00:00:00Z" and self.zulu
        return (
            self.zulu
            and self.offset == 0
            and self.nanosecond == 0
            and self.second == 0
            and self.minute == 0
            and self.hour == 0
            and self.day == 1
            and self.month == 1
            and self.year == 1
        )

    @property
    def unix_nanos(self) -> int:
        """The instant as integer nanoseconds since 1970-01-01T00:00:00Z (exact, any year)."""
        days = _days_from_civil(self.year, self.month, self.day)
        seconds = (
            days * _SECONDS_PER_DAY
            + self.hour * 3600
            + self.minute * 60
            + self.second
            - self.offset
        )
        return seconds * _NS_PER_SECOND + self.nanosecond

    @classmethod
    def from_unix_nanos(cls, ns: int, offset: int = 0) -> Timestamp:
        """The instant ``ns`` (nanoseconds since the Unix epoch) seen at UTC ``offset`` seconds.

        ``zulu`` follows its default (true for offset 0).
        """
        if not _is_int(ns) or not _is_int(offset):
            raise EventError("from_unix_nanos needs int nanoseconds and an int offset")
        seconds, nanosecond = divmod(ns + offset * _NS_PER_SECOND, _NS_PER_SECOND)
        days, second_of_day = divmod(seconds, _SECONDS_PER_DAY)
        year, month, day = _civil_from_days(days)
        hour, rest = divmod(second_of_day, 3600)
        minute, second = divmod(rest, 60)
        return cls(year, month, day, hour, minute, second, nanosecond, offset)

    # ------------------------------------------------------------------ datetime

    def to_datetime(self) -> datetime:
        """An aware :class:`~datetime.datetime` with the same wall clock and offset.

        Microseconds are the nanoseconds truncated. Raises
        :class:`~flows_events.errors.EventError` when ``datetime`` cannot represent the
        value: a year outside 1–9999 (e.g. year 0) or an offset of 24 hours or more.
        """
        if not 1 <= self.year <= 9999:
            raise EventError(
                f"cannot convert {self} to datetime: year {self.year} is outside 1..9999"
            )
        offset = self.offset
        if not -_SECONDS_PER_DAY < offset < _SECONDS_PER_DAY:
            raise EventError(
                f"cannot convert {self} to datetime: UTC offset of {offset} seconds "
                "is not less than 24 hours"
            )
        tz = timezone.utc if offset == 0 else timezone(timedelta(seconds=offset))
        return datetime(
            self.year,
            self.month,
            self.day,
            self.hour,
            self.minute,
            self.second,
            self.nanosecond // 1000,
            tzinfo=tz,
        )

    @classmethod
    def from_datetime(cls, dt: datetime, nanosecond: int | None = None) -> Timestamp:
        """The timestamp for an aware ``dt`` (its wall clock and its UTC offset).

        ``nanosecond``, if given, replaces the sub-second part (otherwise it is
        ``dt.microsecond * 1000``). Naive datetimes are refused with
        :class:`~flows_events.errors.EventError`, as are offsets with a fractional second.
        ``zulu`` follows its default (true for offset 0).
        """
        if not isinstance(dt, datetime):
            raise EventError(f"expected a datetime, got {type(dt).__name__}")
        utcoffset = dt.utcoffset()
        if utcoffset is None:
            raise EventError("naive datetime: attach a tzinfo")
        if utcoffset.microseconds:
            raise EventError(f"UTC offset {utcoffset} has a fractional second")
        offset = utcoffset.days * _SECONDS_PER_DAY + utcoffset.seconds
        if nanosecond is None:
            nanosecond = dt.microsecond * 1000
        return cls(
            dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second, nanosecond, offset
        )

    # ------------------------------------------------------------------ ordering

    def __lt__(self, other: Timestamp) -> bool:
        if not isinstance(other, Timestamp):
            return NotImplemented
        return self.unix_nanos < other.unix_nanos

    def __le__(self, other: Timestamp) -> bool:
        if not isinstance(other, Timestamp):
            return NotImplemented
        return self.unix_nanos <= other.unix_nanos

    def __gt__(self, other: Timestamp) -> bool:
        if not isinstance(other, Timestamp):
            return NotImplemented
        return self.unix_nanos > other.unix_nanos

    def __ge__(self, other: Timestamp) -> bool:
        if not isinstance(other, Timestamp):
            return NotImplemented
        return self.unix_nanos >= other.unix_nanos


# --------------------------------------------------------------------------- construction


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_fields(ts: Timestamp) -> None:
    """Refuse impossible values built by hand (read values are always valid)."""
    for name in (
        "year",
        "month",
        "day",
        "hour",
        "minute",
        "second",
        "nanosecond",
        "offset",
    ):
        value = getattr(ts, name)
        if not _is_int(value):
            raise EventError(
                f"Timestamp.{name} must be an int, not {type(value).__name__}"
            )
    if not isinstance(ts.zulu, bool):
        raise EventError(f"Timestamp.zulu must be a bool, not {type(ts.zulu).__name__}")
    if not 1 <= ts.month <= 12:
        raise EventError(f"Timestamp.month must be in 1..12, not {ts.month}")
    last_day = _days_in_month(ts.year, ts.month)
    if not 1 <= ts.day <= last_day:
        raise EventError(
            f"Timestamp.day must be in 1..{last_day} for {_go_year(ts.year)}-{ts.month:02d}, "
            f"not {ts.day}"
        )
    if not 0 <= ts.hour <= 23:
        raise EventError(f"Timestamp.hour must be in 0..23, not {ts.hour}")
    if not 0 <= ts.minute <= 59:
        raise EventError(f"Timestamp.minute must be in 0..59, not {ts.minute}")
    if not 0 <= ts.second <= 59:
        raise EventError(f"Timestamp.second must be in 0..59, not {ts.second}")
    if not 0 <= ts.nanosecond <= 999_999_999:
        raise EventError(
            f"Timestamp.nanosecond must be in 0..999999999, not {ts.nanosecond}"
        )
    if ts.zulu and ts.offset != 0:
        raise EventError(f"Timestamp.zulu needs offset 0, not {ts.offset}")


_new = object.__new__
_set = object.__setattr__
# the slots' own setters: the fastest way to fill a new (frozen) instance
_set_text = Timestamp.__dict__["_text"].__set__
_set_zulu = Timestamp.__dict__["_zulu"].__set__


def _make(
    year: int,
    month: int,
    day: int,
    hour: int,
    minute: int,
    second: int,
    nanosecond: int,
    offset: int,
    zulu: bool,
) -> Timestamp:
    """Build a Timestamp from fields already known to be valid (skips the checks)."""
    ts: Timestamp = _new(Timestamp)
    _set(ts, "_f", (year, month, day, hour, minute, second, nanosecond, offset))
    _set(ts, "_text", None)
    _set(ts, "_zulu", zulu)
    return ts


def _from_canonical(text: str) -> Optional[Timestamp]:
    """The timestamp for a string in Go's output form, or near it (trailing zeros in the
    fraction, a zero offset written ``+00:00``), keeping the text Go writes back;
    ``None`` for anything else (left to the full parser)."""
    match = _GO_FORM_MATCH(text)
    if match is None:
        return None
    if match.lastindex is not None:
        return _near_canonical(text)
    ts: Timestamp = _new(Timestamp)
    _set_text(ts, text)
    return ts


def _near_canonical(text: str) -> Timestamp:
    """The timestamp for a text known to be near Go's output form (see
    _NEAR_CANONICAL_MATCH and _GO_FORM_MATCH), keeping the text
    Go writes back: trailing fraction zeros dropped, a zero offset written ``Z`` (and
    then ``zulu`` false)."""
    body, zone = (text[:-1], "Z") if text[-1] == "Z" else (text[:-6], text[-6:])
    if len(body) > 19:  # a fraction: without its trailing zeros (and its point, if all zeros)
        body = body.rstrip("0").rstrip(".")
    ts: Timestamp = _new(Timestamp)
    if zone == "+00:00" or zone == "-00:00":  # written Z, but not zulu
        _set_text(ts, body + "Z")
        _set_zulu(ts, False)
    else:
        _set_text(ts, body + zone)
    return ts


def _parse_token_not_canonical(token: str) -> Timestamp:
    """:meth:`Timestamp.parse_token` for a token known not to be (near) Go's output form."""
    match = _FAST_RE.fullmatch(token)
    if match is None:
        return _parse_token_exact(token)
    year_s, month_s, day_s, hour_s, minute_s, second_s, frac, sign, oh, om = (
        match.groups()
    )
    year = int(year_s)
    month = int(month_s)
    day = int(day_s)
    hour = int(hour_s)
    minute = int(minute_s)
    second = int(second_s)
    if (
        not 1 <= month <= 12
        or hour > 23
        or minute > 59
        or second > 59
        or day < 1
        or day > (29 if month == 2 and _is_leap(year) else _DAYS_IN_MONTH[month])
    ):
        return _parse_token_exact(token)  # raises Go's range error
    if frac is None:
        nanosecond = 0
    elif len(frac) >= 9:
        nanosecond = int(frac[:9])
    else:
        nanosecond = int(frac) * 10 ** (9 - len(frac))
    if sign is None:
        return _make(year, month, day, hour, minute, second, nanosecond, 0, True)
    offset = (int(oh) * 60 + int(om)) * 60
    if sign == "-":
        offset = -offset
    return _make(year, month, day, hour, minute, second, nanosecond, offset, False)


def _fields_of_canonical(text: str) -> Tuple[int, int, int, int, int, int, int, int]:
    """The fields of a text in Go's RFC3339Nano output form (already checked)."""
    if text[-1] == "Z":
        offset = 0
        end = len(text) - 1
    else:
        end = len(text) - 6
        offset = (int(text[end + 1 : end + 3]) * 60 + int(text[end + 4 : end + 6])) * 60
        if text[end] == "-":
            offset = -offset
    nanosecond = int(text[20:end].ljust(9, "0")) if end > 19 else 0
    return (
        int(text[0:4]),
        int(text[5:7]),
        int(text[8:10]),
        int(text[11:13]),
        int(text[14:16]),
        int(text[17:19]),
        nanosecond,
        offset,
    )


# --------------------------------------------------------------------------- the exact path


class _LayoutMismatch(Exception):
    """Internal: the layout element ``elem`` did not match at byte ``pos``."""

    def __init__(self, elem: str, pos: int) -> None:
        super().__init__(elem, pos)
        self.elem = elem
        self.pos = pos


def _two_sign_int(part: bytes) -> int | None:
    """Go's lenient small-int reading of a 2-byte zone part: optional sign, then digits."""
    negative = False
    if part[:1] in (b"+", b"-"):
        negative = part[:1] == b"-"
        part = part[1:]
    if not all(b in _DIGITS for b in part):
        return None
    value = int(part) if part else 0
    return -value if negative else value


def _parse_token_exact(token: str) -> Timestamp:
    """Re-enact Go 1.19's layout walk over the token's bytes; the reference path.

    Every verdict and every error message comes from here; :meth:`Timestamp.parse_token`
    only short-cuts the well-formed common shape.
    """
    data = _token_bytes(token)
    try:
        return _walk(data)
    except _LayoutMismatch as mismatch:
        raise TimestampError(
            f"parsing time {_go_quote(data)} as {_QUOTED_LAYOUT}: cannot parse "
            f"{_go_quote(data[mismatch.pos :])} as {_go_quote(mismatch.elem.encode())}"
        ) from None


def _walk(v: bytes) -> Timestamp:
    n = len(v)
    i = 0

    def literal(char: int, elem: str) -> None:
        nonlocal i
        if i >= n or v[i] != char:
            raise _LayoutMismatch(elem, i)
        i += 1

    def digit(at: int) -> bool:
        return at < n and v[at] in _DIGITS

    def two_digits(elem: str) -> int:
        nonlocal i
        if not (digit(i) and digit(i + 1)):
            raise _LayoutMismatch(elem, i)
        i += 2
        return (v[i - 2] - 48) * 10 + v[i - 1] - 48

    def out_of_range(what: str) -> TimestampError:
        return TimestampError(f"parsing time {_go_quote(v)}: {what} out of range")

    literal(0x22, '"')
    # Year: four bytes are taken once the first is a digit; then all must be digits.
    if n - i < 4 or not digit(i):
        raise _LayoutMismatch("2006", i)
    year_part = v[i : i + 4]
    i += 4
    if not all(b in _DIGITS for b in year_part):
        raise _LayoutMismatch("2006", i)
    year = int(year_part)
    literal(0x2D, "-")
    month = two_digits("01")
    if not 1 <= month <= 12:
        raise out_of_range("month")
    literal(0x2D, "-")
    day = two_digits("02")  # checked only once everything else has parsed
    literal(0x54, "T")
    # Hour: one digit, or two when a second digit follows.
    if not digit(i):
        raise _LayoutMismatch("15", i)
    if digit(i + 1):
        hour = (v[i] - 48) * 10 + v[i + 1] - 48
        i += 2
    else:
        hour = v[i] - 48
        i += 1
    if hour >= 24:
        raise out_of_range("hour")
    literal(0x3A, ":")
    minute = two_digits("04")
    if minute >= 60:
        raise out_of_range("minute")
    literal(0x3A, ":")
    second = two_digits("05")
    if second >= 60:
        raise out_of_range("second")
    # Fraction: only when '.' or ',' is followed by a digit; digits past 9 are ignored.
    nanosecond = 0
    if n - i >= 2 and v[i] in b".," and digit(i + 1):
        end = i + 1
        while digit(end):
            end += 1
        digits = v[i + 1 : min(end, i + 10)]
        nanosecond = int(digits) * 10 ** (9 - len(digits))
        i = end
    # Zone: 'Z', or six bytes "sHH:MM" taken first and then read leniently.
    if i < n and v[i] == 0x5A:
        i += 1
        offset = 0
        zulu = True
    else:
        if n - i < 6 or v[i + 3] != 0x3A:
            raise _LayoutMismatch("Z07:00", i)
        sign = v[i]
        hours = _two_sign_int(v[i + 1 : i + 3])
        minutes = _two_sign_int(v[i + 4 : i + 6])
        i += 6
        if hours is None or minutes is None or sign not in b"+-":
            raise _LayoutMismatch("Z07:00", i)
        offset = (hours * 60 + minutes) * 60
        if sign == 0x2D:
            offset = -offset
        zulu = False
    literal(0x22, '"')
    if i != n:
        raise TimestampError(
            f"parsing time {_go_quote(v)}: extra text: {_go_quote(v[i:])}"
        )
    if not 1 <= day <= _days_in_month(year, month):
        raise out_of_range("day")
    return _make(year, month, day, hour, minute, second, nanosecond, offset, zulu)
