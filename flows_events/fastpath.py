"""The fast path: well-formed events read at C speed, exact by construction.

Most events in the wild are goflow's own output: compact, keys in place, nothing
unusual. For those, goflow's decoding rules (:mod:`flows_events.decoding`) change
nothing, so the document can be parsed by a C parser (orjson, or the standard
library's json) and built directly. The fast path takes an input only when that is
provably so, and otherwise steps aside (returns ``None``) for the exact path, which
alone decides verdicts and messages:

* **text** is taken at once when re-encoding the parsed document gives back the input
  byte for byte (goflow's own output): then there were no duplicate keys, no
  insignificant whitespace, no alternative escapes and no number spelling the parse
  could lose, and every raw JSON value's text is its re-encoding. Other text (spaced,
  escaped or ordered otherwise, as other writers write it) is taken when no key was
  written twice, proved by counting colons (see :func:`read_text`), and only values
  whose text is known are kept from it;
* **keys** must match fields exactly (a key that differs only in case, which Go would
  fold onto a field, sends the input to the exact path);
* **values** must have the kinds goflow expects, with nothing that needs Go's ``null``
  or custom-decoder subtleties (a failing timestamp, number or hint steps aside);
* **validation** runs as always; any failure steps aside, so that the exact path
  produces goflow's message;
* **dicts** from the user are taken only when every value has exactly the type goflow
  reads (``str``, ``int`` in 64 bits, ``bool``, ``dict``, ``list``: no subclasses) and
  no string holds a lone surrogate (which Go would have as U+FFFD; only a string that
  is not ASCII is looked at);
* **classes** are built only when the builders reproduce their construction exactly
  (:func:`_buildable`: Go's zero values as defaults, no validators, converters or
  post-init of their own); a user's class that is not is always read the exact way.

The builders are generated once per class from the same field declarations as
everything else (:mod:`flows_events.fields`); references (channels, flows, groups...)
are interned. The tests check the two paths against each other on the whole corpus,
the specification's vectors and generated events.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any, Callable, Dict, FrozenSet, List, Optional, Tuple

import attrs

from . import decoding, validators
from . import events as events_module
from .codegen import Source
from .decoding import GO_ZERO_TIME, fold_key
from .events import Event, event_class
from .fields import Kind, specs, tuple_or_empty, tuple_or_none
from .gojson import RawJSON, encoders_differ
from .numbers import parse_xnumber
from .timestamps import (
    _GO_FORM_MATCH,
    Timestamp,
    _from_canonical,
    _near_canonical,
    _parse_token_not_canonical,
)
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

    def _dumps(value: Any) -> bytes:  # like orjson, refuses lone surrogates (a ValueError)
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")

    _LOAD_ERRORS = (ValueError, TypeError, RecursionError)

__all__ = ["read_text", "read_dict", "dict_reader", "Fallback"]


class Fallback(Exception):
    """The input needs the exact path."""


_INT_MIN, _INT_MAX = -(1 << 63), (1 << 63) - 1


# --- the leaf conversions (shared by the generated builders) -------------------------


def _time(value: Any) -> Timestamp:
    if type(value) is not str:
        raise Fallback
    ts = _from_canonical(value)  # Go's output form or near it, then Go's parser
    return ts if ts is not None else _time_not_canonical(value, False)


def _time_not_canonical(value: str, near: bool) -> Timestamp:
    # _time for a str known not to be in Go's own output form: ``near`` it (trailing
    # fraction zeros, a zero offset written +00:00), read at once, or Go's parser
    if near:
        return _near_canonical(value)
    try:
        return _parse_token_not_canonical('"' + value + '"')
    except ValueError:
        raise Fallback from None


def _number(token: str) -> Any:
    try:
        return parse_xnumber(token)
    except ValueError:
        raise Fallback from None


def _xnumber_text(value: Any) -> Any:
    # the input is the canonical re-encoding of the parsed value: that is its token
    kind = type(value)
    if kind is int or kind is float:
        return _number(_dumps(value).decode())
    if kind is str:
        return _number('"' + value + '"')
    raise Fallback


def _xnumber_dict(value: Any) -> Any:
    kind = type(value)
    if kind is int:
        return _number(decoding._int_text(value))
    if kind is float:
        return _number(repr(value))
    if kind is str:
        return _number('"' + value + '"')
    raise Fallback


def _raw_text(value: Any) -> RawJSON:
    return RawJSON._compacted(_dumps(value).decode("utf-8"))  # the input's own text


# a number token -0 (parsed as 0, written back as 0), or a false alarm (in a string)
_NEGATIVE_ZERO = re.compile(rb"-0(?=[,}\] \t\n\r])").search


@functools.cache
def _member_tokens(key: str) -> Callable[[bytes], List[bytes]]:
    # for each member named ``key`` in a document, its value's token if it is a number
    # or a string without escapes, else b"" (a member starts after "{" or ",", which in
    # a string would be followed by an escaped quote)
    return re.compile(
        rb'[{,][ \t\n\r]*"' + re.escape(key.encode()) + rb'"[ \t\n\r]*:[ \t\n\r]*(-?[0-9][0-9.eE+-]*|"[^"\\]*")?'
    ).findall


def _xnumber_relaxed(value: Any, source: bytes, tokens_of: Callable[[bytes], List[bytes]]) -> Any:
    # an integer's token is its digits (-0 reads as 0 either way); a float's or a
    # string's is looked up in the text, where it must be the only member of its name
    kind = type(value)
    if kind is int:
        return _number(int.__repr__(value))
    if kind is float or kind is str:
        tokens = tokens_of(source)
        if len(tokens) == 1 and tokens[0]:
            token = tokens[0].decode("utf-8")  # (the text parsed: it is UTF-8)
            if token == '"' + value + '"' if kind is str else (token[0] != '"' and float(token) == value):
                return _number(token)
    raise Fallback


# a character some writer escapes (read_text has excluded the \\u escapes of the others)
_ESCAPABLE = re.compile(r'[^ -~]|["\\/<>&]').search


def _plain_json(value: Any, escapes: bool) -> Optional[bool]:
    """Whether ``value`` holds a 0 (which other writers' text may spell -0), or ``None``
    if it holds anything but dict, list, str, int, bool and None, exactly (no
    subclasses, and no float: spelled otherwise by Go and by other writers), or, with
    ``escapes``, a string some writer escapes part of. ``value`` holds no cycle (the
    callers have had it parsed or encoded)."""
    zero = False
    pending = [value]
    pop, extend = pending.pop, pending.extend
    while pending:
        item = pop()
        kind = type(item)
        if kind is dict:
            if escapes:
                for key in item:
                    if _ESCAPABLE(key) is not None:
                        return None
            extend(item.values())
        elif kind is list:
            extend(item)
        elif kind is str:
            if escapes and _ESCAPABLE(item) is not None:
                return None
        elif kind is int:
            zero = zero or item == 0
        elif kind is not bool and item is not None:
            return None
    return zero


def _raw_relaxed(value: Any, source: bytes) -> RawJSON:
    # a raw value's text (whitespace removed) is the C encoder's when the value has no
    # float and no -0 (spelled otherwise by the encoder) and none of its strings was
    # escaped (the document has no escape at all, or its strings hold nothing a writer
    # escapes: see read_text for the escapes already excluded)
    zero = _plain_json(value, source.find(b"\\") != -1)  # (find: faster than ``in``)
    if zero is None or (zero and _NEGATIVE_ZERO(source) is not None):
        raise Fallback
    return RawJSON._compacted(_dumps(value).decode("utf-8"))


def _raw_dict(value: Any) -> RawJSON:
    # what the exact path stores for a parsed value (Go's encoding of it, keys in the
    # dict's order): the C encoder's text when it is that text
    kind = type(value)
    if kind is dict or kind is list:
        try:  # refuses lone surrogates, non-string keys, huge integers, deep nesting
            text: Optional[str] = _dumps(value).decode("utf-8")
        except (TypeError, ValueError):
            text = None
        if text is not None and _plain_json(value, False) is not None and not encoders_differ(text, False):
            return RawJSON._compacted(text)
    try:
        return decoding._raw(value, None)
    except (ValueError, RecursionError):
        raise Fallback from None


def _text(value: str) -> None:
    # a str from the user (not parsed from text) that is not ASCII: Go could not have
    # read a lone surrogate as it is (it has U+FFFD), so such a string steps aside
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise Fallback from None


def _strings_text(value: Any) -> Tuple[str, ...]:
    if type(value) is not list:
        raise Fallback
    for item in value:
        if type(item) is not str:
            raise Fallback
    return tuple(value)


def _strings_dict(value: Any) -> Tuple[str, ...]:
    if type(value) is not list:
        raise Fallback
    for item in value:
        if type(item) is not str:
            raise Fallback
        if not item.isascii():
            _text(item)
    return tuple(value)


def _key(key: Any) -> str:
    if type(key) is not str:
        raise Fallback
    if not key.isascii():
        _text(key)
    return key


def _obj(value: Any) -> Dict[str, Any]:
    if type(value) is not dict:
        raise Fallback
    return value


def _unknown(cls: type, keys: FrozenSet[str], d: Dict[str, Any], mode: str, lenient: bool) -> Any:
    # keys no field has: ignored (kept when lenient); a key Go would fold onto a field steps aside
    kept = []
    for key, value in d.items():
        if type(key) is not str:
            raise Fallback
        if key not in keys:
            if fold_key(key) in keys:
                raise Fallback
            if lenient:
                if mode == RELAXED:
                    raise Fallback  # (its raw text is not known)
                if mode == DICT and not key.isascii():
                    _text(key)
                kept.append((key, _raw_text(value) if mode == TEXT else _raw_dict(value)))
    return tuple(kept)


# --- generated builders ---------------------------------------------------------------
#
# Builders, ``build(d, lenient, source=None) -> object``, are generated per class from
# its field declarations, in three modes: TEXT for a dict parsed from text proved to be
# goflow's own output (see read_text), RELAXED for one parsed from other text that Go
# reads the same way (``source`` is that text: raw JSON values and number tokens are
# taken only when the parse tells their text), DICT for a dict from the user, whose raw
# JSON values and numbers have no text of their own (see read_dict). Nested structs are
# built inline; lists and maps of structs, and hints, call their class's builder.

TEXT, RELAXED, DICT = "text", "relaxed", "dict"
Builder = Callable[..., Any]
_builders: Dict[str, Dict[type, Builder]] = {TEXT: {}, RELAXED: {}, DICT: {}}


def _builder(cls: type, mode: str) -> Builder:
    build = _builders[mode].get(cls)
    if build is None:
        build = _builders[mode][cls] = _compile(cls, mode)
    return build


def _dict_builder(cls: type) -> Builder:
    return _builder(cls, DICT)


def _hint_class(value: Any) -> type:
    if type(value) is not dict:
        raise Fallback
    hint_type = value.get("type")
    cls = HINT_TYPES.get(hint_type) if type(hint_type) is str else None
    if cls is None:
        raise Fallback
    return cls


def _hint(value: Any, mode: str, lenient: bool, source: Optional[bytes]) -> Any:
    return _builder(_hint_class(value), mode)(value, lenient, source)


class _Gen(Source):
    """The source of one generated builder (for text or for dicts)."""

    def __init__(self, mode: str) -> None:
        super().__init__()
        self.mode = mode
        self.text = mode != DICT


_ZERO_TIME_TEXT = "0001-01-01T00:00:00Z"  # Go's zero time, the one ``required`` rejects


_INTERN_LIMIT = 1024  # values kept per reference class (the cache is emptied when full)
_interned: Dict[type, Dict[Tuple[Optional[str], ...], Any]] = {}


def _internable(cls: type) -> bool:
    # references (a channel, a flow, a group...): a few strings, nothing else
    fields = specs(cls)
    return len(fields) <= 4 and all(spec.kind == Kind.STRING for spec in fields) and all(
        a.init for a in attrs.fields(cls)
    )


def _missing(spec: Any) -> Any:
    # what a builder stores for a field whose key is missing (Go's zero value)
    if spec.kind in (Kind.STRING, Kind.XTEXT):
        return ""
    if spec.kind == Kind.BOOL:
        return False
    if spec.kind == Kind.INT:
        return 0
    if spec.kind == Kind.TIME:
        return GO_ZERO_TIME
    if spec.kind == Kind.LIST and spec.omitempty:
        return ()
    return None


@functools.cache
def _buildable(cls: type) -> bool:
    """Whether the builders make exactly what the exact path makes for ``cls``: every
    field declared with Go's tags, under a key of its own, no attrs validators or other
    converters, defaults that are Go's zero values, no ``__attrs_post_init__`` but
    :class:`Event`'s (which validates: the builders check the same rules). A user's
    class that is not is always read by the exact path."""
    if getattr(cls, "__attrs_post_init__", Event.__attrs_post_init__) is not Event.__attrs_post_init__:
        return False
    by_name = {spec.name: spec for spec in specs(cls)}
    if len({spec.key for spec in by_name.values()}) != len(by_name):
        return False  # two fields under one key (the builders count keys, one a field)
    for field in attrs.fields(cls):
        if field.name == "unknown_keys":
            continue
        spec = by_name.get(field.name)
        if spec is None or field.validator is not None:
            return False
        if field.converter not in (None, tuple_or_none, tuple_or_empty):
            return False
        if not field.init:
            if field.name != "type" or not isinstance(getattr(cls, "TYPE", None), str):
                return False
            continue
        default = field.default
        if default is attrs.NOTHING or (spec.kind == Kind.TIME and spec.validate[:1] == ("required",)):
            continue  # the exact path stores Go's zero too; a required time missing steps aside
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            if default.takes_self:
                return False
            default = default.factory()
        if spec.kind == Kind.STRUCT:  # a struct value: missing, it is what {} builds
            try:
                if default != _dict_builder(spec.model)({}, False):  # type: ignore[arg-type]
                    return False
            except Fallback:
                return False
        elif default != _missing(spec) or type(default) is not type(_missing(spec)):
            return False
    return True


@functools.cache
def _twin(cls: type) -> type:
    """A subclass of ``cls`` that adds nothing but plain attribute assignment.

    A frozen class refuses ``obj.field = value``; going through each field's slot
    descriptor instead costs a call per field (about 48 ns). An instance of the twin
    takes plain stores (a few ns each, specialised by the interpreter), and assigning
    ``__class__`` (same layout: the twin adds no slots) then makes it an instance of
    ``cls`` itself, indistinguishable from one built by ``__init__``. Both
    ``__setattr__`` and ``__delattr__`` must be object's own for the interpreter to
    use its generic (specialisable) attribute store; with object's ``__init__`` too,
    ``twin()`` allocates an instance a little faster than ``object.__new__(twin)``.
    """
    namespace = {
        "__slots__": (),
        "__setattr__": object.__setattr__,
        "__delattr__": object.__delattr__,
        "__init__": object.__init__,  # so that calling the twin only allocates (no checks)
        "__module__": cls.__module__,
        "__qualname__": cls.__qualname__,
    }
    return type(cls.__name__, (cls,), namespace)


def _struct(gen: _Gen, cls: type, d: str, depth: int) -> str:
    """Emit the code that builds ``cls`` from the dict in local ``d`` (nested structs
    inline); return the name of the local holding the object.

    References are interned: the same channel, flow, group... read again is the same
    (immutable) object, taken from a small cache instead of being checked and built
    again. Only a dict holding a string under each of the class's keys, and nothing
    else, is looked up or cached.
    """
    if not _buildable(cls):
        gen.add(depth, "raise _Fallback")
        return "None"
    if not _internable(cls):
        return _build_struct(gen, cls, d, depth)
    cache = gen.const(_interned.setdefault(cls, {}))
    values = [gen.name("i") for _ in specs(cls)]
    for value, spec in zip(values, specs(cls)):
        gen.add(depth, f"{value} = {d}.get({spec.key!r})")
    plain = gen.name("plain")
    # only a reference with every key, each a str, and nothing else is looked up or kept
    gen.add(depth, f"{plain} = " + " and ".join(f"type({v}) is str" for v in values) + f" and len({d}) == {len(values)}")
    key = "(" + ", ".join(values) + ",)"
    obj = gen.name("o")
    gen.add(depth, f"{obj} = {cache}.get({key}) if {plain} else None")
    gen.add(depth, f"if {obj} is None:")
    built = _build_struct(gen, cls, d, depth + 1)
    gen.add(depth + 1, f"if {plain}:")
    gen.add(depth + 2, f"if len({cache}) >= {_INTERN_LIMIT}: {cache}.clear()")
    gen.add(depth + 2, f"{cache}[{key}] = {built}")
    gen.add(depth + 1, f"{obj} = {built}")
    return obj


def _build_struct(gen: _Gen, cls: type, d: str, depth: int) -> str:
    text, mode = gen.text, gen.mode
    fields = specs(cls)
    keys = gen.const(frozenset(spec.key for spec in fields))
    me = gen.const(cls)
    local = gen.name("_f") + "_"
    unknown = gen.name("_u")
    # ``missed`` counts the fields whose key is absent or null: when the dict has as
    # many keys as the fields less that count, each key is a field's (see the end)
    missed = gen.name("_m")
    gen.add(depth, f"{missed} = 0")
    init = {a.name: a.init for a in attrs.fields(cls)}
    inline_checked = []  # fields whose goflow rule is checked here rather than by check_source
    for spec in fields:
        name, key, kind = spec.name, spec.key, spec.kind
        target = f"{local}{name}"
        if not init[name]:  # the ``type`` of events and hints: the class's own TYPE
            fixed = gen.const(cls.TYPE)  # type: ignore[attr-defined]
            gen.add(depth, f"{target} = {fixed}")
            gen.add(depth, f"if {key!r} not in {d}: {missed} += 1")
            inline_checked.append(name)
            continue
        gen.add(depth, f"v = {d}.get({key!r})")
        if kind in (Kind.STRING, Kind.XTEXT):
            gen.add(depth, "if type(v) is not str:")
            gen.add(depth + 1, f"if v is None: v = ''; {missed} += 1")
            gen.add(depth + 1, "else: raise _Fallback")
            if not text:  # a user's str may hold a lone surrogate (see _text)
                gen.add(depth, "elif not v.isascii(): _text(v)")
        elif kind == Kind.BOOL:
            gen.add(depth, "if type(v) is not bool:")
            gen.add(depth + 1, f"if v is None: v = False; {missed} += 1")
            gen.add(depth + 1, "else: raise _Fallback")
        elif kind in (Kind.INT, Kind.INT_PTR):
            gen.add(depth, "if v is None: v = " + ("None" if kind == Kind.INT_PTR else "0") + f"; {missed} += 1")
            gen.add(depth, "elif type(v) is not int or not (_MIN <= v <= _MAX): raise _Fallback")
        elif kind == Kind.TIME:
            required = spec.validate == ("required",)
            if required:
                inline_checked.append(name)
                gen.add(depth, "if v is None: raise _Fallback")  # the zero time
            else:
                gen.add(depth, f"if v is None: v = {gen.const(GO_ZERO_TIME)}; {missed} += 1")
            gen.add(depth, "elif type(v) is str:")
            # Go's own output form: a Timestamp keeping the text (as timestamps._from_canonical;
            # made on its twin, see _twin). That form but for a zero offset written +00:00 or
            # -00:00 (never Go's zero time: the offset attaches a location): the text with Z,
            # not zulu (as timestamps._near_canonical). Other forms near Go's (trailing
            # fraction zeros), then Go's parser, in _time_not_canonical.
            gen.add(depth + 1, "m = _go_form(v)")
            gen.add(depth + 1, "if m is not None and m.lastindex is None:")
            if required:
                gen.add(depth + 2, f"if v == {_ZERO_TIME_TEXT!r}: raise _Fallback")
            gen.add(depth + 2, "t = _TimestampTwin(); t._text = v; t.__class__ = _Timestamp; v = t")
            gen.add(depth + 1, "elif m is not None and m.lastindex == 2 and m.start(1) < 0:")
            gen.add(depth + 2, "t = _TimestampTwin(); t._text = v[:-6] + 'Z'; t._zulu = False; t.__class__ = _Timestamp; v = t")
            gen.add(depth + 1, "else:")
            gen.add(depth + 2, "v = _time_not_canonical(v, m is not None)")
            if required:
                gen.add(depth + 2, "if v.is_zero: raise _Fallback")
            gen.add(depth, "else: raise _Fallback")
        elif kind == Kind.XDATETIME:
            gen.add(depth, "if v is not None: v = _time(v)")
            gen.add(depth, f"else: {missed} += 1")
        elif kind == Kind.XNUMBER:
            if mode == RELAXED:
                convert = f"_xnumber_relaxed(v, source, {gen.const(_member_tokens(spec.key))})"
            else:
                convert = "_xnumber_text(v)" if mode == TEXT else "_xnumber_dict(v)"
            gen.add(depth, f"if v is not None: v = {convert}")
            gen.add(depth, f"else: {missed} += 1")
        elif kind == Kind.RAW:
            call = {TEXT: "_raw_text(v)", RELAXED: "_raw_relaxed(v, source)", DICT: "_raw_dict(v)"}[mode]
            gen.add(depth, f"if {key!r} in {d}: v = {call}")
            gen.add(depth, f"else: {missed} += 1")  # (v is None)
        elif kind in (Kind.STRUCT_PTR, Kind.STRUCT):
            nested = gen.name("d")
            if kind == Kind.STRUCT:
                gen.add(depth, f"if v is None: v = {{}}; {missed} += 1")
                gen.add(depth, "elif type(v) is not dict: raise _Fallback")
                gen.add(depth, f"{nested} = v")
                gen.add(depth, f"v = {_struct(gen, spec.model, nested, depth)}")  # type: ignore[arg-type]
            else:
                gen.add(depth, "if v is not None:")
                gen.add(depth + 1, "if type(v) is not dict: raise _Fallback")
                gen.add(depth + 1, f"{nested} = v")
                gen.add(depth + 1, f"v = {_struct(gen, spec.model, nested, depth + 1)}")  # type: ignore[arg-type]
                gen.add(depth, f"else: {missed} += 1")
        elif kind == Kind.LIST:
            gen.add(depth, "if v is None: v = " + ("()" if spec.omitempty else "None") + f"; {missed} += 1")
            if spec.elem_kind == Kind.STRING:
                gen.add(depth, "else: v = " + ("_strings_text(v)" if text else "_strings_dict(v)"))
            else:
                nested = gen.const(_builder(spec.model, mode))  # type: ignore[arg-type]
                gen.add(depth, "elif type(v) is not list: raise _Fallback")
                gen.add(depth, f"else: v = tuple(None if x is None else {nested}(_obj(x), lenient, source) for x in v)")
        elif kind == Kind.MAP:
            gen.add(depth, "if v is not None:")
            nested = gen.const(_builder(spec.model, mode))  # type: ignore[arg-type]
            key_expr = "k" if text else "_key(k)"  # keys parsed from text are strings
            gen.add(depth + 1, "if type(v) is not dict: raise _Fallback")
            gen.add(
                depth + 1,
                f"v = {{{key_expr}: None if x is None else {nested}(_obj(x), lenient, source) for k, x in v.items()}}",
            )
            gen.add(depth, f"else: {missed} += 1")
        elif kind == Kind.HINT:
            gen.add(depth, f"if {key!r} in {d}: v = _hint(v, {mode!r}, lenient, source)")
            gen.add(depth, f"else: {missed} += 1")
        else:  # pragma: no cover
            raise AssertionError(kind)
        gen.add(depth, f"{target} = v")
    # keys no field has (rare: the count is off for them and for null values)
    gen.add(depth, f"if len({d}) + {missed} == {len(fields)}: {unknown} = ()")
    gen.add(depth, f"elif {keys}.issuperset({d}): {unknown} = ()")
    gen.add(depth, f"else: {unknown} = _unknown({me}, {keys}, {d}, {mode!r}, lenient)")
    # goflow's rules for this struct's own fields, from the same tags as the validators
    prefix = gen.name("_k") + "_"
    checks, check_consts = validators.check_source(cls, skip=inline_checked, local=local, prefix=prefix, depth=depth)
    gen.lines += checks
    gen.consts.update(check_consts)
    # the fields are stored on an instance of the class's unfrozen twin, which then
    # becomes the class itself (see _twin)
    obj = gen.name("o")
    gen.add(depth, f"{obj} = {gen.const(_twin(cls))}()")
    gen.add(depth, f"{obj}.unknown_keys = {unknown}")
    for spec in fields:
        gen.add(depth, f"{obj}.{spec.name} = {local}{spec.name}")
    gen.add(depth, f"{obj}.__class__ = {me}")
    if f"{prefix}rules" in check_consts:
        gen.add(depth, "errors = []")
        gen.add(depth, f"for rule in {prefix}rules: rule({obj}, '', errors)")
        gen.add(depth, "if errors: raise _Fallback")
    return obj


def _compile(cls: type, mode: str) -> Any:
    gen = _Gen(mode)
    gen.add(0, "def build(d, lenient, source=None):")
    gen.add(1, f"return {_struct(gen, cls, 'd', 1)}")
    return gen.compile(
        "build",
        {
        "_unknown": _unknown,
        "_Fallback": Fallback,
        "_MIN": _INT_MIN,
        "_MAX": _INT_MAX,
        "_time": _time,
        "_time_not_canonical": _time_not_canonical,
        "_Timestamp": Timestamp,
        "_go_form": _GO_FORM_MATCH,
        "_TimestampTwin": _twin(Timestamp),
        "_xnumber_text": _xnumber_text,
        "_xnumber_relaxed": _xnumber_relaxed,
        "_raw_relaxed": _raw_relaxed,
        "_xnumber_dict": _xnumber_dict,
        "_raw_text": _raw_text,
        "_raw_dict": _raw_dict,
        "_strings_text": _strings_text,
        "_strings_dict": _strings_dict,
        "_text": _text,
        "_obj": _obj,
        "_key": _key,
        "_hint": _hint,
        },
    )


def _forget() -> None:
    # the validation rules changed: builders, and references checked by the old rules, go
    for builders in _builders.values():
        builders.clear()
    for by_type in _by_type.values():
        by_type.clear()
    for cache in _interned.values():
        cache.clear()
    _buildable.cache_clear()


# --- entry points -----------------------------------------------------------------------

_registry_seen: Dict[str, type] = {}
_by_type: Dict[str, Dict[str, Builder]] = {TEXT: {}, RELAXED: {}, DICT: {}}  # the event builders
_text_by_type, _relaxed_by_type, _dict_by_type = _by_type[TEXT], _by_type[RELAXED], _by_type[DICT]
validators.rules_changed.append(_forget)


def _event_class(type_name: Any) -> type:
    # the registered class for an event's type (the caches follow the registry)
    global _registry_seen
    if events_module._registry is not _registry_seen:
        for caches in _by_type.values():
            caches.clear()
        _registry_seen = events_module._registry
    cls = event_class(type_name) if type(type_name) is str else None
    if cls is None:
        raise Fallback
    return cls


def _strict_check(event: Any) -> None:
    errors: List[Any] = []
    validators._walk(event, "", errors, True)
    if errors:
        raise Fallback


# a \\u escape of a printable ASCII character other than Go's HTML escapes of &, < and
# > (json.dumps and goflow write none)
_PRINTABLE_ESCAPE = re.compile(rb"\\u00(?!26|3[cCeE])[2-7][0-9a-fA-F]").search


def read_text(data: Any, strict: bool = False, lenient: bool = False) -> Optional[Event]:
    """The event in ``data`` (``str`` or ``bytes``) if the fast path can read it, else ``None``.

    The parse (orjson's) is what Go reads in two cases. When re-encoding it gives back
    the text byte for byte (goflow's own output), everything is as written. Otherwise
    (other spacing, escapes or key order: ``json.dumps`` output, say) it still is when
    no key was written twice in any object, which Go would merge or reject where the
    parser keeps the last: the text then has as many colons as the re-encoding, given
    that no colon is escaped (each dropped member takes at least its own colon with
    it; an escaped printable character, but Go's ``\\u0026``, ``\\u003c`` and
    ``\\u003e``, sends the text to the exact path). Then only the values whose text is
    kept need care: numbers of contact fields (integers only) and raw JSON (see
    ``_raw_relaxed``); a time is read from the string, which (no digit, letter or
    punctuation escaped) is its text.
    """
    try:
        doc = _loads(data)
    except _LOAD_ERRORS:
        return None
    if type(doc) is not dict:
        return None
    try:
        # (a str orjson parsed has no lone surrogates: it encodes as it is)
        out = _dumps(doc)
        source = data if type(data) is bytes else data.encode()
    except (TypeError, ValueError, AttributeError):  # a bytearray, a memoryview: the exact path's
        return None
    by_type, mode = _text_by_type, TEXT
    if out != source:
        if source.count(b":") != out.count(b":"):
            return None  # a key written twice
        if source.find(b"\\") != -1 and _PRINTABLE_ESCAPE(source) is not None:  # (find: faster than ``in``)
            return None  # (see above)
        by_type, mode = _relaxed_by_type, RELAXED
    type_name = doc.get("type")
    if type(type_name) is not str:
        return None
    build = by_type.get(type_name)
    try:
        if build is None or events_module._registry is not _registry_seen:
            build = by_type[type_name] = _builder(_event_class(type_name), mode)
        event = build(doc, lenient, source)
        if strict:
            _strict_check(event)
        return event  # type: ignore[no-any-return]
    except Fallback:
        return None


def read_dict(data: Any, cls: Optional[type] = None, strict: bool = False, lenient: bool = False) -> Any:
    """The event for a parsed ``dict`` if the fast path can build it, else ``None``.

    ``cls`` is the event class to build (default: the one registered for its ``type``).
    """
    if type(data) is not dict:
        return None
    try:
        if cls is not None:
            build = _dict_builder(cls)
        else:
            type_name = data.get("type")
            if type(type_name) is not str:
                return None
            build = _dict_by_type.get(type_name)  # type: ignore[assignment]
            if build is None or events_module._registry is not _registry_seen:
                build = _dict_by_type[type_name] = _dict_builder(_event_class(type_name))
        event = build(data, lenient)
        if strict:
            _strict_check(event)
        return event
    except (Fallback, RecursionError):  # a cycle: the exact path says so
        return None


def dict_reader(strict: bool, lenient: bool, exact: Callable[[Any], Any]) -> Callable[..., Any]:
    """``read(data, _=None)``: the event for a parsed document, from the fast path when
    it can build it (as :func:`read_dict`), else from ``exact(data)``.

    This is the converter's hook for ``Event``: one call per event, the builder found
    by the event's type at once.
    """

    def read(data: Any, _: Any = None) -> Any:
        if type(data) is dict:
            type_name = data.get("type")
            build = _dict_by_type.get(type_name) if type(type_name) is str else None
            if build is not None and not strict and events_module._registry is _registry_seen:
                try:
                    return build(data, lenient)
                except (Fallback, RecursionError):
                    pass  # the exact path, outside this handler (its errors have no context)
            else:
                event = read_dict(data, None, strict, lenient)
                if event is not None:
                    return event
        return exact(data)

    return read
