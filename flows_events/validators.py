"""goflow's ``validate`` tags, as plain checks and as one validation walk.

goflow validates an event after decoding it with go-playground/validator v9: a
depth-first walk over the struct, field by field in declaration order, collecting every
failure with its path. :func:`validate` is that walk over a model instance, driven by
the tags each field declares (see :mod:`flows_events.fields`); events call it when they
are constructed, so an event read from JSON and one built by hand obey the same rules.

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
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

import attrs

from . import urns
from .errors import EventError, FieldError, ValidationError
from .fields import FieldSpec, Kind, specs

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

# validator v9's patterns, lowercase only; fullmatch replaces Go's ^...$ (no \n slack)
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_UUID4 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def is_uuid(value: str) -> bool:
    """validator v9's ``uuid``: a lowercase UUID of any version."""
    return _UUID.fullmatch(value) is not None


def is_uuid4(value: str) -> bool:
    """validator v9's ``uuid4``: a lowercase version-4, RFC 4122 variant UUID."""
    return _UUID4.fullmatch(value) is not None


def is_urn(value: str) -> bool:
    """goflow's ``urn`` tag: the URN passes gocommon's ``Validate``."""
    return urns.validation_error(value) is None


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


@functools.lru_cache(maxsize=None)
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

    try:
        email_validator.validate_email(value, check_deliverability=False)
    except email_validator.EmailNotValidError:
        return False
    return True


def is_timezone(value: str) -> bool:
    """Strict: an IANA time zone name that zoneinfo can load."""
    if not value or value.startswith(("/", ".")) or ".." in value or "\x00" in value:
        return False
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
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
    ``RegisterStructValidation``)."""
    for cls in classes:
        _STRUCT_RULES[cls] = _STRUCT_RULES.get(cls, ()) + (rule,)


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


@attrs.frozen(slots=True)
class _Step:
    spec: FieldSpec
    tags: Tuple[Tuple[str, str], ...]  # (name, param) pairs


def _split(tags: Sequence[str]) -> Tuple[Tuple[str, str], ...]:
    return tuple((t.partition("=")[0], t.partition("=")[2]) for t in tags)


_plans: Dict[Tuple[type, bool], Tuple[_Step, ...]] = {}


def _plan(cls: type, strict: bool) -> Tuple[_Step, ...]:
    plan = _plans.get((cls, strict))
    if plan is None:
        plan = _plans[cls, strict] = _make_plan(cls, strict)
    return plan


def _make_plan(cls: type, strict: bool) -> Tuple[_Step, ...]:
    steps = []
    for spec in specs(cls):
        tags = _split(spec.strict if strict else spec.validate)
        if strict and not tags and spec.model is not None and spec.kind in (Kind.LIST, Kind.MAP):
            tags = (("dive", ""),)  # strict checks reach into every nested struct
        if tags or spec.kind in (Kind.STRUCT, Kind.STRUCT_PTR, Kind.HINT):
            steps.append(_Step(spec, tags))
    return tuple(steps)


def _walk(obj: Any, prefix: str, errors: List[FieldError], strict: bool) -> None:
    for step in _plan(type(obj), strict):
        spec = step.spec
        _check(getattr(obj, spec.name), spec.kind, spec.elem_kind, step.tags,
               prefix + spec.key, errors, strict)
    if not strict:
        for rule in _STRUCT_RULES.get(type(obj), ()):
            rule(obj, prefix, errors)


def _check(
    value: Any,
    kind: str,
    elem_kind: str,
    tags: Tuple[Tuple[str, str], ...],
    name: str,
    errors: List[FieldError],
    strict: bool,
) -> None:
    if value is None and kind in _POINTERS:
        # validator v9 reports a nil pointer once, under its first tag, unless omitempty
        if tags and tags[0][0] != "omitempty":
            errors.append(FieldError(name, tags[0][0], tags[0][1], strict=strict))
        return
    if kind in (Kind.STRUCT, Kind.STRUCT_PTR, Kind.HINT):
        # a struct's own tags are never evaluated; its fields are
        _walk(value, name + ".", errors, strict)
        return
    if kind == Kind.XTEXT:
        return
    rules = STRICT_RULES if strict else RULES
    for i, (tag, param) in enumerate(tags):
        if tag == "omitempty":
            if _is_empty(value, kind):
                return
        elif tag == "dive":
            rest = tags[i + 1 :]
            if kind == Kind.LIST and value is not None:
                for j, elem in enumerate(value):
                    _check(elem, elem_kind, "", rest, f"{name}[{j}]", errors, strict)
            elif kind == Kind.MAP and value is not None:
                for key, elem in value.items():
                    _check(elem, elem_kind, "", rest, f"{name}[{key}]", errors, strict)
            return
        else:
            detail = rules[tag](value, kind, param)
            if detail is not None:
                errors.append(FieldError(name, tag, param, strict=strict, detail=detail))
                return


def validate(obj: Any) -> List[FieldError]:
    """Every goflow validation failure of a model instance, in goflow's order."""
    errors: List[FieldError] = []
    _walk(obj, "", errors, False)
    return errors


def validate_values(cls: type, values: Mapping[str, Any]) -> List[FieldError]:
    """Validate a mapping of field values against ``cls``'s rules (absent fields are
    not checked); goflow's ``msg_wait`` decoder checks its base fields this way."""
    errors: List[FieldError] = []
    for step in _plan(cls, False):
        spec = step.spec
        if spec.name in values:
            _check(values[spec.name], spec.kind, spec.elem_kind, step.tags, spec.key, errors, False)
    return errors


def validate_strict(obj: Any) -> List[FieldError]:
    """Every strict-mode failure (checks beyond goflow) of a model instance."""
    errors: List[FieldError] = []
    _walk(obj, "", errors, True)
    return errors


def check(obj: Any) -> None:
    """Raise :class:`~flows_events.errors.ValidationError` if :func:`validate` finds anything."""
    errors = validate(obj)
    if errors:
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
