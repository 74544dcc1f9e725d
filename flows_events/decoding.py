"""goflow's decoding rules: from a parsed JSON document to an event's field values.

Go's ``encoding/json`` is not a plain "dict to object" mapping, and goflow's verdicts
depend on its details. This module applies them to a parsed document — either a
:class:`~flows_events.gojson.JSONObject` from :func:`flows_events.gojson.parse` (which
keeps duplicate keys, number tokens and source text) or a plain ``dict`` (for
``from_dict`` and ``cattrs.structure``):

* keys match fields case-insensitively (ASCII, plus ``ſ``→``s`` and Kelvin ``K``→``k``);
* a later duplicate key decodes *into* the current value (structs merge, slices are
  re-decoded over their old backing array, maps keep earlier keys);
* ``null`` leaves strings, bools, ints, times and struct values unchanged, and makes
  pointers, slices and maps nil;
* a value of the wrong JSON kind is remembered (the first one only) and decoding goes
  on; failures of custom decoders (times, numbers, ``types.XText``, ``msg_wait``) stop
  decoding at once.

The result is a dict of canonical field values, keyed by attribute name, that the
converter's generated structure functions turn into attrs instances.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import functools
import re
from typing import Any, Dict, Iterator, List, Optional, Tuple

import attrs

from . import gojson, validators
from .errors import DecodeError, EventError, FieldError, JSONSyntaxError, TypeMismatchError, ValidationError
from .fields import FieldSpec, Kind, specs
from .gojson import JSONNumber, JSONObject, RawJSON
from .numbers import parse_xnumber
from .timestamps import Timestamp
from .types import HINT_TYPES

__all__ = ["read_type", "decode", "raw_value", "GO_ZERO_TIME", "fold_key"]

GO_ZERO_TIME = Timestamp(1, 1, 1, 0, 0, 0, 0, 0, True)
"""Go's zero ``time.Time`` (``0001-01-01T00:00:00Z``), what an absent time decodes to."""

_FOLD = str.maketrans(
    {**{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)}, "\u017f": "s", "\u212a": "k"}
)


def fold_key(key: str) -> str:
    """Fold a JSON key the way Go matches it to a (lowercase ASCII) field name."""
    return key.translate(_FOLD)


# --- documents: JSONObject (from our parser) or dict (already parsed) ---------------


def _members(obj: Any) -> Iterator[Tuple[str, Any, Optional[str]]]:
    # (key, value, raw source text of the value or None when unknown)
    if isinstance(obj, JSONObject):
        source = obj.source
        for key, value, start, end in obj.members:
            yield key, value, source[start:end]
    else:
        for key, value in obj.items():
            if not isinstance(key, str):
                raise EventError(f"cannot read a dict with a {type(key).__name__} key ({key!r}): JSON keys are strings")
            yield key, value, None


def _is_object(value: Any) -> bool:
    return isinstance(value, (JSONObject, dict))


def _what(value: Any) -> str:
    # how encoding/json names a JSON value's kind in UnmarshalTypeError
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (JSONNumber, int, float, decimal.Decimal)):
        return "number"
    if isinstance(value, (list, tuple)):
        return "array"
    if _is_object(value):
        return "object"
    return type(value).__name__


def _raw_text(value: Any, raw: Optional[str]) -> str:
    # the JSON token Go's custom decoders would see
    if raw is not None:
        return raw
    if isinstance(value, str):
        return gojson.quote(value, escape_html=False)
    if isinstance(value, JSONNumber):
        return value.token
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, decimal.Decimal):
        return str(value)
    return gojson.encode(_plain(value), escape_html=False)


def _int_text(value: int) -> str:
    # the decimal digits of any int (str() refuses more than 4300 digits)
    try:
        return int.__repr__(value)
    except ValueError:
        return str(decimal.Decimal(value))


def _leaf(value: Any) -> Any:
    # a dict-mode scalar as encodable Python data (numbers keep their spelling)
    if isinstance(value, JSONNumber):
        return RawJSON._trusted(value.token)
    if isinstance(value, decimal.Decimal):
        if not value.is_finite():
            raise EventError(f"json: unsupported value: {value}")
        return RawJSON._trusted(str(value))
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise EventError(f"json: unsupported value: {'NaN' if value != value else ('+Inf' if value > 0 else '-Inf')}")
        return RawJSON._trusted(repr(value))
    if isinstance(value, str):
        return _go_string(value)
    return value


def _plain(value: Any) -> Any:
    """A dict-mode value as encodable Python data, without recursion.

    Go's depth limit applies as it would to the JSON text (``exceeded max depth``),
    which also stops a structure that contains itself.
    """
    if not isinstance(value, (dict, list, tuple)):
        return _leaf(value)
    root: Any = {} if isinstance(value, dict) else []
    pending: List[Tuple[Any, Any, int]] = [(value, root, 1)]  # (source, its copy, depth)
    while pending:
        container, copy, depth = pending.pop()
        if depth > gojson.MAX_DEPTH:
            opening = "{" if isinstance(container, dict) else "["
            raise JSONSyntaxError(f"invalid character '{opening}' exceeded max depth")
        is_dict = isinstance(container, dict)
        for key, item in (container.items() if is_dict else enumerate(container)):
            if isinstance(item, (dict, list, tuple)):
                converted: Any = {} if isinstance(item, dict) else []
                pending.append((item, converted, depth + 1))
            else:
                converted = _leaf(item)
            if is_dict:
                if not isinstance(key, str):
                    raise EventError(f"json: unsupported type: dict key of type {type(key).__name__}")
                copy[_go_string(key)] = converted
            else:
                copy.append(converted)
    return root


_SURROGATES = re.compile("[\ud800-\udfff]")


def _go_string(value: str) -> str:
    """A Python string as Go holds it: lone surrogates (not UTF-8) become U+FFFD."""
    if value.isascii() or _SURROGATES.search(value) is None:
        return value
    return _SURROGATES.sub("\ufffd", value)


_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_INT64 = (-(1 << 63), (1 << 63) - 1)


class _Slice:
    """A Go slice being decoded: its backing array and length (duplicates reuse it)."""

    __slots__ = ("backing", "length")

    def __init__(self) -> None:
        self.backing: List[Any] = []
        self.length = 0

    def values(self) -> Tuple[Any, ...]:
        return tuple(self.backing[: self.length])


# --- the decoder -------------------------------------------------------------------


class _Decoder:
    __slots__ = ("mismatch", "keep_unknown")

    def __init__(self, keep_unknown: bool = False) -> None:
        self.mismatch: Optional[TypeMismatchError] = None
        self.keep_unknown = keep_unknown

    def remember(self, what: str, struct: str, path: str, go: str) -> None:
        if self.mismatch is None:
            self.mismatch = TypeMismatchError(
                f"json: cannot unmarshal {what} into Go struct field {struct}.{path} of type {go}",
                path=path,
            )

    def struct(self, obj: Any, cls: type, struct: str, prefix: str, out: Dict[str, Any]) -> Dict[str, Any]:
        table = _field_table(cls)
        for key, value, raw in _members(obj):
            spec = table.get(key, _UNKNOWN)
            if spec is _UNKNOWN:
                spec = table.get(fold_key(key), _UNKNOWN)
                if spec is _UNKNOWN:
                    if self.keep_unknown:
                        out.setdefault(_UNKNOWN_KEYS, {})[key] = _raw(value, raw)
                    continue
            if spec is not None:
                self.field(spec, value, raw, struct, prefix, out)
        return out

    def field(
        self, spec: FieldSpec, value: Any, raw: Optional[str], struct: str, prefix: str, out: Dict[str, Any]
    ) -> None:
        kind = spec.kind
        name = spec.name
        path = prefix + spec.key
        if kind == Kind.STRING:
            if isinstance(value, str):
                out[name] = _go_string(value)
            elif value is not None:
                self.remember(_what(value), struct, path, spec.go_display)
        elif kind == Kind.BOOL:
            if isinstance(value, bool):
                out[name] = value
            elif value is not None:
                self.remember(_what(value), struct, path, spec.go_display)
        elif kind == Kind.INT or kind == Kind.INT_PTR:
            if value is None:
                if kind == Kind.INT_PTR:
                    out[name] = None
            else:
                number = self.integer(value, struct, path, spec.go_display.lstrip("*"))
                if number is not None:
                    out[name] = number
        elif kind == Kind.TIME or kind == Kind.XDATETIME:
            if value is None:
                if kind == Kind.XDATETIME:
                    out[name] = None
            else:
                out[name] = _time(value, raw, path)
        elif kind == Kind.XNUMBER:
            if value is None:
                out[name] = None
            else:
                out[name] = _xnumber(value, raw, path)
        elif kind == Kind.XTEXT:
            if isinstance(value, str):
                out[name] = _go_string(value)
            elif value is not None:
                # types.XText has its own decoder: its error stops decoding at once
                raise TypeMismatchError(
                    f"json: cannot unmarshal {_what(value)} into Go struct field "
                    f"{struct}.{path} of type string",
                    path=path,
                )
        elif kind == Kind.RAW:
            out[name] = _raw(value, raw)
        elif kind == Kind.STRUCT_PTR or kind == Kind.STRUCT:
            assert spec.model is not None
            if value is None:
                if kind == Kind.STRUCT_PTR:
                    out[name] = None
            elif _is_object(value):
                current = out.get(name)
                target = current if isinstance(current, dict) else {}
                out[name] = self.struct(value, spec.model, spec.model.__name__, path + ".", target)
            else:
                self.remember(_what(value), struct, path, spec.go_display)
        elif kind == Kind.LIST:
            self.list(spec, value, struct, path, out)
        elif kind == Kind.MAP:
            self.map(spec, value, struct, path, out)
        elif kind == Kind.HINT:
            out[name] = (value, raw)  # read later by the msg_wait decoder
        else:  # pragma: no cover - specs() only makes the kinds above
            raise AssertionError(kind)

    def integer(self, value: Any, struct: str, path: str, go: str) -> Optional[int]:
        if isinstance(value, JSONNumber):
            token = value.token
        elif isinstance(value, int) and not isinstance(value, bool):
            token = _int_text(value)
        elif isinstance(value, (float, decimal.Decimal)):
            token = repr(value) if isinstance(value, float) else str(value)
        else:
            self.remember(_what(value), struct, path, go)
            return None
        if len(token) <= 20 and _INT.fullmatch(token):
            number = int(token)
            if _INT64[0] <= number <= _INT64[1]:
                return number
        self.remember("number " + token, struct, path, go)
        return None

    def list(self, spec: FieldSpec, value: Any, struct: str, path: str, out: Dict[str, Any]) -> None:
        name = spec.name
        if value is None:
            out[name] = None
            return
        if not isinstance(value, (list, tuple)):
            self.remember(_what(value), struct, path, spec.go_display)
            return
        current = out.get(name)
        slice_ = current if isinstance(current, _Slice) and value else _Slice()
        zero = None if spec.elem_kind == Kind.STRUCT_PTR else ""
        backing = slice_.backing
        for i, elem in enumerate(value):
            if i >= len(backing):
                # Go grows the backing array, copying only the live elements
                capacity = max(4, len(backing) + len(backing) // 2)
                backing = backing[: slice_.length] + [zero] * (capacity - slice_.length)
                slice_.backing = backing
            if i >= slice_.length:
                slice_.length = i + 1
            if spec.elem_kind == Kind.STRING:
                if isinstance(elem, str):
                    backing[i] = _go_string(elem)
                elif elem is not None:
                    self.remember(_what(elem), struct, path, spec.go_elem)
            elif elem is None:
                backing[i] = None
            elif _is_object(elem):
                assert spec.model is not None
                target = backing[i] if isinstance(backing[i], dict) else {}
                backing[i] = self.struct(elem, spec.model, spec.model.__name__, path + ".", target)
            else:
                self.remember(_what(elem), struct, path, spec.go_elem)
        slice_.length = len(value)
        out[name] = slice_

    def map(self, spec: FieldSpec, value: Any, struct: str, path: str, out: Dict[str, Any]) -> None:
        name = spec.name
        if value is None:
            out[name] = None
            return
        if not _is_object(value):
            self.remember(_what(value), struct, path, spec.go_display)
            return
        assert spec.model is not None
        current = out.get(name)
        mapping: Dict[str, Any] = current if isinstance(current, dict) else {}
        for key, elem, _ in _members(value):
            key = _go_string(key)
            if elem is None:
                mapping[key] = None
            elif _is_object(elem):
                mapping[key] = self.struct(elem, spec.model, spec.model.__name__, path + ".", {})
            else:
                self.remember(_what(elem), struct, path, spec.go_elem)
                mapping[key] = None
        out[name] = mapping


_UNKNOWN: Any = object()
_UNKNOWN_KEYS = "unknown_keys"


@functools.cache
def _field_table(cls: type) -> Dict[str, Optional[FieldSpec]]:
    # JSON key -> spec; None for keys that are known but not decoded (the ``type``)
    init = {a.name for a in attrs.fields(cls) if a.init}
    return {s.key: (s if s.name in init else None) for s in specs(cls)}


def _time(value: Any, raw: Optional[str], path: str) -> Timestamp:
    if isinstance(value, Timestamp):
        return value
    if isinstance(value, _dt.datetime):
        return Timestamp.from_datetime(value)
    try:
        return Timestamp.parse_token(_raw_text(value, raw))
    except EventError as error:
        error.path = path
        raise


def _xnumber(value: Any, raw: Optional[str], path: str) -> decimal.Decimal:
    try:
        return parse_xnumber(_raw_text(value, raw))
    except EventError as error:
        error.path = path
        raise


def _raw(value: Any, raw: Optional[str]) -> RawJSON:
    if raw is not None:
        return RawJSON._trusted(raw)
    if isinstance(value, RawJSON):
        return value
    # a parsed value has lost its spelling: store it as utils.JSONMarshal would write it
    return RawJSON._compacted(gojson.encode(_plain(value), escape_html=False))


_ZEROS: Dict[str, Any] = {Kind.STRING: "", Kind.XTEXT: "", Kind.BOOL: False, Kind.INT: 0}


@functools.cache
def _no_default(cls: type) -> frozenset:  # type: ignore[type-arg]
    # init fields a class declares without a default (a user's registered event, say)
    return frozenset(a.name for a in attrs.fields(cls) if a.init and a.default is attrs.NOTHING)


def _finish(values: Dict[str, Any], cls: type) -> Dict[str, Any]:
    # turn decoding state into plain canonical values, recursively
    unknown = values.get(_UNKNOWN_KEYS)
    if unknown is not None:
        values[_UNKNOWN_KEYS] = tuple(unknown.items())
    for spec in specs(cls):
        if spec.name not in values:
            if spec.kind == Kind.TIME:
                values[spec.name] = GO_ZERO_TIME
            elif spec.name in _no_default(cls):
                values[spec.name] = {} if spec.kind == Kind.STRUCT else _ZEROS.get(spec.kind)  # Go's zero
            continue
        value = values[spec.name]
        if value is None and spec.kind == Kind.LIST and spec.omitempty:
            values[spec.name] = ()  # nil and empty are one for an omitempty slice
        elif isinstance(value, _Slice):
            value = value.values()
            if spec.model is not None:
                value = tuple(None if v is None else _finish(v, spec.model) for v in value)
            values[spec.name] = value
        elif spec.model is not None and isinstance(value, dict):
            if spec.kind == Kind.MAP:
                for elem in value.values():
                    if elem is not None:
                        _finish(elem, spec.model)
            else:
                _finish(value, spec.model)
    return values


# --- the public steps ----------------------------------------------------------------


def raw_value(doc: Any) -> RawJSON:
    """A whole document as raw JSON: its source text, or the encoding of a dict."""
    if isinstance(doc, JSONObject):
        return RawJSON._trusted(doc.raw)
    return _raw(doc, None)


def read_type(doc: Any, envelope: str = "utils.TypedEnvelope") -> str:
    """Read the ``type`` of a document as goflow's ``ReadTypeFromJSON`` does.

    Raises :class:`TypeMismatchError` for a non-object document or a non-string type
    and :class:`ValidationError` (``field 'type' is required``) for an empty one.
    """
    if doc is None:
        raise ValidationError([FieldError("type", "required")])
    if not _is_object(doc):
        raise TypeMismatchError(f"json: cannot unmarshal {_what(doc)} into Go value of type {envelope}")
    found = ""
    mismatch: Optional[str] = None
    for key, value, _ in _members(doc):
        if key == "type" or fold_key(key) == "type":
            if isinstance(value, str):
                found = value
            elif value is not None and mismatch is None:
                mismatch = _what(value)
    if mismatch is not None:
        raise TypeMismatchError(
            f"json: cannot unmarshal {mismatch} into Go struct field TypedEnvelope.type of type string",
            path="type",
        )
    if not found:
        raise ValidationError([FieldError("type", "required")])
    return found


def decode(doc: Any, cls: type, *, keep_unknown: bool = False) -> Dict[str, Any]:
    """Decode a document into canonical field values for ``cls`` (Go's rules).

    Raises the first type mismatch, or a custom decoder's error, as goflow would.
    With ``keep_unknown`` the members goflow ignores are kept (as ``unknown_keys``).
    """
    if not _is_object(doc):
        if doc is None:
            return _finish({}, cls)
        raise TypeMismatchError(
            f"json: cannot unmarshal {_what(doc)} into Go value of type {cls.__name__}"
        )
    hint_fields = [s for s in specs(cls) if s.kind == Kind.HINT]
    decoder = _Decoder(keep_unknown)
    struct = "msgWaitEnvelope" if hint_fields else cls.__name__
    values = decoder.struct(doc, cls, struct, "", {})
    if decoder.mismatch is not None:
        raise decoder.mismatch
    values = _finish(values, cls)
    if hint_fields:
        _read_hints(values, cls, hint_fields, keep_unknown)
    return values


def _read_hints(values: Dict[str, Any], cls: type, hint_fields: List[FieldSpec], keep_unknown: bool) -> None:
    # goflow's msg_wait decoder: validate the base fields, then read the hint
    from .events import Event

    errors = validators.validate_values(Event, {**values, "type": getattr(cls, "TYPE", "")})
    if errors:
        raise ValidationError(errors)
    for spec in hint_fields:
        if spec.name in values:
            value, _ = values[spec.name]
            try:
                values[spec.name] = _read_hint(value, keep_unknown)
            except EventError as error:
                raise DecodeError(f"unable to read hint: {error}", path=spec.key) from None


def _read_hint(doc: Any, keep_unknown: bool) -> Dict[str, Any]:
    hint_type = read_type(doc)
    cls = HINT_TYPES.get(hint_type)
    if cls is None:
        raise EventError(f"unknown type: '{hint_type}'")
    decoder = _Decoder(keep_unknown)
    values = decoder.struct(doc, cls, cls.__name__, "", {})
    if decoder.mismatch is not None:
        raise decoder.mismatch
    values = _finish(values, cls)
    values["type"] = hint_type
    return values
