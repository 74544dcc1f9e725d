"""The cattrs converter: structure and unstructure hooks for every event and type.

:func:`register_hooks` installs the hooks into any :class:`cattrs.Converter`
(including ``cattrs.global_converter``); :data:`converter` is a ready-made one.

Structuring an :class:`~flows_events.events.Event` reads its ``type`` as goflow does
(case-insensitive key, last one wins, goflow's errors) and dispatches through the type
registry, so classes registered later with
:func:`~flows_events.events.register_type` are picked up by every converter. (cattrs'
tagged-union strategy reads the tag with a plain ``data["type"]``, which cannot give
goflow's verdicts on ``{"TYPE": ...}``, a ``null`` type or a later duplicate.) A
concrete class decodes the document with goflow's rules (:mod:`flows_events.decoding`)
and builds the instance with a structure function cattrs generates once per class;
construction runs goflow's validation. Unstructuring uses cattrs-generated functions
too, with goflow's key order and ``omitempty``.

Hints (``msg_wait``) use cattrs' tagged-union strategy on their ``type``.
"""

from __future__ import annotations

import decimal
import typing
from typing import Any, Callable, Dict, Optional, Tuple, Union

import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.strategies import configure_tagged_union

from . import decoding, fastpath, validators
from .errors import EventError, UnknownTypeError, ValidationError
from .events import Event, UnknownEvent, event_class
from .fields import Kind, is_empty, is_model, specs
from .gojson import RawJSON, sort_map_keys
from .numbers import xnumber_data
from .timestamps import Timestamp
from .types import HINT_TYPES, Hint

__all__ = ["converter", "register_hooks", "reader"]

_HintUnion = Union[tuple(HINT_TYPES.values())]  # type: ignore[valid-type]


def _hint_tag(cls: Any) -> str:
    return cls.TYPE  # type: ignore[no-any-return]


def _passthrough(value: Any, _: Any) -> Any:
    return value


def _raw_to_json(value: RawJSON) -> Any:
    return value.value


def _xdatetime_out(value: Optional[Timestamp]) -> Optional[str]:
    return None if value is None else value.xdatetime_format()


def _is_concrete_model(t: Any) -> bool:
    return is_model(t) and t is not Event and t is not Hint


def _is_event_collection(t: Any) -> bool:
    origin = typing.get_origin(t)
    if origin is None or typing.get_args(t) not in ((Event,), (Event, Ellipsis)):
        return False
    return origin in (list, tuple) or getattr(origin, "__module__", "") == "collections.abc"


def register_hooks(
    conv: cattrs.Converter, *, strict: bool = False, lenient: bool = False
) -> cattrs.Converter:
    """Install flows_events' hooks into ``conv`` and return it.

    Afterwards ``conv.structure(data, Event)`` reads any registered event (and
    ``list[Event]`` a mixed list), ``conv.structure(data, MsgCreatedEvent)`` a given
    one, and ``conv.unstructure(event)`` gives goflow's JSON as Python data (raw JSON
    fields parsed, numbers as ``int``/``float``, or ``Decimal`` when a float would round).

    ``strict=True`` adds the checks beyond goflow (as ``read_event(..., strict=True)``);
    ``lenient=True`` reads unknown types as :class:`~flows_events.events.UnknownEvent`
    and keeps unknown keys (as ``read_event(..., lenient=True)``).
    """
    _install(conv, strict=strict, lenient=lenient)
    return conv


def _install(conv: cattrs.Converter, *, strict: bool, lenient: bool) -> None:
    conv.register_structure_hook(Timestamp, _passthrough)
    conv.register_structure_hook(RawJSON, _passthrough)
    conv.register_structure_hook(decimal.Decimal, _passthrough)
    conv.register_unstructure_hook(Timestamp, Timestamp.isoformat)
    conv.register_unstructure_hook(RawJSON, _raw_to_json)
    conv.register_unstructure_hook(decimal.Decimal, xnumber_data)
    conv.register_unstructure_hook(UnknownEvent, lambda event: _raw_to_json(event.raw))

    def map_out(value: Optional[Dict[str, Any]]) -> Any:
        if value is None:
            return None
        return sort_map_keys({k: None if v is None else conv.unstructure(v) for k, v in value.items()})

    def structure_factory(cls: type) -> Callable[[Any, Any], Any]:
        generated: Callable[[Any, Any], Any] = make_dict_structure_fn(
            cls,
            conv,
            _cattrs_forbid_extra_keys=False,
            _cattrs_detailed_validation=False,
            _cattrs_prefer_attrib_converters=False,
        )
        if not issubclass(cls, Event):
            return generated

        def structure(data: Any, _: Any) -> Any:
            event = fastpath.read_dict(data, cls, strict, lenient)
            if event is not None:
                return event
            event = generated(decoding.decode(data, cls, keep_unknown=lenient), cls)
            if strict:
                errors = validators.validate_strict(event)
                if errors:
                    raise ValidationError(errors)
            return event

        return structure

    def unstructure_factory(cls: type) -> Callable[[Any], Any]:
        overrides: Dict[str, Any] = {"unknown_keys": override(omit=True)}
        for spec in specs(cls):
            kwargs: Dict[str, Any] = {}
            if spec.key != spec.name:
                kwargs["rename"] = spec.key
            if spec.kind == Kind.XDATETIME:
                kwargs["unstruct_hook"] = _xdatetime_out
            elif spec.kind == Kind.MAP:
                kwargs["unstruct_hook"] = map_out
            if kwargs:
                overrides[spec.name] = override(**kwargs)
        generated: Callable[[Any], Dict[str, Any]] = make_dict_unstructure_fn(
            cls, conv, _cattrs_include_init_false=True, **overrides
        )
        # Go's omitempty leaves out empty values (not values equal to a Python default,
        # cattrs' omit_if_default, which would also move the others out of Go's order)
        omittable = [(spec.key, spec.name, spec.kind) for spec in specs(cls) if spec.omitempty]

        def unstructure(value: Any) -> Dict[str, Any]:
            out = generated(value)
            for key, name, kind in omittable:
                if is_empty(kind, getattr(value, name)):
                    del out[key]
            for key, raw in value.unknown_keys:
                out.setdefault(key, _raw_to_json(raw))
            return out

        return unstructure

    conv.register_structure_hook_factory(_is_concrete_model, structure_factory)
    conv.register_unstructure_hook_factory(_is_concrete_model, unstructure_factory)

    def structure_exact(data: Any) -> Any:
        type_name = decoding.read_type(data)
        cls = event_class(type_name)
        if cls is not None:
            return conv.structure(data, cls)
        if lenient:
            return UnknownEvent(type_name, decoding.raw_value(data))
        raise UnknownTypeError(type_name)

    structure_any = fastpath.dict_reader(strict, lenient, structure_exact)

    def unstructure_any(value: Any) -> Any:
        return conv.unstructure(value, unstructure_as=value.__class__)

    conv.register_structure_hook_func(lambda t: t is Event, structure_any)
    conv.register_unstructure_hook_func(lambda t: t is Event or t is Hint, unstructure_any)

    configure_tagged_union(_HintUnion, conv, tag_generator=_hint_tag, tag_name="type")
    hint_union = conv.get_structure_hook(_HintUnion)
    conv.register_structure_hook_func(lambda t: t is Hint, lambda v, _: hint_union(v, _HintUnion))

    def collection_factory(t: Any) -> Callable[[Any, Any], Any]:
        make = tuple if typing.get_origin(t) is tuple else list

        def structure_events(rows: Any, _: Any) -> Any:
            if isinstance(rows, (str, bytes, dict)) or not hasattr(rows, "__iter__"):
                raise EventError(f"expected a list of events, got {type(rows).__name__}")
            out = []
            for index, row in enumerate(rows):
                try:
                    out.append(structure_any(row))
                except EventError as error:
                    error.index = index  # type: ignore[attr-defined]
                    if hasattr(error, "add_note"):  # Python 3.11+
                        error.add_note(f"while structuring element [{index}]")
                    raise
            return make(out)

        return structure_events

    conv.register_structure_hook_factory(_is_event_collection, collection_factory)
    if isinstance(conv, _Converter):
        conv._event_hook = structure_any  # the shortcut, until another hook is registered


class _Converter(cattrs.Converter):
    """A cattrs ``Converter`` whose ``structure(data, Event)`` calls flows_events' event
    hook at once: for a small event, cattrs' dispatch is a good part of a call's cost.
    Registering any structure hook afterwards turns the shortcut off, so that cattrs'
    dispatch decides again (a copy of the converter has no shortcut either)."""

    __slots__ = ("_event_hook",)
    _event_hook: Optional[Callable[[Any, Any], Any]]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._event_hook = None
        super().__init__(*args, **kwargs)

    def structure(self, obj: Any, cl: Any) -> Any:
        if cl is Event and self._event_hook is not None:
            return self._event_hook(obj, cl)
        return super().structure(obj, cl)

    def register_structure_hook(self, *args: Any, **kwargs: Any) -> Any:
        self._event_hook = None
        return super().register_structure_hook(*args, **kwargs)

    def register_structure_hook_func(self, *args: Any, **kwargs: Any) -> Any:
        self._event_hook = None
        return super().register_structure_hook_func(*args, **kwargs)

    def register_structure_hook_factory(self, *args: Any, **kwargs: Any) -> Any:
        self._event_hook = None
        return super().register_structure_hook_factory(*args, **kwargs)


def _new(*, strict: bool = False, lenient: bool = False) -> cattrs.Converter:
    conv = _Converter(unstruct_collection_overrides={tuple: list})
    _install(conv, strict=strict, lenient=lenient)
    return conv


converter = _new()
"""A converter with every hook installed; its ``unstructure`` gives JSON-ready data."""

# read_event's options each have a converter of their own
_readers: Dict[Tuple[bool, bool], cattrs.Converter] = {
    (strict, lenient): converter if not (strict or lenient) else _new(strict=strict, lenient=lenient)
    for strict in (False, True)
    for lenient in (False, True)
}


def reader(*, strict: bool = False, lenient: bool = False) -> Callable[[Any], Any]:
    """The function that reads a parsed document into an event, for these options."""
    conv = _readers[strict, lenient]
    return lambda doc: conv.structure(doc, Event)


