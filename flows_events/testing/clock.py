"""A controllable clock and a seeded UUID4 generator for reproducible events.

goflow's tests fix ``utils.Now()`` with a fixed time source and ``utils.NewUUID()`` with
a seeded UUID4 generator; these are the Python equivalents, installed through
:func:`flows_events.sources.set_time_source` and
:func:`flows_events.sources.set_uuid_source`:

* :class:`FrozenClock` — a callable time source that returns the same
  :class:`~flows_events.timestamps.Timestamp` until moved (or advances by a fixed
  ``step`` of nanoseconds after every reading);
* :class:`SeededUUIDs` — a callable UUID source drawing lowercase version-4 UUIDs
  (RFC 4122 variant) from ``random.Random(seed)``;
* :func:`frozen_clock` and :func:`seeded_uuids` — context managers that install one
  and restore the previous source on exit, also when the body raises.

Both objects are thread-safe (each holds a lock, so concurrent readers never see a
torn state and never get the same value twice from a stepping clock or a generator).
Installing them is **process-wide**: the sources are module globals of
:mod:`flows_events.sources`, so every thread sees the installed clock and generator,
and context managers used from several threads at once restore in whatever order
they exit. Install them from one thread (a test's main thread) and share the objects.

The seeded UUIDs are reproducible within Python; they are not the values goflow's Go
generator produces for the same seed (Go's ``math/rand`` is a different generator).
"""

from __future__ import annotations

import random
import threading
import uuid
from contextlib import contextmanager
from typing import Iterator, Union

from flows_events import sources
from flows_events.timestamps import Timestamp

__all__ = [
    "GOFLOW_TEST_TIME",
    "FrozenClock",
    "SeededUUIDs",
    "frozen_clock",
    "seeded_uuids",
]

#: The instant goflow's own tests freeze the clock at (``TestEventMarshaling``).
GOFLOW_TEST_TIME = "2018-10-18T14:20:30.000123456Z"

TimestampLike = Union[Timestamp, str]


def _timestamp(value: TimestampLike) -> Timestamp:
    if isinstance(value, Timestamp):
        return value
    if isinstance(value, str):
        return Timestamp.parse(value)
    raise TypeError(f"expected a Timestamp or an RFC 3339 string, not {type(value).__name__}")


def _int(value: object, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{what} must be an int (nanoseconds), not {type(value).__name__}")
    return value


class FrozenClock:
    """A time source frozen at ``start`` (a Timestamp or an RFC 3339 string).

    Calling the clock returns the current time, then moves it on by ``step``
    nanoseconds (``0``, the default, keeps it frozen: goflow's fixed time source).
    The UTC offset of ``start`` is kept when the clock moves. Thread-safe.

    >>> clock = FrozenClock("2018-10-18T14:20:30.000123456Z", step=1_000)
    >>> str(clock()), str(clock())
    ('2018-10-18T14:20:30.000123456Z', '2018-10-18T14:20:30.000124456Z')
    >>> clock.advance(-2_000)
    >>> str(clock.now)
    '2018-10-18T14:20:30.000123456Z'
    """

    __slots__ = ("_current", "_lock", "_step")

    def __init__(self, start: TimestampLike = GOFLOW_TEST_TIME, step: int = 0) -> None:
        self._current = _timestamp(start)
        self._step = _int(step, "step")
        self._lock = threading.Lock()

    @property
    def now(self) -> Timestamp:
        """The time the next call returns (reading it does not move the clock)."""
        with self._lock:
            return self._current

    @property
    def step(self) -> int:
        """Nanoseconds added after every call."""
        return self._step

    def __call__(self) -> Timestamp:
        """The current time; the clock then advances by ``step`` nanoseconds."""
        with self._lock:
            current = self._current
            if self._step:
                self._current = _moved(current, self._step)
            return current

    def advance(self, ns: int) -> None:
        """Move the clock by ``ns`` nanoseconds (negative moves it back)."""
        ns = _int(ns, "ns")
        with self._lock:
            self._current = _moved(self._current, ns)

    def set(self, ts: TimestampLike) -> None:
        """Set the clock to ``ts`` (a Timestamp or an RFC 3339 string)."""
        value = _timestamp(ts)
        with self._lock:
            self._current = value

    def __repr__(self) -> str:
        return f"FrozenClock({str(self.now)!r}, step={self._step})"


def _moved(ts: Timestamp, ns: int) -> Timestamp:
    if ns == 0:
        return ts
    return Timestamp.from_unix_nanos(ts.unix_nanos + ns, ts.offset)


class SeededUUIDs:
    """A UUID source: lowercase version-4 UUIDs drawn from ``random.Random(seed)``.

    The same seed always gives the same sequence (per object; the module-level
    :mod:`random` state is never touched). Each UUID has version 4 and the RFC 4122
    variant, so it passes goflow's ``uuid4`` validation. Thread-safe: concurrent
    callers each get a distinct value of the sequence.

    >>> uuids = SeededUUIDs(seed=1)
    >>> uuids() == SeededUUIDs(seed=1)()
    True
    """

    __slots__ = ("_count", "_lock", "_rng", "_seed")

    def __init__(self, seed: int = 1) -> None:
        self._seed = _int(seed, "seed")
        self._rng = random.Random(self._seed)
        self._count = 0
        self._lock = threading.Lock()

    @property
    def seed(self) -> int:
        """The seed the sequence started from."""
        return self._seed

    @property
    def count(self) -> int:
        """How many UUIDs were drawn since the start (or the last :meth:`reset`)."""
        with self._lock:
            return self._count

    def __call__(self) -> str:
        """The next UUID of the sequence, e.g. ``'cfcd2084-95d5-45ba-a9b3-...'``."""
        with self._lock:
            bits = self._rng.getrandbits(128)
            self._count += 1
        return str(uuid.UUID(int=bits, version=4))

    def reset(self) -> None:
        """Start the sequence again from the seed."""
        with self._lock:
            self._rng.seed(self._seed)
            self._count = 0

    def __repr__(self) -> str:
        return f"SeededUUIDs(seed={self._seed})"


@contextmanager
def frozen_clock(
    start: Union[TimestampLike, FrozenClock] = GOFLOW_TEST_TIME, step: int = 0
) -> Iterator[FrozenClock]:
    """Install a :class:`FrozenClock` as the time source for the ``with`` block.

    ``start`` is a Timestamp, an RFC 3339 string (default: goflow's test time
    ``2018-10-18T14:20:30.000123456Z``) or a ready clock (then ``step`` is ignored).
    Every event built inside gets its ``created_on`` from it. The previous source
    is restored on exit, even when the body raises. Process-wide (see the module
    docs)::

        with frozen_clock("2019-01-02T15:04:05+02:00") as clock:
            event = factories.error()
        assert str(event.created_on) == "2019-01-02T15:04:05+02:00"
    """
    clock = start if isinstance(start, FrozenClock) else FrozenClock(start, step)
    previous = sources.set_time_source(clock)
    try:
        yield clock
    finally:
        sources.set_time_source(previous)


@contextmanager
def seeded_uuids(seed: Union[int, SeededUUIDs] = 1) -> Iterator[SeededUUIDs]:
    """Install a :class:`SeededUUIDs` (or the one given) as the UUID source.

    Every UUID from :func:`flows_events.sources.new_uuid` inside the block (the
    factories' default UUIDs, new outgoing messages) comes from it. The previous
    source is restored on exit, even when the body raises. Process-wide.
    """
    generator = seed if isinstance(seed, SeededUUIDs) else SeededUUIDs(seed)
    previous = sources.set_uuid_source(generator)
    try:
        yield generator
    finally:
        sources.set_uuid_source(previous)
