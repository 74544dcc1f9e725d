"""Hostile and broken input: nothing escapes, nothing is lost (issue 7).

Every way of reading an event — ``read_event`` on ``str``, ``bytes`` and ``dict``,
``from_dict``, ``converter.structure(x, Event)``, ``cattrs.structure(rows, list[Event])``
with the hooks in ``cattrs.global_converter``, ``strict=True``, ``lenient=True`` and the
``check`` command — may only ever raise :class:`flows_events.EventError` (or a
subclass). Whatever is accepted writes back as JSON that reads back to the same event,
and ``dumps`` is stable. Reading is bounded (``max_size``, Go's depth limit, lazy
streams), linear (every regular expression and checker, on 100k-character adversarial
strings) and never touches the network or files other than time-zone data.

Fuzzing uses Hypothesis with a small, deterministic budget by default; set
``FLOWS_EVENTS_FUZZ=long`` for 100,000 examples per test (see ``tests/fuzz/README.md``).
"""

from __future__ import annotations

import builtins
import contextlib
import copy
import decimal
import gzip
import importlib
import io
import json
import os
import pkgutil
import random
import re
import socket
import subprocess
import sys
import textwrap
import time
import zoneinfo
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

import attrs
import cattrs
import pytest
from conftest import read_lines
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

import flows_events
from flows_events import (
    EVENT_TYPES,
    Event,
    EventError,
    JSONSyntaxError,
    Timestamp,
    TypeMismatchError,
    UnknownEvent,
    ValidationError,
    cli,
    dumps,
    from_dict,
    gojson,
    numbers,
    read_event,
    read_events,
    to_dict,
    urns,
    validators,
)
from flows_events.fields import Kind, specs
from flows_events.gojson import JSONNumber
from flows_events.types import HINT_TYPES

# --------------------------------------------------------------------------- settings

_FUZZ = os.environ.get("FLOWS_EVENTS_FUZZ", "")
settings.register_profile(
    "flows_events-fuzz",
    # CI: a modest, reproducible budget (same examples every run, no example database)
    max_examples=75,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
settings.register_profile(
    "flows_events-fuzz-long",
    # FLOWS_EVENTS_FUZZ=long (or a number of examples): random, and as long as it takes
    max_examples=int(_FUZZ) if _FUZZ.isdigit() else 100_000,
    deadline=None,
    derandomize=False,
    print_blob=True,
    suppress_health_check=list(HealthCheck),
)
FUZZ = settings.get_profile("flows_events-fuzz-long" if _FUZZ == "long" or _FUZZ.isdigit() else "flows_events-fuzz")

flows_events.register_hooks(cattrs.global_converter)

# --------------------------------------------------------------------------- data

CORPUS = read_lines("goflow-v0.36.0-events.jsonl")
GO_OUTPUT = read_lines("goflow-v0.36.0-events.go-output.jsonl")
CORPUS_BYTES = [line.encode("utf-8") for line in CORPUS]
TYPES = sorted(cls.TYPE for cls in EVENT_TYPES)
CLASSES = {cls.TYPE: cls for cls in EVENT_TYPES}
CREATED_ON = "2019-01-02T15:04:05Z"


def _richest_example(type_name: str) -> str:
    """The longest Go output line of a type: the corpus example with the most fields."""
    lines = [line for line in GO_OUTPUT if json.loads(line)["type"] == type_name]
    return max(lines, key=len)


EXAMPLES = {name: _richest_example(name) for name in TYPES}

#: Every JSON type, as the issue lists them.
JSON_TYPES: tuple[Any, ...] = (None, True, 0, -1, 1.5, "", "x", [], {}, [None], {"a": 1})


def _model_classes() -> list[type]:
    seen: list[type] = []
    todo = list(EVENT_TYPES) + list(HINT_TYPES.values())
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.append(cls)
        todo.extend(spec.model for spec in specs(cls) if spec.model is not None)
    return seen


ALL_KEYS = sorted({spec.key for cls in _model_classes() for spec in specs(cls)})

# --------------------------------------------------------------------------- checking


class _Escaped:
    """Marks a call that let something other than an EventError escape."""


ESCAPED = _Escaped()
MODES: tuple[dict[str, bool], ...] = ({}, {"strict": True}, {"lenient": True})


def _short(value: Any, limit: int = 160) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + f"... ({len(text)} chars)"


def _call(problems: list[str], label: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, Any]:
    """``(result, None)``, ``(None, EventError)``, or ``(ESCAPED, None)`` with a problem noted."""
    try:
        return fn(*args, **kwargs), None
    except EventError as error:
        return None, error
    except Exception as error:  # noqa: BLE001 - RecursionError, TypeError, ...: each one is a bug
        problems.append(f"{label}: {type(error).__name__} escaped: {_short(str(error))}")
        return ESCAPED, None


def _outcome(result: Any, error: EventError | None) -> Any:
    if error is not None:
        return ("error", type(error).__name__, str(error))
    if result is ESCAPED:
        return ("escaped",)
    try:
        text = dumps(result)
    except EventError as write_error:
        text = f"<dumps failed: {write_error}>"
    return ("event", type(result).__name__, text)


def _go_lossy(obj: Any) -> bool:
    """Whether goflow itself does not read back what it writes for this value.

    * a ``Value.datetime`` is written with 6 fraction digits (types.md §7.2);
    * an offset of 100 hours or more (``+99:99`` reads as +100:39) is written ``+100:39``,
      which no RFC 3339 parser reads;
    * a time at Go's zero instant read with an offset (``+00:00``) is written ``Z``, and
      then fails ``required`` (json.md §2.9, zero-time rule);
    * an absent raw JSON field (nil) is written ``null``, which reads back as the raw text
      ``null`` (json.md §2.8, §3.5) — the text written is the same.
    """
    if isinstance(obj, Timestamp):
        zero_wall = (obj.year, obj.month, obj.day, obj.hour, obj.minute, obj.second, obj.nanosecond) == (
            1, 1, 1, 0, 0, 0, 0,
        )
        return abs(obj.offset) >= 100 * 3600 or (zero_wall and obj.offset == 0)
    if isinstance(obj, (tuple, list)):
        return any(_go_lossy(item) for item in obj)
    if isinstance(obj, dict):
        return any(_go_lossy(item) for item in obj.values())
    if attrs.has(type(obj)) and not isinstance(obj, UnknownEvent):
        for spec in specs(type(obj)):
            value = getattr(obj, spec.name, None)
            if spec.kind == Kind.XDATETIME and value is not None and value.nanosecond % 1000:
                return True
            if spec.kind == Kind.RAW and value is None and not spec.omitempty:
                return True  # a nil json.RawMessage is written null, which reads back as the text null
            nested = (Kind.TIME, Kind.XDATETIME, Kind.STRUCT, Kind.STRUCT_PTR, Kind.LIST, Kind.MAP, Kind.HINT)
            if spec.kind in nested and _go_lossy(value):
                return True
    return False


def _check_written(problems: list[str], label: str, event: Any, mode: dict[str, bool]) -> None:
    """An accepted event writes, reads back equal (unless Go itself is lossy), and stays put."""
    text, error = _call(problems, f"{label}: dumps", dumps, event)
    if text is ESCAPED:
        return
    if error is not None:
        # the one permitted divergence (README): numbers too long to print
        if "too large to write" not in str(error):
            problems.append(f"{label}: dumps raised {type(error).__name__}: {error}")
        return
    _call(problems, f"{label}: dumps(escape_html=True)", dumps, event, escape_html=True)
    _call(problems, f"{label}: to_dict", to_dict, event)
    again, error = _call(problems, f"{label}: re-read", read_event, text, **mode)
    if again is ESCAPED:
        return
    if error is not None:
        if not _go_lossy(event):
            problems.append(f"{label}: dumps() gave {_short(text)}, which does not read back: {error}")
        return
    rewritten, _ = _call(problems, f"{label}: dumps again", dumps, again)
    if rewritten is not ESCAPED and rewritten != text:
        problems.append(f"{label}: dumps not stable: {_short(text)} then {_short(rewritten)}")
    if again != event and not _go_lossy(event):
        problems.append(f"{label}: read_event(dumps(e)) != e for {_short(text)}")


def check_text(data: Any, label: str = "text") -> list[str]:
    """Every text reader on ``data`` (``str`` or ``bytes``); the problems found."""
    problems: list[str] = []
    if isinstance(data, str):
        try:
            exact: bytearray | None = bytearray(data.encode("utf-8"))
        except UnicodeEncodeError:  # lone surrogates: a str-only case
            exact = None
    else:
        exact = bytearray(data)
    for mode in MODES:
        where = f"{label} read_event(**{mode})"
        event, error = _call(problems, where, read_event, data, **mode)
        if event is not ESCAPED and error is None:
            _check_written(problems, where, event, mode)
        if exact is not None:
            # the exact path (bytearray is never taken by the fast path) must agree
            other = _call(problems, f"{where} on bytearray", read_event, exact, **mode)
            if other[0] is not ESCAPED and _outcome(event, error) != _outcome(*other):
                problems.append(
                    f"{where}: str/bytes and bytearray disagree: {_outcome(event, error)} vs {_outcome(*other)}"
                )
    return problems


class _ExactDict(dict):  # type: ignore[type-arg]
    """A dict the fast path does not take (it wants ``type(data) is dict``)."""


def check_dict(doc: Any, label: str = "dict") -> list[str]:
    """Every dict reader on ``doc``; the problems found."""
    problems: list[str] = []
    default: Any = None
    for mode in MODES:
        where = f"{label} from_dict(**{mode})"
        event, error = _call(problems, where, from_dict, doc, **mode)
        if not mode:
            default = _outcome(event, error)
        if event is not ESCAPED and error is None:
            _check_written(problems, where, event, mode)
        if isinstance(doc, dict):
            other = _call(problems, f"{where} exact path", from_dict, _ExactDict(doc), **mode)
            if event is not ESCAPED and other[0] is not ESCAPED and _outcome(event, error) != _outcome(*other):
                problems.append(
                    f"{where}: fast and exact paths disagree: {_outcome(event, error)} vs {_outcome(*other)}"
                )
    structured = _call(problems, f"{label} converter.structure", flows_events.converter.structure, doc, Event)
    if isinstance(doc, dict) and structured[0] is not ESCAPED and _outcome(*structured) != default:
        problems.append(f"{label}: converter.structure and from_dict disagree: {_outcome(*structured)} vs {default}")
    rows, error = _call(problems, f"{label} cattrs.structure(list[Event])", cattrs.structure, [doc], list[Event])
    if rows is not ESCAPED and error is not None and getattr(error, "index", None) != 0:
        problems.append(f"{label}: cattrs.structure error without .index == 0: {error!r}")
    return problems


def check_both(doc: Any, label: str) -> list[str]:
    """``doc`` as text (Go's encoding, both escaping modes), as bytes and as a dict."""
    text = gojson.encode(doc, escape_html=False)
    problems = check_text(text, label + " text") + check_text(text.encode("utf-8"), label + " bytes")
    html = gojson.encode(doc, escape_html=True)
    if html != text:
        problems += check_text(html, label + " text (HTML-escaped)")
    return problems + check_dict(doc, label + " dict")


def assert_no_problems(problems: Sequence[str]) -> None:
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems[:20])


def run_cli(tmp_dir: Path, data: bytes, *args: str, suffix: str = ".jsonl") -> int:
    """``flows-events <args> FILE`` over ``data``; output swallowed; the exit status."""
    path = tmp_dir / f"input{suffix}"
    path.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main([*args, str(path)])
    assert status in (0, 1, 2), (status, out.getvalue()[-500:], err.getvalue()[-500:])
    return status


@pytest.fixture(scope="module")
def tmp_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("robustness")


def _deep_list(depth: int, leaf: Any = None) -> Any:
    value: Any = [] if leaf is None else leaf
    for _ in range(depth - (leaf is None)):
        value = [value]
    return value


def _deep_dict(depth: int) -> Any:
    value: Any = {}
    for _ in range(depth - 1):
        value = {"a": value}
    return value


def _event_doc(type_name: str, **fields: Any) -> dict[str, Any]:
    return {"type": type_name, "created_on": CREATED_ON, **fields}


# =========================================================================== 1. fuzzing

# ---- strategies

_JSON_TOKENS = list('{}[]":,\\/ \t\n0123456789-+.eE') + [
    "true", "false", "null", "NaN", "Infinity", "-Infinity", "\ud800", "\udc00", "\ufeff", "é", "\x00",
    "\x1f", "\u2028", "\\u", "\\ud800", "\\ud83d\\ude00", '"type"', '"TYPE"', '"created_on"', '"error"',
    '"msg_wait"', '"hint"', '"text"', f'"{CREATED_ON}"', "1e999", "-1e-999", "9" * 40,
]
jsonish_text = st.lists(st.sampled_from(_JSON_TOKENS), max_size=40).map("".join)
def _as_other_writers_write(line: bytes) -> list[bytes]:
    # the line as json.dumps writes it (spaces, \u escapes), and indented (if it parses)
    try:
        doc = json.loads(line)
    except ValueError:
        return [line]
    return [json.dumps(doc).encode(), json.dumps(doc, indent=1, ensure_ascii=False).encode()]


CORPUS_BYTES += [other for line in GO_OUTPUT for other in _as_other_writers_write(line.encode())]
_corpus_line = st.integers(0, len(CORPUS_BYTES) - 1).map(CORPUS_BYTES.__getitem__)


def _surrogatepass(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


_keys = st.one_of(
    st.sampled_from(ALL_KEYS),
    st.sampled_from(ALL_KEYS).map(str.upper),
    st.sampled_from(ALL_KEYS).map(lambda k: k.replace("s", "\u017f").replace("k", "\u212a")),
    st.text(max_size=6),
)
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from([CREATED_ON, "tel:+12065551212", "2d611e17-fb22-457f-b802-b8f7ec5cda5b", "image", "digits"]),
)
json_values = st.recursive(
    _scalars, lambda children: st.lists(children, max_size=4) | st.dictionaries(_keys, children, max_size=4),
    max_leaves=16,
)


@st.composite
def member_lists(draw: st.DrawFn) -> list[tuple[str, Any]]:
    """An event-like object as members: duplicates and case variants allowed."""
    members = [
        ("type", draw(st.sampled_from(TYPES + ["x_unknown", ""]))),
        ("created_on", draw(st.sampled_from([CREATED_ON, "2018-10-18T14:20:30.000123456+99:99", "bad"]))),
    ]
    members += draw(st.lists(st.tuples(_keys, json_values), max_size=8))
    return draw(st.permutations(members)) if draw(st.booleans()) else members


def _members_text(members: list[tuple[str, Any]], escape_html: bool) -> str:
    return "{" + ",".join(
        gojson.quote(key, escape_html) + ":" + gojson.encode(value, escape_html) for key, value in members
    ) + "}"


_INSERTS = [
    b'"', b"\\", b"{", b"}", b"[", b"]", b",", b":", b"null", b"\xff", b"\xe2\x82", b"\xed\xa0\x80",
    b"\xef\xbb\xbf", b"1e999", b"-0", b"\\ud800", b'"x":1,', b"\x00", b" ", b"9" * 30,
]
_VARIANTS: list[Callable[[str], str]] = [
    str.upper,
    str.title,
    lambda k: k.replace("s", "\u017f", 1),
    lambda k: k.replace("k", "\u212a", 1),
    lambda k: f"\\u{ord(k[0]):04x}" + k[1:] if k else k,
    lambda k: k + "_",
    lambda k: k[:-1],
    lambda k: "zz",
]
_KEY_RE = re.compile(rb'"([A-Za-z_]+)": ?')


@st.composite
def corpus_mutations(draw: st.DrawFn) -> bytes:
    """A corpus line with 1-4 byte flips, deletions, insertions, key renames or duplicates."""
    data = bytearray(draw(_corpus_line))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "delete", "insert", "rename", "duplicate"]))
        if not data:
            break
        pos = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[pos] = draw(st.integers(0, 255))
        elif op == "delete":
            del data[pos : pos + draw(st.integers(1, 8))]
        elif op == "insert":
            data[pos:pos] = draw(st.sampled_from(_INSERTS) | st.binary(min_size=1, max_size=4))
        else:
            keys = list(_KEY_RE.finditer(bytes(data)))
            if not keys:
                continue
            match = draw(st.sampled_from(keys))
            key = match.group(1).decode()
            variant = draw(st.sampled_from(_VARIANTS))(key).encode()
            if op == "rename":
                data[match.start(1) : match.end(1)] = variant
            else:
                value = gojson.encode(draw(st.sampled_from(JSON_TYPES)), escape_html=False).encode()
                data[match.start() : match.start()] = b'"' + variant + b'":' + value + b","
    return bytes(data)


# ---- the fuzz tests


@FUZZ
@given(st.binary(max_size=300))
def test_fuzz_random_bytes(data: bytes) -> None:
    assert_no_problems(check_text(data))


@FUZZ
@given(jsonish_text)
def test_fuzz_jsonish_text_with_surrogates_and_boms(text: str) -> None:
    assert_no_problems(check_text(text))


@FUZZ
@given(member_lists(), st.booleans())
def test_fuzz_event_like_documents(members: list[tuple[str, Any]], escape_html: bool) -> None:
    text = _members_text(members, escape_html)
    note(text)
    problems = check_text(text) + check_text(text.encode("utf-8", "surrogatepass"), "bytes")
    problems += check_dict(dict(members))
    assert_no_problems(problems)


@FUZZ
@given(corpus_mutations())
def test_fuzz_corpus_mutations(data: bytes) -> None:
    note(repr(data))
    problems = check_text(data, "bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        problems += check_text(text)
        try:
            doc = gojson.loads(text)
        except EventError:
            pass
        else:
            problems += check_dict(doc)
    assert_no_problems(problems)


@FUZZ
@given(st.sampled_from(range(len(CORPUS))), st.data())
def test_fuzz_duplicate_and_case_variant_keys(index: int, data: st.DataObject) -> None:
    doc = json.loads(GO_OUTPUT[index], object_pairs_hook=_Pairs)
    extra = data.draw(
        st.lists(
            st.tuples(st.sampled_from([k for k, _ in doc]), st.sampled_from(_VARIANTS[:5] + [str]),
                      st.sampled_from(JSON_TYPES) | st.sampled_from([v for _, v in doc])),
            min_size=1, max_size=4,
        )
    )
    members = list(doc)
    for key, variant, value in extra:
        members.insert(data.draw(st.integers(0, len(members))), (variant(key), value))
    text = "{" + ",".join(gojson.quote(k, False) + ":" + _encode_pairs(v) for k, v in members) + "}"
    # also spaced as json.dumps spaces it (not goflow's own form: the fast path's relaxed mode)
    spaced = "{" + ", ".join(gojson.quote(k, False) + ": " + _encode_pairs(v, " ") for k, v in members) + "}"
    note(text)
    assert_no_problems(check_text(text) + check_text(text.encode()) + check_text(spaced))


class _Pairs(list):  # type: ignore[type-arg]
    """A JSON object as ``json.loads(..., object_pairs_hook=_Pairs)`` gives it: its members."""


def _encode_pairs(value: Any, space: str = "") -> str:
    """Go's encoding of ``json.loads(..., object_pairs_hook=_Pairs)`` output (duplicates
    kept), with ``space`` after each comma and colon."""
    comma, colon = "," + space, ":" + space
    if isinstance(value, _Pairs):
        return "{" + comma.join(gojson.quote(k, False) + colon + _encode_pairs(v, space) for k, v in value) + "}"
    if isinstance(value, list):
        return "[" + comma.join(_encode_pairs(v, space) for v in value) + "]"
    return gojson.encode(value, escape_html=False)


@FUZZ
@given(st.lists(st.binary(max_size=80) | jsonish_text.map(_surrogatepass) | _corpus_line, max_size=4),
       st.sampled_from([(), ("--strict",), ("--lenient",), ("--format", "json")]),
       st.sampled_from(["check", "normalize"]))
def test_fuzz_cli_never_raises(tmp_dir: Path, lines: list[bytes], options: tuple[str, ...], command: str) -> None:
    if command == "normalize" and options[:1] == ("--format",):
        options = ("--keep-invalid",)
    run_cli(tmp_dir, b"\n".join(lines), command, *options)


def test_atheris_harness_runs_without_atheris() -> None:
    """The optional atheris harness (tests/fuzz/) stays in working order."""
    import importlib.util

    path = Path(__file__).parent / "fuzz" / "atheris_read_event.py"
    spec = importlib.util.spec_from_file_location("atheris_read_event", path)
    assert spec is not None and spec.loader is not None
    harness = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(harness)
    for data in CORPUS_BYTES[::40] + [b"", b"\xff", b"[" * 20_000, b'{"type":"x"}', b'{"TYPE":"error","text":1}']:
        harness.one_input(data)


def _mutate(data: bytes, rng: random.Random) -> bytes:
    """One deterministic mutation of the kinds the fuzz strategy uses."""
    out = bytearray(data)
    pos = rng.randrange(len(out))
    op = rng.choice(["flip", "delete", "insert", "rename", "duplicate"])
    if op == "flip":
        out[pos] = rng.randrange(256)
    elif op == "delete":
        del out[pos : pos + rng.randint(1, 8)]
    elif op == "insert":
        out[pos:pos] = rng.choice(_INSERTS)
    else:
        keys = list(_KEY_RE.finditer(data))
        if keys:
            match = rng.choice(keys)
            variant = rng.choice(_VARIANTS)(match.group(1).decode()).encode()
            if op == "rename":
                out[match.start(1) : match.end(1)] = variant
            else:
                value = gojson.encode(rng.choice(JSON_TYPES), escape_html=False).encode()
                out[match.start() : match.start()] = b'"' + variant + b'":' + value + b","
    return bytes(out)


@pytest.mark.parametrize("start", range(0, len(CORPUS_BYTES), 60), ids=lambda i: f"lines{i + 1}-{i + 60}")
def test_mutations_of_every_corpus_line(start: int) -> None:
    """Eight seeded mutations of each corpus line, and of goflow's output lines as other
    writers write them (the fuzz test draws more at random)."""
    problems: list[str] = []
    for index in range(start, min(start + 60, len(CORPUS_BYTES))):
        rng = random.Random(index)
        for _ in range(8):
            mutated = _mutate(CORPUS_BYTES[index], rng)
            problems += check_text(mutated, f"line {index + 1} mutated to {_short(mutated, 60)}")
    assert_no_problems(problems)


DEPTH_FILE = 20_000
_HOSTILE_FILES = {
    "empty": b"",
    "blank lines": b"\n\r\n \t\n",
    "bom": b"\xef\xbb\xbf" + CORPUS_BYTES[0],
    "utf16": CORPUS[0].encode("utf-16"),
    "invalid utf8": CORPUS_BYTES[0].replace(b"Z", b"\xff"),
    "nul bytes": b"\x00" * 100,
    "deep arrays": b"[" * DEPTH_FILE + b"]" * DEPTH_FILE,
    "deep objects": b'{"a":' * DEPTH_FILE + b"1" + b"}" * DEPTH_FILE,
    "deep unclosed pretty": b"{\n" + b'"a":[\n' * DEPTH_FILE,
    "array of garbage": b"[" + b",".join(CORPUS_BYTES[:3]) + b",\xff]",
    "array with deep element": b"[" + CORPUS_BYTES[0] + b"," + b"[" * DEPTH_FILE + b"]" * DEPTH_FILE + b"]",
    "truncated array": b"[" + CORPUS_BYTES[0] + b",",
    "pretty object": json.dumps(json.loads(CORPUS[0]), indent=4).encode(),
    "broken pretty object": json.dumps(json.loads(CORPUS[0]), indent=4).encode()[:-3],
    "numbers": b"1e999\n-0\n" + b"9" * 5000 + b"\nNaN\n",
    "mixed": b"\n".join(CORPUS_BYTES[:5] + [b"{", b"null", b"[]", b'"x"', b"\xfe\xff"]),
    "long line": b'{"type":"error","created_on":"' + CREATED_ON.encode() + b'","text":"' + b"x" * 2_000_000 + b'"}',
    "gzip header only": b"\x1f\x8b\x08\x00",
}


@pytest.mark.parametrize("name", sorted(_HOSTILE_FILES))
@pytest.mark.parametrize("suffix", [".jsonl", ".gz"])
def test_cli_hostile_files(tmp_dir: Path, name: str, suffix: str) -> None:
    data = _HOSTILE_FILES[name]
    if suffix == ".gz" and name != "gzip header only":
        data = gzip.compress(data)
    for args in (("check",), ("check", "--strict"), ("check", "--lenient", "--format", "json"),
                 ("normalize", "--keep-invalid"), ("normalize", "--escape-html", "--lenient")):
        run_cli(tmp_dir, data, *args, suffix=suffix)


def test_cli_missing_and_unreadable_inputs(tmp_dir: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        assert cli.main(["check", str(tmp_dir / "missing.jsonl")]) == 2
        assert cli.main(["check", str(tmp_dir)]) == 2  # a directory
        assert cli.main(["check"]) == 2  # usage
        assert cli.main(["nonsense"]) == 2
        assert cli.main(["check", "--format", "xml", "x"]) == 2


# ---- systematic: every field of every event, every JSON type


def _field_paths(cls: type, doc: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """``(path, spec)`` of every field of ``cls`` and of the nested structs present in ``doc``."""
    for spec in specs(cls):
        path = prefix + (spec.key,)
        yield path, spec
        value = doc.get(spec.key) if isinstance(doc, dict) else None
        if spec.kind == Kind.HINT and isinstance(value, dict) and value.get("type") in HINT_TYPES:
            yield from _field_paths(HINT_TYPES[value["type"]], value, path)
        elif spec.model is None:
            continue
        elif spec.kind in (Kind.STRUCT, Kind.STRUCT_PTR) and isinstance(value, dict):
            yield from _field_paths(spec.model, value, path)
        elif spec.kind == Kind.LIST and isinstance(value, list) and value and isinstance(value[0], dict):
            yield from _field_paths(spec.model, value[0], path + (0,))
        elif spec.kind == Kind.MAP and isinstance(value, dict) and value:
            key = next(iter(value))
            if isinstance(value[key], dict):
                yield from _field_paths(spec.model, value[key], path + (key,))


def _replaced(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    doc = copy.deepcopy(doc)
    target = doc
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return doc


def _example(type_name: str) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(EXAMPLES[type_name])
    if type_name == "msg_wait" and "hint" not in doc:  # pragma: no cover - the corpus has hints
        doc["hint"] = {"type": "digits", "count": 1}
    return doc


def _paths_of_kind(type_name: str, kinds: Sequence[str]) -> list[tuple[Any, ...]]:
    doc = _example(type_name)
    return [path for path, spec in _field_paths(CLASSES[type_name], doc) if spec.kind in kinds]


@pytest.mark.parametrize("type_name", TYPES)
def test_every_field_replaced_by_every_json_type(type_name: str) -> None:
    doc = _example(type_name)
    paths = [path for path, _ in _field_paths(CLASSES[type_name], doc)]
    assert paths
    problems: list[str] = []
    for path in paths:
        for value in JSON_TYPES:
            problems += check_both(_replaced(doc, path, value), f"{type_name} {path}={value!r}")
    assert_no_problems(problems)


_HUGE_TOKENS = ["1e999", "-1e-999", "9" * 400, "-" + "9" * 400, "1E+400", "0." + "0" * 400 + "1", "1e999999999", "-0"]
_NUMBER_KINDS = (Kind.INT, Kind.INT_PTR, Kind.XNUMBER, Kind.RAW)


@pytest.mark.parametrize("type_name", TYPES)
def test_huge_and_tiny_numbers_in_every_number_and_raw_field(type_name: str) -> None:
    doc = _example(type_name)
    problems: list[str] = []
    # every int, number and raw field, plus an unknown key and created_on
    paths = _paths_of_kind(type_name, _NUMBER_KINDS) + [("zz_unknown",), ("created_on",)]
    for path in paths:
        for token in _HUGE_TOKENS:
            text = gojson.encode(_replaced(doc, path, JSONNumber(token)), escape_html=False)
            problems += check_text(text, f"{type_name} {path}={token[:12]}")
        for number in (10**400, -(10**400), 5e-324, 1.7976931348623157e308, decimal.Decimal("1e999")):
            problems += check_dict(_replaced(doc, path, number), f"{type_name} {path}={str(number)[:12]}")
    assert_no_problems(problems)


def _int_field_cases() -> list[tuple[str, tuple[Any, ...]]]:
    return [(name, path) for name in TYPES for path in _paths_of_kind(name, (Kind.INT, Kind.INT_PTR))]


@pytest.mark.parametrize("type_name, path", _int_field_cases(), ids=lambda v: v if isinstance(v, str) else ".".join(map(str, v)))
def test_5000_digit_integer_in_int_field_text(type_name: str, path: tuple[Any, ...]) -> None:
    token = "9" * 5000
    text = gojson.encode(_replaced(_example(type_name), path, JSONNumber(token)), escape_html=False)
    with pytest.raises(TypeMismatchError) as info:
        read_event(text)
    assert str(info.value).startswith("json: cannot unmarshal number " + token + " into Go struct field ")


@pytest.mark.parametrize(
    "doc",
    [
        _event_doc("msg_wait", timeout_seconds=10**5000),
        _event_doc("contact_field_changed", field={"key": "a", "name": "A"}, value={"text": "x", "number": 10**5000}),
    ],
    ids=["int", "number"],
)
def test_5000_digit_python_int_in_dict(doc: dict[str, Any]) -> None:
    # beyond Python's int-to-str limit: refused or read, but only ever an EventError
    assert_no_problems(check_dict(doc))


def test_400_digit_integers_are_go_type_errors() -> None:
    token = "9" * 400
    doc = f'{{"type":"msg_wait","created_on":"{CREATED_ON}","timeout_seconds":{token}}}'
    with pytest.raises(TypeMismatchError) as info:
        read_event(doc)
    assert str(info.value) == (
        f"json: cannot unmarshal number {token} into Go struct field msgWaitEnvelope.timeout_seconds of type int"
    )
    with pytest.raises(TypeMismatchError):
        from_dict(json.loads(doc))


@pytest.mark.parametrize("hint_type", [[], {}, [None], {"a": 1}], ids=repr)
def test_hint_type_of_the_wrong_kind(hint_type: Any) -> None:
    doc = _event_doc("msg_wait", hint={"type": hint_type})
    what = "array" if isinstance(hint_type, list) else "object"
    expected = (
        f"unable to read hint: json: cannot unmarshal {what} into Go struct field TypedEnvelope.type of type string"
    )
    text = json.dumps(doc)
    for data in (text, text.encode(), doc):
        with pytest.raises(EventError) as info:
            read_event(data)
        assert str(info.value) == expected
    with pytest.raises(EventError):
        flows_events.converter.structure(doc, Event)


# ---- NaN and infinities


_NAN_ERRORS = {
    "NaN": "invalid character 'N' looking for beginning of value",
    "Infinity": "invalid character 'I' looking for beginning of value",
    "-Infinity": "invalid character 'I' in numeric literal",
    "nan": "invalid character 'a' in literal null (expecting 'u')",
    "inf": "invalid character 'i' looking for beginning of value",
}


@pytest.mark.parametrize("literal", sorted(_NAN_ERRORS))
@pytest.mark.parametrize("where", ["unknown", "payload", "number", "timeout"])
def test_nan_and_infinity_literals_are_go_syntax_errors(literal: str, where: str) -> None:
    docs = {
        "unknown": '{"type":"error","created_on":"%s","text":"x","zz":%s}',
        "payload": '{"type":"resthook_called","created_on":"%s","payload":%s}',
        "number": '{"type":"contact_field_changed","created_on":"%s","field":{"key":"a","name":"A"},'
        '"value":{"text":"x","number":%s}}',
        "timeout": '{"type":"msg_wait","created_on":"%s","timeout_seconds":%s}',
    }
    text = docs[where] % (CREATED_ON, literal)
    for data in (text, text.encode(), bytearray(text.encode())):
        for mode in MODES:
            with pytest.raises(JSONSyntaxError) as info:
                read_event(data, **mode)
            assert str(info.value) == _NAN_ERRORS[literal]


_SPECIAL_FLOATS = [float("nan"), float("inf"), float("-inf"), decimal.Decimal("NaN"), decimal.Decimal("-Infinity")]


@pytest.mark.parametrize("special", _SPECIAL_FLOATS, ids=repr)
@pytest.mark.parametrize(
    "doc_of",
    [
        lambda x: _event_doc("msg_wait", timeout_seconds=x),
        lambda x: _event_doc("msg_wait", hint={"type": "digits", "count": x}),
        lambda x: _event_doc("contact_field_changed", field={"key": "a", "name": "A"}, value={"text": "t", "number": x}),
        lambda x: _event_doc("webhook_called", url="u", status="success", request="r", elapsed_ms=x),
        lambda x: {"type": "error", "created_on": x, "text": "x"},
    ],
    ids=["int_ptr", "hint_count", "number", "int", "created_on"],
)
def test_nan_and_infinity_in_dict_typed_fields(special: Any, doc_of: Callable[[Any], Any]) -> None:
    assert_no_problems(check_dict(doc_of(special)))


@pytest.mark.parametrize("special", _SPECIAL_FLOATS[:3], ids=repr)
@pytest.mark.parametrize(
    "doc_of, lenient",
    [
        (lambda x: _event_doc("resthook_called", resthook="r", payload=x), False),
        (lambda x: _event_doc("resthook_called", resthook="r", payload={"a": [x]}), False),
        (lambda x: _event_doc("run_result_changed", name="n", extra=x), False),
        (lambda x: _event_doc("error", text="x", zz=x), True),
        (lambda x: _event_doc("x_unknown", zz=x), True),
    ],
    ids=["payload", "nested_payload", "extra", "lenient_unknown_key", "lenient_unknown_type"],
)
def test_nan_and_infinity_in_dict_raw_json(special: float, doc_of: Callable[[Any], Any], lenient: bool) -> None:
    try:
        event = from_dict(doc_of(special), lenient=lenient)
    except EventError:
        return  # refusing the value is fine
    text = dumps(event)
    read_event(text, lenient=lenient)  # what is accepted must write valid JSON


# ---- strings: invalid UTF-8, lone surrogates, BOM, 10 MB


@pytest.mark.parametrize(
    "raw, expected",
    [
        (b"a\xffb", "a\ufffdb"),
        (b"\xe2\x82", "\ufffd\ufffd"),  # a truncated 3-byte sequence: one U+FFFD per byte
        (b"\xed\xa0\x80", "\ufffd\ufffd\ufffd"),  # a UTF-8-encoded surrogate
        (b"\xc0\xaf", "\ufffd\ufffd"),  # overlong
        (b"\xf4\x90\x80\x80", "\ufffd" * 4),  # beyond U+10FFFF
        (b"\xf0\x9f\x98", "\ufffd" * 3),
        (b"\xe2\x82\xac\xff", "\u20ac\ufffd"),
    ],
)
def test_invalid_utf8_becomes_one_replacement_character_per_byte(raw: bytes, expected: str) -> None:
    data = b'{"type":"contact_name_changed","created_on":"' + CREATED_ON.encode() + b'","name":"' + raw + b'"}'
    for source in (data, bytearray(data)):
        event = read_event(source)
        assert event.name == expected
        assert dumps(event) == f'{{"type":"contact_name_changed","created_on":"{CREATED_ON}","name":"{expected}"}}'
        assert read_event(dumps(event)) == event
    # in a key, in an ignored member and in raw JSON too
    for doc in (
        b'{"type":"error","created_on":"' + CREATED_ON.encode() + b'","text":"x","' + raw + b'":1}',
        b'{"type":"resthook_called","created_on":"' + CREATED_ON.encode() + b'","payload":{"k":"' + raw + b'"}}',
    ):
        assert_no_problems(check_text(doc))
    event = read_event(
        b'{"type":"resthook_called","created_on":"' + CREATED_ON.encode() + b'","payload":{"k":"' + raw + b'"}}'
    )
    assert event.payload.value == {"k": expected}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a\ud800b", "a\ufffdb"),  # a lone surrogate in str input
        ("\udfff", "\ufffd"),
        ("a\\ud800b", "a\ufffdb"),  # as an escape
        ("\\udc00", "\ufffd"),
        ("\\ud83d\\u0041", "\ufffdA"),
        ("\\ud83d\\ude00", "\U0001f600"),
        ("\\ud83d\\ud83d\\ude00", "\ufffd\U0001f600"),
    ],
)
def test_lone_surrogates_become_replacement_characters(text: str, expected: str) -> None:
    doc = f'{{"type":"contact_name_changed","created_on":"{CREATED_ON}","name":"{text}"}}'
    event = read_event(doc)
    assert event.name == expected
    written = dumps(event)
    assert written == f'{{"type":"contact_name_changed","created_on":"{CREATED_ON}","name":"{expected}"}}'
    assert written.encode("utf-8")  # no surrogate ever reaches the output
    assert_no_problems(check_text(doc))
    key_doc = f'{{"type":"error","created_on":"{CREATED_ON}","text":"x","{text}":1}}'
    assert_no_problems(check_text(key_doc))


def test_lone_surrogate_in_dict_input_round_trips() -> None:
    event = from_dict(_event_doc("contact_name_changed", name="a\ud800b"))
    assert event.name == "a\ufffdb"  # as goflow would decode the same string from JSON text
    assert read_event(dumps(event)) == event


def test_lone_surrogate_in_dict_input_never_escapes() -> None:
    docs = [
        _event_doc("contact_name_changed", name="a\ud800b"),
        _event_doc("error", text="x", zz="\udc00"),
        _event_doc("resthook_called", resthook="r", payload={"\ud800": "\udfff"}),
        _event_doc("contact_urns_changed", urns=["tel:+1\ud800"]),
        {"type": "error", "created_on": "2019-01-02T15:04:05\ud800", "text": "x"},
        {"type": "err\ud800or", "created_on": CREATED_ON},
    ]
    problems: list[str] = []
    for doc in docs:
        for mode in MODES:
            _call(problems, f"{doc} {mode}", from_dict, doc, **mode)
            _call(problems, f"{doc} converter", flows_events.converter.structure, doc, Event)
    assert_no_problems(problems)


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf", "\ufeff"], ids=["bytes", "str"])
def test_utf8_bom_is_a_go_syntax_error(data: Any) -> None:
    line = GO_OUTPUT[0]
    source = data + (line.encode() if isinstance(data, bytes) else line)
    for mode in MODES:
        with pytest.raises(JSONSyntaxError) as info:
            read_event(source, **mode)
        assert str(info.value) == "invalid character 'ï' looking for beginning of value"


def test_ten_megabyte_strings() -> None:
    big = ("x" * 4093 + "<é\"\\\n\u2028") * (10_000_000 // 4099)
    assert len(big) >= 9_990_000
    doc = f'{{"type":"contact_name_changed","created_on":"{CREATED_ON}","name":{gojson.quote(big, False)}}}'
    event = read_event(doc)
    assert event.name == big
    assert dumps(event) == doc
    assert read_event(doc.encode()) == event
    assert from_dict({"type": "contact_name_changed", "created_on": CREATED_ON, "name": big}) == event
    # in a raw field and an ignored key as well
    quoted = gojson.quote(big, False)
    raw = f'{{"type":"resthook_called","created_on":"{CREATED_ON}","resthook":"r","payload":{quoted}'
    assert dumps(read_event(raw + "}")) == raw + "}"
    assert dumps(read_event(raw + ',"zz":' + quoted + "}")) == raw + "}"
    assert dumps(read_event(raw + ',"zz":' + quoted + "}", lenient=True)) == raw + ',"zz":' + quoted + "}"


# ---- deep nesting

DEPTH = 20_000


@pytest.mark.parametrize("opening", ["[", "{"])
@pytest.mark.parametrize("where", ["top", "unknown_key", "payload", "nested_unknown_key", "hint"])
def test_20000_deep_text_fails_cleanly(opening: str, where: str) -> None:
    inner = "[" * DEPTH + "]" * DEPTH if opening == "[" else '{"a":' * DEPTH + "1" + "}" * DEPTH
    docs = {
        "top": inner,
        "unknown_key": f'{{"type":"error","created_on":"{CREATED_ON}","text":"x","zz":{inner}}}',
        "payload": f'{{"type":"resthook_called","created_on":"{CREATED_ON}","payload":{inner}}}',
        "nested_unknown_key": f'{{"type":"msg_created","created_on":"{CREATED_ON}","msg":{{"zz":{inner}}}}}',
        "hint": f'{{"type":"msg_wait","created_on":"{CREATED_ON}","hint":{inner}}}',
    }
    text = docs[where]
    for data in (text, text.encode(), bytearray(text.encode())):
        for mode in MODES:
            with pytest.raises(JSONSyntaxError) as info:
                read_event(data, **mode)
            assert str(info.value) == f"invalid character '{opening}' exceeded max depth"
    with pytest.raises(JSONSyntaxError):
        list(read_events([text]))


@pytest.mark.parametrize("deep", [_deep_list(DEPTH), _deep_dict(DEPTH)], ids=["lists", "dicts"])
def test_20000_deep_dict_in_raw_field(deep: Any) -> None:
    assert_no_problems(check_dict(_event_doc("resthook_called", resthook="r", payload=deep)))


@pytest.mark.parametrize(
    "doc",
    [_event_doc("error", text="x", zz=_deep_list(DEPTH)), _event_doc("x_unknown", zz=_deep_dict(DEPTH))],
    ids=["unknown_key", "unknown_type"],
)
def test_20000_deep_dict_lenient(doc: dict[str, Any]) -> None:
    problems: list[str] = []
    _call(problems, "from_dict lenient", from_dict, doc, lenient=True)
    assert_no_problems(problems)


@pytest.mark.parametrize(
    "doc",
    [
        _deep_dict(DEPTH),
        _deep_list(DEPTH),
        _event_doc("error", text="x", zz=_deep_list(DEPTH)),
        _event_doc("msg_created", msg=_deep_dict(DEPTH)),
        _event_doc("msg_wait", hint=_deep_dict(DEPTH)),
        _event_doc("contact_urns_changed", urns=_deep_list(DEPTH)),
        _event_doc("broadcast_created", translations=_deep_dict(DEPTH)),
    ],
    ids=["top_dict", "top_list", "ignored_key", "msg", "hint", "urns", "translations"],
)
def test_20000_deep_dict_in_typed_fields(doc: Any) -> None:
    problems: list[str] = []
    for mode in ({}, {"strict": True}):
        _call(problems, f"from_dict {mode}", from_dict, doc, **mode)
    _call(problems, "converter.structure", flows_events.converter.structure, doc, Event)
    _call(problems, "cattrs.structure", cattrs.structure, [doc], list[Event])
    assert_no_problems(problems)


def test_cyclic_dict_input() -> None:
    doc = _event_doc("resthook_called", resthook="r")
    doc["payload"] = doc
    with pytest.raises(EventError):
        from_dict(doc)


@pytest.mark.parametrize("lenient", [False, True])
def test_non_string_keys_in_dict_input(lenient: bool) -> None:
    problems: list[str] = []
    for doc in (
        {**_event_doc("error", text="x"), 1: 2},
        _event_doc("msg_created", msg={None: 1, "text": "x"}),
        _event_doc("broadcast_created", base_language="eng", translations={1: {"text": "x"}}),
    ):
        event, _ = _call(problems, f"from_dict {doc}", from_dict, doc, lenient=lenient)
        if event is not None and event is not ESCAPED:
            _check_written(problems, f"{doc}", event, {"lenient": lenient})
    assert_no_problems(problems)


@pytest.mark.parametrize("rows", [5, None, 1.5, True], ids=repr)
def test_structure_list_of_events_from_non_list(rows: Any) -> None:
    with pytest.raises(EventError):
        cattrs.structure(rows, list[Event])


def test_registered_class_without_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    from flows_events import events as events_module
    from flows_events.fields import gofield

    @attrs.frozen(slots=True, kw_only=True)
    class NoDefaultEvent(Event):
        TYPE: ClassVar[str] = "x_no_default"
        note: str = gofield(json="note", validate="required")

    monkeypatch.setattr(events_module, "_registry", events_module._registry)  # restored afterwards
    flows_events.register_type("x_no_default", NoDefaultEvent)
    assert read_event(f'{{"type":"x_no_default","created_on":"{CREATED_ON}","note":"hi"}}').note == "hi"
    with pytest.raises(ValidationError, match="field 'note' is required"):
        read_event(f'{{"type":"x_no_default","created_on":"{CREATED_ON}"}}')


@pytest.mark.parametrize(
    "value", [None, 5, 1.5, True, "text", b"bytes", bytearray(b"{}"), memoryview(b"{}"), [], (), set(), object()],
    ids=lambda v: type(v).__name__,
)
def test_non_documents_are_event_errors(value: Any) -> None:
    problems: list[str] = []
    for mode in MODES:
        _call(problems, "read_event", read_event, value, **mode)
        _call(problems, "from_dict", from_dict, value, **mode)
    _call(problems, "converter.structure", flows_events.converter.structure, value, Event)
    for cls in EVENT_TYPES:
        _call(problems, f"converter.structure {cls.__name__}", flows_events.converter.structure, value, cls)
    _call(problems, "cattrs.structure", cattrs.structure, [value], list[Event])
    assert_no_problems(problems)


@pytest.mark.parametrize(
    "value", [b"bytes", object(), {1, 2}, decimal.Decimal("sNaN"), complex(1, 2), Timestamp(2019, 1, 2), range(3)],
    ids=lambda v: type(v).__name__,
)
@pytest.mark.parametrize(
    "field", ["name", "payload", "created_on", "urns", "msg", "number", "timeout_seconds", "unknown"]
)
def test_python_only_values_in_dict_fields(value: Any, field: str) -> None:
    docs = {
        "name": _event_doc("contact_name_changed", name=value),
        "payload": _event_doc("resthook_called", resthook="r", payload=value),
        "created_on": {"type": "error", "created_on": value, "text": "x"},
        "urns": _event_doc("contact_urns_changed", urns=[value]),
        "msg": _event_doc("msg_created", msg=value),
        "number": _event_doc("contact_field_changed", field={"key": "a", "name": "A"}, value={"text": "t", "number": value}),
        "timeout_seconds": _event_doc("msg_wait", timeout_seconds=value),
        "unknown": _event_doc("error", text="x", zz=value),
    }
    problems: list[str] = []
    for mode in MODES:
        event, _ = _call(problems, f"from_dict {mode}", from_dict, docs[field], **mode)
        if event is not None and event is not ESCAPED:
            _check_written(problems, f"{field}={value!r} {mode}", event, mode)
    assert_no_problems(problems)


# ---- truncation


_TRUNCATED = re.compile(
    r"unexpected end of JSON input|invalid character ' ' (?:in literal (?:true|false|null) \(expecting '[a-z]'\)"
    r"|in numeric literal|after decimal point in numeric literal|in exponent of numeric literal)"
)


@pytest.mark.parametrize("index", [0, 100, 200, 300, len(CORPUS) - 1])
def test_every_prefix_of_a_corpus_line_is_unexpected_end(index: int) -> None:
    line = CORPUS[index]
    data = line.encode("utf-8")
    for end in range(len(data)):
        with pytest.raises(JSONSyntaxError) as info:
            read_event(data[:end])
        # Go's scanner is fed a space at the end: inside a literal or a number that is the error
        assert _TRUNCATED.fullmatch(str(info.value)), (data[:end], str(info.value))
    for end in range(0, len(line), 7):
        for mode in MODES:
            with pytest.raises(JSONSyntaxError):
                read_event(line[:end], **mode)
    assert_no_problems(check_text(line[: len(line) // 2]))


def test_truncated_multibyte_characters() -> None:
    text = f'{{"type":"contact_name_changed","created_on":"{CREATED_ON}","name":"€😀"}}'
    data = text.encode()
    start = data.index("€".encode())
    for end in range(start, start + 7):
        with pytest.raises(JSONSyntaxError, match="unexpected end of JSON input"):
            read_event(data[:end])


# =========================================================================== 2. resource bounds


@pytest.mark.parametrize(
    "data", [GO_OUTPUT[0], GO_OUTPUT[0].encode(), bytearray(GO_OUTPUT[0].encode())], ids=["str", "bytes", "bytearray"]
)
def test_max_size_read_event(data: Any) -> None:
    size = len(data)
    assert read_event(data, max_size=size) == read_event(data)
    with pytest.raises(EventError) as info:
        read_event(data, max_size=size - 1)
    assert type(info.value) is EventError
    unit = "characters" if isinstance(data, str) else "bytes"
    assert str(info.value) == f"event too large: {size} {unit}, the limit is {size - 1}"


def test_max_size_is_checked_before_parsing() -> None:
    garbage = "[" * 1_000_000 + "\ud800" * 10
    started = time.perf_counter()
    with pytest.raises(EventError, match="event too large: 1000010 characters, the limit is 1000"):
        read_event(garbage, max_size=1000)
    checked = time.perf_counter() - started
    with pytest.raises(JSONSyntaxError):
        read_event(garbage)
    # the size check does not parse (it is far cheaper than parsing the same text)
    assert checked * 10 < time.perf_counter() - started


def test_max_size_counts_bytes_for_bytes_and_characters_for_str() -> None:
    doc = '{{"type":"contact_name_changed","created_on":"{}","name":"{}"}}'.format(CREATED_ON, "é" * 100)
    assert read_event(doc, max_size=len(doc)).name == "é" * 100
    with pytest.raises(EventError, match="bytes"):
        read_event(doc.encode(), max_size=len(doc))


def test_max_size_read_events() -> None:
    lines = [GO_OUTPUT[0], "", GO_OUTPUT[1] + " " * 5000, GO_OUTPUT[2]]
    stream = read_events(lines, max_size=len(GO_OUTPUT[1]) + 100)
    assert dumps(next(stream)) == GO_OUTPUT[0]
    with pytest.raises(EventError) as info:
        next(stream)
    assert str(info.value).startswith("event too large: ")
    assert info.value.line == 3  # type: ignore[attr-defined]
    for as_bytes in (False, True):
        data = [line.encode() if as_bytes else line for line in lines]
        with pytest.raises(EventError, match="too large"):
            list(read_events(data, max_size=100))


class _Tripwire:
    """An iterator of lines that fails if it is advanced past ``allowed`` lines."""

    def __init__(self, lines: Sequence[Any], allowed: int) -> None:
        self.lines = list(lines)
        self.allowed = allowed
        self.taken = 0

    def __iter__(self) -> _Tripwire:
        return self

    def __next__(self) -> Any:
        if self.taken >= self.allowed:
            raise AssertionError(f"read_events advanced the input past line {self.allowed}")
        self.taken += 1
        if self.taken > len(self.lines):
            raise StopIteration
        return self.lines[self.taken - 1]


@pytest.mark.parametrize("options", MODES, ids=str)
def test_read_events_is_lazy(options: dict[str, bool]) -> None:
    lines = GO_OUTPUT[:3] + CORPUS[3:10]
    tripwire = _Tripwire(lines, allowed=1)
    stream = read_events(tripwire, **options)
    assert tripwire.taken == 0  # nothing read before the first next()
    first = next(stream)
    assert dumps(first) == GO_OUTPUT[0] and tripwire.taken == 1
    tripwire.allowed = 2
    assert dumps(next(stream)) == GO_OUTPUT[1] and tripwire.taken == 2
    with pytest.raises(AssertionError, match="past line 2"):
        next(stream)


def test_read_events_from_a_generator_and_a_file(tmp_path: Path) -> None:
    taken: list[int] = []

    def generate() -> Iterator[str]:
        for number, line in enumerate(GO_OUTPUT, 1):
            taken.append(number)
            yield line + "\n"

    stream = read_events(generate())
    for number, event in enumerate(stream, 1):
        assert taken[-1] == number  # one line in, one event out
        assert dumps(event) == GO_OUTPUT[number - 1]
        if number == 50:
            break
    path = tmp_path / "events.jsonl"
    path.write_bytes(("\n".join(GO_OUTPUT) + "\n").encode())
    with open(path, "rb") as binary, open(path, encoding="utf-8") as text:
        assert [dumps(e) for e in read_events(binary)] == GO_OUTPUT
        assert [dumps(e) for e in read_events(text)] == GO_OUTPUT


def test_read_events_bad_items_are_event_errors() -> None:
    for item in (5, None, object(), [1], b"\xff", "{", "[" * DEPTH):
        with pytest.raises(EventError) as info:
            list(read_events([GO_OUTPUT[0], item]))
        assert info.value.line == 2  # type: ignore[attr-defined]


@pytest.mark.parametrize("opening", ["[", "{"])
def test_depth_limit_is_exactly_10000(opening: str) -> None:
    def nested(depth: int) -> str:
        # `depth` levels inside the event object: 1 + depth in all
        if opening == "[":
            return "[" * depth + "]" * depth
        return '{"a":' * (depth - 1) + "{}" + "}" * (depth - 1)

    limit = gojson.MAX_DEPTH
    assert limit == 10_000
    head = f'{{"type":"resthook_called","created_on":"{CREATED_ON}","resthook":"r",'
    for key in ("payload", "zz"):
        prefix = head + ('"payload":' if key == "payload" else '"payload":null,"zz":')
        ok = prefix + nested(limit - 1) + "}"
        event = read_event(ok)
        assert read_event(ok.encode()) == event
        lenient = read_event(ok, lenient=True)
        assert dumps(lenient) == ok  # nothing lost, at the limit
        too_deep = prefix + nested(limit) + "}"
        for data in (too_deep, too_deep.encode()):
            with pytest.raises(JSONSyntaxError) as info:
                read_event(data)
            assert str(info.value) == f"invalid character '{opening}' exceeded max depth"
    # at the top level: 10000 is goflow's type verdict (no event there), 10001 a syntax error
    with pytest.raises(TypeMismatchError if opening == "[" else ValidationError):
        read_event(nested(limit))
    with pytest.raises(JSONSyntaxError, match="exceeded max depth"):
        read_event(nested(limit + 1))


# =========================================================================== 3. nothing lost


@pytest.mark.parametrize("index", range(len(CORPUS)), ids=lambda i: f"line{i + 1}")
def test_corpus_writes_back_exactly_from_bytes(index: int) -> None:
    expected = GO_OUTPUT[index]
    for data in (CORPUS_BYTES[index], bytearray(CORPUS_BYTES[index]), CORPUS[index]):
        assert dumps(read_event(data)) == expected
    for data in (expected, expected.encode(), bytearray(expected.encode())):
        assert dumps(read_event(data, lenient=True)) == expected
        assert dumps(read_event(data, strict=False)) == expected


def _with_unknown_keys(cls: type, obj: dict[str, Any], tag: str) -> None:
    """Add an unknown member at the end of ``obj`` and of every struct inside it."""
    for spec in specs(cls):
        value = obj.get(spec.key)
        if spec.kind == Kind.HINT and isinstance(value, dict):
            _with_unknown_keys(HINT_TYPES[value["type"]], value, tag + ".hint")
        elif spec.model is None or value is None:
            continue
        elif spec.kind in (Kind.STRUCT, Kind.STRUCT_PTR):
            _with_unknown_keys(spec.model, value, f"{tag}.{spec.key}")
        elif spec.kind == Kind.LIST:
            for item in value:
                if isinstance(item, dict):
                    _with_unknown_keys(spec.model, item, f"{tag}.{spec.key}[]")
        elif spec.kind == Kind.MAP:
            for item in value.values():
                if isinstance(item, dict):
                    _with_unknown_keys(spec.model, item, f"{tag}.{spec.key}{{}}")
    obj["x_" + tag.replace(".", "_")] = {"deep": [JSONNumber("1.50"), JSONNumber("1E3"), "<&>", None, {"k": []}]}
    obj["x_null"] = None


def _number_tokens(line: str) -> Any:
    return json.loads(line, parse_int=JSONNumber, parse_float=JSONNumber)


@pytest.mark.parametrize("index", range(0, len(GO_OUTPUT), 3), ids=lambda i: f"line{i + 1}")
def test_lenient_keeps_unknown_keys_everywhere(index: int) -> None:
    plain = gojson.encode(_number_tokens(GO_OUTPUT[index]), escape_html=False)
    assert dumps(read_event(plain)) == plain
    doc = _number_tokens(GO_OUTPUT[index])
    _with_unknown_keys(CLASSES[doc["type"]], doc, "top")
    text = gojson.encode(doc, escape_html=False)
    event = read_event(text, lenient=True)
    assert dumps(event) == text
    assert dumps(read_event(text.encode(), lenient=True)) == text
    assert dumps(event, escape_html=True) == gojson.encode(doc, escape_html=True)
    assert read_event(dumps(event), lenient=True) == event
    # and goflow's own reading ignores them all
    assert dumps(read_event(text)) == plain


@pytest.mark.parametrize("index", range(0, len(CORPUS), 5), ids=lambda i: f"line{i + 1}")
def test_lenient_keeps_unknown_types_whole(index: int) -> None:
    doc = json.loads(CORPUS[index], object_pairs_hook=_Pairs)
    members = [(k, "x_" + v if k == "type" else v) for k, v in doc]
    text = "{" + ",".join(gojson.quote(k, False) + ":" + _encode_pairs(v) for k, v in members) + "}"
    for data in (text, text.encode()):
        event = read_event(data, lenient=True)
        assert isinstance(event, UnknownEvent)
        assert dumps(event) == text
    with pytest.raises(flows_events.UnknownTypeError):
        read_event(text)


# =========================================================================== 5. security

_TZ_ROOTS = tuple(str(Path(p).resolve()) for p in zoneinfo.TZPATH) + ("/usr/share/zoneinfo", "/etc/localtime")


def _tz_roots() -> tuple[str, ...]:
    roots = list(_TZ_ROOTS)
    try:
        import tzdata

        roots.append(str(Path(tzdata.__file__).resolve().parent))
    except ImportError:  # pragma: no cover - depends on the environment
        pass
    return tuple(roots)


def _is_tz_data(path: Any) -> bool:
    try:
        resolved = str(Path(os.fsdecode(path)).resolve())
    except (TypeError, ValueError, OSError):
        return False
    return resolved.startswith(_tz_roots())


STRICT_INPUTS = [
    _event_doc("email_created", addresses=["bob@example.com", "a@b", "x@no-such-domain.invalid", "bad", "@"],
               subject="s"),
    _event_doc("email_created", addresses=["alice+tag@gmail.com", "é@例え.jp", "a" * 300 + "@x.com"], subject="s"),
    _event_doc("contact_urns_changed", urns=["tel:+250788383383", "mailto:bob@gmail.com", "mailto:bad@",
                                              "tel:0788383383", "twitter:bob", "whatsapp:123", "tel:+1" + "2" * 200]),
    _event_doc("contact_timezone_changed", timezone="America/New_York"),
    _event_doc("contact_timezone_changed", timezone="Europe/Berlin"),
    _event_doc("contact_timezone_changed", timezone="Not/AZone"),
    _event_doc("contact_timezone_changed", timezone="../../../etc/passwd"),
    _event_doc("contact_timezone_changed", timezone="/etc/passwd"),
    _event_doc("contact_timezone_changed", timezone="UTC"),
    _event_doc("contact_language_changed", language="eng"),
    _event_doc("contact_language_changed", language="xxx"),
    _event_doc("msg_created", msg={"uuid": "2d611e17-fb22-457f-b802-b8f7ec5cda5b", "urn": "mailto:a@b.c", "text": "t",
                                   "attachments": ["image/jpeg:https://example.com/x.jpg", "http://x"]}),
]


def _read_everything() -> None:
    for line in CORPUS:
        for mode in MODES:
            with contextlib.suppress(EventError):
                read_event(line, **mode)
    for doc in STRICT_INPUTS:
        text = json.dumps(doc)
        for mode in MODES:
            with contextlib.suppress(EventError):
                read_event(text, **mode)
            with contextlib.suppress(EventError):
                from_dict(doc, **mode)


def test_reading_never_opens_sockets_or_files(monkeypatch: pytest.MonkeyPatch) -> None:
    """No network and no files while reading, except the time-zone data that zoneinfo reads
    in strict mode (from ``zoneinfo.TZPATH`` or the ``tzdata`` package): that is legitimate
    local data access and the only path allowed. Lazily loaded data (pycountry's database,
    phonenumbers' metadata modules) is loaded by a first pass before the check."""
    _read_everything()  # warm up: imports and lazily loaded databases
    attempts: list[str] = []
    real_open = builtins.open

    def guarded_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, int) or not _is_tz_data(file):
            attempts.append(f"open({file!r})")
            raise PermissionError(f"test: reading must not open {file!r}")
        return real_open(file, *args, **kwargs)

    def no_network(*args: Any, **kwargs: Any) -> Any:
        attempts.append(f"network{args!r}")
        raise OSError("test: reading must not use the network")

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket.socket, "connect_ex", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    monkeypatch.setattr(socket, "gethostbyname", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    zoneinfo.ZoneInfo.clear_cache()  # so that strict mode really loads zones now
    _read_everything()
    monkeypatch.undo()
    assert attempts == []


_AUDIT_SCRIPT = textwrap.dedent(
    """
    import json, sys
    sys.path.insert(0, {tests!r})
    import test_robustness as t
    t._read_everything()                      # warm-up: imports, lazy databases
    import zoneinfo
    zoneinfo.ZoneInfo.clear_cache()
    seen = []
    active = [True]
    def hook(event, args):
        if active[0] and (event in ("open", "os.system", "subprocess.Popen", "urllib.Request")
                          or event.startswith("socket.")):
            seen.append((event, repr(args)[:300], str(args[0]) if event == "open" else ""))
    sys.addaudithook(hook)
    t._read_everything()
    active[0] = False
    print(json.dumps(seen))
    """
)


def test_reading_never_opens_sockets_or_files_audit_hook() -> None:
    """The same, seen from CPython's audit events in a separate process (catches C-level
    ``io.open``, ``os.open`` and every socket call, which monkeypatching cannot)."""
    script = _AUDIT_SCRIPT.format(tests=str(Path(__file__).parent))
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False,
        cwd=str(Path(__file__).parent.parent),
    )
    assert result.returncode == 0, result.stderr[-2000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    forbidden = [(event, args) for event, args, path in seen if not (event == "open" and _is_tz_data(path))]
    assert forbidden == []


# ---- regular expressions: linear on adversarial input

RATIO = 30  # 10x the input may cost at most 30x the time (linear: ~10x)
NOISE_FLOOR = 2e-4  # seconds; smaller timings are treated as this (timer noise, not behaviour)
TINY, SMALL, BIG = 1_000, 10_000, 100_000


def _timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _best_of(fn: Callable[[], Any], runs: int = 3) -> float:
    return min(_timed(fn) for _ in range(runs))


def _superlinear(call: Callable[[Any], Any], make: Callable[[int], Any]) -> str | None:
    """None if ``call`` looks linear on ``make(n)``; else a description of the blow-up.

    Sizes 1k, 10k, 100k: each step of 10x may cost at most RATIO x. One run each; a
    suspicious ratio is measured again (best of 3) before it counts. A blow-up already
    visible between 1k and 10k stops there, so a quadratic pattern costs seconds, not hours.
    """
    previous = make(TINY)
    t_previous = max(_timed(lambda: call(previous)), NOISE_FLOOR)
    for size in (SMALL, BIG):
        current = make(size)
        t_current = _timed(lambda current=current: call(current))
        if t_current > RATIO * t_previous:
            t_previous = max(_best_of(lambda previous=previous: call(previous)), NOISE_FLOOR)
            t_current = _best_of(lambda current=current: call(current))
            if t_current > RATIO * t_previous:
                return (
                    f"{t_previous:.4f}s at {len(previous)} chars, {t_current:.4f}s at {len(current)} chars "
                    f"(ratio {t_current / t_previous:.0f})"
                )
        previous, t_previous = current, max(t_current, NOISE_FLOOR)
    return None


def _package_patterns() -> list[tuple[str, re.Pattern[Any]]]:
    """Every compiled pattern of the package, once (``re`` caches: equal sources are one
    object), named after all the module globals that hold it."""
    found: dict[int, tuple[str, re.Pattern[Any]]] = {}
    package = Path(flows_events.__file__).parent
    for info in pkgutil.walk_packages([str(package)], "flows_events."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            pattern = getattr(value, "__self__", value)  # also `re.compile(...).fullmatch`
            if isinstance(pattern, re.Pattern):
                GLOBAL_PATTERN_NAMES.append(f"{info.name}.{name}")
                names, _ = found.get(id(pattern), ("", pattern))
                found[id(pattern)] = ((names + "|" if names else "") + f"{info.name}.{name}", pattern)
    return sorted(found.values(), key=lambda item: item[0])


GLOBAL_PATTERN_NAMES: list[str] = []
PATTERNS = _package_patterns()


def test_every_regex_in_the_package_is_found() -> None:
    """Every ``re.compile`` in the sources is a module-level pattern that this file times,
    and no module calls ``re.match``/``re.search``/... with an uncompiled pattern."""
    package = Path(flows_events.__file__).parent
    compiled = 0
    for path in sorted(package.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        compiled += len(re.findall(r"\bre\.compile\(", source))
        inline = re.findall(r"\bre\.(?:match|search|fullmatch|sub|subn|split|findall|finditer)\(", source)
        assert not inline, f"{path.name} uses an uncompiled pattern: extend the regex timing test"
    assert len(GLOBAL_PATTERN_NAMES) >= compiled, GLOBAL_PATTERN_NAMES


_HOSTILE = [" ", "\t", "\n", '"', "\\", "\x00", "é", "\u2028", "\ud800", ":", "@", "%", ".", "0", "9", "a", "Z",
            "-", "+", "e", "T", "{", "[", ",", "/", "_", "#", "?", "="]
_PAIRS = ['\\"', '"\\', "\\\\", '" ', "\\u", "a@", "@a", "0.", "1e", "%2", "%%", "a-", "0-", "a:", ":a", "?#", "a ",
          "a/", "/a", '"a', "a\\", "+1", "-0", "T1", "01", "ab", "00-", "a.", "\\n", '",', "[1,", '{"a":', '"a":"']

#: Patterns the package only ever applies to text that already passed Go's syntax check
#: (documented where they are defined): timed on adversarial *valid* JSON instead.
VALID_JSON_ONLY = {"flows_events.gojson._NON_WS_TOKEN_RE"}  # gojson.compact: "valid JSON text" only
_VALID_JSON: list[tuple[str, Callable[[int], str]]] = [
    ("escaped quotes", lambda n: '"' + '\\"' * (n // 2) + '"'),
    ("backslashes", lambda n: '"' + "\\\\" * (n // 2) + '"'),
    ("spaces in a string", lambda n: '"' + " " * n + '"'),
    ("spaces outside", lambda n: "[" + " " * n + "1]"),
    ("many strings", lambda n: "[" + '"a",' * (n // 4) + '"a"]'),
    ("many empty strings", lambda n: "[" + '"",' * (n // 3) + '""]'),
    ("nested arrays", lambda n: "[" * (n // 200 + 1) + "]" * (n // 200 + 1)),
    ("object", lambda n: "{" + ",".join(f'"k{i}": [1, "\\"", {{}}]' for i in range(n // 20)) + "}"),
]


def _pattern_inputs(name: str, pattern: re.Pattern[Any]) -> list[tuple[str, Callable[[int], Any]]]:
    """Adversarial valid JSON; unless the pattern only ever sees valid JSON, also repetitions of
    every character of its source and of hostile characters, each followed by NUL, and
    repetitions of pairs that start and break matches."""
    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
    makes: list[tuple[str, Callable[[int], str]]] = list(_VALID_JSON)
    if not set(name.split("|")) & VALID_JSON_ONLY:
        makes += [(repr(c) + "*n+NUL", lambda n, c=c: c * (n - 1) + "\x00") for c in sorted(set(source) | set(_HOSTILE))]
        makes += [(repr(p) + "*n+'\"'", lambda n, p=p: (p * (n // len(p) + 1))[: n - 1] + '"') for p in _PAIRS]
    if isinstance(pattern.pattern, bytes):
        return [(label, lambda n, make=make: make(n).encode("utf-8", "surrogatepass")) for label, make in makes]
    return makes


_METHODS = ("match", "fullmatch", "search", "sub", "subn", "findall", "finditer", "split")


def _pattern_uses() -> dict[str, set]:  # type: ignore[type-arg]
    """How the package calls each pattern (``NAME.match``, ``NAME.sub``, a bound
    ``re.compile(...).search``, or a helper taking a ``re.Pattern`` parameter), by global name."""
    import ast

    uses: dict[str, set] = {}  # type: ignore[type-arg]
    package = Path(flows_events.__file__).parent
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in sorted(package.rglob("*.py"))]
    helpers: dict[str, set] = {}  # type: ignore[type-arg]
    for tree in trees:  # functions taking a pattern: which methods they call on it
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                params = {a.arg for a in node.args.args if a.annotation is not None and "Pattern" in ast.unparse(a.annotation)}
                methods = {n.attr for n in ast.walk(node) if isinstance(n, ast.Attribute) and n.attr in _METHODS
                           and isinstance(n.value, ast.Name) and n.value.id in params}
                if methods:
                    helpers[node.name] = methods
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in _METHODS:
                target = node.value
                name = target.id if isinstance(target, ast.Name) else getattr(target, "attr", None)
                if name:
                    uses.setdefault(name, set()).add(node.attr)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in helpers:
                for arg in node.args:
                    if isinstance(arg, ast.Name):
                        uses.setdefault(arg.id, set()).update(helpers[node.func.id])
    return uses


_USES = _pattern_uses()


def _methods_of(name: str) -> list[str]:
    """The methods to time: those the package uses (all three kinds when it cannot tell)."""
    found: set = set()  # type: ignore[type-arg]
    for qualified in name.split("|"):
        module, _, short = qualified.rpartition(".")
        value = getattr(importlib.import_module(module), short)
        if not isinstance(value, re.Pattern):  # a bound method: `re.compile(...).search`
            found.add(value.__name__)
        found |= _USES.get(short, set())
    scanning = found & {"search", "sub", "subn", "findall", "finditer", "split"}
    methods = sorted(found - scanning) + (["finditer"] if scanning else [])
    return methods or ["match", "fullmatch", "finditer"]


_SLOW_REGEX: dict[str, str] = {}  # patterns known to be superlinear (none now)


@pytest.mark.parametrize(
    "name, pattern",
    [pytest.param(name, pattern, marks=pytest.mark.xfail(reason=_SLOW_REGEX[name], strict=True))
     if name in _SLOW_REGEX else (name, pattern) for name, pattern in PATTERNS],
    ids=[name for name, _ in PATTERNS],
)
def test_regex_is_linear_on_adversarial_input(name: str, pattern: re.Pattern[Any]) -> None:
    """Each pattern, timed the way the package calls it (match/fullmatch: from the start;
    search/sub/finditer...: a match tried at every position), on adversarial input."""
    empty = b"" if isinstance(pattern.pattern, bytes) else ""
    calls = {
        "match": pattern.match,
        "fullmatch": pattern.fullmatch,
        "finditer": lambda text: sum(1 for _ in pattern.finditer(text)),
        "sub": lambda text: pattern.sub(empty, text),
    }
    methods = _methods_of(name)
    for label, make in _pattern_inputs(name, pattern):
        for method in methods:
            verdict = _superlinear(calls[method], make)
            assert verdict is None, f"{name}.{method} on {label}: {verdict}"


def _ignore_event_errors(fn: Callable[[str], Any]) -> Callable[[str], Any]:
    def call(text: str) -> Any:
        try:
            return fn(text)
        except EventError:
            return None

    call.__name__ = getattr(fn, "__qualname__", repr(fn))
    return call


CHECKERS: list[Any] = [
    ("validators.is_uuid", validators.is_uuid),
    ("validators.is_uuid4", validators.is_uuid4),
    ("validators.is_urn", validators.is_urn),
    ("validators.is_attachment", validators.is_attachment),
    ("validators.is_email", validators.is_email),
    ("urns.validation_error", urns.validation_error),
    ("urns.normalize", urns.normalize),
    ("urns.to_parts", urns.to_parts),
    ("Timestamp.parse", _ignore_event_errors(Timestamp.parse)),
    ("numbers.parse_xnumber", _ignore_event_errors(numbers.parse_xnumber)),
    ("gojson.parse", _ignore_event_errors(gojson.parse)),
]

_CHECKER_INPUTS: list[tuple[str, Callable[[int], str]]] = [
    ("a*n", lambda n: "a" * n),
    ("0*n", lambda n: "0" * n),
    ("9*n", lambda n: "9" * n),
    ("-*n", lambda n: "-" * n),
    ("@*n", lambda n: "@" * n),
    ("a@a...!", lambda n: "a" * (n // 2) + "@" + "a" * (n // 2) + "!"),
    ("a@b.b.b...", lambda n: "a@" + "b." * (n // 2)),
    ("a a a @b", lambda n: "a " * (n // 2) + "@b"),
    ("uuid-prefix", lambda n: "2d611e17-fb22-457f-b802-" + "b" * n),
    ("tel:+1...", lambda n: "tel:+" + "1" * n),
    ("tel:a...NUL", lambda n: "tel:" + "a" * n + "\x00"),
    ("mailto:a@b.b...", lambda n: "mailto:" + "a" * (n // 2) + "@" + "b." * (n // 4)),
    ("twitterid:1#@", lambda n: "twitterid:1#" + " @" * (n // 2)),
    ("x:%2...", lambda n: "tel:" + "%2" * (n // 2)),
    ("a:???", lambda n: "a:" + "?" * n),
    ("a:b###", lambda n: "a:b" + "#" * n),
    ("a:b?#?#", lambda n: "a:b" + "?#" * (n // 2)),
    ("image/a/a:", lambda n: "image/" + "a/" * (n // 2) + ":x y"),
    ("image:\\S...", lambda n: "image:" + "x" * n + " "),
    ("2018-...frac", lambda n: "2018-10-18T14:20:30." + "1" * n + "Z"),
    ("2018-...zone", lambda n: "2018-10-18T14:20:30+" + "1" * n),
    ("2018-...junk", lambda n: "2018-10-18T14:20:30Z" + "x" * n),
    ("1e1...", lambda n: "1e" + "1" * n),
    ("1e0...0x", lambda n: "1e" + "0" * n + "x"),
    ("1e-0...0x", lambda n: "1e-" + "0" * n + "x"),
    ("0...0x", lambda n: "0" * n + "x"),
    ("1.0...x", lambda n: "1." + "0" * n + "x"),
    ("1.1.1.", lambda n: "1." * (n // 2)),
    ("--1", lambda n: "-" * n + "1"),
    ("\"\\\"...", lambda n: '"' + '\\"' * (n // 2)),
    ("\"\\u00...", lambda n: '"' + "\\u00" * (n // 4)),
    ("[1,[1,", lambda n: "[1," * (n // 3)),
    ('{"a":{"a":', lambda n: '{"a":' * (n // 5)),
    ('{"a":"\\\\...', lambda n: '{"a":"' + "\\\\" * (n // 2)),
    ("spaces", lambda n: " " * n),
    ("surrogates", lambda n: "\ud800" * n),
    ("é...NUL", lambda n: "é" * n + "\x00"),
    ("1 1 1", lambda n: "1 " * (n // 2)),
]


@pytest.mark.parametrize("name, checker", CHECKERS, ids=[c.values[0] if hasattr(c, "values") else c[0] for c in CHECKERS])
def test_public_checker_is_linear_on_adversarial_input(name: str, checker: Callable[[str], Any]) -> None:
    slow = []
    for label, make in _CHECKER_INPUTS:
        verdict = _superlinear(checker, make)
        if verdict is not None:
            slow.append(f"{name}({label}): {verdict}")
    assert not slow, "\n".join(slow)


def test_read_event_with_a_long_exponent_is_linear() -> None:
    def make(n: int) -> str:
        return (
            '{{"type":"contact_field_changed","created_on":"{}","field":{{"key":"a","name":"A"}},'
            '"value":{{"text":"x","number":"1e{}x"}}}}'.format(CREATED_ON, "0" * n)
        )

    verdict = _superlinear(lambda text: _call([], "read_event", read_event, text), make)
    assert verdict is None, verdict


def test_cli_normalize_keep_invalid_is_linear(tmp_dir: Path) -> None:
    def make(n: int) -> bytes:
        # valid JSON that goflow rejects ('text' is required), with a long run of spaces in a string
        return b'{"type":"error","created_on":"%s","text":"","pad":"%s"}\n' % (CREATED_ON.encode(), b" " * n)

    verdict = _superlinear(lambda data: run_cli(tmp_dir, data, "normalize", "--keep-invalid"), make)
    assert verdict is None, verdict


def test_cli_check_is_linear(tmp_dir: Path) -> None:
    def make(n: int) -> bytes:
        return b'{"type":"error","created_on":"%s","text":"","pad":"%s"}\n' % (CREATED_ON.encode(), b" " * n)

    for args in (("check",), ("normalize",), ("check", "--strict"), ("check", "--lenient")):
        verdict = _superlinear(lambda data, args=args: run_cli(tmp_dir, data, *args), make)
        assert verdict is None, (args, verdict)


def test_is_timezone_is_linear_on_adversarial_input() -> None:
    """zoneinfo looks names up as files and as ``tzdata`` resources: long names must stay
    cheap (and never escape as anything but ``False``)."""
    slow = []
    for label, make in [("a*n", lambda n: "a" * n), ("America/a...", lambda n: "America/" + "a" * n),
                        ("a_b_...", lambda n: "a_" * (n // 2)), ("é...", lambda n: "é" * n),
                        ("UTC+junk", lambda n: "UTC" + "0" * n)]:
        verdict = _superlinear(validators.is_timezone, make)
        if verdict is not None:
            slow.append(f"is_timezone({label}): {verdict}")
    assert not slow, "\n".join(slow)


@pytest.mark.parametrize("parts", [300, 5000])
def test_is_timezone_with_many_path_parts(parts: int) -> None:
    # zoneinfo's tzdata fallback imports a package per part: RecursionError must not escape
    name = "a/" * parts + "a"
    problems: list[str] = []
    _call(problems, "is_timezone", validators.is_timezone, name)
    doc = _event_doc("contact_timezone_changed", timezone=name)
    _call(problems, "read_event strict", read_event, json.dumps(doc), strict=True)
    assert_no_problems(problems)


def test_timezone_names_that_look_like_paths_are_rejected() -> None:
    for name in ("../../etc/passwd", "/etc/passwd", "a/../../b", "\x00", "", ".", "UTC\x00"):
        assert validators.is_timezone(name) is False
    assert validators.is_timezone("America/New_York") is True
