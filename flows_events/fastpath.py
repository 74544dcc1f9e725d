"""The fast path: well-formed events read at C speed, exact by construction.

Most events in the wild are goflow's own output: compact, keys in place, nothing
unusual. For those, goflow's decoding rules (:mod:`flows_events.decoding`) change
nothing, so the document can be parsed by a C parser (orjson, or the standard
library's json) and built directly. The fast path takes an input only when that is
provably so, and otherwise steps aside (returns ``None``) for the exact path, which
alone decides verdicts and messages:

* **text** is taken only when re-encoding the parsed document gives back the input
  byte for byte: then there were no duplicate keys, no insignificant whitespace, no
  alternative escapes and no number spelling the parse could lose, and every raw
  JSON value's text is its re-encoding;
* **keys** must match fields exactly (a key that differs only in case, which Go would
  fold onto a field, sends the input to the exact path);
* **values** must have the kinds goflow expects, with nothing that needs Go's ``null``
  or custom-decoder subtleties (a failing timestamp, number or hint steps aside);
* **validation** runs as always; any failure steps aside, so that the exact path
  produces goflow's message.

The builders are generated once per class from the same field declarations as
everything else (:mod:`flows_events.fields`). The tests check the two paths against
each other on the whole corpus, the specification's vectors and generated events.
"""

from __future__ import annotations

import inspect
import json
import re
from typing import Any, Callable, Dict, FrozenSet, List, Optional, Tuple

import attrs

from . import decoding, validators
from . import events as events_module
from .decoding import GO_ZERO_TIME, fold_key
from .events import Event, event_class
from .fields import Kind, specs
from .gojson import RawJSON
from .numbers import parse_xnumber
from .timestamps import Timestamp, _from_canonical
from .types import HINT_TYPES

try:  # orjson: a C parser and encoder; the standard library's json otherwise
    import orjson

    _loads: Callable[[Any], Any] = orjson.loads
    _dumps: Callable[[Any], bytes] = orjson.dumps
    _LOAD_ERRORS: Tuple[type[BaseException], ...] = (
        orjson.JSONDecodeError,
        TypeError,
        ValueError,
        RecursionError,
    )
except ImportError:  # pragma: no cover - orjson is a dependency; this keeps the path exact without it

    def _reject_constant(name: str) -> Any:
        raise ValueError(name)

    def _loads(data: Any) -> Any:
        return json.loads(data, parse_constant=_reject_constant)

    def _dumps(value: Any) -> bytes:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode(
            "utf-8", "surrogatepass"
        )

    _LOAD_ERRORS = (ValueError, TypeError, RecursionError)

__all__ = ["read_text", "read_dict", "Fallback"]


class Fallback(Exception):
    """The input needs the exact path."""


_INT_MIN, _INT_MAX = -(1 << 63), (1 << 63) - 1


# --- the leaf conversions (shared by the generated builders) -------------------------


def _time(value: Any) -> Timestamp:
    if type(value) is not str:
        raise Fallback
    timestamp = _from_canonical(value)  # Go's own output form: nothing more to check
    if timestamp is not None:
        return timestamp
    try:
        return Timestamp.parse_token('"' + value + '"')
    except ValueError:
        raise Fallback from None


def _xnumber(value: Any, text_mode: bool) -> Any:
    kind = type(value)
    if kind is int:
        token = decoding._int_text(value)
    elif kind is float:
        # in text mode the input is the canonical re-encoding, so this is its token
        token = _dumps(value).decode() if text_mode else repr(value)
    elif kind is str:
        token = '"' + value + '"'
    else:
        raise Fallback
    try:
        return parse_xnumber(token)
    except ValueError:
        raise Fallback from None


def _raw(value: Any, text_mode: bool) -> RawJSON:
    if text_mode:
        return RawJSON._trusted(_dumps(value).decode("utf-8"))
    try:
        return decoding._raw(value, None)  # exactly what the exact path stores for a dict
    except (ValueError, RecursionError):
        raise Fallback from None


def _strings(value: Any, text_mode: bool) -> Tuple[str, ...]:
    if type(value) is not list:
        raise Fallback
    for item in value:
        if type(item) is not str or (not text_mode and not item.isascii() and _surrogate(item)):
            raise Fallback
    return tuple(value)


_surrogate = re.compile("[\ud800-\udfff]").search


# --- generated builders ---------------------------------------------------------------

Builder = Callable[[Dict[str, Any], bool, bool], Any]
_builders: Dict[type, Builder] = {}


def _builder(cls: type) -> Builder:
    build = _builders.get(cls)
    if build is None:
        build = _builders[cls] = _compile(cls)
    return build


def _build_hint(value: Any, text_mode: bool, lenient: bool) -> Any:
    if type(value) is not dict:
        raise Fallback
    hint_type = value.get("type")
    cls = HINT_TYPES.get(hint_type) if type(hint_type) is str else None
    if cls is None:
        raise Fallback
    return _builder(cls)(value, text_mode, lenient)


def _unknown(
    cls: type, keys: FrozenSet[str], d: Dict[str, Any], text_mode: bool, lenient: bool
) -> Tuple[Any, ...]:
    # keys no field has: ignored (kept when lenient); a key Go would fold onto a field steps aside
    kept = []
    for key, value in d.items():
        if type(key) is not str:
            raise Fallback
        if key not in keys:
            if fold_key(key) in keys:
                raise Fallback
            if lenient:
                kept.append((key, _raw(value, text_mode)))
    return tuple(kept)


def _compile(cls: type) -> Builder:
    fields = specs(cls)
    keys = frozenset(spec.key for spec in fields)
    lines = [
        "def build(d, text_mode, lenient):",
        "    unknown = () if _keys.issuperset(d) else _unknown(_cls, _keys, d, text_mode, lenient)",
    ]
    consts: Dict[str, Any] = {"_cls": cls, "_keys": keys}

    def const(value: Any) -> str:
        name = f"_c{len(consts)}"
        consts[name] = value
        return name

    init = {a.name: a.init for a in attrs.fields(cls)}
    for spec in fields:
        name, key, kind = spec.name, spec.key, spec.kind
        local = f"_f_{name}"
        if not init[name]:  # the ``type`` of events and hints
            lines.append(f"    {local} = _cls.TYPE")
            continue
        lines.append(f"    v = d.get({key!r})")
        if kind in (Kind.STRING, Kind.XTEXT):
            lines += [
                "    if type(v) is not str:",
                "        if v is None: v = ''",
                "        else: raise _Fallback",
                # a dict may hold lone surrogates, which Go would have as U+FFFD
                "    elif not text_mode and not v.isascii() and _surrogate(v): raise _Fallback",
            ]
        elif kind == Kind.BOOL:
            lines += ["    if type(v) is not bool:", "        if v is None: v = False", "        else: raise _Fallback"]
        elif kind in (Kind.INT, Kind.INT_PTR):
            zero = "None" if kind == Kind.INT_PTR else "0"
            lines += [
                f"    if v is None: v = {zero}",
                "    elif type(v) is not int or not (_MIN <= v <= _MAX): raise _Fallback",
            ]
        elif kind == Kind.TIME:
            lines += [
                f"    if v is None: v = {const(GO_ZERO_TIME)}",
                "    elif type(v) is str: v = _canonical(v) or _time(v)",
                "    else: raise _Fallback",
            ]
        elif kind == Kind.XDATETIME:
            lines.append("    if v is not None: v = _time(v)")
        elif kind == Kind.XNUMBER:
            lines.append("    if v is not None: v = _xnumber(v, text_mode)")
        elif kind == Kind.RAW:
            lines.append(f"    v = _raw(v, text_mode) if {key!r} in d else None")
        elif kind in (Kind.STRUCT_PTR, Kind.STRUCT):
            nested = const(_builder(spec.model))  # type: ignore[arg-type]
            if kind == Kind.STRUCT:
                lines.append("    if v is None: v = {}")
            else:
                lines.append("    if v is not None:")
            lines += [
                "        if type(v) is not dict: raise _Fallback" if kind == Kind.STRUCT_PTR
                else "    if type(v) is not dict: raise _Fallback",
                f"        v = {nested}(v, text_mode, lenient)" if kind == Kind.STRUCT_PTR
                else f"    v = {nested}(v, text_mode, lenient)",
            ]
        elif kind == Kind.LIST:
            empty = "()" if spec.omitempty else "None"
            lines.append(f"    if v is None: v = {empty}")
            if spec.elem_kind == Kind.STRING:
                lines.append("    else: v = _strings(v, text_mode)")
            else:
                nested = const(_builder(spec.model))  # type: ignore[arg-type]
                lines += [
                    "    elif type(v) is not list: raise _Fallback",
                    f"    else: v = tuple(None if x is None else {nested}(_obj(x), text_mode, lenient) for x in v)",
                ]
        elif kind == Kind.MAP:
            nested = const(_builder(spec.model))  # type: ignore[arg-type]
            lines += [
                "    if v is not None:",
                "        if type(v) is not dict: raise _Fallback",
                f"        v = {{_key(k, text_mode): None if x is None else {nested}(_obj(x), text_mode, lenient) for k, x in v.items()}}",
            ]
        elif kind == Kind.HINT:
            lines.append(f"    if {key!r} in d: v = _build_hint(v, text_mode, lenient)")
        else:  # pragma: no cover
            raise AssertionError(kind)
        lines.append(f"    {local} = v")
    # goflow's rules for this struct's own fields, from the same tags as the validators
    # (the ``type`` is the class's own non-empty TYPE: nothing to check)
    checks, check_consts = validators.check_source(cls, skip=[n for n, i in init.items() if not i])
    lines += checks
    consts.update(check_consts)
    # slot descriptors set the fields of the new (frozen) instance directly
    lines.append("    obj = _new(_cls)")
    lines.append(f"    {const(inspect.getattr_static(cls, 'unknown_keys').__set__)}(obj, unknown)")
    for spec in fields:
        setter = const(inspect.getattr_static(cls, spec.name).__set__)
        lines.append(f"    {setter}(obj, _f_{spec.name})")
    if "_struct_rules" in consts:
        lines += [
            "    errors = []",
            "    for rule in _struct_rules: rule(obj, '', errors)",
            "    if errors: raise _Fallback",
        ]
    lines.append("    return obj")
    namespace: Dict[str, Any] = {
        "_new": object.__new__,
        "_set": object.__setattr__,
        "_unknown": _unknown,
        "_Fallback": Fallback,
        "_MIN": _INT_MIN,
        "_MAX": _INT_MAX,
        "_time": _time,
        "_canonical": _from_canonical,
        "_xnumber": _xnumber,
        "_raw": _raw,
        "_strings": _strings,
        "_obj": _obj,
        "_key": _key,
        "_surrogate": _surrogate,
        "_build_hint": _build_hint,
        **consts,
    }
    exec("\n".join(lines), namespace)  # noqa: S102 - code generated from the model's declarations
    builder: Builder = namespace["build"]
    return builder


def _key(key: Any, text_mode: bool) -> str:
    if type(key) is not str or (not text_mode and not key.isascii() and _surrogate(key)):
        raise Fallback
    return key


def _obj(value: Any) -> Dict[str, Any]:
    if type(value) is not dict:
        raise Fallback
    return value


# --- entry points -----------------------------------------------------------------------


_by_type: Dict[Any, Builder] = {}
_by_type_registry: Dict[str, type] = {}


def _type_builder(type_name: Any) -> Builder:
    # the builder for a registered type string (cached until the registry changes)
    global _by_type, _by_type_registry
    if type(type_name) is not str:
        raise Fallback
    registry = events_module._registry
    if registry is not _by_type_registry:
        _by_type, _by_type_registry = {}, registry
    build = _by_type.get(type_name)
    if build is None:
        cls = event_class(type_name) if type(type_name) is str else None
        if cls is None:
            raise Fallback
        build = _by_type[type_name] = _builder(cls)
    return build


def _event(doc: Dict[str, Any], cls: Optional[type], text_mode: bool, strict: bool, lenient: bool) -> Any:
    build = _type_builder(doc.get("type")) if cls is None else _builder(cls)
    event = build(doc, text_mode, lenient)  # built and checked by goflow's rules
    if strict:
        errors: List[Any] = []
        validators._walk(event, "", errors, True)
        if errors:
            raise Fallback
    return event


def read_text(data: Any, strict: bool = False, lenient: bool = False) -> Optional[Event]:
    """The event in ``data`` (``str`` or ``bytes``) if the fast path can read it, else ``None``."""
    try:
        doc = _loads(data)
    except _LOAD_ERRORS:
        return None
    if type(doc) is not dict:
        return None
    try:
        canonical = _dumps(doc)
    except (TypeError, ValueError):  # pragma: no cover - whatever loads gives, dumps takes
        return None
    if canonical != (data if type(data) is bytes else data.encode("utf-8", "surrogatepass")):
        return None
    try:
        if strict:
            return _event(doc, None, True, strict, lenient)  # type: ignore[no-any-return]
        type_name = doc.get("type")
        if type(type_name) is not str:
            return None
        build = _by_type.get(type_name) or _type_builder(type_name)
        return build(doc, True, lenient)  # type: ignore[no-any-return]
    except Fallback:
        return None


def read_dict(data: Any, cls: Optional[type] = None, strict: bool = False, lenient: bool = False) -> Any:
    """The event for a parsed ``dict`` if the fast path can build it, else ``None``.

    ``cls`` is the event class to build (default: the one registered for its ``type``).
    """
    if type(data) is not dict:
        return None
    try:
        return _event(data, cls, False, strict, lenient)
    except Fallback:
        return None
