"""goflow's ``validate`` tags, as plain checks and as one validation walk.

goflow validates an event after decoding it with go-playground/validator v9: a
depth-first walk over the struct, field by field in declaration order, collecting every
failure with its path. :func:`validate` is that walk over a model instance, driven by
the tags each field declares (see :mod:`flows_events.fields`); events call it when they
are constructed, so an event read from JSON and one built by hand obey the same rules.
Before a field's rules, the walk checks that its value has a type the model holds (a
value read from JSON always has; one built by hand may not, and is then reported as a
``type`` failure, raised as :class:`~flows_events.errors.FieldTypeError`).

The individual checks are also here as plain functions (:func:`is_uuid4`, :func:`is_urn`,
...) and as attrs validators (:func:`uuid4`, :func:`urn`, ...) for use in your own classes.

Strict checks (:func:`validate_strict`) go beyond goflow and are never applied unless
asked for: real ISO 639-3 language codes, deliverable-looking email addresses (syntax
only, never a network call), possible phone numbers, IANA time zones and
``content-type:url`` attachments.
"""

from __future__ import annotations

import functools
import re
import zoneinfo
from decimal import Decimal
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

import attrs

from . import urns
from .codegen import Source
from .errors import EventError, FieldError, FieldTypeError, ValidationError
from .fields import Kind, specs

__all__ = [
    "is_uuid",
    "is_uuid4",
    "is_urn",
    "has_value",
    "is_language",
    "is_email",
    "is_timezone",
    "is_attachment",
    "uuid",
    "uuid4",
    "urn",
    "required",
    "min_items",
    "mutually_exclusive",
    "register_struct_validation",
    "validate",
    "validate_strict",
    "validate_values",
    "check",
]

# validator v9's uuid and uuid4 patterns (lowercase only, and no "\n" slack as Go's $
# has) are checked without the regex engine, whose per-character steps make a match
# cost about 250 ns: an ASCII string's bytes mapped through _HEX_SHAPE (a lowercase hex
# digit to "x", "-" to itself, any other byte to "?") must give _UUID_SHAPE, and a
# version-4 UUID has "4" at 14 and one of "89ab" at 19 (about 150 ns in all).
_HEX_SHAPE = bytes(
    ord("x") if chr(byte) in "0123456789abcdef" else ord("-") if byte == ord("-") else ord("?") for byte in range(256)
)
_UUID_SHAPE = b"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"


def is_uuid(value: str) -> bool:
    """validator v9's ``uuid``: a lowercase UUID of any version (a non-str is not)."""
    return isinstance(value, str) and value.isascii() and value.encode().translate(_HEX_SHAPE) == _UUID_SHAPE


def is_uuid4(value: str) -> bool:
    """validator v9's ``uuid4``: a lowercase version-4, RFC 4122 variant UUID (a non-str is not)."""
    return is_uuid(value) and value[14] == "4" and value[19] in "89ab"


def is_urn(value: str) -> bool:
    """goflow's ``urn`` tag: the URN passes gocommon's ``Validate`` (a non-str does not)."""
    return isinstance(value, str) and urns.validation_error(value) is None


_POINTERS = frozenset({Kind.STRUCT_PTR, Kind.INT_PTR, Kind.XDATETIME, Kind.XNUMBER, Kind.HINT})


def has_value(value: Any, kind: str = Kind.STRING) -> bool:
    """validator v9's ``required`` for a value of the given kind.

    Strings must be non-empty; slices, maps, pointers and raw JSON non-nil (an empty
    list passes); times must differ from Go's zero time (zone-sensitive, see
    :attr:`Timestamp.is_zero <flows_events.timestamps.Timestamp.is_zero>`).
    """
    if kind == Kind.TIME:
        return not value.is_zero
    if kind in (Kind.STRING, Kind.INT, Kind.BOOL):
        return bool(value)
    return value is not None


def _is_empty(value: Any, kind: str) -> bool:
    # what the ``omitempty`` tag treats as "no value" (nil, "", 0, false, zero time)
    return not has_value(value, kind)


# ---------------------------------------------------------------------------
# strict checks


@functools.cache
def _iso639_3() -> frozenset[str]:
    try:
        import pycountry
    except ImportError:  # pragma: no cover - depends on the environment
        raise EventError(
            "strict language checks need pycountry: pip install 'flows_events[strict]'"
        ) from None
    return frozenset(lang.alpha_3 for lang in pycountry.languages)


def is_language(value: str) -> bool:
    """Strict: an ISO 639-3 code (from pycountry's copy of the standard), or ``base``."""
    return value == "base" or value in _iso639_3()


def is_email(value: str) -> bool:
    """Strict: an address email-validator accepts, syntax only (never a DNS lookup)."""
    import email_validator

    # email-validator refuses addresses longer than 254 characters once normalised, and
    # normalising (unquoting, NFC) cannot shrink a text to less than a sixth of its length;
    # refusing longer ones at once keeps older email-validator releases (whose checks are
    # quadratic in the length) out of the way of very long input
    if len(value) > 6 * 254:
        return False
    try:
        email_validator.validate_email(value, check_deliverability=False)
    except email_validator.EmailNotValidError:
        return False
    return True


def is_timezone(value: str) -> bool:
    """Strict: an IANA time zone name that zoneinfo can load."""
    if not value or value.startswith(("/", ".")) or ".." in value or "\x00" in value:
        return False
    if len(value) > 255 or value.count("/") > 5:  # IANA names have at most three parts
        return False
    try:
        zoneinfo.ZoneInfo(value)
    except Exception:  # not found, bad key, unreadable file...: not a zone
        return False
    return True


_ATTACHMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*)?:\S+")


def is_attachment(value: str) -> bool:
    """Strict: ``content-type:url`` with a media type (``image/jpeg``) or major type (``image``)."""
    if _ATTACHMENT.fullmatch(value) is None:
        return False
    content_type, _, url = value.partition(":")
    # a bare URL (``https://...``) splits as content type ``https``: not an attachment
    return not url.startswith("//")


def _strict_urn_error(value: str) -> str:
    scheme, path, _, _ = urns.to_parts(value)
    if scheme == urns.TEL_SCHEME:
        return urns.tel_strict_error(value) or ""
    if scheme == urns.EMAIL_SCHEME and not is_email(path):
        return f"invalid email address: {path}"
    return ""


# ---------------------------------------------------------------------------
# tags

Rule = Callable[[Any, str, str], Optional[str]]
"""A tag's check: (value, kind, param) -> None when it passes, else a detail ('' for none)."""


def _rule_required(value: Any, kind: str, param: str) -> Optional[str]:
    return None if has_value(value, kind) else ""


def _rule_min(value: Any, kind: str, param: str) -> Optional[str]:
    # a nil slice has no items (validator v9 takes len of nil as 0)
    return None if (0 if value is None else len(value)) >= int(param) else ""


def _rule_uuid(value: Any, kind: str, param: str) -> Optional[str]:
    return None if is_uuid(value) else ""


def _rule_uuid4(value: Any, kind: str, param: str) -> Optional[str]:
    return None if is_uuid4(value) else ""


def _rule_urn(value: Any, kind: str, param: str) -> Optional[str]:
    return None if is_urn(value) else ""


def _strict(check: Callable[[str], bool], what: str) -> Rule:
    def rule(value: Any, kind: str, param: str) -> Optional[str]:
        return None if check(value) else f"{value!r} is not {what}"

    return rule


def _rule_strict_urn(value: Any, kind: str, param: str) -> Optional[str]:
    return _strict_urn_error(value) or None


RULES: Dict[str, Rule] = {
    "required": _rule_required,
    "min": _rule_min,
    "uuid": _rule_uuid,
    "uuid4": _rule_uuid4,
    "urn": _rule_urn,
}

STRICT_RULES: Dict[str, Rule] = {
    "language": _strict(is_language, "an ISO 639-3 language code"),
    "email": _strict(is_email, "a valid email address"),
    "urn_strict": _rule_strict_urn,
    "timezone": _strict(is_timezone, "an IANA time zone"),
    "attachment": _strict(is_attachment, "a content-type:url attachment"),
}

StructRule = Callable[[Any, str, List[FieldError]], None]
_STRUCT_RULES: Dict[type, Tuple[StructRule, ...]] = {}


def register_struct_validation(rule: StructRule, *classes: type) -> None:
    """Run ``rule(obj, prefix, errors)`` after the field rules of each class (Go's
    ``RegisterStructValidation``). Code compiled from the old rules is forgotten."""
    for cls in classes:
        _STRUCT_RULES[cls] = _STRUCT_RULES.get(cls, ()) + (rule,)
    _walks.clear()
    for forget in rules_changed:
        forget()


#: Called (without arguments) when the rules change: modules holding code compiled
#: from them (the fast path) register here to drop it.
rules_changed: List[Callable[[], None]] = []


def mutually_exclusive(first: str, second: str) -> StructRule:
    """A struct rule: exactly one of two string fields must be set.

    When both or neither are set it reports two errors, ``first`` then ``second``,
    with goflow's ``is mutually exclusive with`` message.
    """

    def rule(obj: Any, prefix: str, errors: List[FieldError]) -> None:
        if bool(getattr(obj, first)) == bool(getattr(obj, second)):
            errors.append(FieldError(prefix + first, "mutually_exclusive", second))
            errors.append(FieldError(prefix + second, "mutually_exclusive", first))

    return rule


# ---------------------------------------------------------------------------
# the walk
#
# goflow's walk is generic (tags read by reflection); here each class's walk is
# compiled once into a plain Python function from the same tags, because events are
# validated every time one is built and bulk loads build millions.

Walk = Callable[[Any, str, List[FieldError]], None]
_walks: Dict[Tuple[type, bool], Walk] = {}


def _split(tags: Sequence[str]) -> List[Tuple[str, str]]:
    return [(t.partition("=")[0], t.partition("=")[2]) for t in tags]


def _walk(obj: Any, prefix: str, errors: List[FieldError], strict: bool) -> None:
    cls = type(obj)
    walk = _walks.get((cls, strict))
    if walk is None:
        walk = _walks[cls, strict] = _compile(cls, strict)
    walk(obj, prefix, errors)


def _empty(value: str, kind: str) -> str:
    # the Python test for "no value" (goflow's required fails, omitempty skips)
    if kind == Kind.TIME:
        return f"{value}.is_zero"
    if kind in (Kind.STRING, Kind.INT, Kind.BOOL):
        return f"not {value}"
    return f"{value} is None"


def _emit(
    src: Source,
    depth: int,
    value: str,
    kind: str,
    elem_kind: str,
    tags: List[Tuple[str, str]],
    name: str,
    strict: bool,
    level: int,
    check_only: bool = False,
) -> None:
    # the code for one field (or list element) named by the expression ``name``;
    # with ``check_only`` a failure raises _Fallback and nested structs are not visited
    # (the fast path builds and checks each struct on its own)
    def error(tag: str, param: str, detail: str = "''") -> str:
        if check_only:
            return "raise _Fallback"
        return f"errors.append(_FieldError({name}, {tag!r}, {param!r}, {strict!r}, {detail}))"

    if kind in _POINTERS:
        src.add(depth, f"if {value} is None:")
        if tags and tags[0][0] != "omitempty":
            # validator v9 reports a nil pointer once, under its first tag
            src.add(depth + 1, error(*tags[0]))
        else:
            src.add(depth + 1, "pass")
        src.add(depth, "else:")
        depth += 1
    if kind in (Kind.STRUCT, Kind.STRUCT_PTR, Kind.HINT):
        # a struct's own tags are never evaluated; its fields are
        src.add(depth, "pass" if check_only else f"_walk({value}, {name} + '.', errors, {strict!r})")
        return
    if kind == Kind.XTEXT:
        src.add(depth, "pass")
        return
    rules = STRICT_RULES if strict else RULES
    emitted = False
    for i, (tag, param) in enumerate(tags):
        if tag == "omitempty":
            src.add(depth, f"if not ({_empty(value, kind)}):")
            depth += 1
        elif tag == "dive":
            rest = tags[i + 1 :]
            item = f"_v{level}"
            index = f"_i{level}"
            src.add(depth, f"if {value} is not None:")
            if kind == Kind.LIST:
                src.add(depth + 1, f"for {index}, {item} in enumerate({value}):")
            else:
                src.add(depth + 1, f"for {index}, {item} in {value}.items():")
            element = f"({name} + '[' + str({index}) + ']')"
            if elem_kind == Kind.STRUCT_PTR and not rest:
                src.add(depth + 2, f"if {item} is not None:")
                src.add(depth + 3, "pass" if check_only else f"_walk({item}, {element} + '.', errors, {strict!r})")
            else:
                _emit(src, depth + 2, item, elem_kind, "", rest, element, strict, level + 1, check_only)
            emitted = True
            break
        elif tag == "required" and not strict:
            src.add(depth, f"if {_empty(value, kind)}:")
            src.add(depth + 1, error(tag, param))
            src.add(depth, "else:")
            depth += 1
        elif tag == "min" and not strict:
            src.add(depth, f"if (0 if {value} is None else len({value})) < {int(param)}:")
            src.add(depth + 1, error(tag, param))
            src.add(depth, "else:")
            depth += 1
        elif tag in ("uuid", "uuid4", "urn") and not strict:  # goflow's string rules, inlined
            if tag != "urn":  # is_uuid, is_uuid4 (see _HEX_SHAPE)
                shape = f"{value}.encode().translate({src.const(_HEX_SHAPE)}) == {src.const(_UUID_SHAPE)}"
                version = f" and {value}[14] == '4' and {value}[19] in '89ab'" if tag == "uuid4" else ""
                test = f"not ({value}.isascii() and {shape}{version})"
            else:  # the common valid URNs without a call, the others checked once
                uncommon = src.const(urns.uncommon_validation_error)
                test = f"{src.const(urns.common_valid)}({value}) is None and {uncommon}({value}) is not None"
                if check_only and i == len(tags) - 1:  # the fast path's (``value`` is a str, not a subclass)
                    src.add(depth, f"if {value} in {src.const(urns.recently_valid)}: pass")
                    src.add(depth, f"elif {test}: raise _Fallback")
                    src.add(depth, f"else: {src.const(urns.remember_valid)}({value})")
                    continue
            src.add(depth, f"if {test}:")
            src.add(depth + 1, error(tag, param))
            src.add(depth, "else:")
            depth += 1
        else:
            rule = src.const(rules[tag])
            detail = f"_d{level}"
            src.add(depth, f"{detail} = {rule}({value}, {kind!r}, {param!r})")
            src.add(depth, f"if {detail} is not None:")
            src.add(depth + 1, error(tag, param, detail))
            src.add(depth, "else:")
            depth += 1
    if not emitted:
        src.add(depth, "pass")


def _type_test(src: Source, spec: Any, value: str) -> Tuple[str, str, Optional[type]]:
    """A Python test that the field value in ``value`` has a type the model can hold
    (and the writers write), its description for the error, and for a list or map the
    type of its items.

    Read values always have; hand-built ones may not (``text=5``), and are reported as
    such instead of failing later, in a check or a writer, with Python's own error.
    """
    from .gojson import RawJSON
    from .timestamps import Timestamp
    from .types import Hint

    kind = spec.kind
    held: type = {
        Kind.HINT: Hint,
        Kind.BOOL: bool,
        Kind.INT: int,
        Kind.INT_PTR: int,
        Kind.TIME: Timestamp,
        Kind.XDATETIME: Timestamp,
        Kind.XNUMBER: Decimal,
        Kind.RAW: RawJSON,
    }.get(kind, spec.model or str)  # (a struct's, or its items'; else a str)
    name = held.__name__
    if kind in (Kind.LIST, Kind.MAP):
        item = f"isinstance(x, {src.const(held)})"
        if held is not str:
            item = f"(x is None or {item})"
        if kind == Kind.LIST:
            test = f"isinstance({value}, tuple) and all({item} for x in {value})"
            return f"{value} is None or ({test})", f"a tuple of {name} or None", held
        test = f"isinstance({value}, dict) and all(isinstance(k, str) and {item} for k, x in {value}.items())"
        return f"{value} is None or ({test})", f"a dict of str to {name} or None", held
    test = f"isinstance({value}, {src.const(held)})"
    if held is int:
        test += f" and not isinstance({value}, bool)"
    expected = ("an " if name[0] in "aeiouAEIOU" else "a ") + name
    if kind in _POINTERS or kind == Kind.RAW:
        return f"{value} is None or {test}", expected + " or None", None
    return test, expected, None


def _type_name(value: Any, item_type: Optional[type] = None) -> str:
    # the type of a value of the wrong type, as the error shows it (for a container of
    # ``item_type`` items, the first wrong item or key)
    if item_type is not None and isinstance(value, (tuple, dict)):
        pairs = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in pairs:
            if isinstance(value, dict) and not isinstance(key, str):
                return f"a dict with a key of type {type(key).__name__}"
            if not isinstance(item, item_type) and not (item is None and item_type is not str):
                part = "a value" if isinstance(value, dict) else "an item"
                return f"a {type(value).__name__} with {part} of type {type(item).__name__}"
    return type(value).__name__


_ZEROS: Dict[str, Any] = {Kind.STRING: "", Kind.XTEXT: "", Kind.BOOL: False, Kind.INT: 0}


def _compile(cls: type, strict: bool) -> Walk:
    src = Source()
    src.add(0, "def walk(obj, prefix, errors):")
    defaults = {a.name: a.default for a in attrs.fields(cls)} if attrs.has(cls) else {}
    for spec in specs(cls):
        tags = _split(spec.strict if strict else spec.validate)
        if strict and not tags and spec.model is not None and spec.kind in (Kind.LIST, Kind.MAP):
            tags = [("dive", "")]  # strict checks reach into every nested struct
        if strict and not tags and spec.kind not in (Kind.STRUCT, Kind.STRUCT_PTR, Kind.HINT):
            continue
        value = f"_f_{spec.name}"
        src.add(1, f"{value} = obj.{spec.name}")
        if spec.kind in _ZEROS and defaults[spec.name] is None:
            # a class of one's own may declare Optional[str] (or bool, int): None is Go's zero value
            src.add(1, f"if {value} is None: {value} = {_ZEROS[spec.kind]!r}")
        depth = 1
        if not strict:  # the value's type first (hand-built values); the rules only for the right one
            test, expected, items = _type_test(src, spec, value)
            src.add(1, f"if not ({test}):")
            item_type = "None" if items is None else src.const(items)
            src.add(2, f"errors.append(_FieldError(prefix + {spec.key!r}, 'type', {expected!r}, False, _type_name({value}, {item_type})))")
            src.add(1, "else:")
            depth = 2
        _emit(src, depth, value, spec.kind, spec.elem_kind, tags, f"prefix + {spec.key!r}", strict, 0)
    if not strict:
        for rule in _STRUCT_RULES.get(cls, ()):
            src.add(1, f"{src.const(rule)}(obj, prefix, errors)")
    src.add(1, "return None")
    walk: Walk = src.compile("walk", {"_walk": _walk, "_FieldError": FieldError, "_type_name": _type_name})
    return walk


def check_source(
    cls: type, skip: Sequence[str] = (), local: str = "_f_", prefix: str = "_k", depth: int = 1
) -> Tuple[List[str], Dict[str, Any]]:
    """Code that raises ``_Fallback`` when the locals ``<local><field>`` break ``cls``'s
    goflow rules (nested structs excepted), and the constants it needs (named
    ``<prefix><n>``; the struct rules, if any, as ``<prefix>rules``).

    The fast path inlines it into the builder of each class, so that the same tags
    drive both ways of checking an event.
    """
    src = Source(prefix=prefix)
    for spec in specs(cls):
        tags = _split(spec.validate)
        if not tags or spec.name in skip:
            continue
        _emit(src, depth, f"{local}{spec.name}", spec.kind, spec.elem_kind, tags, repr(spec.key), False, 0, True)
    rules = _STRUCT_RULES.get(cls, ())
    if rules:
        src.consts[f"{prefix}rules"] = rules
    return src.lines, src.consts


def validate(obj: Any) -> List[FieldError]:
    """Every goflow validation failure of a model instance, in goflow's order."""
    errors: List[FieldError] = []
    _walk(obj, "", errors, False)
    return errors


def validate_values(cls: type, values: Mapping[str, Any]) -> List[FieldError]:
    """Validate field values against ``cls``'s rules (fields absent from ``values``
    take their defaults); goflow's ``msg_wait`` decoder checks its base fields this way."""
    fields = {a.name: a for a in attrs.fields(cls)}
    obj = _Values()
    for name, field in fields.items():
        if name in values:
            setattr(obj, name, values[name])
        elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            if field.default.takes_self:
                raise TypeError(f"validate_values needs a value for {name!r}")
            setattr(obj, name, field.default.factory())
        else:
            setattr(obj, name, field.default)
    errors: List[FieldError] = []
    compiled = _walks.get((cls, False))
    if compiled is None:
        compiled = _walks[cls, False] = _compile(cls, False)
    compiled(obj, "", errors)
    return errors


class _Values:
    """A plain attribute bag standing in for an instance in :func:`validate_values`."""


def validate_strict(obj: Any) -> List[FieldError]:
    """Every strict-mode failure (checks beyond goflow) of a model instance."""
    errors: List[FieldError] = []
    _walk(obj, "", errors, True)
    return errors


def check(obj: Any) -> None:
    """Raise :class:`~flows_events.errors.ValidationError` if :func:`validate` finds
    anything (:class:`~flows_events.errors.FieldTypeError` if a value has the wrong type)."""
    errors = validate(obj)
    if errors:
        if any(error.tag == "type" for error in errors):
            raise FieldTypeError(errors)
        raise ValidationError(errors)


# ---------------------------------------------------------------------------
# attrs validators for users' own classes


def _attrs_validator(tag: str, param: str = "", kind: str = Kind.STRING) -> Callable[[Any, Any, Any], None]:
    def validator(instance: Any, attribute: Any, value: Any) -> None:
        if RULES[tag](value, kind, param) is not None:
            raise ValidationError([FieldError(attribute.name, tag, param)])

    return validator


def uuid() -> Callable[[Any, Any, Any], None]:
    """attrs validator: goflow's ``uuid`` tag."""
    return _attrs_validator("uuid")


def uuid4() -> Callable[[Any, Any, Any], None]:
    """attrs validator: goflow's ``uuid4`` tag."""
    return _attrs_validator("uuid4")


def urn() -> Callable[[Any, Any, Any], None]:
    """attrs validator: goflow's ``urn`` tag."""
    return _attrs_validator("urn")


def required(kind: str = Kind.STRING) -> Callable[[Any, Any, Any], None]:
    """attrs validator: goflow's ``required`` tag for a value of ``kind``."""
    return _attrs_validator("required", kind=kind)


def min_items(n: int) -> Callable[[Any, Any, Any], None]:
    """attrs validator: goflow's ``min=n`` on a list."""
    return _attrs_validator("min", str(n), Kind.LIST)
