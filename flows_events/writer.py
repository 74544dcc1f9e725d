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

from .fields import Kind, specs
from .gojson import is_plain, quote, sort_map_keys
from .numbers import format_xnumber

__all__ = ["write"]

Writer = Callable[[Any], str]
_writers: Dict[bool, Dict[type, Writer]] = {False: {}, True: {}}


def write(obj: Any, escape_html: bool = False) -> str:
    """The JSON text goflow writes for a model instance (an event or a nested type)."""
    return _writer_for(obj.__class__, escape_html)(obj)


def _list(items: Any, escape_html: bool) -> str:
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


def _compile(cls: type, html: bool) -> Writer:
    # Reads every field into a local, tests all the strings for characters that need
    # escaping with one regex search over their concatenation, then writes
    # ``,"key":value`` per field ('' for an empty omitempty field), quoting the
    # strings plainly when the search found nothing.
    fields = specs(cls)
    lines: List[str] = ["def write_(obj):"]
    strings = [s for s in fields if s.kind in (Kind.STRING, Kind.XTEXT)]
    consts: Dict[str, Any] = {}
    for spec in fields:
        lines.append(f"    f_{spec.name} = obj.{spec.name}")
    if strings:
        joined = " + ".join(f"f_{s.name}" for s in strings)
        lines.append(f"    plain = _is_plain({joined}, html)")
    parts: List[str] = []
    for spec in fields:
        value = f"f_{spec.name}"
        kind = spec.kind
        if kind in (Kind.STRING, Kind.XTEXT):
            code = f"('\"' + {value} + '\"' if plain else _quote({value}, html))"
            empty = f"not {value}"
        elif kind == Kind.BOOL:
            code, empty = f"('true' if {value} else 'false')", f"not {value}"
        elif kind == Kind.INT:
            code, empty = f"str({value})", f"not {value}"
        elif kind == Kind.INT_PTR:
            code, empty = f"('null' if {value} is None else str({value}))", f"{value} is None"
        elif kind == Kind.TIME:
            code, empty = f"'\"' + {value}.isoformat() + '\"'", "False"  # a Go struct is never empty
        elif kind == Kind.XDATETIME:
            code = f"('null' if {value} is None else '\"' + {value}.xdatetime_format() + '\"')"
            empty = f"{value} is None"
        elif kind == Kind.XNUMBER:
            code, empty = f"('null' if {value} is None else _number({value}))", f"{value} is None"
        elif kind == Kind.RAW:
            # an empty RawMessage is omitted; one holding ``null`` is not
            code, empty = f"('null' if {value} is None else {value}.marshal(html))", f"{value} is None"
        elif kind in (Kind.STRUCT, Kind.STRUCT_PTR):
            nested = f"_w{len(consts)}"
            consts[nested] = _writer_for(spec.model, html)  # type: ignore[arg-type]
            code, empty = f"('null' if {value} is None else {nested}({value}))", f"{value} is None"
        elif kind == Kind.HINT:
            code, empty = f"('null' if {value} is None else _write({value}, html))", f"{value} is None"
        elif kind == Kind.LIST:
            function = "_structs" if spec.elem_kind == Kind.STRUCT_PTR else "_list"
            code = f"('null' if {value} is None else {function}({value}, html))"
            empty = f"not {value}"
        elif kind == Kind.MAP:
            code, empty = f"('null' if {value} is None else _map({value}, html))", f"not {value}"
        else:  # pragma: no cover - specs() makes no other kinds
            raise AssertionError(kind)
        key = spec.key
        part = f"p{len(parts)}"
        if spec.omitempty:
            lines.append(f"    {part} = ',\"{key}\":' + {code} if not ({empty}) else ''")
        else:
            lines.append(f"    {part} = ',\"{key}\":' + {code}")
        parts.append("{" + part + "}")
    # an f-string builds the text in one go
    lines.append("    text = f'" + "".join(parts) + "'")
    lines.append("    if obj.unknown_keys: text += _unknown(obj.unknown_keys, html)")
    lines.append("    return '{' + text[1:] + '}' if text else '{}'")
    namespace: Dict[str, Any] = {
        "html": html,
        "_is_plain": is_plain,
        "_quote": quote,
        "_number": format_xnumber,
        "_write": write,
        "_list": _list,
        "_structs": _structs,
        "_map": _map,
        "_unknown": _unknown,
        **consts,
    }
    exec("\n".join(lines), namespace)  # noqa: S102 - code generated from the model's declarations
    writer: Writer = namespace["write_"]
    return writer


def _writer_for(cls: type, html: bool) -> Writer:
    writers = _writers[html]
    writer = writers.get(cls)
    if writer is None:
        writer = writers[cls] = _compile(cls, html)
    return writer
