"""Threads and processes (issue 7): reading is thread-safe, everything pickles.

* 8 threads reading and writing the whole corpus at once give exactly the
  single-threaded results, also right after import (cold caches, in a fresh process);
* ``register_type`` in one thread while 7 threads read changes nothing they see;
* events, errors (with ``path``, ``errors``, ``line``, ``index``...), ``FieldError``,
  ``Timestamp``, ``RawJSON``, ``UnknownEvent`` and ``to_dict`` output survive pickling,
  ``copy.deepcopy`` and a ``multiprocessing`` pool (spawn context).
"""

from __future__ import annotations

import copy
import json
import multiprocessing
import pickle
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

import attrs
import cattrs
import pytest
from conftest import read_lines

import flows_events
from flows_events import (
    DecodeError,
    Event,
    EventError,
    FieldError,
    JSONSyntaxError,
    RawJSON,
    Timestamp,
    TypeMismatchError,
    UnknownEvent,
    UnknownTypeError,
    URNError,
    ValidationError,
    dumps,
    from_dict,
    read_event,
    read_events,
    to_dict,
    urns,
)
from flows_events import events as events_module
from flows_events.fields import gofield

flows_events.register_hooks(cattrs.global_converter)

CORPUS = read_lines("goflow-v0.36.0-events.jsonl")
GO_OUTPUT = read_lines("goflow-v0.36.0-events.go-output.jsonl")
THREADS = 8
CREATED_ON = "2019-01-02T15:04:05Z"

#: Inputs that fail, one per kind of error (reading them in threads must fail the same way).
BAD = [
    "{",
    f'{{"type":"webhook_called","created_on":"{CREATED_ON}"}}',
    f'{{"type":"contact_name_changed","created_on":"{CREATED_ON}","name":5}}',
    f'{{"type":"msg_wait","created_on":"{CREATED_ON}","hint":{{"type":"smell"}}}}',
    f'{{"type":"airtime_transferred","created_on":"{CREATED_ON}"}}',
    f'{{"type":"contact_language_changed","created_on":"{CREATED_ON}","language":"xyz"}}',
    f'{{"type":"contact_timezone_changed","created_on":"{CREATED_ON}","timezone":"Mars/Base"}}',
    f'{{"type":"email_created","created_on":"{CREATED_ON}","addresses":["not an address"],"subject":"s"}}',
]


def _outcome(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[str, ...]:
    try:
        event = fn(*args, **kwargs)
    except EventError as error:
        return ("error", type(error).__name__, str(error), error.path)
    return ("event", type(event).__name__, dumps(event), dumps(event, escape_html=True))


def _read_all(lines: list[str]) -> list[tuple[str, ...]]:
    """Everything one thread does with the corpus: every reader, every mode, both writers."""
    results = []
    for line in lines:
        results.append(_outcome(read_event, line))
        results.append(_outcome(read_event, line.encode("utf-8")))
        results.append(_outcome(read_event, line, strict=True))
        results.append(_outcome(read_event, line, lenient=True))
        try:
            data = json.loads(line)
        except ValueError:
            data = None  # not JSON: only the text readers apply
        results.append(_outcome(from_dict, data))
        results.append(_outcome(flows_events.converter.structure, data, Event))
    return results


def _run_in_threads(work: Callable[[int], Any], count: int = THREADS) -> list[Any]:
    barrier = threading.Barrier(count)

    def start(index: int) -> Any:
        barrier.wait()  # all at once
        return work(index)

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(start, range(count)))


LINES = CORPUS + GO_OUTPUT + BAD


@pytest.fixture(scope="module")
def expected() -> list[tuple[str, ...]]:
    return _read_all(LINES)


def test_threads_read_and_dump_the_corpus(expected: list[tuple[str, ...]]) -> None:
    def work(index: int) -> list[tuple[str, ...]]:
        # each thread starts at a different place, so that different events overlap
        shift = index * len(LINES) // THREADS
        rotated = LINES[shift:] + LINES[:shift]
        results = _read_all(rotated)
        per_line = len(results) // len(LINES)
        cut = shift * per_line
        return results[-cut:] + results[:-cut] if cut else results

    for results in _run_in_threads(work):
        assert results == expected


def test_threads_read_streams_and_cattrs_lists() -> None:
    conv = flows_events.register_hooks(cattrs.Converter())
    rows = [json.loads(line) for line in GO_OUTPUT]
    want_stream = [dumps(e) for e in read_events(GO_OUTPUT)]
    want_rows = [dumps(e) for e in conv.structure(rows, list[Event])]

    def work(index: int) -> tuple[list[str], list[str]]:
        stream = [dumps(e) for e in read_events(line.encode() for line in GO_OUTPUT)]
        structured = [dumps(e) for e in conv.structure(rows, list[Event])]
        return stream, structured

    for stream, structured in _run_in_threads(work):
        assert stream == want_stream == GO_OUTPUT
        assert structured == want_rows


_COLD_START = textwrap.dedent(
    """
    import json, sys, threading
    from concurrent.futures import ThreadPoolExecutor
    sys.path.insert(0, {tests!r})
    import flows_events                       # nothing warmed up: first use happens in threads
    from flows_events import Event, dumps, read_event, from_dict
    lines = [l for l in open({corpus!r}, encoding="utf-8").read().splitlines()]
    lines += {bad!r}
    def parsed(line):
        try:
            return json.loads(line)
        except ValueError:
            return None
    def outcome(fn, *args, **kwargs):
        try:
            e = fn(*args, **kwargs)
        except flows_events.EventError as error:
            return ["error", type(error).__name__, str(error)]
        except Exception as error:
            return ["ESCAPED", type(error).__name__, repr(error)]
        return ["event", dumps(e)]
    def work(i):
        out = []
        for line in (lines if i % 2 else lines[::-1]):
            for mode in ({{}}, {{"strict": True}}, {{"lenient": True}}):
                out.append(outcome(read_event, line, **mode))
            out.append(outcome(from_dict, parsed(line)))
            out.append(outcome(flows_events.converter.structure, parsed(line), Event))
        return out if i % 2 else [x for chunk in reversed([out[k:k + 5] for k in range(0, len(out), 5)]) for x in chunk]
    barrier = threading.Barrier(8)
    def start(i):
        barrier.wait()
        return work(i)
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(start, range(8)))
    single = work(1)
    print(json.dumps({{"differ": sum(r != single for r in results),
                      "escaped": [x for x in single if x[0] == "ESCAPED"][:5]}}))
    """
)


@pytest.mark.parametrize("attempt", range(2))
def test_threads_right_after_import(attempt: int) -> None:
    """Lazily built state (specs, validation plans, cattrs hooks, fast-path builders, the
    language and phone-number databases) is first built by 8 threads at once."""
    tests = Path(__file__).parent
    script = _COLD_START.format(
        tests=str(tests), corpus=str(tests / "data" / "goflow-v0.36.0-events.jsonl"), bad=BAD
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"differ": 0, "escaped": []}


# --------------------------------------------------------------------------- register_type


def _probe_class(name: str) -> type:
    @attrs.frozen(slots=True, kw_only=True)
    class ProbeEvent(Event):
        TYPE: ClassVar[str] = name
        note: str = gofield(json="note", validate="required", default="")

    ProbeEvent.__name__ = ProbeEvent.__qualname__ = "Probe_" + name
    return ProbeEvent


@pytest.fixture()
def restored_registry(monkeypatch: pytest.MonkeyPatch) -> Any:
    before = flows_events.registered_types()
    monkeypatch.setattr(events_module, "_registry", events_module._registry)  # put back afterwards
    yield
    monkeypatch.undo()
    assert flows_events.registered_types() == before


def test_register_type_while_threads_read(restored_registry: Any) -> None:
    expected = [_outcome(read_event, line) for line in LINES]
    names = [f"x_probe_{i}" for i in range(40)]
    classes = [_probe_class(name) for name in names]
    registered = threading.Event()

    def work(index: int) -> Any:
        if index == 0:
            for name, cls in zip(names, classes):
                flows_events.register_type(name, cls)
            registered.set()
            return None
        rounds = 0
        results = []
        while not registered.is_set() or rounds < 2:
            results.append([_outcome(read_event, line) for line in LINES])
            rounds += 1
        return results

    outcomes = _run_in_threads(work)
    for results in outcomes[1:]:
        for result in results:
            assert result == expected
    for name in names:
        event = read_event(f'{{"type":"{name}","created_on":"{CREATED_ON}","note":"hi"}}')
        assert type(event).TYPE == name and event.note == "hi"
        assert dumps(event) == f'{{"type":"{name}","created_on":"{CREATED_ON}","note":"hi"}}'
        with pytest.raises(ValidationError, match="field 'note' is required"):
            read_event(f'{{"type":"{name}","created_on":"{CREATED_ON}"}}')


# --------------------------------------------------------------------------- pickling


def _errors() -> list[EventError]:
    """One real error of every kind, as reading produces them."""
    found: list[EventError] = []

    def catch(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        try:
            result = fn(*args, **kwargs)
            if hasattr(result, "__next__"):
                list(result)
        except EventError as error:
            found.append(error)
        else:  # pragma: no cover - every input here is bad
            raise AssertionError(f"no error from {args!r}")

    catch(read_event, 5)  # EventError itself
    catch(read_event, "x" * 100, max_size=10)
    catch(read_event, BAD[1])  # ValidationError, several FieldErrors
    catch(read_event, BAD[2])  # TypeMismatchError
    catch(read_event, "{")  # JSONSyntaxError (offset)
    catch(read_event, '{"a":1} x')
    catch(read_event, BAD[4])  # UnknownTypeError
    catch(read_event, BAD[3])  # DecodeError (hint)
    catch(read_event, '{"type":"error","created_on":"bad","text":"x"}')  # TimestampError
    catch(  # NumberError
        read_event,
        f'{{"type":"contact_field_changed","created_on":"{CREATED_ON}","field":{{"key":"a","name":"A"}},'
        '"value":{"text":"x","number":"5e"}}',
    )
    catch(read_event, BAD[5], strict=True)  # strict FieldError
    catch(urns.parse, "")  # URNError
    catch(urns.from_parts, "tel", "+1")
    catch(read_events, [GO_OUTPUT[0], "{"])  # .line
    catch(cattrs.structure, [json.loads(GO_OUTPUT[0]), {"type": "nope"}], list[Event])  # .index
    return found


ERRORS = _errors()


def test_every_error_kind_is_covered() -> None:
    kinds = {type(error) for error in ERRORS}
    for cls in (EventError, ValidationError, TypeMismatchError, JSONSyntaxError, UnknownTypeError, DecodeError,
                URNError):
        assert cls in kinds
    assert any(getattr(e, "line", None) == 2 for e in ERRORS)
    assert any(getattr(e, "index", None) == 1 for e in ERRORS)


@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
@pytest.mark.parametrize("error", ERRORS, ids=lambda e: f"{type(e).__name__}:{str(e)[:30]}")
def test_errors_pickle(error: EventError, protocol: int) -> None:
    restored = pickle.loads(pickle.dumps(error, protocol))
    assert type(restored) is type(error)
    assert restored == error
    assert str(restored) == str(error) and restored.args == error.args
    assert restored.path == error.path
    assert vars(restored) == vars(error)  # errors, offset, type_name, line, index, notes...
    if isinstance(error, ValidationError):
        assert restored.errors == error.errors and all(isinstance(e, FieldError) for e in restored.errors)
        assert restored.paths == error.paths and restored.tags == error.tags
    for attribute in ("offset", "type_name", "line", "index", "__notes__"):
        assert getattr(restored, attribute, None) == getattr(error, attribute, None)
    with pytest.raises(type(error)):
        raise restored
    assert copy.deepcopy(error) == error and str(copy.copy(error)) == str(error)


@pytest.mark.parametrize(
    "field_error",
    [FieldError("msg.urn", "urn"), FieldError("labels", "min", "1"),
     FieldError("language", "language", strict=True, detail="'xyz' is not an ISO 639-3 language code")],
    ids=str,
)
def test_field_errors_pickle(field_error: FieldError) -> None:
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        restored = pickle.loads(pickle.dumps(field_error, protocol))
        assert restored == field_error and str(restored) == str(field_error)
        assert (restored.path, restored.tag, restored.param, restored.strict, restored.detail) == (
            field_error.path, field_error.tag, field_error.param, field_error.strict, field_error.detail)


def _corpus_events() -> list[Any]:
    events = [read_event(line) for line in CORPUS]
    events += [read_event(line, lenient=True) for line in CORPUS]  # with unknown_keys where any
    events.append(read_event(json.dumps({"type": "x_future", "created_on": CREATED_ON, "a": [1.50, "<&>"]}),
                             lenient=True))
    return events


EVENTS = _corpus_events()


def test_events_pickle_and_copy() -> None:
    assert any(isinstance(e, UnknownEvent) for e in EVENTS)
    assert any(getattr(e, "unknown_keys", ()) for e in EVENTS)
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        restored = pickle.loads(pickle.dumps(EVENTS, protocol))
        assert restored == EVENTS
        assert [dumps(e) for e in restored] == [dumps(e) for e in EVENTS]
    for event in EVENTS:
        for clone in (copy.deepcopy(event), copy.copy(event)):
            assert clone == event and type(clone) is type(event)
            assert dumps(clone) == dumps(event) and dumps(clone, escape_html=True) == dumps(event, escape_html=True)
            assert to_dict(clone) == to_dict(event)


def test_to_dict_output_pickles() -> None:
    data = [to_dict(event) for event in EVENTS]
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(data, protocol)) == data
    assert copy.deepcopy(data) == data


@pytest.mark.parametrize(
    "value",
    [
        Timestamp.parse("2018-10-18T14:20:30.000123456Z"),
        Timestamp.parse("2018-10-18T14:20:30+99:99"),
        Timestamp.parse("0001-01-01T00:00:00Z"),
        Timestamp.parse("0001-01-01T00:00:00+00:00"),  # non-zero for Go: the zulu flag must survive
        Timestamp.parse("0000-01-01T00:00:00.1-05:30"),
        RawJSON('{ "a" : [1, 2.50, 1E3, "<&>\\u00e9"], "a": null }'),
        RawJSON.NULL,
        UnknownEvent("x_future", RawJSON('{"type":"x_future","n":1.50}')),
    ],
    ids=repr,
)
def test_values_pickle(value: Any) -> None:
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        restored = pickle.loads(pickle.dumps(value, protocol))
        assert restored == value and type(restored) is type(value)
        assert repr(restored) == repr(value)
        if isinstance(value, Timestamp):
            assert restored.zulu == value.zulu and restored.is_zero == value.is_zero
            assert restored.isoformat() == value.isoformat()
        if isinstance(value, RawJSON):
            assert restored.text == value.text and restored.marshal() == value.marshal()
    assert copy.deepcopy(value) == value


# --------------------------------------------------------------------------- processes


def test_spawned_process_pool_reads_like_this_process() -> None:
    context = multiprocessing.get_context("spawn")
    lines = CORPUS + GO_OUTPUT
    local = [read_event(line) for line in lines]
    lenient = [read_event(line, lenient=True) for line in CORPUS]
    with context.Pool(2) as pool:
        remote = pool.map(read_event, lines, chunksize=64)
        remote_lenient = pool.map(partial(read_event, lenient=True), CORPUS, chunksize=64)
        remote_bytes = pool.map(read_event, [line.encode() for line in GO_OUTPUT], chunksize=64)
        remote_dicts = pool.map(from_dict, [json.loads(line) for line in GO_OUTPUT], chunksize=64)
        # errors raised in a worker come back whole
        for bad in BAD[:5]:
            try:
                read_event(bad)
            except EventError as error:
                expected = error
            with pytest.raises(type(expected)) as info:
                pool.apply(read_event, (bad,))
            assert info.value == expected and str(info.value) == str(expected)
            assert info.value.path == expected.path
            assert getattr(info.value, "errors", None) == getattr(expected, "errors", None)
    assert remote == local
    assert [dumps(e) for e in remote] == [dumps(e) for e in local]
    assert remote_lenient == lenient
    assert [dumps(e) for e in remote_bytes] == GO_OUTPUT
    assert [dumps(e) for e in remote_dicts] == GO_OUTPUT


def test_events_cross_process_as_arguments() -> None:
    """Events (and errors) sent *to* a worker arrive intact: the worker writes them back."""
    context = multiprocessing.get_context("spawn")
    events: list[Any] = [read_event(line) for line in GO_OUTPUT[:60]]
    with context.Pool(2) as pool:
        written = pool.map(dumps, events)
        dicts = pool.map(to_dict, events)
    assert written == GO_OUTPUT[:60]
    assert dicts == [to_dict(e) for e in events]


def test_registry_untouched() -> None:
    # the register_type test restores the registry: the 23 goflow types remain
    names: dict[str, type] = flows_events.registered_types()
    assert set(names) == {cls.TYPE for cls in flows_events.EVENT_TYPES}
