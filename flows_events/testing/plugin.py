"""pytest plugin: fixtures for reproducible goflow events.

Registered through the ``pytest11`` entry point ``flows_events``, so installing the
package is enough::

    def test_greeting(frozen_clock, seeded_uuids, event_factory):
        event = event_factory.msg_created(text="hi")
        assert str(event.created_on) == "2018-10-18T14:20:30.000123456Z"

Fixtures (function-scoped):

* ``frozen_clock`` — a :class:`~flows_events.testing.clock.FrozenClock` at goflow's
  test time ``2018-10-18T14:20:30.000123456Z``, installed as the time source for the
  test (move it with ``.advance(ns)`` / ``.set(ts)``);
* ``seeded_uuids`` — a :class:`~flows_events.testing.clock.SeededUUIDs` with seed 1,
  installed as the UUID source for the test;
* ``event_factory`` — the :mod:`flows_events.testing.factories` module
  (``event_factory.msg_created()``); combine it with the two fixtures above for
  reproducible output.

The previous sources are restored after each test. Installation is process-wide (see
:mod:`flows_events.testing.clock`). This module imports neither Hypothesis nor, until
a fixture is used, the library itself, so loading the plugin costs nothing.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Iterator

import pytest

if TYPE_CHECKING:
    from flows_events.testing.clock import FrozenClock, SeededUUIDs

__all__ = ["frozen_clock_fixture", "seeded_uuids_fixture", "event_factory_fixture"]


@pytest.fixture(name="frozen_clock")
def frozen_clock_fixture() -> Iterator[FrozenClock]:
    """A FrozenClock at 2018-10-18T14:20:30.000123456Z, installed for the test."""
    from flows_events.testing.clock import GOFLOW_TEST_TIME, frozen_clock

    with frozen_clock(GOFLOW_TEST_TIME) as clock:
        yield clock


@pytest.fixture(name="seeded_uuids")
def seeded_uuids_fixture() -> Iterator[SeededUUIDs]:
    """A SeededUUIDs(seed=1), installed as the UUID source for the test."""
    from flows_events.testing.clock import seeded_uuids

    with seeded_uuids(1) as generator:
        yield generator


@pytest.fixture(name="event_factory")
def event_factory_fixture() -> ModuleType:
    """The factories module: ``event_factory.msg_created(text="hi")``."""
    from flows_events.testing import factories

    return factories
