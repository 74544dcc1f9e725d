"""Tests for flows_events.numbers: goflow's XNumber reading and writing (types.md §7.3)."""

from __future__ import annotations

import decimal
import json
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from flows_events.errors import DecodeError, EventError
from flows_events.numbers import (
    MAX_OUTPUT_CHARS,
    NumberError,
    format_xnumber,
    parse_xnumber,
)

SPEC_VECTORS = Path("/work/shared/spec/test-vectors.md")


def error_of(raw: str) -> str:
    with pytest.raises(NumberError) as info:
        parse_xnumber(raw)
    return str(info.value)


def wrap(s: str, reason: str) -> str:
    return f"Error decoding string '{s}': {reason}"


# --------------------------------------------------------------------------- verified table

OK_TABLE = [
    ("1e3", "1000"),
    ("-0.0", "0"),
    ('"1.50"', "1.5"),
    ("1e-7", "0.0000001"),
    ("1E+40", "10000000000000000000000000000000000000000"),
    ('"+5"', "5"),
    ('"-.5"', "-0.5"),
    ('"5."', "5"),
    ('"100.000"', "100"),
    ('"1.5E2"', "150"),
    ('"1.25e-1"', "0.125"),
    ('"-1.25e-10"', "-0.000000000125"),
    ('"1e+5"', "100000"),
    ("12345678901234567890.123456789", "12345678901234567890.123456789"),
]


@pytest.mark.parametrize(("raw", "expected"), OK_TABLE)
def test_verified_table(raw: str, expected: str) -> None:
    assert format_xnumber(parse_xnumber(raw)) == expected


ERROR_TABLE = [
    ('"5e"', wrap("5e", "can't convert 5e to decimal: exponent is not numeric")),
    (
        '"1e99999999999"',
        wrap(
            "1e99999999999",
            "can't convert 1e99999999999 to decimal: fractional part too long",
        ),
    ),
    ('"0x10"', wrap("0x10", "can't convert 0x10 to decimal")),
    ('"1_000"', wrap("1_000", "can't convert 1_000 to decimal")),
    ('"١"', wrap("١", "can't convert ١ to decimal")),
    ('"."', wrap(".", "can't convert . to decimal")),
    ('"-"', wrap("-", "can't convert - to decimal")),
    ('"1.2.3"', wrap("1.2.3", "can't convert 1.2.3 to decimal: too many .s")),
    # the spec's worked examples
    ("true", wrap("true", "can't convert true to decimal: exponent is not numeric")),
    ("[1]", wrap("[1]", "can't convert [1] to decimal")),
    ('""', wrap('""', 'can\'t convert "" to decimal')),
    ('"\\"5\\""', wrap('\\"5\\"', 'can\'t convert \\"5\\" to decimal')),
    ('"e5"', wrap("e5", "can't convert  to decimal")),
    ('"abc"', wrap("abc", "can't convert abc to decimal")),
    ("{}", wrap("{}", "can't convert {} to decimal")),
]


@pytest.mark.parametrize(("raw", "expected"), ERROR_TABLE)
def test_verified_errors(raw: str, expected: str) -> None:
    assert error_of(raw) == expected


def test_error_family() -> None:
    with pytest.raises(NumberError) as info:
        parse_xnumber("[1]")
    assert isinstance(info.value, DecodeError)
    assert isinstance(info.value, EventError)
    assert isinstance(info.value, ValueError)
    assert (
        info.value.message
        == "Error decoding string '[1]': can't convert [1] to decimal"
    )


# --------------------------------------------------------------------------- further rules

MORE_OK = [
    ("0", "0"),
    ("-0", "0"),
    ("5", "5"),
    ("-5", "-5"),
    ('"-0"', "0"),
    ('"+0.000"', "0"),
    ("0e5", "0"),
    ("0.0e-5", "0"),
    ('".5"', "0.5"),
    ('"+.5"', "0.5"),
    ('"00012.3400"', "12.34"),
    ('"-00012.3400e2"', "-1234"),
    ('"1.2300E+5"', "123000"),
    ('"123.456e-2"', "1.23456"),
    ('"123.456e-3"', "0.123456"),
    ('"123.456e-4"', "0.0123456"),
    ('"1E0"', "1"),
    ('"1e-0"', "1"),
    ('"1e+0"', "1"),
    ('"1e0000000000000000000005"', "100000"),  # leading zeros do not overflow
    ('"1e-00000000000000000000001"', "0.1"),
    ('"5.e1"', "50"),
    ('".5e1"', "5"),
    ('"1e2147483647"', None),  # int32 max exponent: accepted (too long to write)
    ('"1e-2147483648"', None),  # int32 min exponent: accepted
    ('"1.5e-2147483647"', None),  # exponent -2147483648 after the fraction
    ('"1e2000000000"', None),  # accepted by Go (and by us)
    # the fraction is concatenated as written: a sign there ends up in front
    ('".+5"', "0.05"),
    ('".-5"', "-0.05"),
    ('".+50"', "0.05"),
    ("123456789012345678901234567890e-5", "1234567890123456789012345.6789"),
    ('"99999999999999999999999999999999999999999999999999"', "9" * 50),
    ('"0.' + "0" * 60 + '1"', "0." + "0" * 60 + "1"),
]


@pytest.mark.parametrize(("raw", "expected"), MORE_OK)
def test_more_accepted(raw: str, expected: str | None) -> None:
    value = parse_xnumber(raw)
    assert value.is_finite()
    if expected is not None:
        assert format_xnumber(value) == expected


MORE_ERRORS = [
    # step 1: the exponent
    ('"1e"', "1e", "can't convert 1e to decimal: exponent is not numeric"),
    ('"1e+"', "1e+", "can't convert 1e+ to decimal: exponent is not numeric"),
    ('"1e-"', "1e-", "can't convert 1e- to decimal: exponent is not numeric"),
    ('"1e1.5"', "1e1.5", "can't convert 1e1.5 to decimal: exponent is not numeric"),
    ('"1e5 "', "1e5 ", "can't convert 1e5  to decimal: exponent is not numeric"),
    ('"1e 5"', "1e 5", "can't convert 1e 5 to decimal: exponent is not numeric"),
    ('"1e1_0"', "1e1_0", "can't convert 1e1_0 to decimal: exponent is not numeric"),
    ('"1e++1"', "1e++1", "can't convert 1e++1 to decimal: exponent is not numeric"),
    ('"1e+-1"', "1e+-1", "can't convert 1e+-1 to decimal: exponent is not numeric"),
    ('"1e0x10"', "1e0x10", "can't convert 1e0x10 to decimal: exponent is not numeric"),
    ('"1e١"', "1e١", "can't convert 1e١ to decimal: exponent is not numeric"),
    ('"1e5e5"', "1e5e5", "can't convert 1e5e5 to decimal: exponent is not numeric"),
    ('"1E5e5"', "1E5e5", "can't convert 1E5e5 to decimal: exponent is not numeric"),
    ("false", "false", "can't convert false to decimal: exponent is not numeric"),
    ('"Infinity"', "Infinity", "can't convert Infinity to decimal"),
    ('"-Infinity"', "-Infinity", "can't convert -Infinity to decimal"),
    ('"inf"', "inf", "can't convert inf to decimal"),
    ('"NaN"', "NaN", "can't convert NaN to decimal"),
    ('"sNaN"', "sNaN", "can't convert sNaN to decimal"),
    (
        '"1e2147483648"',
        "1e2147483648",
        "can't convert 1e2147483648 to decimal: fractional part too long",
    ),
    (
        '"1e-2147483649"',
        "1e-2147483649",
        "can't convert 1e-2147483649 to decimal: fractional part too long",
    ),
    (
        '"1e4294967296"',
        "1e4294967296",
        "can't convert 1e4294967296 to decimal: fractional part too long",
    ),
    (
        '"1e-99999999999"',
        "1e-99999999999",
        "can't convert 1e-99999999999 to decimal: fractional part too long",
    ),
    # Go reports overflow as soon as the digits read so far overflow uint32...
    (
        '"1e99999999999x"',
        "1e99999999999x",
        "can't convert 1e99999999999x to decimal: fractional part too long",
    ),
    (
        '"1e4294967296x"',
        "1e4294967296x",
        "can't convert 1e4294967296x to decimal: fractional part too long",
    ),
    # ... but junk before that is a syntax error
    (
        '"1e4294967295x"',
        "1e4294967295x",
        "can't convert 1e4294967295x to decimal: exponent is not numeric",
    ),
    (
        '"1e2147483648x"',
        "1e2147483648x",
        "can't convert 1e2147483648x to decimal: exponent is not numeric",
    ),
    (
        '"1ex99999999999"',
        "1ex99999999999",
        "can't convert 1ex99999999999 to decimal: exponent is not numeric",
    ),
    # step 2: dots (the message shows the mantissa only)
    ('"1.5.e3"', "1.5.e3", "can't convert 1.5. to decimal: too many .s"),
    ('"1..5"', "1..5", "can't convert 1..5 to decimal: too many .s"),
    (
        '"..e9999999999999"',
        "..e9999999999999",
        "can't convert ..e9999999999999 to decimal: fractional part too long",
    ),
    # step 3: the digits
    ('" 5"', " 5", "can't convert  5 to decimal"),
    ('"5 "', "5 ", "can't convert 5  to decimal"),
    ('"+-5"', "+-5", "can't convert +-5 to decimal"),
    ('"--5"', "--5", "can't convert --5 to decimal"),
    ('"1.-5"', "1.-5", "can't convert 1.-5 to decimal"),
    ('"-.-5"', "-.-5", "can't convert -.-5 to decimal"),
    ('".+0"', ".+0", "can't convert .+0 to decimal"),
    ('"+"', "+", "can't convert + to decimal"),
    ('"+."', "+.", "can't convert +. to decimal"),
    ('"e"', "e", "can't convert e to decimal: exponent is not numeric"),
    ('"E+5"', "E+5", "can't convert  to decimal"),
    ('".e5"', ".e5", "can't convert . to decimal"),
    ('"1,5"', "1,5", "can't convert 1,5 to decimal"),
    ('"٣.٥"', "٣.٥", "can't convert ٣.٥ to decimal"),
    ('"１"', "１", "can't convert １ to decimal"),
    ('"\\u0031"', "\\u0031", "can't convert \\u0031 to decimal"),
    ('"0b101"', "0b101", "can't convert 0b101 to decimal"),
    # step 4: the final exponent
    (
        '"0.5e-2147483648"',
        "0.5e-2147483648",
        "can't convert 0.5e-2147483648 to decimal: fractional part too long",
    ),
    # raw tokens that are not strings, and quote handling
    ("null1", "null1", "can't convert null1 to decimal"),
    ('"', '"', "can't convert \" to decimal"),
    ('"5', '"5', "can't convert \"5 to decimal"),
    ('5"', '5"', "can't convert 5\" to decimal"),
    ('"""', '"', "can't convert \" to decimal"),
    ("[1, 2]", "[1, 2]", "can't convert [1, 2] to decimal"),
    (
        '{"a": 1e5}',
        '{"a": 1e5}',
        'can\'t convert {"a": 1e5} to decimal: exponent is not numeric',
    ),
]


@pytest.mark.parametrize(("raw", "shown", "reason"), MORE_ERRORS)
def test_more_errors(raw: str, shown: str, reason: str) -> None:
    assert error_of(raw) == wrap(shown, reason)


def test_value_is_exact_coefficient_and_exponent() -> None:
    assert parse_xnumber('"1.50"').as_tuple() == (0, (1, 5), -1)
    assert parse_xnumber("1e3").as_tuple() == (0, (1,), 3)
    assert parse_xnumber('"100.000"').as_tuple() == (0, (1, 0, 0), 0)
    assert parse_xnumber("-0.0").as_tuple() == (0, (0,), 0)  # no negative zero
    assert parse_xnumber('"-0e-3"').as_tuple() == (0, (0,), -3)
    assert parse_xnumber('"-007.50"').as_tuple() == (1, (7, 5), -1)
    assert parse_xnumber("1e2000000000").as_tuple() == (0, (1,), 2000000000)
    assert parse_xnumber('"1e-2147483648"').as_tuple() == (0, (1,), -2147483648)
    assert parse_xnumber('"1.5e-2147483647"').as_tuple() == (0, (1, 5), -2147483648)


def test_independent_of_the_decimal_context() -> None:
    long = "123456789012345678901234567890.123456789012345678901234567891"
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.Emax = 10
        ctx.Emin = -10
        ctx.traps[decimal.Inexact] = True
        ctx.traps[decimal.Rounded] = True
        value = parse_xnumber(long)
        assert format_xnumber(value) == long
        assert format_xnumber(parse_xnumber("1e500")) == "1" + "0" * 500
        assert format_xnumber(parse_xnumber('"-1.25e-100"')) == "-0." + "0" * 99 + "125"
    assert value == Decimal(long)


# --------------------------------------------------------------------------- writing


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal(0), "0"),
        (Decimal("-0"), "0"),
        (Decimal("-0.000"), "0"),
        (Decimal("0E+10"), "0"),
        (Decimal("-0E-10"), "0"),
        (Decimal(1), "1"),
        (Decimal("-1.5"), "-1.5"),
        (Decimal("1.50"), "1.5"),
        (Decimal("1.0"), "1"),
        (Decimal("10.00"), "10"),
        (Decimal("1E+3"), "1000"),
        (Decimal("1.2300E+5"), "123000"),
        (Decimal("1E-7"), "0.0000001"),
        (Decimal("-1.25E-10"), "-0.000000000125"),
        (Decimal("123.456"), "123.456"),
        (Decimal("0.1"), "0.1"),
        (Decimal("-0.010"), "-0.01"),
        (Decimal("1000E-3"), "1"),
        (Decimal("1234500E-2"), "12345"),
        (Decimal("12345678901234567890.123456789"), "12345678901234567890.123456789"),
        (Decimal(10) ** 30, "1" + "0" * 30),
        (Decimal("1E+99999"), "1" + "0" * 99999),
        (Decimal("9E-99998"), "0." + "0" * 99997 + "9"),
        (Decimal((0, (1,) + (0,) * 200_000, -200_000)), "1"),
    ],
)
def test_format(value: Decimal, expected: str) -> None:
    assert format_xnumber(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        Decimal("1E+100000"),
        Decimal("-1E+99999"),
        Decimal("1E-99999"),
        Decimal("1E+2000000000"),
        Decimal("-1E-2147483648"),
        Decimal((0, (1,) * (MAX_OUTPUT_CHARS + 1), 0)),
    ],
)
def test_format_refuses_huge_output(value: Decimal) -> None:
    with pytest.raises(EventError, match=r"^number too large to write: "):
        format_xnumber(value)


def test_format_limit_is_exact() -> None:
    assert len(format_xnumber(Decimal("1E+99999"))) == MAX_OUTPUT_CHARS
    assert len(format_xnumber(Decimal("-9E-99997"))) == MAX_OUTPUT_CHARS
    with pytest.raises(EventError):
        format_xnumber(Decimal("-9E-99998"))


@pytest.mark.parametrize(
    "value",
    [Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity")],
)
def test_format_refuses_non_finite(value: Decimal) -> None:
    with pytest.raises(EventError):
        format_xnumber(value)


def test_format_refuses_non_decimal() -> None:
    with pytest.raises(EventError):
        format_xnumber(1.5)  # type: ignore[arg-type]


def test_round_trip_random() -> None:
    rng = random.Random(2019)
    for _ in range(3000):
        integer = rng.choice(["", "-", "+"]) + str(
            rng.randint(0, 10 ** rng.randint(1, 30))
        )
        fraction = "".join(rng.choice("0123456789") for _ in range(rng.randint(0, 12)))
        text = integer + ("." + fraction if fraction or rng.random() < 0.3 else "")
        if rng.random() < 0.4:
            text += (
                rng.choice("eE") + rng.choice(["", "+", "-"]) + str(rng.randint(0, 40))
            )
        value = parse_xnumber(json.dumps(text))
        assert value == Decimal(text)
        written = format_xnumber(value)
        assert "e" not in written.lower()
        assert not written.startswith("+")
        assert written != "-0"
        assert Decimal(written) == value
        assert parse_xnumber(written) == value
        assert format_xnumber(parse_xnumber(written)) == written


# --------------------------------------------------------------------------- test-vectors.md


def _skip_ws(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i


def _value_end(text: str, i: int) -> int:
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


def number_tokens(document: str, *, keep_null: bool = False) -> list[str]:
    """The raw ``value.number`` tokens of an event document, in order."""
    found: list[str] = []
    for key, raw in raw_members(document):
        if key.lower() == "value" and raw.startswith("{"):
            found.extend(
                inner
                for inner_key, inner in raw_members(raw)
                if inner_key.lower() == "number" and (keep_null or inner != "null")
            )
    return found


def load_vectors() -> list[dict[str, Any]]:
    vectors: list[dict[str, Any]] = []
    in_block = False
    for line in SPEC_VECTORS.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            in_block = line.strip() == "```jsonl"
            continue
        if in_block and line.strip():
            vector = json.loads(line)
            if not {"in", "out", "err"} <= vector.keys():
                continue
            try:
                document = json.loads(vector["in"])
            except ValueError:
                continue
            if isinstance(document, dict):
                vectors.append(vector)
    return vectors


VECTORS = load_vectors()
NUMBER_ERROR_VECTORS = [
    v for v in VECTORS if (v["err"] or "").startswith("Error decoding string")
]
NUMBER_OK_VECTORS = [
    v for v in VECTORS if v["out"] is not None and number_tokens(v["in"])
]


def test_vectors_found() -> None:
    assert len(NUMBER_ERROR_VECTORS) >= 14
    assert len(NUMBER_OK_VECTORS) >= 3


def _fails(raw: str) -> bool:
    try:
        parse_xnumber(raw)
    except NumberError:
        return True
    return False


@pytest.mark.parametrize("vector", NUMBER_ERROR_VECTORS, ids=lambda v: v["err"][:60])
def test_vector_number_errors(vector: dict[str, Any]) -> None:
    failing = [raw for raw in number_tokens(vector["in"]) if _fails(raw)]
    assert failing, "no failing number token found"
    assert error_of(failing[0]) == vector["err"]


@pytest.mark.parametrize("vector", NUMBER_OK_VECTORS, ids=lambda v: v["in"][-60:])
def test_vector_number_outputs(vector: dict[str, Any]) -> None:
    out_value = dict(raw_members(dict(raw_members(vector["out"]))["value"]))
    last = number_tokens(vector["in"], keep_null=True)[-1]
    if last == "null":  # a later null sets the pointer back to nil: omitted
        assert "number" not in out_value
    else:
        assert format_xnumber(parse_xnumber(last)) == out_value["number"]
