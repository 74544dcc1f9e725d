"""Where new events get their time and new messages their UUID.

goflow stamps ``created_on`` with ``utils.Now()`` and gives outgoing messages
``utils.NewUUID()``; both can be replaced so that tests are reproducible. These are
the Python equivalents: the wall clock (with nanoseconds, in the local zone) and
random version-4 UUIDs by default, replaceable with :func:`set_time_source` and
:func:`set_uuid_source` (``flows_events.testing`` builds frozen clocks and seeded
generators on top of them).
"""

from __future__ import annotations

import time
import uuid
from typing import Callable

from .timestamps import Timestamp

__all__ = ["now", "new_uuid", "set_time_source", "set_uuid_source", "wall_clock", "random_uuid4"]

TimeSource = Callable[[], Timestamp]
UUIDSource = Callable[[], str]


def wall_clock() -> Timestamp:
    """The current time with nanoseconds, at the local zone's UTC offset (Go's time.Now)."""
    ns = time.time_ns()
    offset = time.localtime(ns // 1_000_000_000).tm_gmtoff
    return Timestamp.from_unix_nanos(ns, offset)


def random_uuid4() -> str:
    """A random version-4 UUID in lowercase canonical form."""
    return str(uuid.uuid4())


_time_source: TimeSource = wall_clock
_uuid_source: UUIDSource = random_uuid4


def now() -> Timestamp:
    """The current time from the installed time source."""
    return _time_source()


def new_uuid() -> str:
    """A new UUID from the installed UUID source."""
    return _uuid_source()


def set_time_source(source: TimeSource) -> TimeSource:
    """Install ``source`` as the time source; returns the previous one."""
    global _time_source
    previous, _time_source = _time_source, source
    return previous


def set_uuid_source(source: UUIDSource) -> UUIDSource:
    """Install ``source`` as the UUID source; returns the previous one."""
    global _uuid_source
    previous, _uuid_source = _uuid_source, source
    return previous
