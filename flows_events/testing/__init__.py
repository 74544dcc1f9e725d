"""Test helpers for code that produces or consumes goflow events.

* :mod:`flows_events.testing.clock` — :class:`FrozenClock`, :class:`SeededUUIDs` and
  the :func:`frozen_clock` / :func:`seeded_uuids` context managers (goflow's fixed
  time source and seeded UUID4 generator);
* :mod:`flows_events.testing.factories` — one factory per event type
  (``factories.msg_created(text="hi")``) and helpers for the nested types;
* :mod:`flows_events.testing.strategies` — Hypothesis strategies for every event and
  nested type (needs ``pip install 'flows_events[hypothesis]'``; imported only when
  you import it);
* :mod:`flows_events.testing.plugin` — a pytest plugin (registered automatically
  through the ``pytest11`` entry point) with the fixtures ``frozen_clock``,
  ``seeded_uuids`` and ``event_factory``.

Nothing here is imported by ``import flows_events``; this package itself imports
neither pytest nor Hypothesis.
"""

from __future__ import annotations

from . import factories
from .clock import GOFLOW_TEST_TIME, FrozenClock, SeededUUIDs, frozen_clock, seeded_uuids

__all__ = [
    "GOFLOW_TEST_TIME",
    "FrozenClock",
    "SeededUUIDs",
    "factories",
    "frozen_clock",
    "seeded_uuids",
]
