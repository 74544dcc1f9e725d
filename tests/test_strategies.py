"""Property tests: every event the strategies generate round-trips through goflow's JSON.

Profiles: the default here is modest (50 examples per test) for CI; run
``HYPOTHESIS_PROFILE=long pytest tests/test_strategies.py`` for thousands per test.
The profiles are registered here (not in conftest.py) and applied per test, so other
modules keep whatever Hypothesis profile is active.
"""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from typing import Any, Dict, Union

import attrs
import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

import flows_events
from flows_events import events as ev
from flows_events import urns as urn_module
from flows_events import validators
from flows_events.gojson import RawJSON
from flows_events.numbers import format_xnumber, parse_xnumber
from flows_events.testing import strategies as S
from flows_events.timestamps import Timestamp
from flows_events.types import GroupReference, LabelReference

settings.register_profile(
    "flows_events-default",
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "long",
    max_examples=3000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
PROFILE = settings.get_profile(
    "long" if os.environ.get("HYPOTHESIS_PROFILE") == "long" else "flows_events-default"
)

TYPES = sorted(cls.TYPE for cls in ev.EVENT_TYPES)
_HTML = ("<", ">", "&", "\u2028", "\u2029")


def _raw_fields(event: ev.Event) -> Dict[str, Any]:
    return {
        a.name: getattr(event, a.name)
        for a in attrs.fields(type(event))
        if isinstance(getattr(event, a.name), RawJSON)
    }


def test_strategies_cover_every_event_type() -> None:
    assert sorted(S.EVENT_STRATEGIES) == TYPES
    assert sorted(flows_events.registered_types()) == TYPES


@pytest.mark.parametrize("type_name", TYPES)
@PROFILE
@given(data=st.data())
def test_round_trip(type_name: str, data: st.DataObject) -> None:
    event = data.draw(S.for_type(type_name), label="event")
    text = flows_events.dumps(event)
    note(f"dumps(event) = {text}")
    assert event.type == type_name
    back = flows_events.read_event(text)
    assert back == event
    assert flows_events.dumps(back) == text  # stable


@pytest.mark.parametrize("type_name", TYPES)
@PROFILE
@given(data=st.data())
def test_round_trip_escape_html(type_name: str, data: st.DataObject) -> None:
    event = data.draw(S.for_type(type_name), label="event")
    text = flows_events.dumps(event, escape_html=True)
    note(f"dumps(event, escape_html=True) = {text}")
    assert not any(c in text for c in _HTML)  # Go's json.Marshal escapes all five
    back = flows_events.read_event(text)
    assert flows_events.dumps(back, escape_html=True) == text  # stable
    assert flows_events.dumps(back) == flows_events.dumps(back, escape_html=False)
    raw = _raw_fields(event)
    if not any(c in r.text for r in raw.values() for c in _HTML):
        assert back == event
    else:
        # Go rewrites HTML characters inside raw JSON as \u escapes: same JSON value,
        # different text. Everything else is equal.
        back_raw = _raw_fields(back)
        assert {k: v.value for k, v in back_raw.items()} == {k: v.value for k, v in raw.items()}
        assert attrs.evolve(back, **raw) == event


@PROFILE
@given(S.events())
def test_any_event_round_trips(event: ev.Event) -> None:
    text = flows_events.dumps(event)
    note(text)
    assert flows_events.read_event(text) == event
    assert flows_events.dumps(flows_events.read_event(text)) == text


@pytest.mark.parametrize("type_name", TYPES)
def test_for_type_accepts_the_class(type_name: str) -> None:
    cls = flows_events.event_class(type_name)
    assert cls is not None

    @settings(PROFILE, max_examples=5)
    @given(S.for_type(cls))
    def check(event: ev.Event) -> None:
        assert type(event) is cls

    check()


def test_for_type_rejects_unknown_types() -> None:
    with pytest.raises(ValueError, match="airtime_transferred"):
        S.for_type("airtime_transferred")


# --------------------------------------------------------------------------- nested types


@pytest.mark.parametrize("scheme", sorted(urn_module.VALID_SCHEMES))
@PROFILE
@given(data=st.data())
def test_urns_are_valid_for_every_scheme(scheme: str, data: st.DataObject) -> None:
    urn = data.draw(S.urns(scheme))
    assert urn_module.to_parts(urn).scheme == scheme
    assert urn_module.validation_error(urn) is None
    assert urn_module.is_valid(urn)


@PROFILE
@given(S.urns())
def test_urns_any_scheme(urn: str) -> None:
    assert urn_module.is_valid(urn)
    assert urn_module.to_parts(urn).scheme in urn_module.VALID_SCHEMES


def test_urns_rejects_unknown_scheme() -> None:
    with pytest.raises(ValueError, match="xmpp"):
        S.urns("xmpp")


@PROFILE
@given(S.timestamps())
def test_timestamps_round_trip(ts: Timestamp) -> None:
    assert 1 <= ts.year <= 9999
    assert not ts.is_zero
    text = ts.isoformat()
    back = Timestamp.parse(text)
    assert back == ts
    assert not back.is_zero  # "+00:00" is written "Z": still never Go's zero time
    assert back.isoformat() == text


@PROFILE
@given(S.timestamps(resolution_ns=1000))
def test_microsecond_timestamps_round_trip_as_xdatetime(ts: Timestamp) -> None:
    assert ts.nanosecond % 1000 == 0
    assert Timestamp.parse(ts.xdatetime_format()) == ts


def test_timestamps_cover_the_edges() -> None:
    seen: Dict[str, bool] = {}

    @settings(PROFILE, max_examples=400, database=None, derandomize=True)
    @given(S.timestamps())
    def collect(ts: Timestamp) -> None:
        seen["ns"] = seen.get("ns", False) or ts.nanosecond % 1000 != 0
        seen["offset"] = seen.get("offset", False) or ts.offset != 0
        seen["plus_zero"] = seen.get("plus_zero", False) or (ts.offset == 0 and not ts.zulu)
        seen["zulu"] = seen.get("zulu", False) or ts.zulu
        seen["year1"] = seen.get("year1", False) or ts.year == 1
        seen["year9999"] = seen.get("year9999", False) or ts.year == 9999

    collect()
    assert all(seen.values()), seen


def test_timestamps_never_produce_go_zero_time() -> None:
    @settings(PROFILE, max_examples=200, database=None, derandomize=True)
    @given(S.timestamps(max_year=1))
    def check(ts: Timestamp) -> None:
        assert not Timestamp.parse(ts.isoformat()).is_zero

    check()


def test_timestamps_argument_checks() -> None:
    with pytest.raises(ValueError):
        S.timestamps(min_year=0)
    with pytest.raises(ValueError):
        S.timestamps(resolution_ns=7)


@PROFILE
@given(S.uuid4s(), S.uuids())
def test_uuids(u4: str, u: str) -> None:
    assert validators.is_uuid4(u4)
    assert validators.is_uuid(u)


@PROFILE
@given(S.raw_json())
def test_raw_json_is_compact_and_reparses(raw: RawJSON) -> None:
    assert RawJSON(raw.text) == raw
    raw.value  # noqa: B018 - parses


@PROFILE
@given(S.decimals())
def test_decimals_round_trip_as_xnumber(number: Decimal) -> None:
    assert number.is_finite()
    assert parse_xnumber(format_xnumber(number)) == number


@PROFILE
@given(st.one_of(S.group_references(), S.label_references()))
def test_references_have_uuid_xor_name_match(ref: Union[GroupReference, LabelReference]) -> None:
    assert bool(ref.uuid) != bool(ref.name_match)
    assert validators.validate(ref) == []


@PROFILE
@given(S.hints())
def test_hints(hint: Any) -> None:
    assert hint.type in {"audio", "digits", "image", "location", "video"}


def test_text_covers_special_characters() -> None:
    found: set[str] = set()

    @settings(PROFILE, max_examples=300, database=None, derandomize=True)
    @given(S.text(min_size=1))
    def collect(s: str) -> None:
        assert s
        found.update(c for c in _HTML + ("\x00", "\U0001f600") if c in s)

    collect()
    assert found >= {"<", ">", "&"}, found


def test_extra_can_be_literal_null() -> None:
    nulls: list[bool] = []

    @settings(PROFILE, max_examples=200, database=None, derandomize=True)
    @given(S.for_type("run_result_changed"))
    def collect(event: Any) -> None:
        nulls.append(event.extra == RawJSON.NULL)

    collect()
    assert any(nulls)


def test_importing_the_library_does_not_import_hypothesis() -> None:
    code = (
        "import sys, flows_events, flows_events.testing, flows_events.testing.plugin, "
        "flows_events.testing.factories, flows_events.testing.clock\n"
        "assert 'hypothesis' not in sys.modules, 'hypothesis was imported'\n"
        "import flows_events.testing.strategies\n"
        "assert 'hypothesis' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
