"""goflow's JSON text for model instances: ``json.Marshal``, generated per class.

For each class a small function is generated once from its field declarations
(:mod:`flows_events.fields`) that writes the object's fields in Go's declaration
order, leaves out ``omitempty`` fields that are empty, and quotes strings with Go's
escaping (:func:`flows_events.gojson.quote`). Keys known to be written are constants
in the generated code, so writing an event is string concatenation.

``escape_html`` chooses between Go's ``json.Marshal`` (``<``, ``>``, ``&`` escaped)
and goflow's ``utils.JSONMarshal`` (kept).
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List

import orjson

from .codegen import Source
from .fields import Kind, empty_test, specs
from .gojson import encoders_differ, is_plain, quote, sort_map_keys
from .numbers import format_xnumber, xnumber_data

__all__ = ["write", "to_data"]

Writer = Callable[[Any], str]
_writers: Dict[bool, Dict[type, Writer]] = {False: {}, True: {}}


def write(obj: Any, escape_html: bool = False) -> str:
    """The JSON text goflow writes for a model instance (an event or a nested type)."""
    cls = obj.__class__
    try:
        data = _dumps(_members_for(cls, escape_html)(obj))
    except (_Slow, TypeError):  # orjson.JSONEncodeError is a TypeError
        return _writer_for(cls, escape_html)(obj)
    text = data.decode("utf-8")
    if encoders_differ(text, escape_html):  # Go escapes something the C encoder keeps
        return _writer_for(cls, escape_html)(obj)
    return text


def _list(items: Any, escape_html: bool) -> str:
    if not items:
        return "[]"
    if is_plain("".join(items), escape_html):
        return '["' + '","'.join(items) + '"]'
    return "[" + ",".join(quote(item, escape_html) for item in items) + "]"


def _structs(items: Any, escape_html: bool) -> str:
    return "[" + ",".join("null" if item is None else write(item, escape_html) for item in items) + "]"


def _map(mapping: Any, escape_html: bool) -> str:
    return (
        "{"
        + ",".join(
            quote(key, escape_html) + ":" + ("null" if value is None else write(value, escape_html))
            for key, value in sort_map_keys(mapping).items()
        )
        + "}"
    )


def _unknown(pairs: Any, escape_html: bool) -> str:
    return "".join("," + quote(key, escape_html) + ":" + raw.marshal(escape_html) for key, raw in pairs)


class _Gen(Source):
    """The source of one generated writer."""

    def __init__(self, html: bool, data: bool = False) -> None:
        super().__init__(prefix="_k")
        self.html = html
        self.data = data  # the members as plain JSON-ready data (to_data), not for an encoder


def _inline(spec: Any) -> bool:
    # structs of a known class are written inside their parent's function
    return spec.kind in (Kind.STRUCT, Kind.STRUCT_PTR)


def _read(gen: _Gen, cls: type, var: str, depth: int) -> str:
    """Read the fields of ``var`` (and of its inlined structs) into locals; return the
    name of a local holding all their strings joined, for the one escaping test."""
    joined: List[str] = []
    for spec in specs(cls):
        local = f"{var}_{spec.name}"
        gen.add(depth, f"{local} = {var}.{spec.name}")
        if spec.kind in (Kind.STRING, Kind.XTEXT):
            joined.append(local)
        elif _inline(spec):
            nested = gen.name("j")
            if spec.kind == Kind.STRUCT_PTR:
                gen.add(depth, f"if {local} is None:")
                gen.add(depth + 1, f"{nested} = ''")
                gen.add(depth, "else:")
                inner = _read(gen, spec.model, local, depth + 1)  # type: ignore[arg-type]
                gen.add(depth + 1, f"{nested} = {inner}")
            else:
                inner = _read(gen, spec.model, local, depth)  # type: ignore[arg-type]
                gen.add(depth, f"{nested} = {inner}")
            joined.append(nested)
    result = gen.name("j")
    gen.add(depth, f"{result} = " + (" + ".join(joined) if joined else "''"))
    return result


def _write(gen: _Gen, cls: type, var: str, depth: int) -> str:
    """Write ``var`` (read by :func:`_read`) into a local; return its name."""
    parts: List[str] = []
    for spec in specs(cls):
        value = f"{var}_{spec.name}"
        kind = spec.kind
        if kind in (Kind.STRING, Kind.XTEXT):
            code = f"('\"' + {value} + '\"' if plain else _quote({value}, html))"
        elif kind == Kind.BOOL:
            code = f"('true' if {value} else 'false')"
        elif kind == Kind.INT:
            code = f"str({value})"
        elif kind == Kind.INT_PTR:
            code = f"('null' if {value} is None else str({value}))"
        elif kind == Kind.TIME:
            code = f"'\"' + {value}.isoformat() + '\"'"
        elif kind == Kind.XDATETIME:
            code = f"('null' if {value} is None else '\"' + {value}.xdatetime_format() + '\"')"
        elif kind == Kind.XNUMBER:
            code = f"('null' if {value} is None else _number({value}))"
        elif kind == Kind.RAW:
            # an empty RawMessage is omitted; one holding ``null`` is not
            code = f"('null' if {value} is None else {value}.marshal(html))"
        elif _inline(spec):
            text = gen.name("t")
            if kind == Kind.STRUCT_PTR:
                gen.add(depth, f"if {value} is None:")
                gen.add(depth + 1, f"{text} = 'null'")
                gen.add(depth, "else:")
                inner = _write(gen, spec.model, value, depth + 1)  # type: ignore[arg-type]
                gen.add(depth + 1, f"{text} = {inner}")
            else:
                inner = _write(gen, spec.model, value, depth)  # type: ignore[arg-type]
                gen.add(depth, f"{text} = {inner}")
            code = text
        elif kind == Kind.HINT:
            code = f"('null' if {value} is None else _write_any({value}, html))"
        elif kind == Kind.LIST:
            function = "_structs" if spec.elem_kind == Kind.STRUCT_PTR else "_list"
            code = f"('null' if {value} is None else {function}({value}, html))"
        elif kind == Kind.MAP:
            code = f"('null' if {value} is None else _map({value}, html))"
        else:  # pragma: no cover - specs() makes no other kinds
            raise AssertionError(kind)
        part = gen.name("p")
        if spec.omitempty:
            empty = empty_test(kind, value)
            gen.add(depth, f"{part} = ',\"{spec.key}\":' + {code} if not ({empty}) else ''")
        else:
            gen.add(depth, f"{part} = ',\"{spec.key}\":' + {code}")
        parts.append("{" + part + "}")
    text = gen.name("t")
    # an f-string builds the text in one go
    gen.add(depth, f"{text} = f'" + "".join(parts) + "'")
    gen.add(depth, f"if {var}.unknown_keys: {text} += _unknown({var}.unknown_keys, html)")
    gen.add(depth, f"{text} = '{{' + {text}[1:] + '}}' if {text} else '{{}}'")
    return text


def _compile(cls: type, html: bool) -> Writer:
    # Reads every field into a local (nested structs of a known class included),
    # tests all those strings for characters that need escaping at once, then writes
    # ``,"key":value`` per field ('' for an empty omitempty field), quoting the
    # strings plainly when the test found nothing.
    gen = _Gen(html)
    gen.add(0, "def write_(o):")
    joined = _read(gen, cls, "o", 1)
    gen.add(1, f"plain = _is_plain({joined}, html)")
    text = _write(gen, cls, "o", 1)
    gen.add(1, f"return {text}")
    writer: Writer = gen.compile(
        "write_",
        {
            "html": html,
            "_is_plain": is_plain,
            "_quote": quote,
            "_number": format_xnumber,
            "_write_any": write,
            "_list": _list,
            "_structs": _structs,
            "_map": _map,
            "_unknown": _unknown,
        },
    )
    return writer


def _writer_for(cls: type, html: bool) -> Writer:
    writers = _writers[html]
    writer = writers.get(cls)
    if writer is None:
        writer = writers[cls] = _compile(cls, html)
    return writer


# --- the fast form: the members as data for a C encoder ---------------------------------
#
# For each class a function builds the object's members as a dict in Go's order (omitted
# fields left out, nested structs inlined, raw JSON and numbers as ready-made text) that
# orjson encodes. Whatever that encoder would write differently from Go is detected in
# :func:`write`, which then uses the exact writer above.


class _Slow(Exception):
    """The object needs the exact writer (it has unknown keys, or text orjson refuses)."""


_dumps = orjson.dumps
_Fragment = orjson.Fragment
Members = Callable[[Any], Dict[str, Any]]
_members: Dict[bool, Dict[type, Members]] = {False: {}, True: {}}
_data: Dict[type, Members] = {}


def _members_for(cls: type, html: bool) -> Members:
    members = _members[html].get(cls)
    if members is None:
        members = _members[html][cls] = _compile_members(cls, html, False)
    return members


def _data_for(cls: type) -> Members:
    members = _data.get(cls)
    if members is None:
        members = _data[cls] = _compile_members(cls, False, True)
    return members


def _members_any(obj: Any, html: bool) -> Dict[str, Any]:
    return _members_for(obj.__class__, html)(obj)


def to_data(obj: Any) -> Dict[str, Any]:
    """The JSON-ready Python data goflow's JSON for a model instance holds: goflow's
    keys, order and omissions; raw JSON parsed; numbers as ``int``/``float`` (or the
    ``Decimal`` when a float would round); unknown keys (lenient reading) after the
    others unless a field has the same key."""
    return _data_for(obj.__class__)(obj)


def _nested(gen: _Gen, cls: Any) -> str:
    return gen.const(_data_for(cls) if gen.data else _members_for(cls, gen.html))


def _member_value(gen: _Gen, spec: Any, value: str, depth: int) -> str:
    """An expression for the data of field ``spec`` held in local ``value``."""
    kind = spec.kind
    if kind in (Kind.STRING, Kind.XTEXT, Kind.BOOL, Kind.INT, Kind.INT_PTR):
        return value
    if kind == Kind.TIME:
        return f"{value}.isoformat()"
    if kind == Kind.XDATETIME:
        return f"(None if {value} is None else {value}.xdatetime_format())"
    if kind == Kind.XNUMBER:
        if gen.data:
            return f"(None if {value} is None else _number_data({value}))"
        return f"(None if {value} is None else _Fragment(_number({value})))"
    if kind == Kind.RAW:
        if gen.data:
            return f"(None if {value} is None else {value}.value)"
        return f"(None if {value} is None else _Fragment({value}.marshal(html)))"
    if kind in (Kind.STRUCT, Kind.STRUCT_PTR):
        target = gen.name("m")
        gen.add(depth, f"if {value} is None:")
        gen.add(depth + 1, f"{target} = None")
        gen.add(depth, "else:")
        _members_body(gen, spec.model, value, target, depth + 1)
        return target
    if kind == Kind.HINT:
        if gen.data:
            return f"(None if {value} is None else _to_data({value}))"
        return f"(None if {value} is None else _members_any({value}, html))"
    if kind == Kind.LIST:
        if spec.elem_kind == Kind.STRUCT_PTR:
            nested = _nested(gen, spec.model)
            return f"(None if {value} is None else [None if x is None else {nested}(x) for x in {value}])"
        return f"(None if {value} is None else list({value}))" if gen.data else value
    if kind == Kind.MAP:
        nested = _nested(gen, spec.model)
        return (
            f"(None if {value} is None else "
            f"{{k: None if x is None else {nested}(x) for k, x in _sort_map_keys({value}).items()}})"
        )
    raise AssertionError(kind)  # pragma: no cover - specs() makes no other kinds


def _members_body(gen: _Gen, cls: type, var: str, target: str, depth: int) -> None:
    if not gen.data:
        gen.add(depth, f"if {var}.unknown_keys: raise _Slow")
    gen.add(depth, f"{target} = {{}}")
    for spec in specs(cls):
        value = gen.name("v")
        gen.add(depth, f"{value} = {var}.{spec.name}")
        empty = empty_test(spec.kind, value)
        if spec.omitempty:
            if empty == "False":
                gen.add(depth, "if True:")
            else:
                gen.add(depth, f"if not ({empty}):")
            expr = _member_value(gen, spec, value, depth + 1)
            gen.add(depth + 1, f"{target}[{spec.key!r}] = {expr}")
        else:
            expr = _member_value(gen, spec, value, depth)
            gen.add(depth, f"{target}[{spec.key!r}] = {expr}")
    if gen.data:
        gen.add(depth, f"for k, raw in {var}.unknown_keys: {target}.setdefault(k, raw.value)")


def _compile_members(cls: type, html: bool, data: bool) -> Members:
    gen = _Gen(html, data)
    gen.add(0, "def members(o):")
    _members_body(gen, cls, "o", "d", 1)
    gen.add(1, "return d")
    members: Members = gen.compile(
        "members",
        {
            "html": html,
            "_Slow": _Slow,
            "_Fragment": _Fragment,
            "_number": format_xnumber,
            "_number_data": xnumber_data,
            "_members_any": _members_any,
            "_to_data": to_data,
            "_sort_map_keys": sort_map_keys,
        },
    )
    return members
