"""flows_events.testing: the clock, the seeded UUIDs, the factories and the pytest plugin."""

from __future__ import annotations

import doctest
import subprocess
import sys
import threading
import uuid
from collections import Counter
from decimal import Decimal
from importlib.metadata import distribution
from pathlib import Path
from typing import Any, Callable, List

import attrs
import pytest
from hypothesis import given, settings

import flows_events
from flows_events import events as ev
from flows_events import sources, validators
from flows_events.gojson import RawJSON
from flows_events.testing import (
    GOFLOW_TEST_TIME,
    FrozenClock,
    SeededUUIDs,
    factories,
    frozen_clock,
    seeded_uuids,
)
from flows_events.testing import clock as clock_module
from flows_events.testing import strategies as S
from flows_events.timestamps import Timestamp
from flows_events.types import DigitsHint, ImageHint

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent
TYPES = sorted(cls.TYPE for cls in ev.EVENT_TYPES)


def _round_trips(event: ev.Event) -> None:
    for escape_html in (False, True):
        text = flows_events.dumps(event, escape_html=escape_html)
        back = flows_events.read_event(text)
        assert back == event
        assert flows_events.dumps(back, escape_html=escape_html) == text


# =============================================================================== clock


def test_frozen_clock_is_frozen_by_default() -> None:
    clock = FrozenClock(GOFLOW_TEST_TIME)
    assert clock() == clock() == Timestamp(2018, 10, 18, 14, 20, 30, 123456)
    assert str(clock.now) == "2018-10-18T14:20:30.000123456Z"
    assert clock.step == 0


def test_frozen_clock_step_advance_and_set() -> None:
    clock = FrozenClock(Timestamp.parse("2019-01-02T15:04:05.999999999+05:45"), step=1)
    assert str(clock()) == "2019-01-02T15:04:05.999999999+05:45"
    assert str(clock()) == "2019-01-02T15:04:06+05:45"  # the offset is kept
    assert str(clock.now) == "2019-01-02T15:04:06.000000001+05:45"  # peeking does not move it
    clock.advance(-1)
    assert str(clock.now) == "2019-01-02T15:04:06+05:45"
    clock.advance(86_400 * 10**9)
    assert str(clock.now) == "2019-01-03T15:04:06+05:45"
    clock.set("2020-02-29T23:59:59Z")
    assert str(clock()) == "2020-02-29T23:59:59Z"
    assert "2020-02-29T23:59:59.000000001Z" in repr(clock)


@pytest.mark.parametrize(
    "call",
    [
        lambda: FrozenClock(20181018),  # type: ignore[arg-type]
        lambda: FrozenClock(GOFLOW_TEST_TIME, step=1.5),  # type: ignore[arg-type]
        lambda: FrozenClock().advance(True),
        lambda: SeededUUIDs("1"),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_raise_type_error(call: Callable[[], object]) -> None:
    with pytest.raises(TypeError):
        call()


def test_frozen_clock_context_manager_installs_and_restores() -> None:
    before = sources.set_time_source(sources.wall_clock)
    sources.set_time_source(before)
    with frozen_clock() as clock:
        assert isinstance(clock, FrozenClock)
        assert str(sources.now()) == GOFLOW_TEST_TIME
        assert str(factories.error().created_on) == GOFLOW_TEST_TIME
        assert str(ev.WaitTimedOutEvent().created_on) == GOFLOW_TEST_TIME  # plain constructors too
        with frozen_clock("2019-01-02T15:04:05+02:00", step=10**9):
            assert str(factories.error().created_on) == "2019-01-02T15:04:05+02:00"
            assert str(factories.error().created_on) == "2019-01-02T15:04:06+02:00"
        assert str(sources.now()) == GOFLOW_TEST_TIME
    assert sources.set_time_source(before) is before


def test_frozen_clock_accepts_a_ready_clock() -> None:
    mine = FrozenClock("2000-01-01T00:00:00Z", step=5)
    with frozen_clock(mine) as clock:
        assert clock is mine
        sources.now()
    assert mine.now == Timestamp(2000, 1, 1, nanosecond=5)


def test_context_managers_restore_on_exception() -> None:
    marker_time = FrozenClock("2001-02-03T04:05:06Z")
    marker_uuid = SeededUUIDs(99)
    old_time = sources.set_time_source(marker_time)
    old_uuid = sources.set_uuid_source(marker_uuid)
    try:
        with pytest.raises(ZeroDivisionError):
            with frozen_clock(), seeded_uuids(5):
                assert str(sources.now()) == GOFLOW_TEST_TIME
                1 / 0  # noqa: B018
        assert sources.set_time_source(marker_time) is marker_time
        assert sources.set_uuid_source(marker_uuid) is marker_uuid
        with pytest.raises(KeyError):
            with seeded_uuids(SeededUUIDs(3)) as generator:
                assert generator.seed == 3
                raise KeyError("boom")
        assert sources.set_uuid_source(marker_uuid) is marker_uuid
    finally:
        sources.set_time_source(old_time)
        sources.set_uuid_source(old_uuid)


# =============================================================================== UUIDs


def test_seeded_uuids_are_lowercase_rfc4122_v4() -> None:
    generator = SeededUUIDs(seed=1)
    for _ in range(500):
        value = generator()
        parsed = uuid.UUID(value)
        assert parsed.version == 4
        assert parsed.variant == uuid.RFC_4122
        assert value == str(parsed) == value.lower()
        assert validators.is_uuid4(value)
    assert generator.count == 500


def test_seeded_uuids_are_reproducible() -> None:
    a, b = SeededUUIDs(seed=1), SeededUUIDs(seed=1)
    first = [a() for _ in range(10)]
    assert first == [b() for _ in range(10)]
    assert first != [SeededUUIDs(seed=2)() for _ in range(10)]
    a.reset()
    assert a.count == 0
    assert [a() for _ in range(10)] == first
    assert SeededUUIDs().seed == 1
    assert repr(SeededUUIDs(7)) == "SeededUUIDs(seed=7)"


def test_seeded_uuids_context_manager() -> None:
    with seeded_uuids(1) as generator:
        assert sources.new_uuid() == SeededUUIDs(1)()
        assert generator.count == 1
    assert sources.new_uuid() != SeededUUIDs(1)()  # random again (with overwhelming probability)


def test_thread_safety_of_seeded_uuids() -> None:
    threads_n, per_thread = 8, 2000
    shared = SeededUUIDs(seed=11)
    results: List[List[str]] = [[] for _ in range(threads_n)]
    barrier = threading.Barrier(threads_n)

    def work(i: int) -> None:
        barrier.wait()
        out = results[i]
        for _ in range(per_thread):
            out.append(shared())

    threads = [threading.Thread(target=work, args=(i,)) for i in range(threads_n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    drawn = [u for chunk in results for u in chunk]
    assert len(drawn) == threads_n * per_thread
    assert len(set(drawn)) == threads_n * per_thread
    serial = SeededUUIDs(seed=11)
    assert Counter(drawn) == Counter(serial() for _ in range(threads_n * per_thread))
    assert shared.count == threads_n * per_thread


def test_thread_safety_of_a_stepping_clock() -> None:
    threads_n, per_thread = 8, 500
    clock = FrozenClock(GOFLOW_TEST_TIME, step=1)
    results: List[List[Timestamp]] = [[] for _ in range(threads_n)]

    def work(i: int) -> None:
        for _ in range(per_thread):
            results[i].append(clock())

    threads = [threading.Thread(target=work, args=(i,)) for i in range(threads_n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    drawn = {ts.unix_nanos for chunk in results for ts in chunk}
    start = Timestamp.parse(GOFLOW_TEST_TIME).unix_nanos
    assert drawn == set(range(start, start + threads_n * per_thread))


def test_installed_sources_are_process_wide() -> None:
    seen: List[str] = []
    with frozen_clock(), seeded_uuids(1):
        t = threading.Thread(target=lambda: seen.extend([str(sources.now()), sources.new_uuid()]))
        t.start()
        t.join()
    assert seen == [GOFLOW_TEST_TIME, SeededUUIDs(1)()]


# =============================================================================== factories


def test_there_is_a_factory_per_event_type() -> None:
    assert sorted(factories.FACTORIES) == TYPES
    for name, factory in factories.FACTORIES.items():
        assert getattr(factories, name) is factory
        assert factory.__name__ == name


@pytest.mark.parametrize("type_name", TYPES)
def test_factory_defaults_are_valid_events(type_name: str) -> None:
    event = getattr(factories, type_name)()
    assert event.type == type_name
    assert type(event) is flows_events.event_class(type_name)
    assert validators.validate(event) == []
    assert validators.validate_strict(event) == []  # realistic: passes the strict checks too
    _round_trips(event)
    assert type(factories.event(type_name)) is type(event)


@pytest.mark.parametrize("type_name", TYPES)
def test_factories_reject_unknown_keywords(type_name: str) -> None:
    with pytest.raises(TypeError):
        getattr(factories, type_name)(no_such_field=1)


@pytest.mark.parametrize("type_name", TYPES)
def test_every_field_can_be_overridden(type_name: str) -> None:
    cls = flows_events.event_class(type_name)
    assert cls is not None
    init_fields = [a.name for a in attrs.fields(cls) if a.init]
    assert "created_on" in init_fields and "step_uuid" in init_fields

    @settings(max_examples=15, deadline=None, database=None)
    @given(S.for_type(type_name))
    def check(target: ev.Event) -> None:
        built = factories.event(type_name, **{name: getattr(target, name) for name in init_fields})
        assert built == target
        assert flows_events.dumps(built) == flows_events.dumps(target)

    check()


def test_same_seed_and_clock_give_identical_json() -> None:
    def run(seed: int) -> List[str]:
        with frozen_clock(step=1000), seeded_uuids(seed):
            return [flows_events.dumps(factories.event(name)) for name in TYPES]

    first = run(1)
    assert run(1) == first
    assert run(2) != first
    assert GOFLOW_TEST_TIME in first[0]
    assert all(flows_events.dumps(flows_events.read_event(line)) == line for line in first)


def test_reproducible_uuids_come_from_the_installed_source() -> None:
    with frozen_clock(), seeded_uuids(1):
        event = factories.msg_created()
    expected = SeededUUIDs(1)
    assert event.msg is not None
    assert event.msg.uuid == expected()
    assert event.msg.channel is not None
    assert event.msg.channel.uuid == expected()


def test_created_on_override_takes_a_string() -> None:
    event = factories.error(created_on="2019-01-02T15:04:05.123+02:00", step_uuid=SeededUUIDs(3)())
    assert event.created_on == Timestamp(2019, 1, 2, 15, 4, 5, 123_000_000, 7200)
    assert validators.is_uuid4(event.step_uuid)


def test_msg_shortcuts() -> None:
    event = factories.msg_created(text="hi", urn="tel:+250788123123", quick_replies=["Yes", "No"])
    assert event.msg is not None
    assert (event.msg.text, event.msg.urn, event.msg.quick_replies) == (
        "hi",
        "tel:+250788123123",
        ("Yes", "No"),
    )
    # shortcuts apply on top of a given message
    msg = factories.msg_out(text="old", channel=None)
    changed = factories.msg_created(msg=msg, text="new")
    assert changed.msg == attrs.evolve(msg, text="new")
    ivr = factories.ivr_created(text="Say something", urn="tel:+593979123456", channel=None)
    assert ivr.msg is not None
    assert (ivr.msg.text, ivr.msg.urn, ivr.msg.channel) == ("Say something", "tel:+593979123456", None)
    received = factories.msg_received(
        text="yes", urn="whatsapp:250788123123", external_id="ext1", channel=None
    )
    assert (received.msg.text, received.msg.urn, received.msg.external_id, received.msg.channel) == (
        "yes",
        "whatsapp:250788123123",
        "ext1",
        None,
    )
    assert factories.msg_received(msg=received.msg, text="no").msg.text == "no"
    _round_trips(received)


def test_event_specific_shortcuts() -> None:
    broadcast = factories.broadcast_created(text="Hola", base_language="spa", urn="telegram:1234")
    assert broadcast.translations == {"spa": factories.broadcast_translation(text="Hola")}
    assert broadcast.urns == ("telegram:1234",)
    with_trans = factories.broadcast_created(
        translations={"eng": factories.broadcast_translation(text="Hi", quick_replies=["A"])}, text="Hello"
    )
    assert with_trans.translations is not None
    assert with_trans.translations["eng"] == factories.broadcast_translation(
        text="Hello", quick_replies=["A"]
    )

    field = factories.contact_field_changed(key="age", text="23", number=23)
    assert field.field == factories.field_reference(key="age", name="Age")
    assert field.value is not None and field.value.number == Decimal(23)
    assert flows_events.dumps(field).endswith('"value":{"text":"23","number":23}}')
    cleared = factories.contact_field_changed(value=None)
    assert cleared.value is None
    assert factories.contact_field_changed(value=None, text="x").value == factories.value(text="x")

    groups = factories.contact_groups_changed(added=["A", "B"], removed=[])
    assert [g.name for g in groups.groups_added if g] == ["A", "B"]
    assert groups.groups_removed == ()

    assert factories.contact_refreshed(name="Bob").contact.value["name"] == "Bob"  # type: ignore[union-attr]
    assert factories.contact_refreshed(contact={"uuid": "x", "b": [1, "<"]}).contact == RawJSON(
        '{"uuid":"x","b":[1,"\\u003c"]}'
    )
    assert factories.contact_refreshed(contact=None).contact == RawJSON.NULL
    assert factories.email_created(address="a@b.co").addresses == ("a@b.co",)
    env = factories.environment_refreshed(timezone="America/Guayaquil", default_language="spa")
    assert env.environment is not None
    assert env.environment.value["timezone"] == "America/Guayaquil"
    assert env.environment.value["allowed_languages"] == ["spa", "eng"]
    assert factories.flow_entered(flow_name="Survey").flow.name == "Survey"  # type: ignore[union-attr]
    labels = factories.input_labels_added(label_names=["Spam", "Important"]).labels
    assert [x.name for x in labels or () if x] == ["Spam", "Important"]
    assert factories.msg_wait(hint="digits").hint == DigitsHint(count=4)
    assert factories.msg_wait(hint=None, timeout_seconds=None).timeout_seconds is None
    assert isinstance(factories.msg_wait().hint, ImageHint)
    assert factories.resthook_called(payload='{ "a" : [1, 2] }').payload == RawJSON('{"a":[1,2]}')
    assert '"extra":null' in flows_events.dumps(factories.run_result_changed(extra=RawJSON.NULL))
    assert '"extra"' not in flows_events.dumps(factories.run_result_changed(extra=None))
    assert factories.run_result_changed(extra={"a": 1}).extra == RawJSON('{"a":1}')
    session = factories.session_triggered(flow_name="Collect Age", urn="mailto:bob@nyaruka.com")
    assert session.flow is not None and session.flow.name == "Collect Age"
    assert session.urns == ("mailto:bob@nyaruka.com",)

    assert factories.webhook_called().status == "success"
    assert factories.webhook_called(status_code=500).status == "response_error"
    assert factories.webhook_called(status_code=410, resthook="new-registration").status == "subscriber_gone"
    assert factories.webhook_called(status_code=410).status == "response_error"
    assert factories.webhook_called(status_code=0, status="connection_error").response == ""
    for event in (broadcast, with_trans, field, cleared, groups, env, session):
        _round_trips(event)


@pytest.mark.parametrize(
    "call",
    [
        lambda: factories.broadcast_created(urns=[], urn="tel:+1234567"),
        lambda: factories.session_triggered(urns=[], urn="tel:+1234567"),
        lambda: factories.contact_groups_changed(groups_added=[], added=["A"]),
        lambda: factories.contact_groups_changed(groups_removed=[], removed=["A"]),
        lambda: factories.input_labels_added(labels=[], label_names=["A"]),
        lambda: factories.email_created(addresses=["a@b.c"], address="d@e.f"),
        lambda: factories.contact_refreshed(contact={}, name="Bob"),
        lambda: factories.environment_refreshed(environment={}, timezone="UTC"),
    ],
)
def test_conflicting_shortcuts_raise_type_error(call: Callable[[], object]) -> None:
    with pytest.raises(TypeError, match="not both"):
        call()


def test_invalid_overrides_raise_validation_error() -> None:
    with pytest.raises(flows_events.ValidationError, match="field 'msg.urn' failed tag 'urn'"):
        factories.msg_created(urn="xyz:1")
    with pytest.raises(flows_events.ValidationError, match="mutually exclusive"):
        factories.broadcast_created(groups=[factories.group_reference(uuid="", name_match="")])


def test_nested_helpers() -> None:
    with seeded_uuids(1):
        ref = factories.group_reference(name_match="@contact.age > 18")
        assert (ref.uuid, ref.name, ref.name_match) == ("", "", "@contact.age > 18")
        fixed = factories.label_reference()
        assert validators.is_uuid4(fixed.uuid) and fixed.name == "Spam" and fixed.name_match == ""
        assert factories.label_reference(name_match="spam").uuid == ""
        assert factories.msg_templating().template is not None
        assert factories.value(datetime="2017-12-02T00:00:00-02:00", number="1.50").number == Decimal("1.5")
        assert factories.hint("video").type == "video"
        assert factories.digits_hint(terminated_by="#") == DigitsHint(count=None, terminated_by="#")
        assert factories.template_reference().name == "affirmation"
        assert factories.contact_reference(name="Bob").name == "Bob"
        assert factories.channel_reference(uuid="ffffffff-ffff-ffff-ffff-ffffffffffff").uuid.startswith(
            "ffff"
        )
        assert factories.raw_json(b"[1, 2]") == RawJSON("[1,2]")
        assert factories.raw_json((1, 2)) == RawJSON("[1,2]")
    with pytest.raises(ValueError, match="unknown hint type"):
        factories.hint("smell")
    with pytest.raises(KeyError):
        factories.event("airtime_transferred")
    assert repr(factories.MISSING) == "MISSING"


# =============================================================================== packaging


def test_importing_the_library_or_the_plugin_does_not_import_hypothesis() -> None:
    code = (
        "import sys, flows_events, flows_events.testing, flows_events.testing.plugin\n"
        "assert 'hypothesis' not in sys.modules, 'hypothesis imported'\n"
        "assert 'flows_events.testing' not in sys.modules or True\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    core_only = "import sys, flows_events\nassert 'flows_events.testing' not in sys.modules\n"
    subprocess.run([sys.executable, "-c", core_only], check=True)


def test_the_plugin_is_registered_as_a_pytest11_entry_point() -> None:
    found = [
        e
        for e in distribution("flows_events").entry_points
        if (e.group, e.name) == ("pytest11", "flows_events")
    ]
    assert [e.value for e in found] == ["flows_events.testing.plugin"], (
        "re-install the package: pip install --no-deps -e ."
    )


@pytest.mark.parametrize("module", [clock_module, factories], ids=lambda m: m.__name__)
def test_docstring_examples(module: Any) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def test_example_runs() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "testing_example.py")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "reproducible events" in result.stdout


def test_plugin_fixtures_in_a_fresh_project(pytester: Any) -> None:
    with frozen_clock(), seeded_uuids(1):
        expected = flows_events.dumps(factories.msg_created(text="hi"))
    pytester.makepyfile(
        test_fresh=f"""
        import types

        import flows_events
        from flows_events import sources

        EXPECTED = {expected!r}


        def test_fixtures(frozen_clock, seeded_uuids, event_factory):
            assert isinstance(event_factory, types.ModuleType)
            event = event_factory.msg_created(text="hi")
            assert flows_events.dumps(event) == EXPECTED
            assert str(event.created_on) == "2018-10-18T14:20:30.000123456Z"
            assert seeded_uuids.seed == 1 and seeded_uuids.count == 2
            frozen_clock.advance(1_000_000_000)
            assert str(event_factory.error().created_on) == "2018-10-18T14:20:31.000123456Z"
            frozen_clock.set("2019-01-02T15:04:05+02:00")
            assert str(sources.now()) == "2019-01-02T15:04:05+02:00"


        def test_again_gives_the_same_bytes(frozen_clock, seeded_uuids, event_factory):
            assert flows_events.dumps(event_factory.msg_created(text="hi")) == EXPECTED


        def test_sources_are_restored_after_each_test():
            assert str(sources.now()) != "2018-10-18T14:20:30.000123456Z"
            assert str(sources.now()) != "2019-01-02T15:04:05+02:00"


        def test_event_factory_alone(event_factory):
            event = event_factory.msg_wait(timeout_seconds=5)
            assert flows_events.read_event(flows_events.dumps(event)) == event
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=4)
