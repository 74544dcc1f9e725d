"""Tests for flows_events.timestamps: Go 1.19's time parsing and formatting, exactly.

Expected strings come from the spec (json.md §2.9/§3.6, types.md §7.2) and from the
verified vectors in test-vectors.md.
"""

from __future__ import annotations

import json
import pickle
import random
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

import flows_events.timestamps as timestamps_module
from flows_events.errors import DecodeError, EventError
from flows_events.timestamps import Timestamp, TimestampError, _parse_token_exact

UTC = timezone.utc

LAYOUT = '"\\"2006-01-02T15:04:05Z07:00\\""'
SPEC_VECTORS = Path("/work/shared/spec/test-vectors.md")


def q(text: str) -> str:
    """Go 1.19's quoting for ASCII text (what the expected messages use)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def mismatch(token: str, rest: str, elem: str) -> str:
    return f"parsing time {q(token)} as {LAYOUT}: cannot parse {q(rest)} as {q(elem)}"


def out_of_range(token: str, what: str) -> str:
    return f"parsing time {q(token)}: {what} out of range"


def error_of(token: str) -> str:
    with pytest.raises(TimestampError) as info:
        Timestamp.parse_token(token)
    return str(info.value)


# --------------------------------------------------------------------------- accepted tokens

OK_CASES = [
    # json.md §2.9 verified examples
    ('"2018-10-18T14:20:30.000123456Z"', "2018-10-18T14:20:30.000123456Z"),
    ('"2018-10-18T14:20:30.100000Z"', "2018-10-18T14:20:30.1Z"),
    ('"2018-10-18T14:20:30.000000000Z"', "2018-10-18T14:20:30Z"),
    ('"2018-10-18T14:20:30.1234567891Z"', "2018-10-18T14:20:30.123456789Z"),  # T2
    ('"2018-10-18T14:20:30,123Z"', "2018-10-18T14:20:30.123Z"),  # T1
    ('"2018-10-18T14:20:30-00:00"', "2018-10-18T14:20:30Z"),
    ('"2018-10-18T14:20:30+00:00"', "2018-10-18T14:20:30Z"),
    ('"2018-10-18T14:20:30+05:45"', "2018-10-18T14:20:30+05:45"),
    ('"2018-10-18T14:20:30+99:99"', "2018-10-18T14:20:30+100:39"),
    ('"2018-10-18T14:20:30+24:00"', "2018-10-18T14:20:30+24:00"),
    ('"2018-10-18T14:20:30+-1:00"', "2018-10-18T14:20:30-01:00"),
    ('"2018-10-18T14:20:30++1:00"', "2018-10-18T14:20:30+01:00"),
    ('"2018-10-18T14:20:30+01:-5"', "2018-10-18T14:20:30+00:55"),
    ('"2018-10-18T4:20:30Z"', "2018-10-18T04:20:30Z"),
    ('"0000-01-01T00:00:00Z"', "0000-01-01T00:00:00Z"),
    ('"2016-02-29T14:20:30Z"', "2016-02-29T14:20:30Z"),
    # test-vectors.md
    ('"2018-10-18T14:20:30Z"', "2018-10-18T14:20:30Z"),
    ('"2018-10-18T14:20:30.1Z"', "2018-10-18T14:20:30.1Z"),
    ('"2018-10-18T14:20:30.0000000001Z"', "2018-10-18T14:20:30Z"),  # T2
    ('"2018-10-18T14:20:30.12345678912345Z"', "2018-10-18T14:20:30.123456789Z"),
    ('"2018-10-18T14:20:30+02:00"', "2018-10-18T14:20:30+02:00"),
    ('"9999-12-31T23:59:59.999999999Z"', "9999-12-31T23:59:59.999999999Z"),
    ('"9999-12-31T23:59:59-01:00"', "9999-12-31T23:59:59-01:00"),
    ('"0000-01-01T00:00:00+01:00"', "0000-01-01T00:00:00+01:00"),
    ('"0001-01-01T00:00:00+00:00"', "0001-01-01T00:00:00Z"),
    ('"0001-01-01T00:00:00.000000001Z"', "0001-01-01T00:00:00.000000001Z"),
    ('"0001-01-01T01:00:00+01:00"', "0001-01-01T01:00:00+01:00"),
    ('"2006-01-02T15:04:05Z"', "2006-01-02T15:04:05Z"),
    # grammar edge cases
    ('"2018-10-18T04:20:30Z"', "2018-10-18T04:20:30Z"),
    ('"2018-10-18T0:00:00Z"', "2018-10-18T00:00:00Z"),
    ('"2018-10-18T9:20:30.5+01:00"', "2018-10-18T09:20:30.5+01:00"),
    ('"2018-10-18T23:59:59,999999999Z"', "2018-10-18T23:59:59.999999999Z"),
    ('"2018-10-18T14:20:30.5-05:30"', "2018-10-18T14:20:30.5-05:30"),
    ('"2018-10-18T14:20:30-99:99"', "2018-10-18T14:20:30-100:39"),
    ('"2018-10-18T14:20:30+-0:00"', "2018-10-18T14:20:30Z"),
    ('"2018-10-18T14:20:30--1:00"', "2018-10-18T14:20:30+01:00"),
    ('"2018-10-18T14:20:30-+1:-1"', "2018-10-18T14:20:30-00:59"),
    ('"2018-10-18T14:20:30+00:-1"', "2018-10-18T14:20:30-00:01"),
    ('"2018-10-18T14:20:30++1:-1"', "2018-10-18T14:20:30+00:59"),
    ('"2000-02-29T00:00:00Z"', "2000-02-29T00:00:00Z"),
    ('"0000-02-29T00:00:00Z"', "0000-02-29T00:00:00Z"),  # year 0 is a leap year
    ('"2400-02-29T12:00:00Z"', "2400-02-29T12:00:00Z"),
    ('"2018-12-31T23:59:59Z"', "2018-12-31T23:59:59Z"),
    ('"2018-04-30T10:00:00Z"', "2018-04-30T10:00:00Z"),
]


@pytest.mark.parametrize(("token", "expected"), OK_CASES)
def test_parse_token_ok(token: str, expected: str) -> None:
    ts = Timestamp.parse_token(token)
    assert ts.isoformat() == expected
    assert str(ts) == expected
    exact = _parse_token_exact(token)
    assert exact == ts
    assert exact.zulu == ts.zulu


def test_parse_fields() -> None:
    ts = Timestamp.parse_token('"2018-10-18T14:20:30.000123456+05:45"')
    assert (ts.year, ts.month, ts.day, ts.hour, ts.minute, ts.second) == (
        2018,
        10,
        18,
        14,
        20,
        30,
    )
    assert ts.nanosecond == 123456
    assert ts.offset == 5 * 3600 + 45 * 60
    assert ts.zulu is False
    z = Timestamp.parse_token('"2018-10-18T14:20:30Z"')
    assert z.offset == 0
    assert z.zulu is True
    plus_zero = Timestamp.parse_token('"2018-10-18T14:20:30+00:00"')
    assert plus_zero.offset == 0
    assert plus_zero.zulu is False
    assert (
        Timestamp.parse_token('"2018-10-18T14:20:30+99:99"').offset
        == 100 * 3600 + 39 * 60
    )
    assert Timestamp.parse_token('"2018-10-18T14:20:30+01:-5"').offset == 55 * 60
    assert Timestamp.parse_token('"2018-10-18T14:20:30+-1:00"').offset == -3600
    assert Timestamp.parse_token('"2018-10-18T14:20:30,123Z"').nanosecond == 123_000_000
    assert (
        Timestamp.parse_token('"2018-10-18T14:20:30.1234567891Z"').nanosecond
        == 123456789
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018-10-18T14:20:30.5Z", "2018-10-18T14:20:30.5Z"),
        ("2018-10-18T4:20:30+99:99", "2018-10-18T04:20:30+100:39"),
    ],
)
def test_parse_plain_text(text: str, expected: str) -> None:
    assert Timestamp.parse(text).isoformat() == expected
    assert Timestamp.parse(text) == Timestamp.parse_token('"' + text + '"')


def test_parse_plain_text_error_shows_added_quotes() -> None:
    with pytest.raises(TimestampError) as info:
        Timestamp.parse("bad")
    assert str(info.value) == mismatch('"bad"', 'bad"', "2006")


# --------------------------------------------------------------------------- rejected tokens

ERROR_CASES = [
    # json.md §2.9 table
    ('"2018-02-29T14:20:30Z"', out_of_range('"2018-02-29T14:20:30Z"', "day")),
    ('"2018-10-18T24:00:00Z"', out_of_range('"2018-10-18T24:00:00Z"', "hour")),
    ('"2018-10-18T14:60:30Z"', out_of_range('"2018-10-18T14:60:30Z"', "minute")),
    ('"2018-10-18T23:59:60Z"', out_of_range('"2018-10-18T23:59:60Z"', "second")),
    ('"2018-13-18T14:20:30Z"', out_of_range('"2018-13-18T14:20:30Z"', "month")),
    ('"2018-00-18T14:20:30Z"', out_of_range('"2018-00-18T14:20:30Z"', "month")),
    ('"2018-10-32T14:20:30Z"', out_of_range('"2018-10-32T14:20:30Z"', "day")),
    ('"2018-10-00T14:20:30Z"', out_of_range('"2018-10-00T14:20:30Z"', "day")),
    (
        '"2018-10-18t14:20:30Z"',
        mismatch('"2018-10-18t14:20:30Z"', 't14:20:30Z"', "T"),
    ),
    ('"2018-10-18T14:20:30z"', mismatch('"2018-10-18T14:20:30z"', 'z"', "Z07:00")),
    ('"2018-10-18T14:2:30Z"', mismatch('"2018-10-18T14:2:30Z"', '2:30Z"', "04")),
    (
        '"2018-1-18T14:20:30Z"',
        mismatch('"2018-1-18T14:20:30Z"', '1-18T14:20:30Z"', "01"),
    ),
    (
        '"18-10-18T14:20:30Z"',
        mismatch('"18-10-18T14:20:30Z"', '0-18T14:20:30Z"', "2006"),
    ),
    ('"2018-10-18T14:20Z"', mismatch('"2018-10-18T14:20Z"', 'Z"', ":")),
    ('"2018-10-18"', mismatch('"2018-10-18"', '"', "T")),
    ('"2018-10-18T14:20:30.123"', mismatch('"2018-10-18T14:20:30.123"', '"', "Z07:00")),
    (
        '"2018-10-18T14:20:30Zjunk"',
        mismatch('"2018-10-18T14:20:30Zjunk"', 'junk"', '"'),
    ),
    (
        '"2018-10-18T14:20:30+0200"',
        mismatch('"2018-10-18T14:20:30+0200"', '+0200"', "Z07:00"),
    ),
    ('""', mismatch('""', '"', "2006")),
    ("12345", mismatch("12345", "12345", '"')),
    # test-vectors.md
    ('"2018-10-18 14:20:30Z"', mismatch('"2018-10-18 14:20:30Z"', ' 14:20:30Z"', "T")),
    ('"2018-10-18T14:20:3Z"', mismatch('"2018-10-18T14:20:3Z"', '3Z"', "05")),
    ('"2018-10-8T14:20:30Z"', mismatch('"2018-10-8T14:20:30Z"', '8T14:20:30Z"', "02")),
    ('"2018-10-18T14:20:30.Z"', mismatch('"2018-10-18T14:20:30.Z"', '.Z"', "Z07:00")),
    (
        '" 2018-10-18T14:20:30Z"',
        mismatch('" 2018-10-18T14:20:30Z"', ' 2018-10-18T14:20:30Z"', "2006"),
    ),
    (
        '"2018-10-18T14:20:30+02"',
        mismatch('"2018-10-18T14:20:30+02"', '+02"', "Z07:00"),
    ),
    (
        '"+2018-10-18T14:20:30Z"',
        mismatch('"+2018-10-18T14:20:30Z"', '+2018-10-18T14:20:30Z"', "2006"),
    ),
    ("true", mismatch("true", "true", '"')),
    ("{}", mismatch("{}", "{}", '"')),
    (
        '"2018-10-18T14:20:30\\u002e5Z"',
        mismatch('"2018-10-18T14:20:30\\u002e5Z"', '\\u002e5Z"', "Z07:00"),
    ),
    (
        '"2018-10-18T14:20:30\\u005a"',
        mismatch('"2018-10-18T14:20:30\\u005a"', '\\u005a"', "Z07:00"),
    ),
    ('"bad"', mismatch('"bad"', 'bad"', "2006")),
    (
        '"2018-10-18T14:20:30+0a:00"',
        mismatch('"2018-10-18T14:20:30+0a:00"', '"', "Z07:00"),
    ),
    (
        '"2018-10-18T14:20:30+01:00:00"',
        mismatch('"2018-10-18T14:20:30+01:00:00"', ':00"', '"'),
    ),
    ('"2018-10-18T-1:20:30Z"', mismatch('"2018-10-18T-1:20:30Z"', '-1:20:30Z"', "15")),
    ('"2018-10-18T+1:20:30Z"', mismatch('"2018-10-18T+1:20:30Z"', '+1:20:30Z"', "15")),
    (
        '"-018-10-18T14:20:30Z"',
        mismatch('"-018-10-18T14:20:30Z"', '-018-10-18T14:20:30Z"', "2006"),
    ),
    ('"2018-10-18T14:20:30.5"', mismatch('"2018-10-18T14:20:30.5"', '"', "Z07:00")),
    (
        '"2018-10-18T14:20:30.-5Z"',
        mismatch('"2018-10-18T14:20:30.-5Z"', '.-5Z"', "Z07:00"),
    ),
    (
        '"2018-10-18T14:20:30.+5Z"',
        mismatch('"2018-10-18T14:20:30.+5Z"', '.+5Z"', "Z07:00"),
    ),
    # grammar edge cases (positions from the §2.9 rules)
    ("null", mismatch("null", "null", '"')),
    ("", mismatch("", "", '"')),
    ('"', mismatch('"', "", "2006")),
    ('"201', mismatch('"201', "201", "2006")),
    ('"2018', mismatch('"2018', "", "-")),
    (
        '"2a18-10-18T14:20:30Z"',
        mismatch('"2a18-10-18T14:20:30Z"', '-10-18T14:20:30Z"', "2006"),
    ),
    (
        '"2018/10/18T14:20:30Z"',
        mismatch('"2018/10/18T14:20:30Z"', '/10/18T14:20:30Z"', "-"),
    ),
    ('"2018-10-18T14:20:30Z', mismatch('"2018-10-18T14:20:30Z', "", '"')),
    (
        '"2018-10-18T14:20:30.123456789',
        mismatch('"2018-10-18T14:20:30.123456789', "", "Z07:00"),
    ),
    (
        '"2018-10-18T14:20:30+1:00"',
        mismatch('"2018-10-18T14:20:30+1:00"', '+1:00"', "Z07:00"),
    ),
    (
        '"2018-10-18T14:20:30x01:00"',
        mismatch('"2018-10-18T14:20:30x01:00"', '"', "Z07:00"),
    ),
    (
        '"2018-10-18T14:20:30+01:0"',
        mismatch('"2018-10-18T14:20:30+01:0"', "", "Z07:00"),
    ),
    (
        '"2018-10-18T14:20:30+0 :00"',
        mismatch('"2018-10-18T14:20:30+0 :00"', '"', "Z07:00"),
    ),
    ('"2018-10-18T14:20:30 Z"', mismatch('"2018-10-18T14:20:30 Z"', ' Z"', "Z07:00")),
    ('"2018-10-18T14:20:30Z "', mismatch('"2018-10-18T14:20:30Z "', ' "', '"')),
    ('"2018-10-18T14:20:30.5z"', mismatch('"2018-10-18T14:20:30.5z"', 'z"', "Z07:00")),
    ('"2018-10-18T14:20:30.5 "', mismatch('"2018-10-18T14:20:30.5 "', ' "', "Z07:00")),
    ('"2018-10-18T:20:30Z"', mismatch('"2018-10-18T:20:30Z"', ':20:30Z"', "15")),
    ('"2018-10-18T123:20:30Z"', mismatch('"2018-10-18T123:20:30Z"', '3:20:30Z"', ":")),
    (
        '"2018-10-18T14:20:30:00Z"',
        mismatch('"2018-10-18T14:20:30:00Z"', ':00Z"', "Z07:00"),
    ),
    ('"2018-10-18T14:20Z:30"', mismatch('"2018-10-18T14:20Z:30"', 'Z:30"', ":")),
    # range errors win over later layout errors; the day check comes last
    ('"2018-13-18Tjunk"', out_of_range('"2018-13-18Tjunk"', "month")),
    ('"2018-10-18T25:junk"', out_of_range('"2018-10-18T25:junk"', "hour")),
    ('"2018-10-18T14:61:junk"', out_of_range('"2018-10-18T14:61:junk"', "minute")),
    ('"2018-10-18T14:20:61junk"', out_of_range('"2018-10-18T14:20:61junk"', "second")),
    (
        '"2018-10-99T14:20:30junk"',
        mismatch('"2018-10-99T14:20:30junk"', 'junk"', "Z07:00"),
    ),
    ('"2018-02-30T24:00:00Z"', out_of_range('"2018-02-30T24:00:00Z"', "hour")),
    ('"2018-10-18T24:60:60Z"', out_of_range('"2018-10-18T24:60:60Z"', "hour")),
    ('"2018-10-18T23:60:60Z"', out_of_range('"2018-10-18T23:60:60Z"', "minute")),
    ('"1900-02-29T00:00:00Z"', out_of_range('"1900-02-29T00:00:00Z"', "day")),
    ('"2019-04-31T00:00:00Z"', out_of_range('"2019-04-31T00:00:00Z"', "day")),
    ('"2018-10-00T14:20:30+99:99"', out_of_range('"2018-10-00T14:20:30+99:99"', "day")),
    ('"2018-10-18T99:20:30Z"', out_of_range('"2018-10-18T99:20:30Z"', "hour")),
]


@pytest.mark.parametrize(("token", "expected"), ERROR_CASES)
def test_parse_token_errors(token: str, expected: str) -> None:
    with pytest.raises(TimestampError) as info:
        Timestamp.parse_token(token)
    assert str(info.value) == expected
    assert info.value.message == expected
    with pytest.raises(TimestampError) as exact:
        _parse_token_exact(token)
    assert str(exact.value) == expected


def test_error_family() -> None:
    with pytest.raises(TimestampError) as info:
        Timestamp.parse_token('"bad"')
    assert isinstance(info.value, DecodeError)
    assert isinstance(info.value, EventError)
    assert isinstance(info.value, ValueError)


def test_non_ascii_quoting() -> None:
    token = '"２０18-10-18T14:20:30Z"'
    expected = (
        'parsing time "\\"\\xef\\xbc\\x92\\xef\\xbc\\x9018-10-18T14:20:30Z\\"" as '
        '"\\"2006-01-02T15:04:05Z07:00\\"": cannot parse '
        '"\\xef\\xbc\\x92\\xef\\xbc\\x9018-10-18T14:20:30Z\\"" as "2006"'
    )
    assert error_of(token) == expected


def test_non_ascii_rest_splits_a_character() -> None:
    # Go takes 4 *bytes* for the year: "201" and the first byte of "é".
    token = '"201é-10-18T14:20:30Z"'
    assert error_of(token) == (
        'parsing time "\\"201\\xc3\\xa9-10-18T14:20:30Z\\"" as '
        '"\\"2006-01-02T15:04:05Z07:00\\"": cannot parse "\\xa9-10-18T14:20:30Z\\"" as "2006"'
    )


def test_control_characters_and_del_quoting() -> None:
    token = '"\x01\x7f\t"'
    assert error_of(token) == (
        'parsing time "\\"\\x01\x7f\\x09\\"" as "\\"2006-01-02T15:04:05Z07:00\\"": '
        'cannot parse "\\x01\x7f\\x09\\"" as "2006"'
    )


def test_surrogateescaped_bytes_are_quoted_as_the_original_bytes() -> None:
    raw = b'"2018-10-18T14:20:30\xff"'
    token = raw.decode("utf-8", "surrogateescape")
    assert error_of(token) == (
        'parsing time "\\"2018-10-18T14:20:30\\xff\\"" as "\\"2006-01-02T15:04:05Z07:00\\"": '
        'cannot parse "\\xff\\"" as "Z07:00"'
    )


def test_extra_text_after_closing_quote() -> None:
    # Cannot come from a JSON string token, but parse() can build it.
    assert error_of('"2018-10-18T14:20:30Z"x"') == (
        'parsing time "\\"2018-10-18T14:20:30Z\\"x\\"": extra text: "x\\""'
    )


def test_extra_text_comes_before_the_day_check() -> None:
    assert error_of('"2018-02-30T14:20:30Z"x"') == (
        'parsing time "\\"2018-02-30T14:20:30Z\\"x\\"": extra text: "x\\""'
    )


# --------------------------------------------------------------------------- test-vectors.md


def _skip_ws(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i


def _value_end(text: str, i: int) -> int:
    """End index of the JSON value starting at ``i`` (raw scan, escapes undecoded)."""
    char = text[i]
    if char == '"':
        i += 1
        while text[i] != '"':
            i += 2 if text[i] == "\\" else 1
        return i + 1
    if char in "[{":
        depth = 0
        while True:
            char = text[i]
            if char == '"':
                i = _value_end(text, i)
                continue
            if char in "[{":
                depth += 1
            elif char in "]}":
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
    while i < len(text) and text[i] not in ",]} \t\r\n":
        i += 1
    return i


def raw_members(text: str) -> list[tuple[str, str]]:
    """(decoded key, raw value token) for each member of the object ``text``, in order."""
    i = _skip_ws(text, 0)
    assert text[i] == "{"
    i = _skip_ws(text, i + 1)
    members: list[tuple[str, str]] = []
    if text[i] == "}":
        return members
    while True:
        end = _value_end(text, i)
        key = json.loads(text[i:end])
        i = _skip_ws(text, end)
        assert text[i] == ":"
        i = _skip_ws(text, i + 1)
        end = _value_end(text, i)
        members.append((key, text[i:end]))
        i = _skip_ws(text, end)
        if text[i] == "}":
            return members
        assert text[i] == ","
        i = _skip_ws(text, i + 1)


def load_vectors() -> list[dict[str, Any]]:
    vectors: list[dict[str, Any]] = []
    in_block = False
    for line in SPEC_VECTORS.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            in_block = line.strip() == "```jsonl"
            continue
        if in_block and line.strip():
            vectors.append(json.loads(line))
    return vectors


def time_tokens(document: str, *, keep_null: bool = False) -> list[tuple[str, str]]:
    """("created_on" | "datetime", raw token) in document order."""
    found: list[tuple[str, str]] = []
    for key, raw in raw_members(document):
        if key.lower() == "created_on" and (keep_null or raw != "null"):
            found.append(("created_on", raw))
        elif key.lower() == "value" and raw.startswith("{"):
            found.extend(
                ("datetime", inner)
                for inner_key, inner in raw_members(raw)
                if inner_key.lower() == "datetime" and (keep_null or inner != "null")
            )
    return found


def _parses(token: str) -> bool:
    try:
        Timestamp.parse_token(token)
    except TimestampError:
        return False
    return True


def _usable(vector: dict[str, Any]) -> bool:
    if not {"in", "out", "err"} <= vector.keys():
        return False  # e.g. the URN vectors
    try:
        document = json.loads(vector["in"])
    except ValueError:
        return False
    return isinstance(document, dict)


VECTORS = [v for v in load_vectors() if _usable(v)]
TIME_ERROR_VECTORS = [v for v in VECTORS if (v["err"] or "").startswith("parsing time")]
OK_VECTORS = [v for v in VECTORS if v["out"] is not None and time_tokens(v["in"])]


def test_vectors_found() -> None:
    assert len(TIME_ERROR_VECTORS) >= 40
    assert len(OK_VECTORS) >= 100


@pytest.mark.parametrize("vector", TIME_ERROR_VECTORS, ids=lambda v: v["in"][:60])
def test_vector_time_errors(vector: dict[str, Any]) -> None:
    failing = [token for _, token in time_tokens(vector["in"]) if not _parses(token)]
    assert failing, "no failing time token found"
    assert error_of(failing[0]) == vector["err"]


@pytest.mark.parametrize("vector", OK_VECTORS, ids=lambda v: v["in"][:60])
def test_vector_time_outputs(vector: dict[str, Any]) -> None:
    out = {key: raw for key, raw in raw_members(vector["out"])}
    tokens = time_tokens(vector["in"])
    created = [token for kind, token in tokens if kind == "created_on"]
    if created:
        ts = Timestamp.parse_token(created[-1])  # the last one wins in Go
        assert json.dumps(ts.isoformat()) == out["created_on"]
        assert not ts.is_zero
    # A null created_on changes nothing; a null datetime sets the pointer back to nil.
    datetimes = [
        t for kind, t in time_tokens(vector["in"], keep_null=True) if kind == "datetime"
    ]
    if datetimes:
        value = dict(raw_members(out["value"]))
        if datetimes[-1] == "null":
            assert "datetime" not in value
        else:
            expected = json.loads(value["datetime"])
            assert Timestamp.parse_token(datetimes[-1]).xdatetime_format() == expected


def test_vector_required_created_on_is_zero() -> None:
    checked = 0
    for vector in VECTORS:
        if vector["err"] != "field 'created_on' is required":
            continue
        created = [t for kind, t in time_tokens(vector["in"]) if kind == "created_on"]
        if created:
            assert Timestamp.parse_token(created[-1]).is_zero
            checked += 1
    assert checked >= 3


# --------------------------------------------------------------------------- zero-time rule


@pytest.mark.parametrize(
    ("token", "zero"),
    [
        ('"0001-01-01T00:00:00Z"', True),
        ('"0001-01-01T00:00:00.000Z"', True),
        ('"0001-01-01T00:00:00.0000000001Z"', True),  # T2: 10 digits → 0 ns
        ('"0001-01-01T00:00:00+00:00"', False),
        ('"0001-01-01T00:00:00-00:00"', False),
        ('"0001-01-01T01:00:00+01:00"', False),
        ('"0001-01-01T00:00:00-00:01"', False),
        ('"0001-01-01T00:00:00.000000001Z"', False),
        ('"0001-01-01T0:00:00Z"', True),
        ('"0001-01-01T00:00:00,0Z"', True),
        ('"2018-10-18T14:20:30Z"', False),
        ('"0000-12-31T23:59:59.999999999Z"', False),
    ],
)
def test_zero_time_rule(token: str, zero: bool) -> None:
    assert Timestamp.parse_token(token).is_zero is zero
    assert _parse_token_exact(token).is_zero is zero


def test_zero_time_programmatic() -> None:
    assert Timestamp(1, 1, 1).is_zero
    assert not Timestamp(1, 1, 1, zulu=False).is_zero
    assert not Timestamp(1, 1, 1, 1, offset=3600).is_zero
    assert Timestamp.from_unix_nanos(Timestamp(1, 1, 1).unix_nanos).is_zero
    assert (
        Timestamp.parse("0001-01-01T00:00:00+00:00").isoformat()
        == "0001-01-01T00:00:00Z"
    )


# --------------------------------------------------------------------------- output


@pytest.mark.parametrize(
    ("ts", "expected"),
    [
        (
            Timestamp(2018, 10, 18, 14, 20, 30, 0, 3 * 3600 + 30 * 60 + 15),
            "2018-10-18T14:20:30+03:30",
        ),
        (
            Timestamp(2018, 10, 18, 14, 20, 30, 0, -(3 * 3600 + 30 * 60 + 15)),
            "2018-10-18T14:20:30-03:30",
        ),
        (Timestamp(2018, 10, 18, 14, 20, 30, 0, 30), "2018-10-18T14:20:30+00:00"),
        (Timestamp(2018, 10, 18, 14, 20, 30, 0, -30), "2018-10-18T14:20:30+00:00"),
        (Timestamp(2018, 10, 18, 14, 20, 30, 0, -59), "2018-10-18T14:20:30+00:00"),
        (Timestamp(2018, 10, 18, 14, 20, 30, 0, -60), "2018-10-18T14:20:30-00:01"),
        (Timestamp(2018, 10, 18, 14, 20, 30, 0, -90), "2018-10-18T14:20:30-00:01"),
        (Timestamp(2018, 10, 18, 14, 20, 30, 0, 0, zulu=False), "2018-10-18T14:20:30Z"),
        (Timestamp(2018, 10, 18, 14, 20, 30, 500, 0), "2018-10-18T14:20:30.0000005Z"),
        (Timestamp(2018, 10, 18, 14, 20, 30, 1, 0), "2018-10-18T14:20:30.000000001Z"),
        (
            Timestamp(2018, 10, 18, 14, 20, 30, 999_999_999, 0),
            "2018-10-18T14:20:30.999999999Z",
        ),
        (
            Timestamp(2018, 10, 18, 14, 20, 30, 120_000_000, 0),
            "2018-10-18T14:20:30.12Z",
        ),
        (Timestamp(2018, 10, 18, offset=1000 * 3600), "2018-10-18T00:00:00+1000:00"),
        (
            Timestamp(2018, 10, 18, offset=-(100 * 3600 + 39 * 60)),
            "2018-10-18T00:00:00-100:39",
        ),
        (Timestamp(5, 1, 2, 3, 4, 5), "0005-01-02T03:04:05Z"),
        (Timestamp(0, 2, 29), "0000-02-29T00:00:00Z"),
        (Timestamp(9999, 12, 31, 23, 59, 59), "9999-12-31T23:59:59Z"),
    ],
)
def test_isoformat_programmatic(ts: Timestamp, expected: str) -> None:
    assert ts.isoformat() == expected
    assert str(ts) == expected


MARSHAL_ERROR = (
    "json: error calling MarshalJSON for type time.Time: "
    "Time.MarshalJSON: year outside of range [0,9999]"
)


@pytest.mark.parametrize(
    ("ts", "text"),
    [
        (Timestamp(10000, 1, 1), "10000-01-01T00:00:00Z"),
        (Timestamp(-1, 12, 31, 23, 59, 59), "-0001-12-31T23:59:59Z"),
        (Timestamp(123456, 6, 1, offset=3600), "123456-06-01T00:00:00+01:00"),
    ],
)
def test_isoformat_year_out_of_range(ts: Timestamp, text: str) -> None:
    with pytest.raises(EventError) as info:
        ts.isoformat()
    assert str(info.value) == MARSHAL_ERROR
    assert not isinstance(info.value, DecodeError)
    assert str(ts) == text  # __str__ never raises


def test_isoformat_year_checked_on_the_wall_clock() -> None:
    # 9999-12-31T23:59:59-01:00 is year 10000 in UTC; Go checks the value's own year.
    assert (
        Timestamp.parse("9999-12-31T23:59:59-01:00").isoformat()
        == "9999-12-31T23:59:59-01:00"
    )
    assert (
        Timestamp.parse("0000-01-01T00:00:00+01:00").isoformat()
        == "0000-01-01T00:00:00+01:00"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # types.md §7.2 verified
        ("2017-12-02T00:00:00.123456789-02:00", "2017-12-02T00:00:00.123456-02:00"),
        ("2017-12-02T00:00:00Z", "2017-12-02T00:00:00.000000Z"),
        ("2017-12-02T00:00:00.9999999Z", "2017-12-02T00:00:00.999999Z"),
        ("2017-12-02T00:00:00+05:30", "2017-12-02T00:00:00.000000+05:30"),
        # edge cases
        ("2017-12-02T00:00:00.0000009Z", "2017-12-02T00:00:00.000000Z"),
        ("2017-12-02T00:00:00.000001Z", "2017-12-02T00:00:00.000001Z"),
        ("2017-12-02T00:00:00+00:00", "2017-12-02T00:00:00.000000Z"),
        ("2017-12-02T4:00:00+99:99", "2017-12-02T04:00:00.000000+100:39"),
        ("0000-01-01T00:00:00,5-01:00", "0000-01-01T00:00:00.500000-01:00"),
    ],
)
def test_xdatetime_format(text: str, expected: str) -> None:
    assert Timestamp.parse(text).xdatetime_format() == expected


def test_xdatetime_format_programmatic() -> None:
    assert (
        Timestamp(2017, 1, 2, offset=-30).xdatetime_format()
        == "2017-01-02T00:00:00.000000+00:00"
    )
    assert (
        Timestamp(2017, 1, 2, offset=45015).xdatetime_format()
        == "2017-01-02T00:00:00.000000+12:30"
    )
    assert Timestamp(10000, 1, 2).xdatetime_format() == "10000-01-02T00:00:00.000000Z"


# --------------------------------------------------------------------------- the value class


def test_equality_ignores_zulu_and_needs_same_offset() -> None:
    z = Timestamp.parse("2018-10-18T14:20:30Z")
    plus = Timestamp.parse("2018-10-18T14:20:30+00:00")
    assert z == plus
    assert hash(z) == hash(plus)
    assert z.zulu != plus.zulu
    other_zone = Timestamp.parse("2018-10-18T16:20:30+02:00")
    assert other_zone != z
    assert other_zone.unix_nanos == z.unix_nanos
    assert Timestamp.parse("2018-10-18T14:20:30.5Z") != z
    assert len({z, plus, other_zone}) == 2


def test_ordering_by_instant() -> None:
    a = Timestamp.parse("2018-10-18T14:20:30Z")
    same_instant = Timestamp.parse("2018-10-18T16:20:30+02:00")
    later = Timestamp.parse("2018-10-18T14:20:30.000000001Z")
    earlier_wall_later_instant = Timestamp.parse("2018-10-18T13:20:31-01:00")
    assert a < later
    assert later > a
    assert a <= same_instant
    assert a >= same_instant
    assert not a < same_instant
    assert not a > same_instant
    assert a != same_instant
    assert a < earlier_wall_later_instant
    big_offset = Timestamp.parse("2018-10-18T14:20:30+99:99")
    assert big_offset < a
    values = [later, big_offset, a, earlier_wall_later_instant]
    assert sorted(values) == [big_offset, a, later, earlier_wall_later_instant]
    assert max(values) is earlier_wall_later_instant


def test_ordering_against_other_types() -> None:
    a = Timestamp(2018, 1, 1)
    assert a != "2018-01-01T00:00:00Z"  # type: ignore[comparison-overlap]
    with pytest.raises(TypeError):
        _ = a < "x"  # type: ignore[operator]
    with pytest.raises(TypeError):
        _ = a >= 5  # type: ignore[operator]


def test_frozen_slotted_and_picklable() -> None:
    ts = Timestamp.parse("2018-10-18T14:20:30.5+01:00")
    with pytest.raises(AttributeError):
        ts.year = 2019  # type: ignore[misc]
    assert not hasattr(ts, "__dict__")
    again = pickle.loads(pickle.dumps(ts))
    assert again == ts
    assert again.zulu == ts.zulu
    assert "Timestamp(" in repr(ts)


def test_zulu_default() -> None:
    assert Timestamp(2018, 1, 1).zulu is True
    assert Timestamp(2018, 1, 1, offset=3600).zulu is False
    assert Timestamp(2018, 1, 1, offset=0, zulu=False).zulu is False


@pytest.mark.parametrize(
    "kwargs",
    [
        {"month": 0},
        {"month": 13},
        {"day": 0},
        {"day": 32},
        {"month": 2, "day": 29, "year": 2018},
        {"month": 2, "day": 29, "year": 1900},
        {"month": 2, "day": 30, "year": 2000},
        {"month": 4, "day": 31},
        {"hour": 24},
        {"hour": -1},
        {"minute": 60},
        {"second": 60},
        {"nanosecond": 1_000_000_000},
        {"nanosecond": -1},
        {"zulu": True, "offset": 60},
        {"year": 2018.0},
        {"hour": True},
        {"offset": 1.5},
        {"zulu": 1},
    ],
)
def test_constructor_rejects_impossible_values(kwargs: dict[str, Any]) -> None:
    fields: dict[str, Any] = {"year": 2018, "month": 1, "day": 1}
    fields.update(kwargs)
    with pytest.raises(EventError):
        Timestamp(**fields)


@pytest.mark.parametrize(
    "args",
    [
        (0, 2, 29),
        (2000, 2, 29),
        (-4, 2, 29),
        (2400, 2, 29),
        (99999, 12, 31, 23, 59, 59, 999_999_999),
    ],
)
def test_constructor_accepts_any_year(args: tuple[int, ...]) -> None:
    assert Timestamp(*args).year == args[0]  # type: ignore[arg-type]


# --------------------------------------------------------------------------- unix nanos


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _reference_nanos(ts: Timestamp) -> int:
    """Via datetime (only for years 1..9999 and offsets below a day)."""
    dt = ts.to_datetime()
    delta = dt - EPOCH
    return (delta.days * 86400 + delta.seconds) * 10**9 + ts.nanosecond


def test_unix_nanos_known_values() -> None:
    assert Timestamp(1970, 1, 1).unix_nanos == 0
    assert Timestamp(1970, 1, 1, 1, offset=3600).unix_nanos == 0
    assert (
        Timestamp.parse("2018-10-18T14:20:30.000123456Z").unix_nanos
        == 1539872430_000123456
    )
    assert Timestamp(1969, 12, 31, 23, 59, 59, 999_999_999).unix_nanos == -1
    assert Timestamp(1, 1, 1).unix_nanos == -62135596800 * 10**9
    assert Timestamp(0, 1, 1).unix_nanos == -62167219200 * 10**9
    assert (
        Timestamp.parse("9999-12-31T23:59:59.999999999Z").unix_nanos
        == 253402300799_999999999
    )
    assert (
        Timestamp.parse("2018-10-18T14:20:30+99:99").unix_nanos
        == (1539872430 - (100 * 3600 + 39 * 60)) * 10**9
    )


def test_unix_nanos_matches_datetime_and_round_trips() -> None:
    rng = random.Random(20190101)
    for _ in range(3000):
        year = rng.randint(1, 9999)
        month = rng.randint(1, 12)
        day = rng.randint(1, 28 if month == 2 else 30)
        offset = rng.randint(-1439, 1439) * 60
        ts = Timestamp(
            year,
            month,
            day,
            rng.randint(0, 23),
            rng.randint(0, 59),
            rng.randint(0, 59),
            rng.randint(0, 999_999_999),
            offset,
        )
        if year in (1, 9999):
            continue  # the reference may overflow datetime's range in UTC
        assert ts.unix_nanos == _reference_nanos(ts)
        assert Timestamp.from_unix_nanos(ts.unix_nanos, ts.offset) == ts


def test_unix_nanos_round_trip_outside_datetime() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        ns = rng.randint(-70_000_000_000 * 10**9, 260_000_000_000 * 10**9)
        offset = rng.choice(
            [0, 3600, -3600, 362_340, -362_340, 30, -30, 5 * 3600 + 45 * 60]
        )
        ts = Timestamp.from_unix_nanos(ns, offset)
        assert ts.unix_nanos == ns
        assert ts.offset == offset
        assert Timestamp.from_unix_nanos(ts.unix_nanos, offset) == ts
    year0 = Timestamp.parse("0000-01-01T00:00:00+01:00")
    assert Timestamp.from_unix_nanos(year0.unix_nanos, year0.offset) == year0
    before = Timestamp.from_unix_nanos(year0.unix_nanos)
    assert (before.year, before.month, before.day, before.hour) == (-1, 12, 31, 23)


def test_from_unix_nanos_zulu_and_types() -> None:
    assert Timestamp.from_unix_nanos(0).zulu is True
    assert Timestamp.from_unix_nanos(0, 60).zulu is False
    assert Timestamp.from_unix_nanos(0, 60).isoformat() == "1970-01-01T00:01:00+00:01"
    with pytest.raises(EventError):
        Timestamp.from_unix_nanos(1.5)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- datetime


def test_to_datetime() -> None:
    ts = Timestamp.parse("2018-10-18T14:20:30.123456789+05:45")
    dt = ts.to_datetime()
    assert dt == datetime(
        2018,
        10,
        18,
        14,
        20,
        30,
        123456,
        tzinfo=timezone(timedelta(hours=5, minutes=45)),
    )
    assert dt.utcoffset() == timedelta(hours=5, minutes=45)
    assert Timestamp.parse("2018-10-18T14:20:30Z").to_datetime().tzinfo is UTC
    assert (
        Timestamp.parse("2018-10-18T14:20:30.9999999Z").to_datetime().microsecond
        == 999999
    )
    assert Timestamp.parse(
        "2018-10-18T14:20:30+23:59"
    ).to_datetime().utcoffset() == timedelta(hours=23, minutes=59)


@pytest.mark.parametrize(
    "ts",
    [
        Timestamp.parse("0000-01-01T00:00:00Z"),
        Timestamp.parse("2018-10-18T14:20:30+24:00"),
        Timestamp.parse("2018-10-18T14:20:30-24:00"),
        Timestamp.parse("2018-10-18T14:20:30+99:99"),
        Timestamp(10000, 1, 1),
    ],
)
def test_to_datetime_unrepresentable(ts: Timestamp) -> None:
    with pytest.raises(EventError, match="cannot convert"):
        ts.to_datetime()


def test_from_datetime() -> None:
    dt = datetime(
        2018, 10, 18, 14, 20, 30, 123456, tzinfo=timezone(timedelta(hours=-3))
    )
    ts = Timestamp.from_datetime(dt)
    assert ts == Timestamp(2018, 10, 18, 14, 20, 30, 123_456_000, -3 * 3600)
    assert ts.zulu is False
    assert Timestamp.from_datetime(dt, nanosecond=123_456_789).nanosecond == 123_456_789
    assert (
        Timestamp.from_datetime(dt, nanosecond=0).isoformat()
        == "2018-10-18T14:20:30-03:00"
    )
    utc = Timestamp.from_datetime(datetime(1, 1, 1, tzinfo=UTC))
    assert utc.zulu is True
    assert utc.is_zero
    assert Timestamp.from_datetime(ts.to_datetime()) == ts
    with pytest.raises(EventError):
        Timestamp.from_datetime(dt, nanosecond=1_000_000_000)


def test_from_datetime_sub_minute_offset() -> None:
    dt = datetime(2018, 1, 1, tzinfo=timezone(timedelta(seconds=-30)))
    ts = Timestamp.from_datetime(dt)
    assert ts.offset == -30
    assert ts.isoformat() == "2018-01-01T00:00:00+00:00"
    with pytest.raises(EventError, match="fractional second"):
        Timestamp.from_datetime(
            datetime(2018, 1, 1, tzinfo=timezone(timedelta(microseconds=5)))
        )


def test_from_naive_datetime() -> None:
    with pytest.raises(EventError) as info:
        Timestamp.from_datetime(datetime(2018, 1, 1))
    assert str(info.value) == "naive datetime: attach a tzinfo"


def test_datetime_round_trip_random() -> None:
    rng = random.Random(99)
    for _ in range(500):
        ns = (
            rng.randint(-60_000_000_000 * 10**9, 250_000_000_000 * 10**9) // 1000 * 1000
        )
        offset = rng.randint(-1439, 1439) * 60
        ts = Timestamp.from_unix_nanos(ns, offset)
        assert Timestamp.from_datetime(ts.to_datetime()) == ts


# --------------------------------------------------------------------------- fast vs exact


def test_fast_path_skips_the_exact_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(token: str) -> Timestamp:
        raise AssertionError(f"exact path used for {token}")

    monkeypatch.setattr(timestamps_module, "_parse_token_exact", refuse)
    for token in (
        '"2018-10-18T14:20:30Z"',
        '"2018-10-18T14:20:30.123456789Z"',
        '"2018-10-18T14:20:30,5+05:45"',
        '"2018-10-18T14:20:30.1234567891-99:99"',
        '"0000-02-29T00:00:00Z"',
    ):
        Timestamp.parse_token(token)


_ALPHABET = '0123456789-:TZ.,+"tz é\\u\x01'


def _valid_token(rng: random.Random) -> str:
    year = rng.randint(0, 9999)
    month = rng.randint(0, 13)
    day = rng.randint(0, 32)
    hour = rng.randint(0, 25)
    text = f"{year:04d}-{month:02d}-{day:02d}T"
    text += str(hour) if rng.random() < 0.2 else f"{hour:02d}"
    text += f":{rng.randint(0, 61):02d}:{rng.randint(0, 61):02d}"
    if rng.random() < 0.5:
        text += rng.choice(".,") + "".join(
            rng.choice("0123456789") for _ in range(rng.randint(1, 12))
        )
    roll = rng.random()
    if roll < 0.4:
        text += "Z"
    elif roll < 0.9:
        text += f"{rng.choice('+-')}{rng.randint(0, 99):02d}:{rng.randint(0, 99):02d}"
    else:
        part = rng.choice(["+1", "-1", "05", "+0", "99"])
        text += f"{rng.choice('+-')}{part}:{rng.choice(['+1', '-5', '00', '59'])}"
    return '"' + text + '"'


def _mutate(token: str, rng: random.Random) -> str:
    chars = list(token)
    for _ in range(rng.randint(1, 3)):
        pos = rng.randrange(len(chars) + 1)
        op = rng.random()
        if op < 0.4 and pos < len(chars):
            chars[pos] = rng.choice(_ALPHABET)
        elif op < 0.7 and pos < len(chars):
            del chars[pos]
        else:
            chars.insert(pos, rng.choice(_ALPHABET))
    return "".join(chars)


def _outcome(parse: Any, token: str) -> tuple[str, Any]:
    try:
        ts = parse(token)
    except TimestampError as error:
        return ("error", str(error))
    return (
        "ok",
        (
            ts.year,
            ts.month,
            ts.day,
            ts.hour,
            ts.minute,
            ts.second,
            ts.nanosecond,
            ts.offset,
            ts.zulu,
        ),
    )


def test_fast_and_exact_paths_agree() -> None:
    rng = random.Random(1539872430)
    tokens = [_valid_token(rng) for _ in range(2500)]
    tokens += [_mutate(rng.choice(tokens), rng) for _ in range(2500)]
    outcomes = {"ok": 0, "error": 0}
    for token in tokens:
        fast = _outcome(Timestamp.parse_token, token)
        exact = _outcome(_parse_token_exact, token)
        assert fast == exact, token
        outcomes[fast[0]] += 1
        if fast[0] == "ok":
            assert (
                Timestamp.parse_token(token).isoformat()
                == _parse_token_exact(token).isoformat()
            )
    assert outcomes["ok"] > 500
    assert outcomes["error"] > 1000


def test_exact_path_messages_are_well_formed() -> None:
    rng = random.Random(3)
    pattern = re.compile(
        r'parsing time "(?:[^"\\]|\\.)*"(?: as "\\"2006-01-02T15:04:05Z07:00\\"": cannot parse '
        r'"(?:[^"\\]|\\.)*" as "(?:\\"|2006|-|01|02|T|15|:|04|05|Z07:00)"|: (?:month|day|hour|minute|second) out of range'
        r'|: extra text: "(?:[^"\\]|\\.)*")'
    )
    for _ in range(2000):
        token = _mutate(_valid_token(rng), rng)
        kind, detail = _outcome(_parse_token_exact, token)
        if kind == "error":
            assert pattern.fullmatch(detail), detail


def test_go_form_match_is_the_near_canonical_forms() -> None:
    # the fast path's one match: Go's output form (no group), a fraction with trailing
    # zeros (group 1), a zero offset written +00:00 or -00:00 (group 2): exactly the
    # texts _NEAR_CANONICAL_MATCH takes, each read as the full parser reads it
    from flows_events.timestamps import (
        _CANONICAL_MATCH,
        _GO_FORM_MATCH,
        _NEAR_CANONICAL_MATCH,
        _near_canonical,
    )

    rng = random.Random(20261201)
    texts = [_valid_token(rng)[1:-1] for _ in range(3000)]
    for text in list(texts):
        if text.endswith("Z"):
            zone = rng.choice(["+00:00", "-00:00", "Z"])
            fraction = rng.choice(["", ".0", ".10", ".000000", ".123456", ".123456000", ".1234567890"])
            texts.append(text[:19] + fraction + zone)
    seen = {"canonical": 0, "trailing zeros": 0, "zero offset": 0, "both": 0}
    for text in texts:
        match = _GO_FORM_MATCH(text)
        assert (match is not None) is (_NEAR_CANONICAL_MATCH(text) is not None), text
        if match is None:
            continue
        zeros, zero_offset = match.start(1) >= 0, match.start(2) >= 0
        assert (match.lastindex is None) is (_CANONICAL_MATCH(text) is not None), text
        assert zero_offset is (text[-6:] in ("+00:00", "-00:00")), text
        assert zeros is (not zero_offset and _CANONICAL_MATCH(text) is None or zero_offset and _CANONICAL_MATCH(text[:-6] + "Z") is None), text
        seen["both" if zeros and zero_offset else "trailing zeros" if zeros else "zero offset" if zero_offset else "canonical"] += 1
        ts, reference = _near_canonical(text), _parse_token_exact('"' + text + '"')
        assert ts == reference and ts.zulu is reference.zulu and repr(ts) == repr(reference), text
        assert ts.is_zero is reference.is_zero and ts.isoformat() == reference.isoformat(), text
    assert min(seen.values()) > 100, seen
