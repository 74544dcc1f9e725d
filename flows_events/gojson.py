"""JSON reading and writing that behaves exactly like Go's ``encoding/json``.

goflow reads events with ``json.Unmarshal`` and writes them with ``json.Marshal``
(or ``utils.JSONMarshal``, the same without HTML escaping).  Python's :mod:`json`
differs from Go in many small ways that show up in the output bytes and in error
texts, so this module is the library's one JSON layer (spec: json.md §1, §2.1,
§2.6, §3.3, §3.5, §3.7):

* :func:`parse` runs Go's whole-document syntax check (Go's exact error texts,
  depth limit 10000) and returns a tree that keeps what the event decoder needs:
  object members as an ordered list with duplicates and the source span of each
  value (:class:`JSONObject`), number tokens as text (:class:`JSONNumber`) and
  strings decoded Go's way (lone surrogates and invalid UTF-8 become U+FFFD).
* :func:`loads` does the same check and returns plain Python data.
* :func:`quote` and :func:`encode` write compact JSON with Go's string escaping,
  with or without HTML escaping; :func:`sort_map_keys` orders map keys as Go does.
* :class:`RawJSON` is the value type of ``json.RawMessage`` fields: compacted
  source text, written back with optional HTML escaping.

The parser is iterative (no Python recursion, whatever the nesting), linear in
the input size, and scans strings, numbers and whitespace with precompiled
regular expressions; the slow character-level paths run only to word an error.
"""

from __future__ import annotations

import decimal
import json.encoder
import math
import re
from collections.abc import Iterator
from typing import Any, ClassVar, Final, NoReturn

import attrs

from flows_events.errors import EventError, JSONSyntaxError

__all__ = [
    "MAX_DEPTH",
    "JSONNumber",
    "JSONObject",
    "RawJSON",
    "compact",
    "decode_bytes",
    "encode",
    "loads",
    "parse",
    "quote",
    "sort_map_keys",
]

#: Go's maximum nesting depth of arrays and objects (Go ≥ 1.15; README T4).
MAX_DEPTH: Final = 10000


# ---------------------------------------------------------------------------
# Tree types
# ---------------------------------------------------------------------------


class JSONNumber:
    """A JSON number kept as its exact source token (``1``, ``-0``, ``2.50``, ``1E3``)."""

    __slots__ = ("token",)

    token: str

    def __init__(self, token: str) -> None:
        self.token = token

    def __repr__(self) -> str:
        return f"JSONNumber({self.token!r})"

    def __str__(self) -> str:
        return self.token

    def __eq__(self, other: object) -> bool:
        if isinstance(other, JSONNumber):
            return self.token == other.token
        return NotImplemented

    def __hash__(self) -> int:
        return hash((JSONNumber, self.token))


class JSONObject:
    """A JSON object as parsed: every member in document order, duplicates kept.

    ``members`` holds ``(key, value, start, end)`` tuples where ``key`` is the
    decoded key and ``source[start:end]`` is the exact source text of the value
    (first to last character, surrounding whitespace excluded). ``source`` is the
    whole decoded document (shared by every object of one parse);
    ``source[start:end]`` of the object itself is :attr:`raw`.

    Two objects compare equal when their ``(key, value)`` sequences are equal
    (positions are ignored).
    """

    __slots__ = ("end", "members", "source", "start")

    members: list[tuple[str, Any, int, int]]
    source: str
    start: int
    end: int

    def __init__(
        self,
        members: list[tuple[str, Any, int, int]],
        source: str,
        start: int,
        end: int,
    ) -> None:
        self.members = members
        self.source = source
        self.start = start
        self.end = end

    @property
    def raw(self) -> str:
        """The object's own source text (from ``{`` to ``}``)."""
        return self.source[self.start : self.end]

    def items(self) -> list[tuple[str, Any]]:
        """The ``(key, value)`` pairs in document order, duplicates kept."""
        return [(m[0], m[1]) for m in self.members]

    def __len__(self) -> int:
        return len(self.members)

    def __repr__(self) -> str:
        return f"JSONObject({self.items()!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, JSONObject):
            return self.items() == other.items()
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]


# ---------------------------------------------------------------------------
# Input decoding (json.md §2.6)
# ---------------------------------------------------------------------------

# Lone surrogates in a Python str. In text obtained with the "surrogateescape"
# error handler, U+DC80..U+DCFF stand for single undecodable bytes.
_SURROGATE_RE: Final = re.compile("[\ud800-\udfff]")
_ESCAPED_BYTE_RE: Final = re.compile("[\udc80-\udcff]")


def _prepare(data: str | bytes) -> tuple[str, str | None]:
    """Return ``(text, original)``: the decoded text, and the undecoded form if
    they differ (``original`` keeps one surrogate per invalid byte, index-aligned
    with ``text``, so errors can name the original byte)."""
    if isinstance(data, str):
        if data.isascii():
            return data, None
        try:
            data.encode("utf-8")  # fails only on lone surrogates
        except UnicodeEncodeError:
            return _SURROGATE_RE.sub("\ufffd", data), data
        return data, None
    raw = data if isinstance(data, (bytes, bytearray)) else bytes(data)
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        original = raw.decode("utf-8", "surrogateescape")
        return _SURROGATE_RE.sub("\ufffd", original), original


def decode_bytes(data: bytes) -> str:
    """Decode UTF-8 the way Go does: each byte that is not part of a valid UTF-8
    sequence (including UTF-8-encoded surrogates) becomes one U+FFFD."""
    return _prepare(data)[0]


# ---------------------------------------------------------------------------
# Syntax errors (json.md §2.1)
# ---------------------------------------------------------------------------

_GO_CHAR_ESCAPES: Final = {
    0x07: "\\a",
    0x08: "\\b",
    0x0C: "\\f",
    0x0A: "\\n",
    0x0D: "\\r",
    0x09: "\\t",
    0x0B: "\\v",
    0x5C: "\\\\",
}


def _quote_byte(b: int) -> str:
    """Render one input byte the way Go's JSON syntax errors show it."""
    if b == 0x27:
        return "'\\''"
    if b == 0x22:
        return "'\"'"
    special = _GO_CHAR_ESCAPES.get(b)
    if special is not None:
        body = special
    elif b < 0x20 or b == 0x7F:
        body = f"\\x{b:02x}"
    elif 0x80 <= b <= 0xA0 or b == 0xAD:
        body = f"\\u{b:04x}"
    else:
        body = chr(b)
    return "'" + body + "'"


def _first_byte(ch: str, orig_ch: str | None) -> int:
    """The first UTF-8 byte of the input character ``ch``."""
    if orig_ch is not None and "\ud800" <= orig_ch <= "\udfff":
        cp = ord(orig_ch)
        return cp - 0xDC00 if 0xDC80 <= cp <= 0xDCFF else 0xED
    cp = ord(ch)
    if cp < 0x80:
        return cp
    if cp < 0x800:
        return 0xC0 | (cp >> 6)
    if cp < 0x10000:
        return 0xE0 | (cp >> 12)
    return 0xF0 | (cp >> 18)


def _byte_offset(text: str, orig: str | None, i: int) -> int:
    """Number of input bytes before character index ``i``."""
    if orig is None:
        return len(text[:i].encode("utf-8"))
    prefix = orig[:i]
    escaped = len(_ESCAPED_BYTE_RE.findall(prefix))
    return len(prefix.encode("utf-8", "surrogatepass")) - 2 * escaped


def _err_at(text: str, orig: str | None, i: int, context: str) -> JSONSyntaxError:
    """Go's ``invalid character 'c' <context>`` for the character at index ``i``.

    At the end of the input Go feeds a space to its scanner, so the character is
    then ``' '``.
    """
    if i >= len(text):
        return JSONSyntaxError(
            f"invalid character ' ' {context}",
            offset=_byte_offset(text, orig, len(text)),
        )
    b = _first_byte(text[i], orig[i] if orig is not None else None)
    return JSONSyntaxError(
        f"invalid character {_quote_byte(b)} {context}",
        offset=_byte_offset(text, orig, i) + 1,
    )


def _eof(text: str, orig: str | None) -> JSONSyntaxError:
    return JSONSyntaxError(
        "unexpected end of JSON input", offset=_byte_offset(text, orig, len(text))
    )


# ---------------------------------------------------------------------------
# Scanner regular expressions
# ---------------------------------------------------------------------------

_WS: Final = r"[ \t\n\r]*"
_SIMPLE_STR: Final = r'"([^"\\\x00-\x1f]*)"'
_FULL_STR_BODY: Final = (
    r'[^"\\\x00-\x1f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*)*'
)
_NUMBER: Final = r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?"

_WS_RE: Final = re.compile(_WS)
# A value (after optional whitespace); m.lastindex tells which kind.
_VALUE_RE: Final = re.compile(
    _WS
    + "(?:"
    + _SIMPLE_STR  # 1: string without escapes (content)
    + "|("
    + _NUMBER  # 2: number token
    + r")|(\{)|(\[)|(true)|(false)|(null)"  # 3 4 5 6 7
    + '|"('
    + _FULL_STR_BODY  # 8: string with escapes (content)
    + ')")'
)
# After "{": first key (no escapes) and colon, or "}".
_OBJ_FIRST_RE: Final = re.compile(_WS + "(?:" + _SIMPLE_STR + _WS + r":|(\}))")
# After a member value: "," + next key (no escapes) + ":", or "}".
_OBJ_NEXT_RE: Final = re.compile(_WS + "(?:," + _WS + _SIMPLE_STR + _WS + r":|(\}))")
_ARR_EMPTY_RE: Final = re.compile(_WS + r"\]")
_ARR_NEXT_RE: Final = re.compile(_WS + r"([,\]])")
_FULL_STR_RE: Final = re.compile('"(' + _FULL_STR_BODY + ')"')
_STR_PREFIX_RE: Final = re.compile(_FULL_STR_BODY)

_ESCAPE_RE: Final = re.compile(
    r"\\(?:u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})"
    r"|u([0-9a-fA-F]{4})|(.))",
    re.DOTALL,
)
_SIMPLE_ESCAPES: Final = {
    '"': '"',
    "\\": "\\",
    "/": "/",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
}
_HEX: Final = frozenset("0123456789abcdefABCDEF")
_DIGITS: Final = frozenset("0123456789")


def _escape_repl(m: re.Match[str]) -> str:
    g = m.lastindex
    if g == 4:
        return _SIMPLE_ESCAPES[m.group(4)]
    if g == 3:
        cp = int(m.group(3), 16)
        return "\ufffd" if 0xD800 <= cp < 0xE000 else chr(cp)
    hi = int(m.group(1), 16)
    lo = int(m.group(2), 16)
    return chr(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))


def _unescape(body: str) -> str:
    """Decode the escapes of a (validated) string body, Go's way."""
    return _ESCAPE_RE.sub(_escape_repl, body)


def _skip_ws(text: str, pos: int) -> int:
    m = _WS_RE.match(text, pos)
    return m.end() if m is not None else pos


# ---------------------------------------------------------------------------
# Error diagnosis (slow paths, run only when the fast scanner stops)
# ---------------------------------------------------------------------------


def _string_error(text: str, orig: str | None, i: int) -> NoReturn:
    """Word the error in the (invalid) string literal starting at ``text[i] == '"'``."""
    m = _STR_PREFIX_RE.match(text, i + 1)
    j = m.end() if m is not None else i + 1
    n = len(text)
    if j >= n:
        raise _eof(text, orig)
    c = text[j]
    if c != "\\":  # a raw control character
        raise _err_at(text, orig, j, "in string literal")
    k = j + 1
    if k >= n or text[k] != "u":
        raise _err_at(text, orig, k, "in string escape code")
    for t in range(k + 1, k + 5):
        if t >= n or text[t] not in _HEX:
            raise _err_at(text, orig, t, "in \\u hexadecimal character escape")
    raise AssertionError(
        "unreachable: valid string reported as invalid"
    )  # pragma: no cover


def _value_error(text: str, orig: str | None, pos: int) -> NoReturn:
    """Word the error where a value should start (after whitespace from ``pos``)."""
    i = _skip_ws(text, pos)
    if i >= len(text):
        raise _eof(text, orig)
    c = text[i]
    if c == '"':
        _string_error(text, orig, i)
    if c == "-":
        raise _err_at(text, orig, i + 1, "in numeric literal")
    word = {"t": "true", "f": "false", "n": "null"}.get(c)
    if word is not None:
        for k in range(1, len(word)):
            j = i + k
            if j >= len(text) or text[j] != word[k]:
                raise _err_at(
                    text, orig, j, f"in literal {word} (expecting '{word[k]}')"
                )
    raise _err_at(text, orig, i, "looking for beginning of value")


def _after_value_error(text: str, orig: str | None, p: int, context: str) -> NoReturn:
    """Word the error for the unexpected character at ``p`` after a value.

    A ``.`` or ``e``/``E`` right after a number is still part of Go's number
    scanning (``1.}``, ``1e}``).
    """
    c = text[p]
    if c in ".eE" and p > 0 and text[p - 1] in _DIGITS:
        k = p - 1
        while k > 0 and text[k - 1] in "0123456789.eE+-":
            k -= 1
        token = text[k:p]
        has_exp = "e" in token or "E" in token
        if c == "." and "." not in token and not has_exp:
            raise _err_at(text, orig, p + 1, "after decimal point in numeric literal")
        if c != "." and not has_exp:
            j = p + 1
            if j < len(text) and text[j] in "+-":
                j += 1
            raise _err_at(text, orig, j, "in exponent of numeric literal")
    raise _err_at(text, orig, p, context)


def _slow_key(
    text: str, orig: str | None, pos: int, first: bool
) -> tuple[str | None, int]:
    """Read an object key and its colon from ``pos``; ``(None, end)`` if the
    object closes (only allowed right after ``{``)."""
    i = _skip_ws(text, pos)
    if i >= len(text):
        raise _eof(text, orig)
    c = text[i]
    if c == "}" and first:
        return None, i + 1
    if c != '"':
        raise _err_at(text, orig, i, "looking for beginning of object key string")
    m = _FULL_STR_RE.match(text, i)
    if m is None:
        _string_error(text, orig, i)
    key = _unescape(m.group(1))
    j = _skip_ws(text, m.end())
    if j >= len(text):
        raise _eof(text, orig)
    if text[j] != ":":
        raise _err_at(text, orig, j, "after object key")
    return key, j + 1


def _slow_obj_next(text: str, orig: str | None, pos: int) -> tuple[str | None, int]:
    """After a member value: the next key (``(key, pos)``) or the close (``(None, end)``)."""
    i = _skip_ws(text, pos)
    if i >= len(text):
        raise _eof(text, orig)
    c = text[i]
    if c == ",":
        key, end = _slow_key(text, orig, i + 1, False)
        return key, end
    if c == "}":
        return None, i + 1
    _after_value_error(text, orig, i, "after object key:value pair")


def _slow_arr_next(text: str, orig: str | None, pos: int) -> NoReturn:
    i = _skip_ws(text, pos)
    if i >= len(text):
        raise _eof(text, orig)
    _after_value_error(text, orig, i, "after array element")


def _plain_number(token: str) -> int | float:
    if "." in token or "e" in token or "E" in token:
        return float(token)
    try:
        return int(token)
    except ValueError:  # more digits than int() accepts from text
        return int(decimal.Decimal(token))


# ---------------------------------------------------------------------------
# The scanner
# ---------------------------------------------------------------------------


def _scan(text: str, orig: str | None, plain: bool) -> Any:
    """Check and parse one JSON document; iterative, errors worded as Go does."""
    value_match = _VALUE_RE.match
    obj_first = _OBJ_FIRST_RE.match
    obj_next = _OBJ_NEXT_RE.match
    arr_empty = _ARR_EMPTY_RE.match
    arr_next = _ARR_NEXT_RE.match
    # Frames: (is_object, items, start of the container, key in the parent).
    stack: list[tuple[bool, list[Any], int, str]] = []
    pos = 0
    key = ""
    value: Any
    vstart: int
    while True:
        # ---- a value is expected at pos ----
        m = value_match(text, pos)
        if m is None:
            _value_error(text, orig, pos)
        kind = m.lastindex
        pos = m.end()
        if kind == 1:
            value = m.group(1)
            vstart = m.start(1) - 1
        elif kind == 2:
            token = m.group(2)
            value = _plain_number(token) if plain else JSONNumber(token)
            vstart = m.start(2)
        elif kind == 3:
            vstart = pos - 1
            if len(stack) >= MAX_DEPTH:
                raise _err_at(text, orig, vstart, "exceeded max depth")
            m = obj_first(text, pos)
            if m is not None and m.lastindex == 1:
                stack.append((True, [], vstart, key))
                key = m.group(1)
                pos = m.end()
                continue
            if m is None:
                first_key, pos = _slow_key(text, orig, pos, True)
                if first_key is not None:
                    stack.append((True, [], vstart, key))
                    key = first_key
                    continue
            else:
                pos = m.end()
            value = {} if plain else JSONObject([], text, vstart, pos)
        elif kind == 4:
            vstart = pos - 1
            if len(stack) >= MAX_DEPTH:
                raise _err_at(text, orig, vstart, "exceeded max depth")
            m = arr_empty(text, pos)
            if m is None:
                stack.append((False, [], vstart, key))
                continue
            pos = m.end()
            value = []
        elif kind == 5:
            value = True
            vstart = pos - 4
        elif kind == 6:
            value = False
            vstart = pos - 5
        elif kind == 7:
            value = None
            vstart = pos - 4
        else:
            value = _unescape(m.group(8))
            vstart = m.start(8) - 1

        # ---- a value ended at pos: attach it, closing containers as needed ----
        while True:
            if not stack:
                end = _skip_ws(text, pos)
                if end != len(text):
                    _after_value_error(text, orig, end, "after top-level value")
                return value
            is_object, items, fstart, fkey = stack[-1]
            if is_object:
                if plain:
                    items.append((key, value))
                else:
                    items.append((key, value, vstart, pos))
                m = obj_next(text, pos)
                if m is not None:
                    if m.lastindex == 1:
                        key = m.group(1)
                        pos = m.end()
                        break
                    pos = m.end()
                else:
                    next_key, pos = _slow_obj_next(text, orig, pos)
                    if next_key is not None:
                        key = next_key
                        break
                stack.pop()
                value = dict(items) if plain else JSONObject(items, text, fstart, pos)
            else:
                items.append(value)
                m = arr_next(text, pos)
                if m is None:
                    _slow_arr_next(text, orig, pos)
                pos = m.end()
                if m.group(1) == ",":
                    break
                stack.pop()
                value = items
            vstart = fstart
            key = fkey


def parse(data: str | bytes) -> Any:
    """Check ``data`` is exactly one JSON value (Go's rules) and parse it.

    Returns a tree of :class:`JSONObject`, ``list``, ``str`` (decoded Go's way),
    :class:`JSONNumber`, ``True``/``False`` and ``None``. Bytes are decoded as
    UTF-8 with one U+FFFD per invalid byte; lone surrogates in a ``str`` count as
    one invalid byte each. Raises :class:`JSONSyntaxError` with Go's exact text;
    ``offset`` is Go's ``SyntaxError.Offset`` (input bytes read, including the
    offending one).
    """
    text, orig = _prepare(data)
    return _scan(text, orig, False)


def loads(data: str | bytes) -> Any:
    """Like :func:`parse` (same checks and errors) but return plain Python data.

    Objects become ``dict`` (the last duplicate wins, keeping the position of the
    first), arrays ``list``, strings ``str``, numbers ``int`` when the token has
    no fraction or exponent and ``float`` otherwise (out-of-range floats give
    ``inf``), literals ``True``/``False``/``None``.
    """
    text, orig = _prepare(data)
    return _scan(text, orig, True)


# ---------------------------------------------------------------------------
# Encoding (json.md §3.3, §3.4, §3.7)
# ---------------------------------------------------------------------------


def _quote_table(escape_html: bool) -> dict[int, str]:
    table = {cp: f"\\u{cp:04x}" for cp in range(0x20)}
    table.update({0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"})
    table.update({0x2028: "\\u2028", 0x2029: "\\u2029"})
    if escape_html:
        table.update({0x3C: "\\u003c", 0x3E: "\\u003e", 0x26: "\\u0026"})
    table.update({cp: "\\ufffd" for cp in range(0xD800, 0xE000)})
    return table


_QUOTE_TABLE_HTML: Final = _quote_table(True)
_QUOTE_TABLE_PLAIN: Final = _quote_table(False)
_NEEDS_QUOTE_HTML_RE: Final = re.compile('["\\\\\x00-\x1f<>&\u2028\u2029\ud800-\udfff]')
_NEEDS_QUOTE_PLAIN_RE: Final = re.compile('["\\\\\x00-\x1f\u2028\u2029\ud800-\udfff]')
try:
    import orjson

    def _c_encode_string(s: str) -> str:
        return orjson.dumps(s).decode("utf-8")

except ImportError:  # pragma: no cover - orjson is a dependency; the standard library's encoder works too

    def _c_encode_string(s: str) -> str:
        if not s.isascii() and _SURROGATE_RE.search(s) is not None:
            raise ValueError("lone surrogate")
        return json.encoder.encode_basestring(s)


_ESCAPED_BYTES_PLAIN: Final = bytes(range(0x20)) + b'"\\'
_ESCAPED_BYTES_HTML: Final = _ESCAPED_BYTES_PLAIN + b"<>&"


def is_plain(s: str, escape_html: bool) -> bool:
    """True when :func:`quote` would write ``s`` between quotes unchanged.

    (A byte-level test: deleting the bytes that need escaping changes nothing, and
    there is no U+2028/U+2029 or lone surrogate. It runs at C speed on long strings.)
    """
    try:
        data = s.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates
        return False
    if len(data.translate(None, _ESCAPED_BYTES_HTML if escape_html else _ESCAPED_BYTES_PLAIN)) != len(data):
        return False
    return data.isascii() or ("\u2028" not in s and "\u2029" not in s)


def encoders_differ(text: str, escape_html: bool) -> bool:
    """Whether Go could write ``text``, a C encoder's (orjson's) compact JSON, otherwise.

    orjson escapes every character as Go does except U+0008 and U+000C (short forms
    ``\\b`` and ``\\f``), U+2028 and U+2029 (kept; Go escapes them) and, for
    ``json.Marshal``, ``<``, ``>`` and ``&`` (kept). True when any of these may be
    there (an escaped backslash before ``b`` looks the same: a false alarm only).
    """
    return (
        ("\\" in text and ("\\b" in text or "\\f" in text))
        or "\u2028" in text  # instant on ASCII text
        or "\u2029" in text
        or (escape_html and ("<" in text or ">" in text or "&" in text))
    )


def quote(s: str, escape_html: bool = True) -> str:
    """Write ``s`` as a JSON string literal exactly as Go's ``json.Marshal`` does.

    ``"``, ``\\`` → ``\\"``, ``\\\\``; LF, CR, TAB → ``\\n``, ``\\r``, ``\\t``; other
    controls → ``\\u00xx`` (also ``\\u0008``, ``\\u000c``); U+2028/U+2029 always
    escaped; ``<``, ``>``, ``&`` → ``\\u003c``, ``\\u003e``, ``\\u0026`` only when
    ``escape_html``; everything else (``/``, U+007F, non-ASCII) raw. A lone
    surrogate (not valid UTF-8) is written ``\\ufffd``.
    """
    if "\x08" not in s and "\x0c" not in s:
        # a C encoder escapes exactly as Go does for everything but \b, \f, lone
        # surrogates (refused) and the characters fixed up here
        try:
            out = _c_encode_string(s)
        except (ValueError, TypeError):  # lone surrogates
            return '"' + s.translate(_QUOTE_TABLE_HTML if escape_html else _QUOTE_TABLE_PLAIN) + '"'
        if escape_html and ("<" in s or ">" in s or "&" in s):
            out = out.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        if "\u2028" in s or "\u2029" in s:
            out = out.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        return out
    return '"' + s.translate(_QUOTE_TABLE_HTML if escape_html else _QUOTE_TABLE_PLAIN) + '"'


def _format_float(f: float) -> str:
    """Go's float64 encoding: shortest digits, ``e`` notation outside [1e-6, 1e21)."""
    if math.isnan(f):
        raise EventError("json: unsupported value: NaN")
    if math.isinf(f):
        raise EventError(f"json: unsupported value: {'+Inf' if f > 0 else '-Inf'}")
    if f == 0:
        return "-0" if math.copysign(1.0, f) < 0 else "0"
    d = decimal.Decimal(repr(f))
    a = abs(f)
    if a < 1e-6 or a >= 1e21:
        return format(d, "e")
    return format(d.normalize(), "f")


def _format_int(i: int) -> str:
    try:
        return int.__repr__(i)
    except ValueError:  # more digits than str() produces
        return str(decimal.Decimal(i))


_END: Final = object()


def _key_error(k: object) -> EventError:
    return EventError(f"json: unsupported type: dict key of type {type(k).__name__}")


def encode(value: Any, escape_html: bool = True) -> str:
    """Write Python data as compact JSON the way Go's ``json.Marshal`` would.

    Supported: ``dict`` with ``str`` keys (written in insertion order — callers
    order struct fields; use :func:`sort_map_keys` for Go maps), ``list`` and
    ``tuple``, ``str`` (:func:`quote`), ``bool``, ``int``, finite ``float`` (Go's
    float64 format), ``None``, :class:`RawJSON` (its :meth:`RawJSON.marshal`
    text) and :class:`JSONNumber` (its token). Anything else, NaN/infinity and
    cyclic containers raise :class:`EventError`. Iterative: any depth works.
    """
    if escape_html:
        needs_escape = _NEEDS_QUOTE_HTML_RE.search
        table = _QUOTE_TABLE_HTML
    else:
        needs_escape = _NEEDS_QUOTE_PLAIN_RE.search
        table = _QUOTE_TABLE_PLAIN

    def q(s: str) -> str:
        if needs_escape(s) is None:
            return '"' + s + '"'
        return '"' + s.translate(table) + '"'

    out: list[str] = []
    append = out.append
    # Open containers: (iterator over the rest, closing text, id for cycle checks).
    stack: list[tuple[Iterator[Any], str, int]] = []
    active: set[int] = set()
    item = value
    while True:
        # ---- write item (opening a container moves on to its first element) ----
        if isinstance(item, str):
            append(q(item))
        elif item is None:
            append("null")
        elif item is True:
            append("true")
        elif item is False:
            append("false")
        elif isinstance(item, int):
            append(_format_int(item))
        elif isinstance(item, (dict, list, tuple)):
            if not item:
                append("{}" if isinstance(item, dict) else "[]")
            else:
                ident = id(item)
                if ident in active:
                    raise EventError(
                        "json: unsupported value: encountered a cycle via "
                        + type(item).__name__
                    )
                active.add(ident)
                if isinstance(item, dict):
                    members = iter(item.items())
                    k, item = next(members)
                    if not isinstance(k, str):
                        raise _key_error(k)
                    append("{" + q(k) + ":")
                    stack.append((members, "}", ident))
                else:
                    elements = iter(item)
                    item = next(elements)
                    append("[")
                    stack.append((elements, "]", ident))
                continue
        elif isinstance(item, RawJSON):
            append(item.marshal(escape_html))
        elif isinstance(item, JSONNumber):
            append(item.token)
        elif isinstance(item, float):
            append(_format_float(item))
        else:
            raise EventError(f"json: unsupported type: {type(item).__name__}")
        # ---- move on to the next element, closing finished containers ----
        while stack:
            rest, close, ident = stack[-1]
            nxt: Any = next(rest, _END)
            if nxt is _END:
                append(close)
                stack.pop()
                active.discard(ident)
                continue
            if close == "}":
                k, item = nxt
                if not isinstance(k, str):
                    raise _key_error(k)
                append("," + q(k) + ":")
            else:
                item = nxt
                append(",")
            break
        else:
            return "".join(out)


def sort_map_keys(d: dict[str, Any]) -> dict[str, Any]:
    """Return a copy of ``d`` with keys in Go's map order: by UTF-8 bytes
    (which is code point order)."""
    return {k: d[k] for k in sorted(d)}


# ---------------------------------------------------------------------------
# Raw JSON (json.md §2.8, §3.5; types.md §13)
# ---------------------------------------------------------------------------

# On valid JSON text: matches (from 0) when there is whitespace outside strings.
# Written "unrolled" (each character can be matched in only one way), so that a
# failing match stays linear without possessive quantifiers (Python < 3.11).
_ANY_WS_RE: Final = re.compile(r"[ \t\n\r]")
_HAS_OUTER_WS_RE: Final = re.compile(
    r'[^" \t\n\r]*(?:"[^"\\]*(?:\\.[^"\\]*)*"[^" \t\n\r]*)*[ \t\n\r]', re.DOTALL
)
_NON_WS_TOKEN_RE: Final = re.compile(
    r'"[^"\\]*(?:\\.[^"\\]*)*"|[^" \t\n\r]+', re.DOTALL
)
_RAW_HTML_RE: Final = re.compile("[<>&\u2028\u2029]")
_RAW_HTML_TABLE: Final = {
    0x3C: "\\u003c",
    0x3E: "\\u003e",
    0x26: "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def compact(text: str) -> str:
    """Remove the whitespace outside strings from valid JSON text (Go's
    ``json.Compact`` without HTML escaping); everything else is kept."""
    if _ANY_WS_RE.search(text) is None or _HAS_OUTER_WS_RE.match(text) is None:
        return text
    return "".join(_NON_WS_TOKEN_RE.findall(text))


def _checked_compact(text: str | bytes) -> str:
    """attrs converter of :class:`RawJSON`: validate (Go's syntax check), compact."""
    source, orig = _prepare(text)
    _scan(source, orig, True)
    return compact(source)


@attrs.frozen(slots=True)
class RawJSON:
    """A ``json.RawMessage`` value: one valid JSON value as compacted text.

    ``RawJSON(text)`` checks ``text`` with Go's syntax rules (raising
    :class:`JSONSyntaxError`) and stores it with the whitespace outside strings
    removed; key order, duplicate keys, number spellings and escapes are kept.
    """

    text: str = attrs.field(converter=_checked_compact)

    #: The raw text ``null`` (what a JSON ``null`` stores; not empty).
    NULL: ClassVar[RawJSON]

    @classmethod
    def _trusted(cls, text: str) -> RawJSON:
        """Build from text already validated by the parser (compacts, no check)."""
        return cls._compacted(compact(text))

    @classmethod
    def _compacted(cls, text: str) -> RawJSON:
        """Build from valid JSON text with no whitespace outside strings (an encoder's output)."""
        self = object.__new__(cls)
        object.__setattr__(self, "text", text)
        return self

    @classmethod
    def from_value(cls, obj: Any) -> RawJSON:
        """What Go stores for ``json.Marshal(obj)``: :func:`encode` with HTML escaping."""
        return cls._compacted(encode(obj, escape_html=True))

    @property
    def value(self) -> Any:
        """The content as plain Python data (:func:`loads`)."""
        return loads(self.text)

    def marshal(self, escape_html: bool = True) -> str:
        """The output text: with ``escape_html`` (Go ``json.Marshal``), ``<``, ``>``,
        ``&`` and literal U+2028/U+2029 become ``\\u003c``, ``\\u003e``,
        ``\\u0026``, ``\\u2028``, ``\\u2029``; otherwise the text unchanged."""
        text = self.text
        if escape_html and _RAW_HTML_RE.search(text) is not None:
            return text.translate(_RAW_HTML_TABLE)
        return text

    def __str__(self) -> str:
        return self.text


RawJSON.NULL = RawJSON._trusted("null")
