"""Go struct tags for attrs fields, and the field specs derived from them.

A model field is declared with :func:`gofield`, which records goflow's own ``json`` and
``validate`` tags and the Go type name next to the Python attribute::

    uuid: str = gofield(json="uuid", validate="required,uuid4", go="assets.FlowUUID")

Everything else reads the declaration through :func:`specs`: the decoder (which JSON
keys a class takes and how each is decoded), the validators (which rules apply) and the
converter (key names, ``omitempty``). Keeping Go's tags verbatim keeps the model easy to
check against goflow line by line.
"""

from __future__ import annotations

import decimal
import functools
import typing
from typing import Any, Callable, Dict, Iterable, Optional, Tuple

import attrs

from .gojson import RawJSON
from .timestamps import Timestamp

__all__ = [
    "gofield",
    "gotags",
    "Model",
    "FieldSpec",
    "Kind",
    "specs",
    "is_model",
    "tuple_or_none",
    "tuple_or_empty",
    "empty_test",
    "is_empty",
]

_META = "flows_events"


def gofield(
    *,
    json: str,
    go: str = "string",
    validate: str = "",
    strict: str = "",
    default: Any = attrs.NOTHING,
    factory: Optional[Callable[..., Any]] = None,
    takes_self: bool = False,
    init: bool = True,
) -> Any:
    """An attrs field carrying Go's tags.

    ``json`` and ``validate`` are goflow's struct tags, verbatim; ``go`` is the field's
    Go type as declared (it names the type in decode errors and tells Go's structs from
    Python strings, e.g. ``types.XText``); ``strict`` holds the extra, opt-in checks.
    ``factory`` (called with the instance when ``takes_self``) makes the default.

    Fields with an attrs converter (the lists) are declared with ``attrs.field`` and
    :func:`gotags` instead, so that type checkers see the converter.
    """
    if factory is not None:
        default = attrs.Factory(factory, takes_self=True) if takes_self else attrs.Factory(factory)
    return attrs.field(default=default, metadata=gotags(json=json, go=go, validate=validate, strict=strict), init=init)


def gotags(*, json: str, go: str = "string", validate: str = "", strict: str = "") -> Dict[str, Any]:
    """attrs field metadata carrying Go's tags (see :func:`gofield`)."""
    return {_META: (json, go, validate, strict)}


@attrs.frozen(slots=True)
class Model:
    """Base class of the goflow structs.

    ``unknown_keys`` holds the JSON members goflow ignores (keys no field matches), in
    document order; it is filled only by lenient reading, and written back after the
    known fields so that nothing is lost.
    """

    unknown_keys: Tuple[Tuple[str, RawJSON], ...] = attrs.field(default=(), kw_only=True, repr=False)




def tuple_or_none(value: Optional[Iterable[Any]]) -> Optional[Tuple[Any, ...]]:
    """attrs converter for Go slices: ``None`` stays nil, a list or other iterable
    becomes a tuple. A str, bytes, dict or non-iterable is not a list: it is left as it
    is for the event's check to report with the field's name, or, with validators
    disabled (nothing would report it), refused with a ``TypeError``."""
    if value is None or type(value) is tuple:
        return value
    if not isinstance(value, (str, bytes, dict)):
        try:
            items = iter(value)
        except TypeError:
            items = None
        if items is not None:
            return tuple(items)
    if attrs.validators.get_disabled():
        raise TypeError(f"expected a list, got {type(value).__name__}")
    return value  # type: ignore[return-value]


def tuple_or_empty(value: Optional[Iterable[Any]]) -> Tuple[Any, ...]:
    """attrs converter for ``omitempty`` Go slices, where nil and empty mean the same
    (otherwise as :func:`tuple_or_none`)."""
    if value is None:
        return ()
    return tuple_or_none(value)  # type: ignore[return-value]


class Kind:
    """How a field's JSON value is decoded (Go's kinds as they occur in goflow events)."""

    STRING = "string"  # a Go string type; null leaves it unchanged
    BOOL = "bool"
    INT = "int"  # a Go int; null leaves it unchanged
    INT_PTR = "*int"  # a Go *int; null makes it nil
    TIME = "time"  # time.Time: custom decoder on the raw token; null leaves it
    XDATETIME = "xdatetime"  # *types.XDateTime
    XNUMBER = "xnumber"  # *types.XNumber
    XTEXT = "xtext"  # types.XText: a Go struct holding a string
    RAW = "raw"  # json.RawMessage
    STRUCT = "struct"  # a struct value (never nil)
    STRUCT_PTR = "*struct"  # a pointer to a struct
    LIST = "list"  # a slice of strings or of struct pointers
    MAP = "map"  # map[string]*struct
    HINT = "hint"  # the flows.Hint interface


# Go's "empty" for ``omitempty``: false, 0, "", an empty slice or map, a nil pointer or
# interface; a struct value (a time) never is.
_NIL_KINDS = frozenset(
    {Kind.INT_PTR, Kind.XDATETIME, Kind.XNUMBER, Kind.RAW, Kind.STRUCT, Kind.STRUCT_PTR, Kind.HINT}
)


def empty_test(kind: str, value: str) -> str:
    """Python source that is true when the field value named ``value`` is empty, as Go's
    ``omitempty`` sees it (for generated writers)."""
    if kind == Kind.TIME:
        return "False"
    if kind in _NIL_KINDS:
        return f"{value} is None"
    return f"not {value}"


def is_empty(kind: str, value: Any) -> bool:
    """Whether a field value of this kind is empty, as Go's ``omitempty`` sees it."""
    if kind == Kind.TIME:
        return False
    if kind in _NIL_KINDS:
        return value is None
    return not value


@attrs.frozen(slots=True)
class FieldSpec:
    """What the decoder, validators and converter need to know about one field."""

    name: str  # the Python attribute
    key: str  # the JSON key
    omitempty: bool
    go: str  # the Go type as declared, e.g. "[]*flows.ContactReference"
    kind: str
    validate: Tuple[str, ...]  # goflow's validate tags, split
    strict: Tuple[str, ...]  # opt-in checks beyond goflow
    model: Optional[type] = None  # nested attrs class (struct kinds, list/map elements)
    elem_kind: str = ""  # for LIST and MAP: STRING or STRUCT_PTR
    go_elem: str = ""  # the Go element type shown in element errors

    @property
    def go_display(self) -> str:
        """The Go type as ``encoding/json`` prints it for a whole-value mismatch."""
        return self.go[1:] if self.go.startswith("*") else self.go


def is_model(cls: Any) -> bool:
    """True for attrs classes with fields declared by :func:`gofield` (the Go structs)."""
    return (
        isinstance(cls, type)
        and attrs.has(cls)
        and any(_META in a.metadata for a in attrs.fields(cls))
    )


def _strip_optional(tp: Any) -> Tuple[Any, bool]:
    if typing.get_origin(tp) is typing.Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
        return typing.Union[tuple(args)], True
    return tp, False


def _kind_of(go: str, tp: Any) -> Tuple[str, Optional[type], str]:
    base, optional = _strip_optional(tp)
    if go == "types.XText":
        return Kind.XTEXT, None, ""
    if go == "*types.XDateTime":
        return Kind.XDATETIME, None, ""
    if go == "*types.XNumber":
        return Kind.XNUMBER, None, ""
    if go == "flows.Hint":
        return Kind.HINT, None, ""
    if base is Timestamp:
        return Kind.TIME, None, ""
    if base is RawJSON:
        return Kind.RAW, None, ""
    if base is bool:
        return Kind.BOOL, None, ""
    if base is int:
        return (Kind.INT_PTR if optional else Kind.INT), None, ""
    if base is str:
        return Kind.STRING, None, ""
    if base is decimal.Decimal:
        return Kind.XNUMBER, None, ""
    origin = typing.get_origin(base)
    if origin is tuple:
        elem, _ = _strip_optional(typing.get_args(base)[0])
        if elem is str:
            return Kind.LIST, None, Kind.STRING
        if is_model(elem):
            return Kind.LIST, elem, Kind.STRUCT_PTR
    if origin is dict:
        elem, _ = _strip_optional(typing.get_args(base)[1])
        if is_model(elem):
            return Kind.MAP, elem, Kind.STRUCT_PTR
    if is_model(base):
        return (Kind.STRUCT_PTR if optional else Kind.STRUCT), base, ""
    raise TypeError(f"cannot map {tp!r} (Go {go}) to a goflow kind")


def _element_go(go: str) -> str:
    if go.startswith("map["):
        depth = 0
        for i, ch in enumerate(go):
            if ch == "[":
                depth += 1
            elif ch == "]":
                depth -= 1
                if depth == 0:
                    go = go[i + 1 :]
                    break
    elif go.startswith("[]"):
        go = go[2:]
    return go.lstrip("*")


@functools.cache
def specs(cls: type) -> Tuple[FieldSpec, ...]:
    """The field specs of a model class, in Go declaration (= attrs) order.

    Fields declared without :func:`gofield` (such as an event's ``type``) are left out.
    """
    hints = typing.get_type_hints(cls)
    out = []
    for a in attrs.fields(cls):
        meta = a.metadata.get(_META)
        if meta is None:
            continue
        json_tag, go, validate, strict = meta
        key, _, opts = json_tag.partition(",")
        kind, model, elem_kind = _kind_of(go, hints[a.name])
        out.append(
            FieldSpec(
                name=a.name,
                key=key,
                omitempty="omitempty" in opts.split(","),
                go=go,
                kind=kind,
                validate=tuple(t for t in validate.split(",") if t),
                strict=tuple(t for t in strict.split(",") if t),
                model=model,
                elem_kind=elem_kind,
                go_elem=_element_go(go) if kind in (Kind.LIST, Kind.MAP) else "",
            )
        )
    return tuple(out)
