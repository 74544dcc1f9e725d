"""The ``flows-events`` command line: check and normalize files of goflow events.

``flows-events check FILE...`` reads every event as goflow's ``events.ReadEvent``
would and reports each one goflow would reject, as ``FILE:LINE: PATH: MESSAGE``,
then a summary (events read, valid, invalid, and how many of each type)::

    $ flows-events check events.jsonl
    events.jsonl:3: msg.urn: field 'msg.urn' failed tag 'urn'
    4 events, 3 valid, 1 invalid, 2 types
      msg_created: 2
      msg_received: 1

``flows-events normalize FILE...`` writes every valid event back as goflow would
(one compact JSON object per line) and reports the others on stderr.

A FILE is JSON Lines (one event per line; blank lines are skipped), a JSON array of
events, or one event object, pretty-printed or not; ``-`` is stdin and a name
ending ``.gz`` is decompressed on the fly. JSON Lines are streamed, one line at a
time. Exit status: 0 when every event is valid, 1 when some are not, 2 on usage
errors and files that cannot be read.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import os
import re
import sys
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from itertools import chain
from typing import IO, NamedTuple, TextIO, cast

from . import __version__
from .api import dumps, read_event
from .errors import EventError, JSONSyntaxError, ValidationError
from .events import Event, UnknownEvent
from .gojson import parse
from .schema import json_schema

__all__ = ["InputError", "Problem", "Record", "iter_records", "main"]

PROG = "flows-events"

#: How often (in events) ``check`` updates its progress line on a terminal.
PROGRESS_EVERY = 10_000

# JSON's own whitespace (bytes.strip() would also drop \v and \f, which JSON rejects)
_WS = b" \t\r\n"
# while looking for one object spread over many lines, read at most this much
_PRETTY_LIMIT = 64 * 1024 * 1024
# in valid JSON: strings (skipped whole) and the structural bytes that matter for splitting
# (an unterminated string runs to the end, so that scanning stays linear on any input)
_TOKEN_RE = re.compile(rb'"[^"\\]*(?:\\(?:.|\Z)[^"\\]*)*(?:"|\Z)|[\[\]{},]', re.DOTALL)
# line breaks and the indentation around them (never inside a string of valid JSON)
_BREAK_RE = re.compile(rb"(?<![ \t])[ \t]*[\r\n][ \t\r\n]*")  # starts only where a run of blanks starts: linear


class InputError(Exception):
    """A file that cannot be read: missing, not a file, not gzip, truncated (exit 2)."""


class Record(NamedTuple):
    """One event as found in an input: its file, the line it starts on, its JSON bytes."""

    name: str
    line: int
    data: bytes


def iter_records(path: str) -> Iterator[Record]:
    """The events of one input, in order, as :class:`Record`\\ s (not yet read).

    ``path`` ``-`` is stdin; a name ending ``.gz`` is gunzipped while reading. The
    format is decided by the first non-whitespace byte: ``[`` is a JSON array
    (loaded whole), anything else JSON Lines (streamed; blank lines skipped), where a
    first line that is the start of an object spread over the whole input makes that
    object the one event. Raises :class:`InputError` when the input cannot be read.
    """
    name = "<stdin>" if path == "-" else path
    try:
        with _open(path) as stream:
            yield from _records(name, stream)
    except (OSError, EOFError, zlib.error) as error:
        raise InputError(f"cannot read {name}: {_reason(error)}") from error


def _open(path: str) -> AbstractContextManager[IO[bytes]]:
    if path == "-":
        buffer: IO[bytes] | None = getattr(sys.stdin, "buffer", None)
        if buffer is None:  # a text stream with no byte layer (io.StringIO...)
            buffer = io.BytesIO(sys.stdin.read().encode("utf-8", "surrogateescape"))
        return contextlib.nullcontext(buffer)  # never close stdin
    if path.endswith(".gz"):
        return cast("IO[bytes]", gzip.open(path, "rb"))
    return open(path, "rb")


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__


def _records(name: str, stream: IO[bytes]) -> Iterator[Record]:
    head: list[bytes] = []
    for line in stream:
        head.append(line)
        if line.strip(_WS):
            break
    else:
        return  # empty, or only whitespace: no events
    first = head[-1]
    if first.lstrip(_WS).startswith(b"["):
        yield from _array_records(name, b"".join(head) + stream.read())
        return
    if first.lstrip(_WS).startswith(b"{") and str(_syntax_error(first)) == _EOF:
        # maybe one pretty-printed object: buffer (a bounded amount) and try it whole
        start = len(head)
        size = 0
        for line in stream:
            head.append(line)
            size += len(line)
            if size > _PRETTY_LIMIT:
                break
        else:
            whole = b"".join(head)
            error = _syntax_error(whole)
            if error is None:
                yield Record(name, start, whole)
                return
            if not any(_is_object(line) for line in head[start:]):
                # no later line is an object on its own: one broken multi-line object
                yield _broken_document(name, whole, error)
                return
    yield from _line_records(name, chain(head, stream))


_EOF = "unexpected end of JSON input"


def _syntax_error(data: bytes) -> JSONSyntaxError | None:
    try:
        parse(data)
    except JSONSyntaxError as error:
        return error
    return None


def _is_object(line: bytes) -> bool:
    return line.lstrip(_WS).startswith(b"{") and _syntax_error(line) is None


def _broken_document(name: str, data: bytes, error: JSONSyntaxError) -> Record:
    """The whole of a multi-line input that is not JSON, as one record at the error's line."""
    offset = error.offset if error.offset > 0 else len(data)
    return Record(name, data.count(b"\n", 0, offset - 1) + 1, data)


def _line_records(name: str, lines: Iterable[bytes]) -> Iterator[Record]:
    for number, line in enumerate(lines, 1):
        if line.strip(_WS):
            yield Record(name, number, line)


def _array_records(name: str, data: bytes) -> Iterator[Record]:
    error = _syntax_error(data)
    if error is not None:  # not one JSON value: the whole input is the one (bad) record
        yield _broken_document(name, data, error)
        return
    # valid JSON: split the top-level array on its depth-1 commas
    depth = 0
    segment = 0  # where the current element's text begins
    line, counted = 1, 0
    for match in _TOKEN_RE.finditer(data):
        token = match.group()
        if token[:1] == b'"':
            continue
        if token in (b"[", b"{"):
            depth += 1
            if depth == 1:
                segment = match.end()
            continue
        if depth == 1 and token in (b",", b"]"):
            element = data[segment : match.start()]
            stripped = element.lstrip(_WS)
            if stripped:
                begin = segment + len(element) - len(stripped)
                line += data.count(b"\n", counted, begin)
                counted = begin
                yield Record(name, line, stripped.rstrip(_WS))
            segment = match.end()
        if token in (b"]", b"}"):
            depth -= 1


# --------------------------------------------------------------------------- reading


class Problem(NamedTuple):
    """One thing wrong with an event: field path (``""`` for the whole event), the
    failed validation tag (``None`` when the event did not decode) and goflow's message."""

    path: str
    tag: str | None
    message: str


def _outcomes(
    paths: Sequence[str],
    strict: bool,
    failures: list[str],
    report: Callable[[str], None],
    lenient: bool = False,
) -> Iterator[tuple[Record, Event | UnknownEvent | EventError]]:
    """Every record of every input with its event or error; unreadable inputs are
    passed to ``report`` and listed in ``failures``, and the next input is read."""
    for path in paths:
        try:
            for record in iter_records(path):
                try:
                    outcome: Event | UnknownEvent | EventError = read_event(
                        record.data, strict=strict, lenient=lenient
                    )
                except EventError as error:
                    outcome = error
                yield record, outcome
        except InputError as error:
            failures.append(path)
            report(f"{PROG}: {error}")


def _problems(error: EventError) -> list[Problem]:
    """One problem per failed rule of a validation error, else the error itself."""
    if isinstance(error, ValidationError):
        return [Problem(e.path, e.tag, e.message) for e in error.errors]
    return [Problem(error.path, None, str(error))]


def _problem_line(record: Record, problem: Problem) -> str:
    return f"{record.name}:{record.line}: {problem.path or '-'}: {problem.message}"


class _Progress:
    """``\\r``-updated count of events on stderr, only when it is a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._width = 0
        try:
            self._enabled = stream.isatty()
        except (AttributeError, ValueError, OSError):
            self._enabled = False

    def update(self, count: int) -> None:
        if self._enabled and count % PROGRESS_EVERY == 0:
            text = f"\r{count:,} events checked..."
            self._width = len(text)
            self._stream.write(text)
            self._stream.flush()

    def clear(self) -> None:
        if self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._width = 0


# --------------------------------------------------------------------------- commands


def _check(paths: Sequence[str], strict: bool, as_json: bool, lenient: bool = False) -> int:
    """``check``: report every bad event and a summary on stdout."""
    out, err = sys.stdout, sys.stderr
    progress = _Progress(err)

    def report(message: str) -> None:
        progress.clear()
        print(message, file=err)

    failures: list[str] = []
    types: Counter[str] = Counter()
    unknown: Counter[str] = Counter()
    events = invalid = 0
    for record, outcome in _outcomes(paths, strict, failures, report, lenient):
        events += 1
        if isinstance(outcome, EventError):
            invalid += 1
            progress.clear()
            for problem in _problems(outcome):
                if as_json:
                    row = {"file": record.name, "line": record.line, **problem._asdict()}
                    print(json.dumps(row), file=out)
                else:
                    print(_problem_line(record, problem), file=out)
        elif isinstance(outcome, UnknownEvent):
            unknown[outcome.type] += 1
        else:
            types[outcome.type] += 1
        progress.update(events)
    progress.clear()

    counts = dict(sorted(types.items()))
    unknown_counts = dict(sorted(unknown.items()))
    valid = events - invalid - sum(unknown.values())
    if as_json:
        summary: dict[str, object] = {"events": events, "valid": valid, "invalid": invalid, "types": counts}
        if lenient:
            summary["unknown"] = unknown_counts
        print(json.dumps({"summary": summary}), file=out)
    else:
        line = f"{events} events, {valid} valid, {invalid} invalid, {len(counts)} types"
        if lenient:
            line += f", {sum(unknown.values())} of unknown types"
        print(line, file=out)
        for name, count in counts.items():
            print(f"  {name}: {count}", file=out)
        for name, count in unknown_counts.items():
            print(f"  {name}: {count} (unknown type)", file=out)
    return 2 if failures else 1 if invalid else 0


def _normalize(
    paths: Sequence[str], strict: bool, escape_html: bool, keep_invalid: bool, lenient: bool = False
) -> int:
    """``normalize``: write valid events as goflow does; report the others on stderr."""
    write = _binary_writer()

    def report(message: str) -> None:
        print(message, file=sys.stderr)

    failures: list[str] = []
    invalid = 0
    for record, outcome in _outcomes(paths, strict, failures, report, lenient):
        if isinstance(outcome, EventError):
            invalid += 1
            for problem in _problems(outcome):
                report(_problem_line(record, problem))
            if keep_invalid:
                write(_original(record, outcome))
        else:
            write(dumps(outcome, escape_html=escape_html).encode("utf-8") + b"\n")
    return 2 if failures else 1 if invalid else 0


def _original(record: Record, error: EventError) -> bytes:
    """A bad record's text as one output line: unchanged, except that the line breaks
    of a multi-line JSON value (from an array or a pretty-printed file) are dropped."""
    data = record.data.rstrip(b"\r\n")
    if not isinstance(error, JSONSyntaxError):
        data = _BREAK_RE.sub(b"", data)  # valid JSON: line breaks are only whitespace
    return data + b"\n"


def _binary_writer() -> Callable[[bytes], object]:
    sys.stdout.flush()
    buffer: IO[bytes] | None = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        return buffer.write
    text = sys.stdout  # a text stream with no byte layer (io.StringIO...)
    return lambda data: text.write(data.decode("utf-8", "surrogateescape"))


# --------------------------------------------------------------------------- entry point


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Check and normalize goflow v0.36.0 flow events, exactly as goflow reads and writes them.",
        epilog="A FILE is JSON Lines, a JSON array of events or one event; '-' is stdin; '.gz' files are "
        "decompressed. Exit status: 0 all valid, 1 some invalid, 2 usage or I/O error.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("files", nargs="+", metavar="FILE", help="input file ('-' for stdin)")
    common.add_argument(
        "--strict", action="store_true", help="also run the strict checks beyond goflow's own validation"
    )
    common.add_argument(
        "--lenient",
        action="store_true",
        help="accept events of unknown types (counted apart) and keep keys goflow ignores",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    check = commands.add_parser(
        "check",
        parents=[common],
        help="validate events and print a summary",
        description="Read every event as goflow does; print FILE:LINE: PATH: MESSAGE for each problem, "
        "then the number of events read, valid and invalid, and the count of each type.",
    )
    check.add_argument(
        "--format", choices=("text", "json"), default="text", help="text lines (default) or one JSON object per line"
    )
    normalize = commands.add_parser(
        "normalize",
        parents=[common],
        help="write valid events back as goflow does",
        description="Write every valid event to stdout exactly as goflow writes it, one per line; "
        "report invalid events on stderr as FILE:LINE: PATH: MESSAGE.",
    )
    normalize.add_argument(
        "--escape-html", action="store_true", help="escape <, > and & as \\u003c... (Go's json.Marshal)"
    )
    normalize.add_argument(
        "--keep-invalid", action="store_true", help="write invalid events unchanged instead of skipping them"
    )
    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the events",
        description="Print a JSON Schema (draft 2020-12) for the given event types (default: all), "
        "derived from the classes and their validation rules, as a union discriminated by 'type'.",
    )
    schema.add_argument("types", nargs="*", metavar="TYPE", help="event types to include (default: all)")
    schema.add_argument("--indent", type=int, default=2, help="indentation (default 2; 0 for one line)")
    return parser


def _schema(types: Sequence[str], indent: int) -> int:
    """``schema``: print the JSON Schema of the chosen event types."""
    try:
        schema = json_schema(types or None)
    except ValueError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 2
    print(json.dumps(schema, indent=indent or None, ensure_ascii=False))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:  # usage errors (2), --help and --version (0)
        return exit_.code if isinstance(exit_.code, int) else 0 if exit_.code is None else 2
    try:
        if args.command == "schema":
            return _schema(args.types, args.indent)
        if args.command == "check":
            return _check(args.files, args.strict, args.format == "json", args.lenient)
        return _normalize(args.files, args.strict, args.escape_html, args.keep_invalid, args.lenient)
    except BrokenPipeError:
        # the reader went away (`... | head`): stop quietly, and keep Python's
        # final flush of stdout from failing again
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
