"""Tests of flows_events.gojson against Go's encoding/json as described in the spec.

Sources: json.md §2.1 (syntax errors, byte rendering), §2.6 (string decoding), §3.3
(string escaping), §3.5 (raw JSON), §3.7 (map key order), the README toolchain
table (T4 depth limit, T5 ``\\u0008``/``\\u000c``), events.md §5/§6 (verified
escaping and compaction examples) and the syntax-error vectors of test-vectors.md.

Random inputs are checked against a byte-level model of Go's scanner written for
this file from the spec's grammar and error table, and against Python's own
:mod:`json` where the two must agree.
"""

from __future__ import annotations

import enum
import json
import pickle
import re
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows_events.errors import EventError, JSONSyntaxError
from flows_events.gojson import (
    MAX_DEPTH,
    JSONNumber,
    JSONObject,
    RawJSON,
    compact,
    decode_bytes,
    encode,
    loads,
    parse,
    quote,
    sort_map_keys,
)

FFFD = "\ufffd"


def syntax_error(data: str | bytes) -> JSONSyntaxError:
    with pytest.raises(JSONSyntaxError) as info:
        parse(data)
    return info.value


def to_plain(value: Any) -> Any:
    """A parse() tree as plain data (dict with last duplicate winning, int/float)."""
    if isinstance(value, JSONObject):
        return {k: to_plain(v) for k, v, _, _ in value.members}
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if isinstance(value, JSONNumber):
        t = value.token
        return float(t) if any(c in t for c in ".eE") else int(t)
    return value


# ---------------------------------------------------------------------------------------
# §2.1 syntax errors: exact texts
# ---------------------------------------------------------------------------------------

BASE = '{"type":"contact_name_changed","created_on":"2006-01-02T15:04:05Z","name":"a"'

SYNTAX_ERRORS = [
    # empty / whitespace / truncated
    ("", "unexpected end of JSON input"),
    (" \t\r\n", "unexpected end of JSON input"),
    ("[1", "unexpected end of JSON input"),
    ("[1,", "unexpected end of JSON input"),
    ("{", "unexpected end of JSON input"),
    ('{"a"', "unexpected end of JSON input"),
    ('{"a":', "unexpected end of JSON input"),
    ('{"a":1', "unexpected end of JSON input"),
    ('{"a":1,', "unexpected end of JSON input"),
    ('"abc', "unexpected end of JSON input"),
    ('["abc', "unexpected end of JSON input"),
    (BASE, "unexpected end of JSON input"),
    # bad first char of a value
    ("x", "invalid character 'x' looking for beginning of value"),
    ("[x]", "invalid character 'x' looking for beginning of value"),
    ('{"a":x}', "invalid character 'x' looking for beginning of value"),
    ("]", "invalid character ']' looking for beginning of value"),
    ("}", "invalid character '}' looking for beginning of value"),
    ("'a'", "invalid character '\\'' looking for beginning of value"),
    ("+1", "invalid character '+' looking for beginning of value"),
    (".5", "invalid character '.' looking for beginning of value"),
    ("NaN", "invalid character 'N' looking for beginning of value"),
    ("Infinity", "invalid character 'I' looking for beginning of value"),
    ("[1,]", "invalid character ']' looking for beginning of value"),
    ('{"a":}', "invalid character '}' looking for beginning of value"),
    ("[,1]", "invalid character ',' looking for beginning of value"),
    ("\x00", "invalid character '\\x00' looking for beginning of value"),
    ("\ufeff{}", "invalid character 'ï' looking for beginning of value"),
    ("// c\n{}", "invalid character '/' looking for beginning of value"),
    ("\\", "invalid character '\\\\' looking for beginning of value"),
    # where a key should start
    ('{"a":1,}', "invalid character '}' looking for beginning of object key string"),
    (
        "{'type':'error'}",
        "invalid character '\\'' looking for beginning of object key string",
    ),
    ("{a:1}", "invalid character 'a' looking for beginning of object key string"),
    ("{,}", "invalid character ',' looking for beginning of object key string"),
    ("{1:2}", "invalid character '1' looking for beginning of object key string"),
    # missing colon / comma
    ('{"a" "b"}', "invalid character '\"' after object key"),
    ('{"a" 1}', "invalid character '1' after object key"),
    ('{"a",1}', "invalid character ',' after object key"),
    ('{"a":1 "b":2}', "invalid character '\"' after object key:value pair"),
    ('{"a":1]', "invalid character ']' after object key:value pair"),
    ('{"a":"x":1}', "invalid character ':' after object key:value pair"),
    ("[1 2]", "invalid character '2' after array element"),
    ("[1}", "invalid character '}' after array element"),
    ('["a" "b"]', "invalid character '\"' after array element"),
    ("[[]:", "invalid character ':' after array element"),
    # strings
    ('"a\nb"', "invalid character '\\n' in string literal"),
    ('"a\tb"', "invalid character '\\t' in string literal"),
    ('"a\x00"', "invalid character '\\x00' in string literal"),
    ('"a\x1f"', "invalid character '\\x1f' in string literal"),
    ('{"a\rb":1}', "invalid character '\\r' in string literal"),
    ('"\\x"', "invalid character 'x' in string escape code"),
    ('"\\U0041"', "invalid character 'U' in string escape code"),
    ('"\\\'"', "invalid character '\\'' in string escape code"),
    ('"\\a"', "invalid character 'a' in string escape code"),
    ('{"\\e":1}', "invalid character 'e' in string escape code"),
    ('"\\uG000"', "invalid character 'G' in \\u hexadecimal character escape"),
    ('"\\u00G0"', "invalid character 'G' in \\u hexadecimal character escape"),
    ('"\\u000"', "invalid character '\"' in \\u hexadecimal character escape"),
    ('"\\u12 4"', "invalid character ' ' in \\u hexadecimal character escape"),
    # numbers
    ("01", "invalid character '1' after top-level value"),
    ("[01]", "invalid character '1' after array element"),
    ('{"n":01}', "invalid character '1' after object key:value pair"),
    ("-01", "invalid character '1' after top-level value"),
    ("-", "invalid character ' ' in numeric literal"),
    ("-}", "invalid character '}' in numeric literal"),
    ("[-]", "invalid character ']' in numeric literal"),
    ("-a", "invalid character 'a' in numeric literal"),
    ("--1", "invalid character '-' in numeric literal"),
    ("-.5", "invalid character '.' in numeric literal"),
    ("1.}", "invalid character '}' after decimal point in numeric literal"),
    ("[1.]", "invalid character ']' after decimal point in numeric literal"),
    ("1.e5", "invalid character 'e' after decimal point in numeric literal"),
    ("-0.x", "invalid character 'x' after decimal point in numeric literal"),
    ("1e}", "invalid character '}' in exponent of numeric literal"),
    ("1E+}", "invalid character '}' in exponent of numeric literal"),
    ("[1.5e-]", "invalid character ']' in exponent of numeric literal"),
    ("0e.", "invalid character '.' in exponent of numeric literal"),
    ("1.5.2", "invalid character '.' after top-level value"),
    ("1e5.0", "invalid character '.' after top-level value"),
    ("[1e5e]", "invalid character 'e' after array element"),
    ('{"a":1.5E}', "invalid character '}' in exponent of numeric literal"),
    ("0x10", "invalid character 'x' after top-level value"),
    ("1 .5", "invalid character '.' after top-level value"),
    ("[1 e5]", "invalid character 'e' after array element"),
    # literals
    ("tru}", "invalid character '}' in literal true (expecting 'e')"),
    ("trUe", "invalid character 'U' in literal true (expecting 'u')"),
    ("tx", "invalid character 'x' in literal true (expecting 'r')"),
    ("fals", "invalid character ' ' in literal false (expecting 'e')"),
    ("fAlse", "invalid character 'A' in literal false (expecting 'a')"),
    ("fa1se", "invalid character '1' in literal false (expecting 'l')"),
    ("falze", "invalid character 'z' in literal false (expecting 's')"),
    ("[nul]", "invalid character ']' in literal null (expecting 'l')"),
    ("nil", "invalid character 'i' in literal null (expecting 'u')"),
    ("nuLL", "invalid character 'L' in literal null (expecting 'l')"),
    ("None", "invalid character 'N' looking for beginning of value"),
    ("True", "invalid character 'T' looking for beginning of value"),
    ("truex", "invalid character 'x' after top-level value"),
    ("[nulll]", "invalid character 'l' after array element"),
    # data after the value
    ("{} x", "invalid character 'x' after top-level value"),
    ("{}{}", "invalid character '{' after top-level value"),
    ("[] []", "invalid character '[' after top-level value"),
    ('"a""b"', "invalid character '\"' after top-level value"),
    ("1 2", "invalid character '2' after top-level value"),
    ("null,", "invalid character ',' after top-level value"),
    ("{}\x00", "invalid character '\\x00' after top-level value"),
    ("{}\u00a0", "invalid character 'Â' after top-level value"),
    # test-vectors.md
    (BASE + "} x", "invalid character 'x' after top-level value"),
    (BASE + "}{}", "invalid character '{' after top-level value"),
    (BASE + ",}", "invalid character '}' looking for beginning of object key string"),
    (BASE[:-2] + '\\x"}', "invalid character 'x' in string escape code"),
    (BASE[:-3] + "NaN}", "invalid character 'N' looking for beginning of value"),
    (BASE + ', "n": 01}', "invalid character '1' after object key:value pair"),
    (BASE + ', "n": -}', "invalid character '}' in numeric literal"),
    (
        BASE + ', "n": 1.}',
        "invalid character '}' after decimal point in numeric literal",
    ),
    (BASE + ', "n": .5}', "invalid character '.' looking for beginning of value"),
    (
        BASE + ', "n": true, "m": [1,2,]}',
        "invalid character ']' looking for beginning of value",
    ),
]


@pytest.mark.parametrize(
    ("text", "message"), SYNTAX_ERRORS, ids=[ascii(t) for t, _ in SYNTAX_ERRORS]
)
def test_syntax_error_text(text: str, message: str) -> None:
    assert str(syntax_error(text)) == message
    # the same bytes give the same error; the model of Go's scanner agrees
    assert str(syntax_error(text.encode("utf-8"))) == message
    assert go_scan(text.encode("utf-8")) == (message, syntax_error(text).offset)
    with pytest.raises(JSONSyntaxError) as info:
        loads(text)
    assert str(info.value) == message


# At the end of input Go feeds one space to its scanner: a truncated number, literal or
# escape reports that space instead of "unexpected end of JSON input".
EOF_SPACE = [
    ("-", "invalid character ' ' in numeric literal"),
    ("[-", "invalid character ' ' in numeric literal"),
    ("1.", "invalid character ' ' after decimal point in numeric literal"),
    ('{"a":1.', "invalid character ' ' after decimal point in numeric literal"),
    ("1e", "invalid character ' ' in exponent of numeric literal"),
    ("1e+", "invalid character ' ' in exponent of numeric literal"),
    ("[2E-", "invalid character ' ' in exponent of numeric literal"),
    ("t", "invalid character ' ' in literal true (expecting 'r')"),
    ("[tr", "invalid character ' ' in literal true (expecting 'u')"),
    ("f", "invalid character ' ' in literal false (expecting 'a')"),
    ("nul", "invalid character ' ' in literal null (expecting 'l')"),
    ('"\\', "invalid character ' ' in string escape code"),
    ('{"a\\', "invalid character ' ' in string escape code"),
    ('"\\u', "invalid character ' ' in \\u hexadecimal character escape"),
    ('["\\u00e', "invalid character ' ' in \\u hexadecimal character escape"),
]


@pytest.mark.parametrize(("text", "message"), EOF_SPACE)
def test_truncated_token_reports_a_space(text: str, message: str) -> None:
    error = syntax_error(text)
    assert str(error) == message
    assert error.offset == len(text)


VALID_TOP_LEVEL = [
    "0", "-0", "1", "-1.5e+3", "1E3", "2.50", "1e999", "123456789012345678901234567890e-5",
    "true", "false", "null", '""', '"x"', "[]", "{}", " \t\n\r[ ] \r\n\t ", '{"":""}',
    '[1,"a",true,false,null,{},[],{"a":[{}]}]', '"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uABCD"',
    '"\x7f\u2028é😀"', '{"a":1,"a":2}',
]  # fmt: skip


@pytest.mark.parametrize("text", VALID_TOP_LEVEL)
def test_valid_documents(text: str) -> None:
    parse(text)
    parse(text.encode("utf-8"))
    assert go_scan(text.encode("utf-8")) is None


# ---------------------------------------------------------------------------------------
# §2.1 how the offending byte is shown
# ---------------------------------------------------------------------------------------

BYTE_RENDERING = [
    (0x00, "'\\x00'"),
    (0x01, "'\\x01'"),
    (0x07, "'\\a'"),
    (0x08, "'\\b'"),
    (0x09, "'\\t'"),
    (0x0A, "'\\n'"),
    (0x0B, "'\\v'"),
    (0x0C, "'\\f'"),
    (0x0D, "'\\r'"),
    (0x0E, "'\\x0e'"),
    (0x1B, "'\\x1b'"),
    (0x1F, "'\\x1f'"),
    (0x20, "' '"),
    (0x21, "'!'"),
    (0x22, "'\"'"),
    (0x27, "'\\''"),
    (0x41, "'A'"),
    (0x5C, "'\\\\'"),
    (0x7E, "'~'"),
    (0x7F, "'\\x7f'"),
    (0x80, "'\\u0080'"),
    (0x85, "'\\u0085'"),
    (0x9F, "'\\u009f'"),
    (0xA0, "'\\u00a0'"),
    (0xA1, "'¡'"),
    (0xAC, "'¬'"),
    (0xAD, "'\\u00ad'"),
    (0xAE, "'®'"),
    (0xC3, "'Ã'"),
    (0xE2, "'â'"),
    (0xEF, "'ï'"),
    (0xF0, "'ð'"),
    (0xFF, "'ÿ'"),
]


@pytest.mark.parametrize(
    ("byte", "shown"), BYTE_RENDERING, ids=[f"{b:#04x}" for b, _ in BYTE_RENDERING]
)
def test_offending_byte_rendering(byte: int, shown: str) -> None:
    # after a complete top-level value every byte but whitespace is an error
    data = b"[]" + bytes([byte])
    if byte in b" \t\n\r":
        parse(data)
        return
    error = syntax_error(data)
    assert str(error) == f"invalid character {shown} after top-level value"
    assert error.offset == 3


def test_every_byte_outside_a_string_matches_the_model() -> None:
    for byte in range(256):
        for data in (
            bytes([byte]),
            b"[" + bytes([byte]),
            b'{"a":1' + bytes([byte]),
            b"{" + bytes([byte]),
        ):
            expected = go_scan(data)
            try:
                parse(data)
                got = None
            except JSONSyntaxError as error:
                got = (str(error), error.offset)
            assert got == expected, data


@pytest.mark.parametrize(
    ("data", "message", "offset"),
    [
        (b"\xef\xbb\xbf{}", "invalid character 'ï' looking for beginning of value", 1),
        ("\ufeff{}", "invalid character 'ï' looking for beginning of value", 1),
        (b"\xff", "invalid character 'ÿ' looking for beginning of value", 1),
        (b"[1,\xff]", "invalid character 'ÿ' looking for beginning of value", 4),
        (b"[1,\xe2\x82]", "invalid character 'â' looking for beginning of value", 4),
        (b"[\xed\xa0\x80]", "invalid character 'í' looking for beginning of value", 2),
        (b"[\x80]", "invalid character '\\u0080' looking for beginning of value", 2),
        (b'{"\xff":1}\xff', "invalid character 'ÿ' after top-level value", 8),
        ('"é" é', "invalid character 'Ã' after top-level value", 6),
        ("[1,😀]", "invalid character 'ð' looking for beginning of value", 4),
        ('"\\é"', "invalid character 'Ã' in string escape code", 3),
        ('"\\u00é0"', "invalid character 'Ã' in \\u hexadecimal character escape", 6),
        ("[\ufffd]", "invalid character 'ï' looking for beginning of value", 2),
        ("[\udcff]", "invalid character 'ÿ' looking for beginning of value", 2),
        ("[\ud800]", "invalid character 'í' looking for beginning of value", 2),
        ('"\ud800"\ud800', "invalid character 'í' after top-level value", 6),
    ],
)
def test_non_ascii_offending_byte(data: str | bytes, message: str, offset: int) -> None:
    error = syntax_error(data)
    assert (str(error), error.offset) == (message, offset)


@pytest.mark.parametrize(
    ("data", "offset"),
    [
        ("", 0),
        ("[1,]", 4),
        ("[1", 2),
        ("  x", 3),
        ('{"é":x}', 7),
        (b'"\xff" x', 5),
        ("-", 1),
    ],
)
def test_error_offset_is_go_byte_count(data: str | bytes, offset: int) -> None:
    assert syntax_error(data).offset == offset


# ---------------------------------------------------------------------------------------
# T4: nesting depth
# ---------------------------------------------------------------------------------------


def nested(open_: str, depth: int) -> str:
    """``depth`` nested arrays or objects (the innermost one empty)."""
    if open_ == "[":
        return "[" * depth + "]" * depth
    return '{"a":' * (depth - 1) + "{}" + "}" * (depth - 1)


@pytest.mark.parametrize("open_", ["[", "{"])
def test_depth_limit(open_: str) -> None:
    assert MAX_DEPTH == 10000
    ok = nested(open_, 10000)
    parse(ok)
    loads(ok)
    assert go_scan(ok.encode()) is None
    error = syntax_error(nested(open_, 10001))
    assert str(error) == f"invalid character '{open_}' exceeded max depth"
    assert error.offset == (1 if open_ == "[" else 5) * 10000 + 1
    assert (str(error), error.offset) == go_scan(nested(open_, 10001).encode())


def test_depth_limit_counts_empty_containers() -> None:
    assert (
        str(syntax_error("[" * 10000 + "[]" + "]" * 10000))
        == "invalid character '[' exceeded max depth"
    )
    assert (
        str(syntax_error("[" * 10000 + "{}" + "]" * 10000))
        == "invalid character '{' exceeded max depth"
    )
    parse("[" * 9999 + "{}" + "]" * 9999)


def test_depth_limit_mixed_nesting() -> None:
    doc = '[{"a":' * 5000 + "[" + "]" + "}]" * 5000
    assert str(syntax_error(doc)) == "invalid character '[' exceeded max depth"
    parse('[{"a":' * 5000 + "1" + "}]" * 5000)


def test_syntax_error_before_depth_error_wins() -> None:
    assert (
        str(syntax_error("[x" + "[" * 20000))
        == "invalid character 'x' looking for beginning of value"
    )


@pytest.mark.parametrize("open_", ["[", "{", '{"a":', "[{}, "])
@pytest.mark.parametrize("func", [parse, loads])
def test_very_deep_nesting_is_a_syntax_error_not_recursion(
    open_: str, func: Any
) -> None:
    for doc in (open_ * 100_000, open_ * 100_000 + "]" * 100_000):
        with pytest.raises(JSONSyntaxError) as info:
            func(doc)
        assert str(info.value).endswith(
            "exceeded max depth"
        ) or "looking for beginning" in str(info.value)


def test_100000_deep_gives_the_go_error() -> None:
    assert (
        str(syntax_error("[" * 100_000 + "]" * 100_000))
        == "invalid character '[' exceeded max depth"
    )
    assert (
        str(syntax_error('{"a":' * 100_000))
        == "invalid character '{' exceeded max depth"
    )


def test_deep_values_encode_and_load_without_recursion() -> None:
    doc = "[" * 10000 + "]" * 10000
    value = loads(doc)
    assert encode(value) == doc
    assert encode(RawJSON(doc).value) == doc
    assert RawJSON.from_value(value).text == doc


# ---------------------------------------------------------------------------------------
# §2.6 string decoding
# ---------------------------------------------------------------------------------------

STRING_DECODING = [
    ('"\\ud83d\\ude00"', "😀"),
    ('"\\uD83D\\uDE00"', "😀"),
    ('"\\ud83d"', FFFD),
    ('"\\ude00"', FFFD),
    ('"\\ud83d\\u0041"', FFFD + "A"),
    ('"\\ud83dA"', FFFD + "A"),
    ('"\\ud83d\\n"', FFFD + "\n"),
    ('"\\ud83d\\ud83d\\ude00"', FFFD + "😀"),
    ('"\\ude00\\ud83d\\ude00"', FFFD + "😀"),
    ('"\\ude00\\ud83d"', FFFD + FFFD),
    ('"\\udbff\\udfff"', "\U0010ffff"),
    ('"\\ud800\\udc00"', "\U00010000"),
    ('"\\u0000"', "\x00"),
    ('"a\\u0000b"', "a\x00b"),
    ('"\\u00e9\\u00E9\\uFFFF"', "éé\uffff"),
    ('"\\"\\\\\\/\\b\\f\\n\\r\\t"', '"\\/\b\f\n\r\t'),
    ('"\\\\u0041"', "\\u0041"),
    ('"\x7f\u2028 é 😀"', "\x7f\u2028 é 😀"),
    ('"\ud800"', FFFD),
    ('"\udcff\ud83d"', FFFD + FFFD),
]


@pytest.mark.parametrize(
    ("text", "value"), STRING_DECODING, ids=[ascii(t) for t, _ in STRING_DECODING]
)
def test_string_decoding(text: str, value: str) -> None:
    assert parse(text) == value
    assert loads(text) == value
    # the same in a key, and inside containers
    obj = parse("{" + text + ":[" + text + "]}")
    assert obj.members[0][0] == value
    assert obj.members[0][1] == [value]


BYTE_DECODING = [
    (b"abc", "abc"),
    ("é😀€".encode(), "é😀€"),
    (b"\xef\xbf\xbd", FFFD),
    (b"\xff", FFFD),
    (b"a\xffb", "a" + FFFD + "b"),
    (b"\xe2\x82", FFFD * 2),  # truncated 3-byte sequence (€ is E2 82 AC)
    (b"\xe2\x82x", FFFD * 2 + "x"),
    (b"\xe2\x82\xe2\x82\xac", FFFD * 2 + "€"),
    (b"\xed\xa0\x80", FFFD * 3),  # UTF-8-encoded surrogate U+D800
    (b"\xed\xbf\xbf", FFFD * 3),
    (b"\xed\x9f\xbf", "\ud7ff"),
    (b"\xf0\x9f\x98", FFFD * 3),  # truncated 4-byte sequence
    (b"\xc0\x80", FFFD * 2),  # overlong
    (b"\xc3", FFFD),
    (b"\x80\x80", FFFD * 2),
    (b"\xf4\x90\x80\x80", FFFD * 4),  # above U+10FFFF
    (b"\xf5\x80", FFFD * 2),
]


@pytest.mark.parametrize(
    ("data", "text"), BYTE_DECODING, ids=[repr(d) for d, _ in BYTE_DECODING]
)
def test_invalid_utf8_becomes_one_replacement_per_byte(data: bytes, text: str) -> None:
    assert decode_bytes(data) == text
    assert parse(b'"' + data + b'"') == text
    assert loads(b'{"' + data + b'":1}') == {text: 1}


def test_parse_bytes_keeps_source_aligned_with_replacements() -> None:
    obj = parse(b'{"a":"\xe2\x82","b" : [1, "\xff"] }')
    assert isinstance(obj, JSONObject)
    assert obj.source == '{"a":"' + FFFD * 2 + '","b" : [1, "' + FFFD + '"] }'
    spans = [obj.source[s:e] for _, _, s, e in obj.members]
    assert spans == ['"' + FFFD * 2 + '"', '[1, "' + FFFD + '"]']


# ---------------------------------------------------------------------------------------
# tree: JSONObject members and spans, JSONNumber, literals
# ---------------------------------------------------------------------------------------


def test_member_spans() -> None:
    doc = ' { "a" :  [ 1 , {"b": "é😀" } ] ,\n"c\\u0041":"x\\u0041" , "d" : { } ,"e":-1.5e3,"a":null }  '
    obj = parse(doc)
    assert isinstance(obj, JSONObject)
    assert obj.source is doc
    assert obj.raw == doc.strip()
    assert [m[0] for m in obj.members] == ["a", "c" + "A", "d", "e", "a"]
    spans = [doc[s:e] for _, _, s, e in obj.members]
    assert spans == ['[ 1 , {"b": "é😀" } ]', '"x\\u0041"', "{ }", "-1.5e3", "null"]
    inner = obj.members[0][1][1]
    assert isinstance(inner, JSONObject)
    assert inner.raw == '{"b": "é😀" }'
    assert inner.source is doc
    key, value, start, end = inner.members[0]
    assert (key, value, doc[start:end]) == ("b", "é😀", '"é😀"')
    assert obj.members[2][1].raw == "{ }"
    assert obj.members[2][1].members == []
    assert obj.members[3][1] == JSONNumber("-1.5e3")
    assert obj.members[4][1] is None


@pytest.mark.parametrize(
    "value",
    [
        "true",
        "false",
        "null",
        "0",
        "-0",
        "1E3",
        "2.50",
        '"x"',
        '"\\u00e9"',
        "[]",
        "{}",
        '[ {"a" : 1} ]',
        "1e999",
    ],
)
def test_member_span_of_every_kind(value: str) -> None:
    doc = '{"k" :\t' + value + ' \n, "z":0}'
    obj = parse(doc)
    _, _, start, end = obj.members[0]
    assert doc[start:end] == value


def test_tree_types() -> None:
    tree = parse('[1, -0, 2.50, 1E3, "s", true, false, null, [], {}]')
    assert tree == [
        JSONNumber("1"),
        JSONNumber("-0"),
        JSONNumber("2.50"),
        JSONNumber("1E3"),
        "s",
        True,
        False,
        None,
        [],
        JSONObject([], "", 0, 0),
    ]
    assert [type(v) for v in tree[:4]] == [JSONNumber] * 4
    assert tree[5] is True and tree[6] is False
    assert tree[2].token == "2.50" and str(tree[2]) == "2.50"
    assert repr(tree[2]) == "JSONNumber('2.50')"
    assert hash(JSONNumber("1")) == hash(JSONNumber("1"))
    assert JSONNumber("1") != JSONNumber("1.0")


def test_duplicates_are_kept_in_order() -> None:
    obj = parse('{"a":1,"A":2,"a":3}')
    assert obj.items() == [
        ("a", JSONNumber("1")),
        ("A", JSONNumber("2")),
        ("a", JSONNumber("3")),
    ]
    assert len(obj) == 3
    assert loads('{"a":1,"A":2,"a":3}') == {"a": 3, "A": 2}
    assert list(loads('{"a":1,"b":2,"a":3}')) == ["a", "b"]


def test_loads_plain_data() -> None:
    doc = '{"i":1,"n":-0,"f":2.50,"e":1E3,"big":123456789012345678901234567890,"inf":1e999,"s":"x","l":[true,null]}'
    assert loads(doc) == {
        "i": 1,
        "n": 0,
        "f": 2.5,
        "e": 1000.0,
        "big": 123456789012345678901234567890,
        "inf": float("inf"),
        "s": "x",
        "l": [True, None],
    }
    value = loads(doc)
    assert type(value["i"]) is int and type(value["e"]) is float
    huge = "9" * 5000
    assert encode(loads(huge)) == huge
    assert type(loads(huge)) is int
    assert loads(b"[1]") == [1]


# ---------------------------------------------------------------------------------------
# §3.3 string escaping
# ---------------------------------------------------------------------------------------

QUOTE_ROWS = [
    # (input, html-escaped, not html-escaped)
    ('"', '"\\""', '"\\""'),
    ("\\", '"\\\\"', '"\\\\"'),
    ("\n\r\t", '"\\n\\r\\t"', '"\\n\\r\\t"'),
    ("\x00", '"\\u0000"', '"\\u0000"'),
    ("\x01\x07\x0b\x0e\x1b\x1f", '"\\u0001\\u0007\\u000b\\u000e\\u001b\\u001f"', None),
    ("\b", '"\\u0008"', '"\\u0008"'),
    ("\f", '"\\u000c"', '"\\u000c"'),
    ("<", '"\\u003c"', '"<"'),
    (">", '"\\u003e"', '">"'),
    ("&", '"\\u0026"', '"&"'),
    ("\u2028", '"\\u2028"', '"\\u2028"'),
    ("\u2029", '"\\u2029"', '"\\u2029"'),
    ("/", '"/"', '"/"'),
    ("\x7f", '"\x7f"', '"\x7f"'),
    ("\x80\x9f\xa0\xad", '"\x80\x9f\xa0\xad"', '"\x80\x9f\xa0\xad"'),
    (
        "é😀\ufffd\uffff\U0010ffff",
        '"é😀\ufffd\uffff\U0010ffff"',
        '"é😀\ufffd\uffff\U0010ffff"',
    ),
    ("\u2027\u202a", '"\u2027\u202a"', '"\u2027\u202a"'),
    ("'", '"\'"', '"\'"'),
    ("", '""', '""'),
    ("plain text", '"plain text"', '"plain text"'),
    ("\ud800", '"\\ufffd"', '"\\ufffd"'),
    ("a\udfffb", '"a\\ufffdb"', '"a\\ufffdb"'),
]


@pytest.mark.parametrize(
    ("s", "html", "plain"), QUOTE_ROWS, ids=[ascii(r[0]) for r in QUOTE_ROWS]
)
def test_quote(s: str, html: str, plain: str | None) -> None:
    assert quote(s) == html
    assert quote(s, escape_html=True) == html
    assert quote(s, escape_html=False) == (html if plain is None else plain)
    assert encode(s) == html
    assert (
        encode([s], escape_html=False) == "[" + (html if plain is None else plain) + "]"
    )


def test_quote_all_control_characters() -> None:
    named = {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}
    for cp in range(0x20):
        expected = named.get(cp, f"\\u{cp:04x}")
        assert quote(chr(cp)) == '"' + expected + '"'
        assert quote(chr(cp), escape_html=False) == '"' + expected + '"'
    for cp in range(0x20, 0x80):
        ch = chr(cp)
        if ch not in '"\\<>&':
            assert quote(ch) == '"' + ch + '"'


CONTACT_NAME_IN = '"<b>&amp;</b> \\u2028 \\u2029 \\u0000 \\u001f \\u007f é 😀 \\ud800 \\b\\f\\n\\r\\t\\/"'
CONTACT_NAME_OUT = (
    '"\\u003cb\\u003e\\u0026amp;\\u003c/b\\u003e \\u2028 \\u2029 \\u0000 \\u001f \x7f é 😀 \ufffd '
    '\\u0008\\u000c\\n\\r\\t/"'
)


def test_contact_name_changed_escaping_example() -> None:
    # events.md §5: the name is read and written back with json.Marshal
    name = parse(CONTACT_NAME_IN)
    assert name == "<b>&amp;</b> \u2028 \u2029 \x00 \x1f \x7f é 😀 \ufffd \b\f\n\r\t/"
    assert quote(name) == CONTACT_NAME_OUT
    assert encode({"name": name}) == '{"name":' + CONTACT_NAME_OUT + "}"
    # and with utils.JSONMarshal
    assert quote(name, escape_html=False) == (
        '"<b>&amp;</b> \\u2028 \\u2029 \\u0000 \\u001f \x7f é 😀 \ufffd \\u0008\\u000c\\n\\r\\t/"'
    )


# ---------------------------------------------------------------------------------------
# encode
# ---------------------------------------------------------------------------------------


class Color(enum.IntEnum):
    RED = 1


def test_encode_nested_data() -> None:
    value = {
        "type": "x<y",
        "n": [1, -5, 0, 9223372036854775807, True, False, None],
        "empty": {},
        "list": [],
        "tuple": ("a", ("b",)),
        "nested": {"z": {"y": [{"x": []}]}},
        "raw": RawJSON(' { "a" : "<&>" } '),
        "num": JSONNumber("2.50"),
        "enum": Color.RED,
    }
    assert encode(value) == (
        '{"type":"x\\u003cy","n":[1,-5,0,9223372036854775807,true,false,null],"empty":{},"list":[],'
        '"tuple":["a",["b"]],"nested":{"z":{"y":[{"x":[]}]}},"raw":{"a":"\\u003c\\u0026\\u003e"},'
        '"num":2.50,"enum":1}'
    )
    assert encode(value, escape_html=False) == (
        '{"type":"x<y","n":[1,-5,0,9223372036854775807,true,false,null],"empty":{},"list":[],'
        '"tuple":["a",["b"]],"nested":{"z":{"y":[{"x":[]}]}},"raw":{"a":"<&>"},'
        '"num":2.50,"enum":1}'
    )


def test_encode_keeps_insertion_order_and_escapes_keys() -> None:
    assert encode({"b": 1, "a": 2, "<": 3}) == '{"b":1,"a":2,"\\u003c":3}'
    assert encode({"b": 1, "a": 2, "<": 3}, escape_html=False) == '{"b":1,"a":2,"<":3}'


@pytest.mark.parametrize(
    ("scalar", "text"),
    [
        (None, "null"),
        (True, "true"),
        (False, "false"),
        (0, "0"),
        (-1, "-1"),
        ("s", '"s"'),
        (RawJSON.NULL, "null"),
    ],
)
def test_encode_scalars(scalar: Any, text: str) -> None:
    assert encode(scalar) == text
    assert encode(scalar, escape_html=False) == text


def test_encode_huge_int() -> None:
    assert encode(10**5000) == "1" + "0" * 5000


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1.5, "1.5"),
        (100.0, "100"),
        (-0.0, "-0"),
        (0.0, "0"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1e20, "100000000000000000000"),
        (1e21, "1e+21"),
        (1.5e300, "1.5e+300"),
        (1e-6, "0.000001"),
        (1e-7, "1e-7"),
        (1.5e-9, "1.5e-9"),
        (1e-10, "1e-10"),
        (5e-324, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (123456789.0, "123456789"),
    ],
)
def test_encode_floats_like_go(value: float, text: str) -> None:
    assert encode(value) == text


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (float("nan"), "json: unsupported value: NaN"),
        (float("inf"), "json: unsupported value: +Inf"),
        ([float("-inf")], "json: unsupported value: -Inf"),
        (object(), "json: unsupported type: object"),
        ({"a": {1, 2}}, "json: unsupported type: set"),
        (b"x", "json: unsupported type: bytes"),
        ({1: "a"}, "json: unsupported type: dict key of type int"),
        ({"a": 1, 2: "b"}, "json: unsupported type: dict key of type int"),
    ],
)
def test_encode_errors(value: Any, message: str) -> None:
    with pytest.raises(EventError) as info:
        encode(value)
    assert str(info.value) == message


def test_encode_cycle_is_an_error() -> None:
    cyclic: list[Any] = [1]
    cyclic.append([cyclic])
    with pytest.raises(EventError, match="cycle"):
        encode(cyclic)
    shared = [1]
    assert encode([shared, shared, {"a": shared}]) == '[[1],[1],{"a":[1]}]'


def test_encode_very_deep_data() -> None:
    value: Any = []
    for _ in range(100_000):
        value = [value]
    assert encode(value) == "[" * 100_001 + "]" * 100_001


# ---------------------------------------------------------------------------------------
# §3.7 map key order
# ---------------------------------------------------------------------------------------


def test_sort_map_keys() -> None:
    translations = {"eng": 1, "ENG": 2, "b": 3, "a": 4, "É": 5, "Z": 6}
    ordered = sort_map_keys(translations)
    assert list(ordered) == ["ENG", "Z", "a", "b", "eng", "É"]
    assert ordered == translations
    assert list(translations) == [
        "eng",
        "ENG",
        "b",
        "a",
        "É",
        "Z",
    ]  # the input is not changed
    assert encode(ordered) == '{"ENG":2,"Z":6,"a":4,"b":3,"eng":1,"É":5}'


def test_sort_map_keys_is_utf8_byte_order() -> None:
    keys = [
        "\U0001f600",
        "\uffff",
        "\ue000",
        "a",
        "",
        "ab",
        "\x7f",
        "\x80",
        "\u07ff",
        "\u0800",
    ]
    ordered = list(sort_map_keys(dict.fromkeys(keys, 0)))
    assert ordered == sorted(keys, key=lambda k: k.encode("utf-8"))


# ---------------------------------------------------------------------------------------
# §3.5 raw JSON
# ---------------------------------------------------------------------------------------

CONTACT_IN = '  {  "b" : [ 1 , 2.50 , 1E3 ] , "a" : "<&>\\u00e9\\u2028" , "a": 2 }  '
CONTACT_COMPACT = '{"b":[1,2.50,1E3],"a":"<&>\\u00e9\\u2028","a":2}'
CONTACT_OUT = '{"b":[1,2.50,1E3],"a":"\\u003c\\u0026\\u003e\\u00e9\\u2028","a":2}'

PAYLOAD_IN = '{"n":123456789012345678901234567890e-5,"s":"\\u00e9\\u003c\\ud83d\\ude00","u":"\\u2028", "raw":"<>&"}'
PAYLOAD_OUT = (
    '{"n":123456789012345678901234567890e-5,"s":"\\u00e9\\u003c\\ud83d\\ude00","u":"\\u2028",'
    '"raw":"\\u003c\\u003e\\u0026"}'
)


@pytest.mark.parametrize(
    ("source", "compacted", "html"),
    [
        (CONTACT_IN, CONTACT_COMPACT, CONTACT_OUT),
        (PAYLOAD_IN, PAYLOAD_IN.replace(", ", ","), PAYLOAD_OUT),
        ('{ "a" : [1, 2] }', '{"a":[1,2]}', '{"a":[1,2]}'),
        ('"just a string"', '"just a string"', '"just a string"'),
        ("123", "123", "123"),
        (" [ ] ", "[]", "[]"),
        ("null", "null", "null"),
        (
            '{"t":"a \\" b\\\\", "u" :\t"\\\\"}',
            '{"t":"a \\" b\\\\","u":"\\\\"}',
            '{"t":"a \\" b\\\\","u":"\\\\"}',
        ),
        (
            '["\u2028\u2029 <x>"]',
            '["\u2028\u2029 <x>"]',
            '["\\u2028\\u2029 \\u003cx\\u003e"]',
        ),
        ('\n{\r\n"a"\t:\n"é 😀"\n}\n', '{"a":"é 😀"}', '{"a":"é 😀"}'),
    ],
)
def test_raw_json_compaction_and_marshal(
    source: str, compacted: str, html: str
) -> None:
    raw = RawJSON(source)
    assert raw.text == compacted
    assert str(raw) == compacted
    assert compact(source) == compacted
    assert raw.marshal(escape_html=True) == html
    assert raw.marshal() == html
    assert raw.marshal(escape_html=False) == compacted
    assert RawJSON._trusted(source) == raw
    assert encode({"contact": raw}) == '{"contact":' + html + "}"
    assert (
        encode({"contact": raw}, escape_html=False) == '{"contact":' + compacted + "}"
    )


def test_contact_refreshed_example_in_context() -> None:
    # events.md §6: the raw value is cut from the event's source and written back
    event = parse('{"type":"contact_refreshed","contact":' + CONTACT_IN + "}")
    _, _, start, end = event.members[1]
    raw = RawJSON._trusted(event.source[start:end])
    assert raw.marshal() == CONTACT_OUT


def test_raw_json_rejects_invalid_text() -> None:
    for text, message in [
        ("", "unexpected end of JSON input"),
        ("{", "unexpected end of JSON input"),
        ("[1,]", "invalid character ']' looking for beginning of value"),
        ("NaN", "invalid character 'N' looking for beginning of value"),
        ("1 2", "invalid character '2' after top-level value"),
    ]:
        with pytest.raises(JSONSyntaxError) as info:
            RawJSON(text)
        assert str(info.value) == message


def test_raw_json_value_type() -> None:
    raw = RawJSON('{"a": [1, 2.5, "<"], "a": null}')
    assert raw.value == {"a": None}
    assert RawJSON.NULL.text == "null"
    assert RawJSON.NULL.value is None
    assert RawJSON.NULL == RawJSON("null")
    assert hash(RawJSON(" [1] ")) == hash(RawJSON("[1]"))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        raw.text = "1"  # type: ignore[misc]
    assert not hasattr(raw, "__dict__")
    assert pickle.loads(pickle.dumps(raw)) == raw
    assert RawJSON(b' {"a" : 1} ').text == '{"a":1}'


def test_raw_json_trusted_skips_work_when_compact() -> None:
    text = '{"a":"b c","d":[1,"e\\" f"]}'
    assert RawJSON._trusted(text).text is text
    assert compact(text) is text
    assert RawJSON._trusted('{"a": 1}').text == '{"a":1}'


def test_raw_json_from_value() -> None:
    raw = RawJSON.from_value({"name": "<b>", "n": [1, None], "raw": RawJSON(" [ 1 ] ")})
    assert raw.text == '{"name":"\\u003cb\\u003e","n":[1,null],"raw":[1]}'
    # Go stores json.Marshal's bytes: the escapes stay in both output modes
    assert raw.marshal(escape_html=False) == raw.text
    assert RawJSON.from_value(None) == RawJSON.NULL
    assert RawJSON.from_value("\u2028").text == '"\\u2028"'


# ---------------------------------------------------------------------------------------
# A byte-level model of Go's scanner (written from the spec's grammar and error table)
# ---------------------------------------------------------------------------------------

_NAMED = {
    0x07: "a",
    0x08: "b",
    0x0C: "f",
    0x0A: "n",
    0x0D: "r",
    0x09: "t",
    0x0B: "v",
    0x5C: "\\",
}
_SPACE = b" \t\r\n"
_HEXDIGITS = b"0123456789abcdefABCDEF"
_LITERALS = {ord("t"): "true", ord("f"): "false", ord("n"): "null"}


def show_byte(b: int) -> str:
    if b == 0x27:
        return "'\\''"
    if b == 0x22:
        return "'\"'"
    if b in _NAMED:
        return "'\\" + _NAMED[b] + "'"
    if b < 0x20 or b == 0x7F:
        return f"'\\x{b:02x}'"
    if 0x80 <= b <= 0xA0 or b == 0xAD:
        return f"'\\u{b:04x}'"
    return "'" + chr(b) + "'"


class GoScannerModel:
    """One byte at a time; ``step`` returns an error context or None."""

    def __init__(self) -> None:
        self.stack: list[str] = []  # "key" (before colon), "val" (after colon), "arr"
        self.state = "value"
        self.done = False
        self.word = ""
        self.k = 0

    def push(self, kind: str, state: str) -> str | None:
        self.stack.append(kind)
        self.state = state
        return "exceeded max depth" if len(self.stack) > 10000 else None

    def pop(self) -> None:
        self.stack.pop()
        if self.stack:
            self.state = "end"
        else:
            self.state = "top"
            self.done = True

    def step(self, c: int) -> str | None:
        while True:
            s = self.state
            if s in ("value", "value_or_close"):
                if c in _SPACE:
                    return None
                if s == "value_or_close" and c == ord("]"):
                    self.state = "end"
                    continue
                if c == ord("{"):
                    return self.push("key", "key_or_close")
                if c == ord("["):
                    return self.push("arr", "value_or_close")
                if c == ord('"'):
                    self.state = "str"
                elif c == ord("-"):
                    self.state = "neg"
                elif c == ord("0"):
                    self.state = "zero"
                elif ord("1") <= c <= ord("9"):
                    self.state = "int"
                elif c in _LITERALS:
                    self.word, self.k, self.state = _LITERALS[c], 1, "lit"
                else:
                    return "looking for beginning of value"
                return None
            if s == "key_or_close":
                if c in _SPACE:
                    return None
                if c == ord("}"):
                    self.stack[-1] = "val"
                    self.state = "end"
                    continue
                self.state = "key"
                continue
            if s == "key":
                if c in _SPACE:
                    return None
                if c == ord('"'):
                    self.state = "str"
                    return None
                return "looking for beginning of object key string"
            if s == "end":
                if not self.stack:
                    self.state, self.done = "top", True
                    continue
                if c in _SPACE:
                    return None
                top = self.stack[-1]
                if top == "key":
                    if c == ord(":"):
                        self.stack[-1], self.state = "val", "value"
                        return None
                    return "after object key"
                if top == "val":
                    if c == ord(","):
                        self.stack[-1], self.state = "key", "key"
                        return None
                    if c == ord("}"):
                        self.pop()
                        return None
                    return "after object key:value pair"
                if c == ord(","):
                    self.state = "value"
                    return None
                if c == ord("]"):
                    self.pop()
                    return None
                return "after array element"
            if s == "top":
                return None if c in _SPACE else "after top-level value"
            if s == "str":
                if c == ord('"'):
                    self.state = "end"
                elif c == ord("\\"):
                    self.state = "esc"
                elif c < 0x20:
                    return "in string literal"
                return None
            if s == "esc":
                if c in b'bfnrt\\/"':
                    self.state = "str"
                    return None
                if c == ord("u"):
                    self.state, self.k = "hex", 0
                    return None
                return "in string escape code"
            if s == "hex":
                if c not in _HEXDIGITS:
                    return "in \\u hexadecimal character escape"
                self.k += 1
                if self.k == 4:
                    self.state = "str"
                return None
            if s == "neg":
                if c == ord("0"):
                    self.state = "zero"
                elif ord("1") <= c <= ord("9"):
                    self.state = "int"
                else:
                    return "in numeric literal"
                return None
            if s in ("int", "frac", "exp"):
                if ord("0") <= c <= ord("9"):
                    return None
                if s == "int":
                    self.state = "zero"
                    continue
                if s == "frac" and c in b"eE":
                    self.state = "e"
                    return None
                self.state = "end"
                continue
            if s == "zero":
                if c == ord("."):
                    self.state = "dot"
                elif c in b"eE":
                    self.state = "e"
                else:
                    self.state = "end"
                    continue
                return None
            if s == "dot":
                if ord("0") <= c <= ord("9"):
                    self.state = "frac"
                    return None
                return "after decimal point in numeric literal"
            if s == "e":
                self.state = "esign"
                if c in b"+-":
                    return None
                continue
            if s == "esign":
                if ord("0") <= c <= ord("9"):
                    self.state = "exp"
                    return None
                return "in exponent of numeric literal"
            assert s == "lit"
            if c != ord(self.word[self.k]):
                return f"in literal {self.word} (expecting '{self.word[self.k]}')"
            self.k += 1
            if self.k == len(self.word):
                self.state = "end"
            return None


def go_scan(data: bytes) -> tuple[str, int] | None:
    """None if Go accepts ``data``, else (error text, offset)."""
    scanner = GoScannerModel()
    for i, c in enumerate(data):
        context = scanner.step(c)
        if context is not None:
            return f"invalid character {show_byte(c)} {context}", i + 1
    if scanner.done:
        return None
    # at the end Go feeds one space; that may complete the value or fail
    context = scanner.step(0x20)
    if context is None and scanner.state == "top":
        return None
    if context is not None:
        return f"invalid character ' ' {context}", len(data)
    return "unexpected end of JSON input", len(data)


def outcome(data: str | bytes) -> tuple[str, int] | None:
    try:
        parse(data)
    except JSONSyntaxError as error:
        return str(error), error.offset
    return None


# ---------------------------------------------------------------------------------------
# property tests
# ---------------------------------------------------------------------------------------

FRAGMENTS = [
    "{", "}", "[", "]", ",", ":", " ", "\n", "\t", "\r", '"', "\\", '"a"', '"k":', "\\u", "\\n",
    "\\ud83d", "\\ude00", "00e9", "0", "1", "9", "-", ".", "e", "E", "+", "true", "false", "null",
    "t", "r", "u", "n", "f", "l", "x", "é", "😀", "\x00", "\x1f", "\x7f", "'", "1.5", "-0", "[]",
    "{}", "12", "NaN", "Infinity", "\u2028", "\ufeff", "/", "1e5",
]  # fmt: skip
BYTE_FRAGMENTS = [f.encode("utf-8") for f in FRAGMENTS] + [
    b"\xff", b"\xe2\x82", b"\xed\xa0\x80", b"\xc3", b"\x80", b"\xef\xbb\xbf",
]  # fmt: skip

soup = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join)
byte_soup = st.lists(st.sampled_from(BYTE_FRAGMENTS), max_size=30).map(b"".join)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(st.text(max_size=8), children, max_size=5)
    ),
    max_leaves=30,
)


@st.composite
def mutated_documents(draw: st.DrawFn) -> str:
    """A valid document with one fragment inserted, deleted or replaced."""
    text = json.dumps(
        draw(json_values),
        ensure_ascii=draw(st.booleans()),
        indent=draw(st.sampled_from([None, 1])),
    )
    i = draw(st.integers(min_value=0, max_value=len(text)))
    op = draw(st.sampled_from(["insert", "delete", "replace"]))
    fragment = draw(st.sampled_from(FRAGMENTS))
    if op == "insert":
        return text[:i] + fragment + text[i:]
    if op == "delete":
        return text[:i] + text[i + 1 :]
    return text[:i] + fragment + text[i + 1 :]


def reference_quote(s: str, html: bool) -> str:
    """§3.3 row by row, one character at a time."""
    out = []
    for ch in s:
        cp = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch in "\n\r\t":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[ch])
        elif cp < 0x20 or (html and ch in "<>&") or ch in "\u2028\u2029":
            out.append(f"\\u{cp:04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def reference_encode(value: Any, html: bool) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return reference_quote(value, html)
    if isinstance(value, list):
        return "[" + ",".join(reference_encode(v, html) for v in value) + "]"
    return (
        "{"
        + ",".join(
            reference_quote(k, html) + ":" + reference_encode(v, html)
            for k, v in value.items()
        )
        + "}"
    )


def without_surrogates(value: Any) -> Any:
    """Python's json keeps lone surrogates; Go turns them into U+FFFD."""
    if isinstance(value, str):
        return re.sub("[\ud800-\udfff]", FFFD, value)
    if isinstance(value, list):
        return [without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {without_surrogates(k): without_surrogates(v) for k, v in value.items()}
    return value


@settings(max_examples=300, deadline=None)
@given(json_values, st.booleans())
def test_python_json_output_parses_and_reencodes(
    value: Any, ensure_ascii: bool
) -> None:
    compact_text = json.dumps(value, ensure_ascii=ensure_ascii, separators=(",", ":"))
    for text in (
        json.dumps(value, ensure_ascii=ensure_ascii),
        json.dumps(value, ensure_ascii=ensure_ascii, indent=2),
    ):
        tree = parse(text)
        assert to_plain(tree) == value
        assert loads(text) == value
        assert loads(text.encode("utf-8")) == value
        for html in (True, False):
            expected = reference_encode(value, html)
            assert encode(to_plain(tree), escape_html=html) == expected
            assert encode(value, escape_html=html) == expected
        assert RawJSON(text).text == compact_text


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_encode_round_trips(value: Any) -> None:
    for html in (True, False):
        text = encode(value, escape_html=html)
        assert loads(text) == value
        assert RawJSON(text).text == text
        assert RawJSON._trusted(text).text is text
        assert RawJSON.from_value(value).text == encode(value)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.booleans())
def test_quote_matches_the_reference(s: str, html: bool) -> None:
    assert quote(s, escape_html=html) == reference_quote(s, html)
    assert parse(quote(s, escape_html=html)) == s


@settings(max_examples=500, deadline=None)
@given(soup | mutated_documents())
def test_random_text_matches_the_scanner_model(text: str) -> None:
    assert outcome(text) == go_scan(text.encode("utf-8"))
    assert outcome(text.encode("utf-8")) == go_scan(text.encode("utf-8"))


@settings(max_examples=500, deadline=None)
@given(byte_soup | st.binary(max_size=30))
def test_random_bytes_match_the_scanner_model(data: bytes) -> None:
    expected = go_scan(data)
    assert outcome(data) == expected
    try:
        value = loads(data)
    except JSONSyntaxError as error:
        assert (str(error), error.offset) == expected
    else:
        assert expected is None
        # strings hold one U+FFFD per invalid byte, as in decode_bytes()
        assert loads(decode_bytes(data)) == value


@settings(max_examples=500, deadline=None)
@given(soup | mutated_documents())
def test_acceptance_agrees_with_python_json(text: str) -> None:
    try:
        expected = json.loads(text)
        python_ok = True
    except ValueError:
        python_ok = False
    try:
        value = loads(text)
        go_ok = True
    except JSONSyntaxError:
        go_ok = False
    if "NaN" in text or "Infinity" in text:
        # Python accepts NaN, Infinity and -Infinity; Go does not
        assert not (go_ok and not python_ok)
        return
    assert go_ok == python_ok
    if go_ok:
        assert value == without_surrogates(expected)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40) | soup)
def test_parse_raises_only_syntax_errors(text: str) -> None:
    for data in (text, text.encode("utf-8", "surrogatepass")):
        for func in (parse, loads, RawJSON):
            try:
                func(data)
            except JSONSyntaxError as error:
                assert re.fullmatch(
                    r"unexpected end of JSON input|invalid character '(?:[^\\']|\\.|\\x[0-9a-f]{2}|\\u00[0-9a-f]{2})' .+",
                    str(error),
                )
