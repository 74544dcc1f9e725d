"""JSON Schema (draft 2020-12) for goflow events, derived from the model.

goflow publishes no schema; this one lets other stacks check the same events. It is
built from the same field declarations the reader uses — keys, Go kinds and validate
tags — not written by hand per event. Every event goflow accepts validates against it
(except for goflow's case-insensitive keys and duplicate keys, which JSON Schema cannot
express); it rejects missing or empty required fields, malformed UUIDs and timestamps,
and values of the wrong JSON kind. Checks JSON Schema cannot state exactly (a URN's
per-scheme rules, the group/label ``uuid``-or-``name_match`` rule) are approximated
or left to the reader.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Optional

from .events import Event, registered_types
from .fields import FieldSpec, Kind, specs
from .types import HINT_TYPES, Hint

__all__ = ["json_schema", "DRAFT"]

DRAFT = "https://json-schema.org/draft/2020-12/schema"

_UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_UUID4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
# Go's lenient RFC 3339 (json.md §2.9), as a regular expression over the string value
_TIME = (
    r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([0-9]|[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
    r"([.,][0-9]+)?(Z|[+-][+-]?[0-9]+:[+-]?[0-9]+)$"
)
# a URN has a scheme and a path (per-scheme rules are left to the reader)
_URN = r"^[^:?#]+:[^?#]"
_INT64 = {"type": "integer", "minimum": -(2**63), "maximum": 2**63 - 1}


def _nullable(schema: Dict[str, Any]) -> Dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _string(tags: Iterable[str]) -> Dict[str, Any]:
    schema: Dict[str, Any] = {"type": "string"}
    tags = list(tags)
    optional = "omitempty" in tags
    for tag in tags:
        if tag == "required":
            schema["minLength"] = 1
        elif tag in ("uuid", "uuid4"):
            pattern = _UUID4 if tag == "uuid4" else _UUID
            schema["pattern"] = f"^({pattern})?$" if optional else f"^{pattern}$"
        elif tag == "urn":
            schema["pattern"] = f"(^$)|{_URN}" if optional else _URN
    return schema


def _ref(cls: type) -> Dict[str, Any]:
    return {"$ref": f"#/$defs/{cls.__name__}"}


def _field(spec: FieldSpec, required: bool) -> Dict[str, Any]:
    tags = spec.validate
    kind = spec.kind
    if kind in (Kind.STRING, Kind.XTEXT):
        schema = _string(tags if kind == Kind.STRING else ())
        # null leaves a Go string unchanged: allowed unless the string is required
        return schema if required else _nullable(schema)
    if kind == Kind.BOOL:
        return {"type": ["boolean", "null"]}
    if kind in (Kind.INT, Kind.INT_PTR):
        return _nullable(dict(_INT64))
    if kind == Kind.TIME:
        time = {"type": "string", "pattern": _TIME}
        return time if required else _nullable(time)
    if kind == Kind.XDATETIME:
        return _nullable({"type": "string", "pattern": _TIME})
    if kind == Kind.XNUMBER:
        return {"type": ["number", "string", "null"]}
    if kind == Kind.RAW:
        return {}
    if kind in (Kind.STRUCT, Kind.STRUCT_PTR):
        assert spec.model is not None
        if kind == Kind.STRUCT or not required:
            return _nullable(_ref(spec.model))
        return _ref(spec.model)
    if kind == Kind.LIST:
        dive = list(tags[tags.index("dive") + 1 :]) if "dive" in tags else []
        if spec.model is not None:
            items = _nullable(_ref(spec.model))
        else:
            items = _nullable(_string(dive or ()))
            if "urn" in dive:
                items = _string(dive)  # a null URN becomes "", which fails the urn check
        array: Dict[str, Any] = {"type": "array", "items": items}
        for tag in tags:
            if tag.startswith("min="):
                array["minItems"] = int(tag[4:])
        return array if required else _nullable(array)
    if kind == Kind.MAP:
        assert spec.model is not None
        return _nullable({"type": "object", "additionalProperties": _nullable(_ref(spec.model))})
    if kind == Kind.HINT:
        return {"oneOf": [_ref(cls) for cls in HINT_TYPES.values()]}
    raise AssertionError(kind)  # pragma: no cover


def _object(cls: type, type_const: Optional[str]) -> Dict[str, Any]:
    properties: Dict[str, Any] = {}
    required: List[str] = []
    for spec in specs(cls):
        if spec.name == "type" and type_const is not None:
            properties["type"] = {"const": type_const}
            required.append("type")
            continue
        is_required = "required" in spec.validate and spec.kind not in (Kind.STRUCT, Kind.XTEXT)
        properties[spec.key] = _field(spec, is_required)
        if is_required:
            required.append(spec.key)
    schema: Dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    if cls.__doc__:
        schema["description"] = cls.__doc__.strip().split("\n\n")[0].replace("\n", " ")
    return schema


def _models(classes: Iterable[type]) -> List[type]:
    seen: List[type] = []
    todo = list(classes)
    while todo:
        cls = todo.pop(0)
        if cls in seen:
            continue
        seen.append(cls)
        todo.extend(s.model for s in specs(cls) if s.model is not None)
        if any(s.kind == Kind.HINT for s in specs(cls)):
            todo.extend(HINT_TYPES.values())
    return seen


def json_schema(types: Optional[Iterable[str]] = None) -> Dict[str, Any]:
    """The JSON Schema for the named event types (all registered ones by default).

    The top level is a union discriminated by ``type``; each event and nested type is
    a definition under ``$defs``.
    """
    registry = registered_types()
    names = list(types) if types is not None else sorted(registry)
    unknown = [name for name in names if name not in registry]
    if unknown:
        raise ValueError(f"unknown event type(s): {', '.join(unknown)}")
    events = [registry[name] for name in names]
    defs: Dict[str, Any] = {}
    for cls in _models(events):
        if issubclass(cls, (Event, Hint)):
            defs[cls.__name__] = _object(cls, cls.TYPE)
        else:
            defs[cls.__name__] = _object(cls, None)
    refs = [_ref(cls) for cls in events]
    return {
        "$schema": DRAFT,
        "$id": "urn:flows-events:goflow-v0.36.0:events",
        "title": "goflow v0.36.0 events",
        "description": "Events of the goflow flow engine, as flows_events reads them.",
        "oneOf": refs,
        "$defs": defs,
    }
