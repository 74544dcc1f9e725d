"""Factories: one function per event type, plus helpers for the nested types.

Each event factory is named exactly like the event's ``type`` string and returns a
valid event with realistic defaults::

    >>> from flows_events.testing import factories
    >>> event = factories.msg_created(text="hi", urn="tel:+250788123123")
    >>> event.msg.text, event.msg.urn
    ('hi', 'tel:+250788123123')

Rules shared by all factories:

* every field of the class can be overridden by keyword (``created_on`` also takes
  an RFC 3339 string); unknown keywords raise :class:`TypeError`. That includes
  ``unknown_keys`` (the members lenient reading keeps); an event with some reads
  back equal only with ``read_event(..., lenient=True)``;
* ``created_on`` comes from the installed time source
  (:func:`flows_events.sources.now`) and every default UUID from the installed UUID
  source (:func:`flows_events.sources.new_uuid`), so under
  :func:`~flows_events.testing.clock.frozen_clock` and
  :func:`~flows_events.testing.clock.seeded_uuids` the output is reproducible;
  defaults are only computed (and UUIDs only drawn) for fields you do not give;
* with defaults and with overrides goflow accepts, the result round-trips:
  ``read_event(dumps(e)) == e``;
* raw-JSON fields (``contact``, ``environment``, ``payload``, ``extra``,
  ``run_summary``) take a :class:`~flows_events.gojson.RawJSON`, JSON text (``str``
  or ``bytes``) or Python data (``dict``, ``list``, numbers, ``bool``), which is
  serialised like Go's ``json.Marshal``. ``None`` for the always-written fields
  becomes :data:`RawJSON.NULL <flows_events.gojson.RawJSON.NULL>` (what reading the
  written ``null`` gives back); for ``extra`` (omitempty) ``None`` means absent.

Shortcut keywords (besides the fields), per factory:

==========================  ===================================================
factory                     shortcuts
==========================  ===================================================
``broadcast_created``       ``text`` (the base language's text), ``urn`` (one URN)
``contact_field_changed``   ``key`` (the field key), ``text``, ``number`` (value)
``contact_groups_changed``  ``added``, ``removed`` (group names)
``contact_refreshed``       ``name`` (the contact's name in the default contact)
``email_created``           ``address`` (one address)
``environment_refreshed``   ``timezone``, ``default_language``
``flow_entered``            ``flow_name``
``input_labels_added``      ``label_names``
``ivr_created``             ``text``, ``urn``, ``channel``, ``attachments``,
                            ``quick_replies`` (applied to ``msg``)
``msg_created``             same as ``ivr_created``
``msg_received``            ``text``, ``urn``, ``channel``, ``attachments``,
                            ``external_id`` (applied to ``msg``)
``msg_wait``                ``hint`` also takes a hint type name (``"image"``)
``session_triggered``       ``flow_name``, ``urn`` (one URN)
``webhook_called``          ``status`` defaults from ``status_code`` like goflow's
                            ``WebhookStatusFromCode``
==========================  ===================================================

A shortcut that sets the same thing as a field given alongside it is applied on top
of that field where that is natural (``msg_created(msg=m, text="hi")`` changes
``m``'s text); for list shortcuts (``urn``, ``added``, ``label_names``...) giving
both raises :class:`TypeError`.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from http import HTTPStatus
from typing import Any, Callable, Dict, Final, Mapping, Optional, Sequence, Tuple, TypeVar, Union

import attrs

from flows_events import events as ev
from flows_events import sources
from flows_events.gojson import RawJSON
from flows_events.timestamps import Timestamp
from flows_events.types import (
    AudioHint,
    BroadcastTranslation,
    ChannelReference,
    ContactReference,
    DigitsHint,
    FieldReference,
    FlowReference,
    GroupReference,
    Hint,
    ImageHint,
    LabelReference,
    LocationHint,
    MsgIn,
    MsgOut,
    MsgTemplating,
    TemplateReference,
    Value,
    VideoHint,
)

__all__ = [
    "MISSING",
    "FACTORIES",
    "event",
    # events
    "broadcast_created",
    "contact_field_changed",
    "contact_groups_changed",
    "contact_language_changed",
    "contact_name_changed",
    "contact_refreshed",
    "contact_timezone_changed",
    "contact_urns_changed",
    "email_created",
    "environment_refreshed",
    "error",
    "flow_entered",
    "input_labels_added",
    "ivr_created",
    "msg_created",
    "msg_received",
    "msg_wait",
    "resthook_called",
    "run_expired",
    "run_result_changed",
    "session_triggered",
    "wait_timed_out",
    "webhook_called",
    # nested
    "channel_reference",
    "template_reference",
    "group_reference",
    "label_reference",
    "flow_reference",
    "field_reference",
    "contact_reference",
    "msg_templating",
    "msg_out",
    "msg_in",
    "value",
    "broadcast_translation",
    "hint",
    "audio_hint",
    "digits_hint",
    "image_hint",
    "location_hint",
    "video_hint",
    "raw_json",
]


class _Missing(enum.Enum):
    MISSING = "MISSING"

    def __repr__(self) -> str:
        return "MISSING"


#: The default of every factory keyword: "not given, use the factory's default".
MISSING: Final = _Missing.MISSING

T = TypeVar("T")
Opt = Union[T, _Missing]
"""A keyword that may be left out (``MISSING``)."""

TimestampLike = Union[Timestamp, str]
JSONLike = Union[RawJSON, str, bytes, int, float, bool, None, Mapping[str, Any], Sequence[Any]]
"""What raw-JSON fields accept (see the module docs)."""
UnknownKeys = Sequence[Tuple[str, RawJSON]]
"""The ``unknown_keys`` of lenient reading: ``(key, raw value)`` pairs."""

# --- realistic defaults ------------------------------------------------------------

DEFAULT_URN: Final = "tel:+250788123123"
DEFAULT_CONTACT_NAME: Final = "Ryan Lewis"
DEFAULT_CHANNEL_NAME: Final = "My Android Phone"
DEFAULT_FLOW_NAME: Final = "Registration"
DEFAULT_GROUP_NAME: Final = "Reporters"
DEFAULT_LABEL_NAME: Final = "Spam"


def _given(value: Opt[T], default: T) -> T:
    return default if isinstance(value, _Missing) else value


def _lazy(value: Opt[T], make: Callable[[], T]) -> T:
    return make() if isinstance(value, _Missing) else value


def _tuple(value: Opt[Sequence[T]], make: Callable[[], Sequence[T]]) -> Tuple[T, ...]:
    """A given list as a tuple, else the default (made only when needed)."""
    return tuple(make() if isinstance(value, _Missing) else value)


def _opt_tuple(
    value: Opt[Optional[Sequence[T]]], make: Callable[[], Optional[Sequence[T]]]
) -> Optional[Tuple[T, ...]]:
    """Like :func:`_tuple`, keeping ``None`` (Go's nil, written ``null``)."""
    seq = make() if isinstance(value, _Missing) else value
    return None if seq is None else tuple(seq)


def _fields(**values: Any) -> Dict[str, Any]:
    """The keywords that were given (MISSING ones dropped)."""
    return {k: v for k, v in values.items() if not isinstance(v, _Missing)}


def _timestamp(value: TimestampLike) -> Timestamp:
    return Timestamp.parse(value) if isinstance(value, str) else value


def _base(
    created_on: Opt[TimestampLike], step_uuid: Opt[str], unknown_keys: Opt[UnknownKeys]
) -> Dict[str, Any]:
    out: Dict[str, Any] = {}
    if not isinstance(unknown_keys, _Missing):
        out["unknown_keys"] = tuple(unknown_keys)
    if not isinstance(created_on, _Missing):
        out["created_on"] = _timestamp(created_on)
    if not isinstance(step_uuid, _Missing):
        out["step_uuid"] = step_uuid
    return out


def _conflict(field: str, shortcut: str) -> TypeError:
    return TypeError(f"give {field!r} or its shortcut {shortcut!r}, not both")


def raw_json(value: JSONLike) -> RawJSON:
    """A :class:`RawJSON` from raw JSON, JSON text (``str``/``bytes``) or Python data.

    Python data is serialised like Go's ``json.Marshal`` (HTML characters escaped,
    dict keys in insertion order). ``None`` gives :data:`RawJSON.NULL`.
    """
    if isinstance(value, RawJSON):
        return value
    if value is None:
        return RawJSON.NULL
    if isinstance(value, (str, bytes)):
        return RawJSON(value)
    if isinstance(value, Mapping):
        value = dict(value)
    elif isinstance(value, Sequence):
        value = list(value)
    return RawJSON.from_value(value)


def _raw_or_absent(
    value: Opt[Optional[JSONLike]], default: Callable[[], Optional[RawJSON]]
) -> Optional[RawJSON]:
    if isinstance(value, _Missing):
        return default()
    return None if value is None else raw_json(value)


# ===================================================================================
# nested types
# ===================================================================================


def channel_reference(*, uuid: Opt[str] = MISSING, name: Opt[str] = MISSING) -> ChannelReference:
    """A channel reference (``uuid`` from the UUID source, name ``My Android Phone``)."""
    return ChannelReference(uuid=_lazy(uuid, sources.new_uuid), name=_given(name, DEFAULT_CHANNEL_NAME))


def template_reference(*, uuid: Opt[str] = MISSING, name: Opt[str] = MISSING) -> TemplateReference:
    """A template reference (name ``affirmation``)."""
    return TemplateReference(uuid=_lazy(uuid, sources.new_uuid), name=_given(name, "affirmation"))


def group_reference(
    *, uuid: Opt[str] = MISSING, name: Opt[str] = MISSING, name_match: Opt[str] = MISSING
) -> GroupReference:
    """A group reference: fixed (a new ``uuid``, name ``Reporters``) unless
    ``name_match`` is given, in which case ``uuid`` defaults to empty (exactly one of
    the two must be set)."""
    if isinstance(name_match, _Missing) or not name_match:
        return GroupReference(
            uuid=_lazy(uuid, sources.new_uuid),
            name=_given(name, DEFAULT_GROUP_NAME),
            name_match=_given(name_match, ""),
        )
    return GroupReference(uuid=_given(uuid, ""), name=_given(name, ""), name_match=name_match)


def label_reference(
    *, uuid: Opt[str] = MISSING, name: Opt[str] = MISSING, name_match: Opt[str] = MISSING
) -> LabelReference:
    """A label reference: like :func:`group_reference`, default name ``Spam``."""
    if isinstance(name_match, _Missing) or not name_match:
        return LabelReference(
            uuid=_lazy(uuid, sources.new_uuid),
            name=_given(name, DEFAULT_LABEL_NAME),
            name_match=_given(name_match, ""),
        )
    return LabelReference(uuid=_given(uuid, ""), name=_given(name, ""), name_match=name_match)


def flow_reference(*, uuid: Opt[str] = MISSING, name: Opt[str] = MISSING) -> FlowReference:
    """A flow reference (a new ``uuid``, name ``Registration``)."""
    return FlowReference(uuid=_lazy(uuid, sources.new_uuid), name=_given(name, DEFAULT_FLOW_NAME))


def field_reference(*, key: Opt[str] = MISSING, name: Opt[str] = MISSING) -> FieldReference:
    """A contact field reference (``gender`` / ``Gender``; the name defaults from the key)."""
    key_ = _given(key, "gender")
    return FieldReference(key=key_, name=_given(name, key_.replace("_", " ").title()))


def contact_reference(*, uuid: Opt[str] = MISSING, name: Opt[str] = MISSING) -> ContactReference:
    """A contact reference (a new ``uuid``, name ``Ryan Lewis``)."""
    return ContactReference(uuid=_lazy(uuid, sources.new_uuid), name=_given(name, DEFAULT_CONTACT_NAME))


def msg_templating(
    *,
    template: Opt[Optional[TemplateReference]] = MISSING,
    language: Opt[str] = MISSING,
    variables: Opt[Optional[Sequence[str]]] = MISSING,
) -> MsgTemplating:
    """The templating of an outgoing message (template ``affirmation``, ``eng``,
    one variable)."""
    return MsgTemplating(
        template=_lazy(template, template_reference),
        language=_given(language, "eng"),
        variables=_opt_tuple(variables, lambda: (DEFAULT_CONTACT_NAME,)),
    )


def msg_out(
    *,
    uuid: Opt[str] = MISSING,
    id: Opt[int] = MISSING,  # noqa: A002 - the field's name
    urn: Opt[str] = MISSING,
    channel: Opt[Optional[ChannelReference]] = MISSING,
    text: Opt[str] = MISSING,
    attachments: Opt[Sequence[str]] = MISSING,
    quick_replies: Opt[Sequence[str]] = MISSING,
    templating: Opt[Optional[MsgTemplating]] = MISSING,
) -> MsgOut:
    """An outgoing message, like goflow's ``NewMsgOut``: a new UUID4 from the UUID
    source, URN ``tel:+250788123123``, a channel, text ``Hi there``."""
    return MsgOut(
        uuid=_lazy(uuid, sources.new_uuid),
        id=_given(id, 0),
        urn=_given(urn, DEFAULT_URN),
        channel=_lazy(channel, channel_reference),
        text=_given(text, "Hi there"),
        attachments=_tuple(attachments, tuple),
        quick_replies=_tuple(quick_replies, tuple),
        templating=_given(templating, None),
    )


def msg_in(
    *,
    uuid: Opt[str] = MISSING,
    id: Opt[int] = MISSING,  # noqa: A002 - the field's name
    urn: Opt[str] = MISSING,
    channel: Opt[Optional[ChannelReference]] = MISSING,
    text: Opt[str] = MISSING,
    attachments: Opt[Sequence[str]] = MISSING,
    external_id: Opt[str] = MISSING,
) -> MsgIn:
    """An incoming message: a new UUID, URN ``tel:+250788123123``, a channel, text
    ``Hello``."""
    return MsgIn(
        uuid=_lazy(uuid, sources.new_uuid),
        id=_given(id, 0),
        urn=_given(urn, DEFAULT_URN),
        channel=_lazy(channel, channel_reference),
        text=_given(text, "Hello"),
        attachments=_tuple(attachments, tuple),
        external_id=_given(external_id, ""),
    )


def value(
    *,
    text: Opt[str] = MISSING,
    datetime: Opt[Optional[TimestampLike]] = MISSING,
    number: Opt[Optional[Union[Decimal, int, str]]] = MISSING,
    state: Opt[str] = MISSING,
    district: Opt[str] = MISSING,
    ward: Opt[str] = MISSING,
) -> Value:
    """A contact field value (text ``Male``). ``datetime`` takes a string too,
    ``number`` an ``int`` or a decimal string too."""
    dt = _given(datetime, None)
    num = _given(number, None)
    return Value(
        text=_given(text, "Male"),
        datetime=None if dt is None else _timestamp(dt),
        number=None if num is None else Decimal(num),
        state=_given(state, ""),
        district=_given(district, ""),
        ward=_given(ward, ""),
    )


_value: Final = value  # contact_field_changed's ``value`` keyword shadows the helper


def broadcast_translation(
    *,
    text: Opt[str] = MISSING,
    attachments: Opt[Sequence[str]] = MISSING,
    quick_replies: Opt[Sequence[str]] = MISSING,
) -> BroadcastTranslation:
    """One language's broadcast message (text ``Hello``)."""
    return BroadcastTranslation(
        text=_given(text, "Hello"),
        attachments=_tuple(attachments, tuple),
        quick_replies=_tuple(quick_replies, tuple),
    )


def audio_hint() -> AudioHint:
    """``{"type":"audio"}``."""
    return AudioHint()


def image_hint() -> ImageHint:
    """``{"type":"image"}``."""
    return ImageHint()


def location_hint() -> LocationHint:
    """``{"type":"location"}``."""
    return LocationHint()


def video_hint() -> VideoHint:
    """``{"type":"video"}``."""
    return VideoHint()


def digits_hint(*, count: Opt[Optional[int]] = MISSING, terminated_by: Opt[str] = MISSING) -> DigitsHint:
    """A digits hint: a fixed ``count`` (4 unless ``terminated_by`` is given) or
    digits ended by ``terminated_by``."""
    default_count = 4 if isinstance(terminated_by, _Missing) else None
    return DigitsHint(count=_given(count, default_count), terminated_by=_given(terminated_by, ""))


_HINTS: Final[Dict[str, Callable[[], Hint]]] = {
    "audio": audio_hint,
    "digits": digits_hint,
    "image": image_hint,
    "location": location_hint,
    "video": video_hint,
}


def hint(type_name: str = "image") -> Hint:
    """The default hint of a type: ``audio``, ``digits``, ``image``, ``location``,
    ``video`` (unknown names raise :class:`ValueError`)."""
    try:
        make = _HINTS[type_name]
    except KeyError:
        raise ValueError(f"unknown hint type {type_name!r}; known: {', '.join(_HINTS)}") from None
    return make()


_hint: Final = hint  # msg_wait's ``hint`` keyword shadows the helper


# ===================================================================================
# events
# ===================================================================================


def broadcast_created(
    *,
    created_on: Opt[TimestampLike] = MISSING,
    step_uuid: Opt[str] = MISSING,
    unknown_keys: Opt[UnknownKeys] = MISSING,
    translations: Opt[Optional[Mapping[str, Optional[BroadcastTranslation]]]] = MISSING,
    base_language: Opt[str] = MISSING,
    urns: Opt[Sequence[str]] = MISSING,
    contacts: Opt[Sequence[Optional[ContactReference]]] = MISSING,
    groups: Opt[Sequence[Optional[GroupReference]]] = MISSING,
    text: Opt[str] = MISSING,
    urn: Opt[str] = MISSING,
) -> ev.BroadcastCreatedEvent:
    """``broadcast_created``: ``eng``/``spa`` translations, one URN, contact and group.

    Shortcuts: ``text`` sets the base language's translation text (adding it when
    missing); ``urn`` is ``urns=[urn]``.
    """
    base = _given(base_language, "eng")
    if isinstance(translations, _Missing):
        trans: Optional[Dict[str, Optional[BroadcastTranslation]]] = (
            {base: BroadcastTranslation(text=text)}
            if not isinstance(text, _Missing)
            else {"eng": BroadcastTranslation(text="Hello"), "spa": BroadcastTranslation(text="Hola")}
        )
    else:
        trans = None if translations is None else dict(translations)
        if not isinstance(text, _Missing):
            current = (trans or {}).get(base)
            trans = dict(trans or {})
            trans[base] = (
                attrs.evolve(current, text=text) if current is not None else BroadcastTranslation(text=text)
            )
    if not isinstance(urn, _Missing):
        if not isinstance(urns, _Missing):
            raise _conflict("urns", "urn")
        urns = (urn,)
    return ev.BroadcastCreatedEvent(
        **_base(created_on, step_uuid, unknown_keys),
        translations=trans,
        base_language=base,
        urns=_tuple(urns, lambda: (DEFAULT_URN,)),
        contacts=_tuple(contacts, lambda: (contact_reference(),)),
        groups=_tuple(groups, lambda: (group_reference(),)),
    )


def contact_field_changed(
    *,
    created_on: Opt[TimestampLike] = MISSING,
    step_uuid: Opt[str] = MISSING,
    unknown_keys: Opt[UnknownKeys] = MISSING,
    field: Opt[FieldReference] = MISSING,
    value: Opt[Optional[Value]] = MISSING,
    key: Opt[str] = MISSING,
    text: Opt[str] = MISSING,
    number: Opt[Optional[Union[Decimal, int, str]]] = MISSING,
) -> ev.ContactFieldChangedEvent:
    """``contact_field_changed``: field ``gender`` set to ``Male``.

    Shortcuts: ``key`` (the field's key; its name follows unless ``field`` is given),
    ``text`` and ``number`` (set on the value, which is created if ``None``).
    """
    if isinstance(field, _Missing):
        field_ = field_reference(key=key)
    else:
        field_ = field if isinstance(key, _Missing) else attrs.evolve(field, key=key)
    val: Optional[Value]
    if isinstance(value, _Missing):
        val = _value(text=text, number=number)
    else:
        val = value
        changes = _fields(text=text, number=number)
        if changes:
            if "number" in changes and changes["number"] is not None:
                changes["number"] = Decimal(changes["number"])
            val = attrs.evolve(val if val is not None else Value(), **changes)
    return ev.ContactFieldChangedEvent(**_base(created_on, step_uuid, unknown_keys), field=field_, value=val)


def contact_groups_changed(
    *,
    created_on: Opt[TimestampLike] = MISSING,
    step_uuid: Opt[str] = MISSING,
    unknown_keys: Opt[UnknownKeys] = MISSING,
    groups_added: Opt[Sequence[Optional[GroupReference]]] = MISSING,
    groups_removed: Opt[Sequence[Optional[GroupReference]]] = MISSING,
    added: Opt[Sequence[str]] = MISSING,
    removed: Opt[Sequence[str]] = MISSING,
) -> ev.ContactGroupsChangedEvent:
    """``contact_groups_changed``: added to ``Reporters``, removed from ``Customers``.

    Shortcuts: ``added`` and ``removed`` are group names (each gets a new UUID).
    """
    if not isinstance(added, _Missing):
        if not isinstance(groups_added, _Missing):
            raise _conflict("groups_added", "added")
        groups_added = tuple(group_reference(name=n) for n in added)
    if not isinstance(removed, _Missing):
        if not isinstance(groups_removed, _Missing):
            raise _conflict("groups_removed", "removed")
        groups_removed = tuple(group_reference(name=n) for n in removed)
    return ev.ContactGroupsChangedEvent(
        **_base(created_on, step_uuid, unknown_keys),
        groups_added=_tuple(groups_added, lambda: (group_reference(),)),
        groups_removed=_tuple(groups_removed, lambda: (group_reference(name="Customers"),)),
    )


def contact_language_changed(
    *,
    created_on: Opt[TimestampLike] = MISSING,
    step_uuid: Opt[str] = MISSING,
    unknown_keys: Opt[UnknownKeys] = MISSING,
    language: Opt[str] = MISSING,
) -> ev.ContactLanguageChangedEvent:
    """``contact_language_changed`` to ``fra``."""
    return ev.ContactLanguageChangedEvent(
        **_base(created_on, step_uuid, unknown_keys), language=_given(language, "fra")
    )


def contact_name_changed(
    *,
    created_on: Opt[TimestampLike] = MISSING,
    step_uuid: Opt[str] = MISSING,
    unknown_keys: Opt[UnknownKeys] = MISSING,
    name: Opt[str] = MISSING,
) -> ev.ContactNameChangedEvent:
    """``contact_name_changed`` to ``Ryan Lewis``."""
    return ev.ContactNameChangedEvent(
        **_base(created_on, step_uuid, unknown_keys), name=_given(name, DEFAULT_CONTACT_NAME)
    )


def _default_contact(name: str) -> RawJSON:
    # goflow's contact serialisation order: uuid, id, name, language, timezone,
    # created_on, urns, groups, fields
    return RawJSON.from_value(
        {
            "uuid": sources.new_uuid(),
            "id": 1234567,
            "name": name,
            "language": "eng",
            "timezone": "Africa/Kigali",
            "created_on": "2018-06-20T11:40:30.123456789Z",
            "urns": [DEFAULT_URN],
            "groups": [{"uuid": sources.new_uuid(), "name": DEFAULT_GROUP_NAME}],
            "fields": {"gender": {"text": "Male"}},
        }
    )


def contact_refreshed(
    *,
    created_on: Opt[TimestampLike] = MISSING,
    step_uuid: Opt[str] = MISSING,
    unknown_keys: Opt[UnknownKeys] = MISSING,
    contact: Opt[JSONLike] = MISSING,
    name: Opt[str] = MISSING,
) -> ev.ContactRefreshedEvent:
    """``contact_refreshed`` with a full contact (goflow's key order).

    Shortcut: ``name`` (the default contact's name; not allowed with ``contact``).
    """
    if not isinstance(name, _Missing) and not isinstance(contact, _Missing):
        raise _conflict("contact", "name")
    raw = _lazy(contact, lambda: _default_contact(_given(name, DEFAULT_CONTACT_NAME)))
    return ev.ContactRefreshedEvent(**_base(created_on, step_uuid, unknown_keys), contact=raw_json(raw))


def contact_timezone_changed(
    *,
    created_on: Opt[TimestampLike] = MISSING,
    step_uuid: Opt[str] = MISSING,
    unknown_keys: Opt[UnknownKeys] = MISSING,
    timezone: Opt[str] = MISSING,
) -> ev.ContactTimezoneChangedEvent:
    """``contact_timezone_changed`` to ``Africa/Kigali``."""
    return ev.ContactTimezoneChangedEvent(
        **_base(created_on, step_uuid, unknown_keys), timezone=_given(timezone, "Africa/Kigali")
    )


def contact_urns_changed(
    *,
    created_on: Opt[TimestampLike] = MISSING,
    step_uuid: Opt[str] = MISSING,
    unknown_keys: Opt[UnknownKeys] = MISSING,
    urns: Opt[Optional[Sequence[str]]] = MISSING,
) -> ev.ContactURNsChangedEvent:
    """``contact_urns_changed`` to a phone number and a Twitter id."""
    return ev.ContactURNsChangedEvent(
        **_base(created_on, step_uuid, unknown_keys),
        urns=_opt_tuple(urns, lambda: (DEFAULT_URN, "twitterid:54784326227#nyaruka")),
    )


def email_created(
    *,
    created_on: Opt[TimestampLike] = MISSING,
    step_uuid: Opt[str] = MISSING,
    unknown_keys: Opt[UnknownKeys] = MISSING,
    addresses: Opt[Sequence[str]] = MISSING,
    subject: Opt[str] = MISSING,
    body: Opt[str] = MISSING,
    address: Opt[str] = MISSING,
) -> ev.EmailCreatedEvent:
    """``email_created`` to one address. Shortcut: ``address`` (``addresses=[address]``)."""
    if not isinstance(address, _Missing):
        if not isinstance(addresses, _Missing):
            raise _conflict("addresses", "address")
        addresses = (address,)
    return ev.EmailCreatedEvent(
        **_base(created_on, step_uuid, unknown_keys),
        addresses=_tuple(addresses, lambda: ("ryan@nyaruka.com",)),
        subject=_given(subject, "Your activation token"),
        body=_given(body, "Your activation token is AAFFKKEE"),
    )


def _environment(timezone: str, default_language: str) -> RawJSON:
    # goflow's envEnvelope order (types.md §12)
    env: Dict[str, Any] = {"date_format": "DD-MM-YYYY", "time_format": "tt:mm", "timezone": timezone}
    if default_language:
        env["default_language"] = default_language
        env["allowed_languages"] = [default_language, "fra" if default_language == "eng" else "eng"]
    env["number_format"] = {"decimal_symbol": ".", "digit_grouping_symbol": ","}
    env["redaction_policy"] = "none"
    env["max_value_length"] = 640
    return RawJSON.from_value(env)


def environment_refreshed(
    *,
    created_on: Opt[TimestampLike] = MISSING,
    step_uuid: Opt[str] = MISSING,
    unknown_keys: Opt[UnknownKeys] = MISSING,
    environment: Opt[JSONLike] = MISSING,
    timezone: Opt[str] = MISSING,
    default_language: Opt[str] = MISSING,
) -> ev.EnvironmentRefreshedEvent:
    """``environment_refreshed`` with an environment in goflow's shape.

    Shortcuts: ``timezone`` (default ``Africa/Kigali``) and ``default_language``
    (default ``eng``) of the built environment (not allowed with ``environment``).
    """
    if not isinstance(environment, _Missing) and (
        not isinstance(timezone, _Missing) or not isinstance(default_language, _Missing)
    ):
        raise _conflict("environment", "timezone/default_language")
    raw = _lazy(
        environment,
        lambda: _environment(_given(timezone, "Africa/Kigali"), _given(default_language, "eng")),
    )
    return ev.EnvironmentRefreshedEvent(
        **_base(created_on, step_uuid, unknown_keys), environment=raw_json(raw)
    )


def error(
    *,
    created_on: Opt[TimestampLike] = MISSING,
    step_uuid: Opt[str] = MISSING,
    unknown_keys: Opt[UnknownKeys] = MISSING,
    text: Opt[str] = MISSING,
    fatal: Opt[bool] = MISSING,
) -> ev.ErrorEvent:
    """``error``: ``invalid date format: '12th of October'``, not fatal."""
    return ev.ErrorEvent(
        **_base(created_on, step_uuid, unknown_keys),
        text=_given(text, "invalid date format: '12th of October'"),
        fatal=_given(fatal, False),
    )


def flow_entered(
    *,
    created_on: Opt[TimestampLike] = MISSING,
    step_uuid: Opt[str] = MISSING,
    unknown_keys: Opt[UnknownKeys] = MISSING,
    flow: Opt[FlowReference] = MISSING,
    parent_run_uuid: Opt[str] = MISSING,
    terminal: Opt[bool] = MISSING,
    flow_name: Opt[str] = MISSING,
) -> ev.FlowEnteredEvent:
    """``flow_entered`` into ``Registration`` (no parent run).

    Shortcut: ``flow_name`` (the flow's name, also applied to a given ``flow``).
    """
    if isinstance(flow, _Missing):
        flow_ = flow_reference(name=flow_name)
    else:
        flow_ = flow if isinstance(flow_name, _Missing) else attrs.evolve(flow, name=flow_name)
    return ev.FlowEnteredEvent(
        **_base(created_on, step_uuid, unknown_keys),
        flow=flow_,
        parent_run_uuid=_given(parent_run_uuid, ""),
        terminal=_given(terminal, False),
    )


def input_labels_added(
    *,
    created_on: Opt[TimestampLike] = MISSING,
    step_uuid: Opt[str] = MISSING,
    unknown_keys: Opt[UnknownKeys] = MISSING,
    input_uuid: Opt[str] = MISSING,
    labels: Opt[Sequence[Optional[LabelReference]]] = MISSING,
    label_names: Opt[Sequence[str]] = MISSING,
) -> ev.InputLabelsAddedEvent:
    """``input_labels_added``: label ``Spam`` on a new input UUID.

    Shortcut: ``label_names`` (each label gets a new UUID).
    """
    input_ = _lazy(input_uuid, sources.new_uuid)
    if not isinstance(label_names, _Missing):
        if not isinstance(labels, _Missing):
            raise _conflict("labels", "label_names")
        labels = tuple(label_reference(name=n) for n in label_names)
    return ev.InputLabelsAddedEvent(
        **_base(created_on, step_uuid, unknown_keys),
        input_uuid=input_,
        labels=_tuple(labels, lambda: (label_reference(),)),
    )


def _msg_out_with(
    msg: Opt[MsgOut],
    default_text: str,
    text: Opt[str],
    urn: Opt[str],
    channel: Opt[Optional[ChannelReference]],
    attachments: Opt[Sequence[str]],
    quick_replies: Opt[Sequence[str]],
) -> MsgOut:
    if isinstance(msg, _Missing):
        return msg_out(
            text=_given(text, default_text),
            urn=urn,
            channel=channel,
            attachments=attachments,
            quick_replies=quick_replies,
        )
    changes = _fields(
        text=text, urn=urn, channel=channel, attachments=attachments, quick_replies=quick_replies
    )
    return attrs.evolve(msg, **changes) if changes else msg


def ivr_created(
    *,
    created_on: Opt[TimestampLike] = MISSING,
    step_uuid: Opt[str] = MISSING,
    unknown_keys: Opt[UnknownKeys] = MISSING,
    msg: Opt[MsgOut] = MISSING,
    text: Opt[str] = MISSING,
    urn: Opt[str] = MISSING,
    channel: Opt[Optional[ChannelReference]] = MISSING,
    attachments: Opt[Sequence[str]] = MISSING,
    quick_replies: Opt[Sequence[str]] = MISSING,
) -> ev.IVRCreatedEvent:
    """``ivr_created``: a spoken message (see :func:`msg_out`).

    Shortcuts: ``text``, ``urn``, ``channel``, ``attachments``, ``quick_replies``
    (set on ``msg``, the default one or the one given).
    """
    out = _msg_out_with(
        msg, "Please say your name after the tone.", text, urn, channel, attachments, quick_replies
    )
    return ev.IVRCreatedEvent(**_base(created_on, step_uuid, unknown_keys), msg=out)


def msg_created(
    *,
    created_on: Opt[TimestampLike] = MISSING,
    step_uuid: Opt[str] = MISSING,
    unknown_keys: Opt[UnknownKeys] = MISSING,
    msg: Opt[MsgOut] = MISSING,
    text: Opt[str] = MISSING,
    urn: Opt[str] = MISSING,
    channel: Opt[Optional[ChannelReference]] = MISSING,
    attachments: Opt[Sequence[str]] = MISSING,
    quick_replies: Opt[Sequence[str]] = MISSING,
) -> ev.MsgCreatedEvent:
    """``msg_created``: ``Hi there`` to ``tel:+250788123123`` (see :func:`msg_out`).

    Shortcuts: ``text``, ``urn``, ``channel``, ``attachments``, ``quick_replies``
    (set on ``msg``, the default one or the one given).
    """
    out = _msg_out_with(msg, "Hi there", text, urn, channel, attachments, quick_replies)
    return ev.MsgCreatedEvent(**_base(created_on, step_uuid, unknown_keys), msg=out)


def msg_received(
    *,
    created_on: Opt[TimestampLike] = MISSING,
    step_uuid: Opt[str] = MISSING,
    unknown_keys: Opt[UnknownKeys] = MISSING,
    msg: Opt[MsgIn] = MISSING,
    text: Opt[str] = MISSING,
    urn: Opt[str] = MISSING,
    channel: Opt[Optional[ChannelReference]] = MISSING,
    attachments: Opt[Sequence[str]] = MISSING,
    external_id: Opt[str] = MISSING,
) -> ev.MsgReceivedEvent:
    """``msg_received``: ``Hello`` from ``tel:+250788123123`` (see :func:`msg_in`).

    Shortcuts: ``text``, ``urn``, ``channel``, ``attachments``, ``external_id``
    (set on ``msg``, the default one or the one given).
    """
    if isinstance(msg, _Missing):
        inbound = msg_in(
            text=text, urn=urn, channel=channel, attachments=attachments, external_id=external_id
        )
    else:
        changes = _fields(
            text=text, urn=urn, channel=channel, attachments=attachments, external_id=external_id
        )
        inbound = attrs.evolve(msg, **changes) if changes else msg
    return ev.MsgReceivedEvent(**_base(created_on, step_uuid, unknown_keys), msg=inbound)


def msg_wait(
    *,
    created_on: Opt[TimestampLike] = MISSING,
    step_uuid: Opt[str] = MISSING,
    unknown_keys: Opt[UnknownKeys] = MISSING,
    timeout_seconds: Opt[Optional[int]] = MISSING,
    hint: Opt[Optional[Union[Hint, str]]] = MISSING,
) -> ev.MsgWaitEvent:
    """``msg_wait`` with a 300 s timeout and an image hint.

    ``hint`` also takes a hint type name (``"digits"`` gives ``count=4``).
    """
    hint_ = _given(hint, "image")
    if isinstance(hint_, str):
        hint_ = _hint(hint_)
    return ev.MsgWaitEvent(
        **_base(created_on, step_uuid, unknown_keys), timeout_seconds=_given(timeout_seconds, 300), hint=hint_
    )


def resthook_called(
    *,
    created_on: Opt[TimestampLike] = MISSING,
    step_uuid: Opt[str] = MISSING,
    unknown_keys: Opt[UnknownKeys] = MISSING,
    resthook: Opt[str] = MISSING,
    payload: Opt[JSONLike] = MISSING,
) -> ev.ResthookCalledEvent:
    """``resthook_called`` for ``new-registration`` with a contact/flow payload."""
    raw = _lazy(
        payload,
        lambda: RawJSON.from_value(
            {
                "contact": {"uuid": sources.new_uuid(), "name": DEFAULT_CONTACT_NAME, "urn": DEFAULT_URN},
                "flow": {"uuid": sources.new_uuid(), "name": DEFAULT_FLOW_NAME},
                "results": {"gender": {"value": "m", "category": "Male"}},
            }
        ),
    )
    return ev.ResthookCalledEvent(
        **_base(created_on, step_uuid, unknown_keys),
        resthook=_given(resthook, "new-registration"),
        payload=raw_json(raw),
    )


def run_expired(
    *,
    created_on: Opt[TimestampLike] = MISSING,
    step_uuid: Opt[str] = MISSING,
    unknown_keys: Opt[UnknownKeys] = MISSING,
    run_uuid: Opt[str] = MISSING,
) -> ev.RunExpiredEvent:
    """``run_expired`` for a new run UUID."""
    return ev.RunExpiredEvent(
        **_base(created_on, step_uuid, unknown_keys), run_uuid=_lazy(run_uuid, sources.new_uuid)
    )


def run_result_changed(
    *,
    created_on: Opt[TimestampLike] = MISSING,
    step_uuid: Opt[str] = MISSING,
    unknown_keys: Opt[UnknownKeys] = MISSING,
    name: Opt[str] = MISSING,
    value: Opt[str] = MISSING,
    category: Opt[str] = MISSING,
    category_localized: Opt[str] = MISSING,
    input: Opt[str] = MISSING,  # noqa: A002 - the field's name
    extra: Opt[Optional[JSONLike]] = MISSING,
) -> ev.RunResultChangedEvent:
    """``run_result_changed``: result ``Gender`` = ``m`` (category ``Male``), no extra.

    ``extra=None`` leaves it absent; pass ``RawJSON.NULL`` for ``"extra":null``.
    """
    return ev.RunResultChangedEvent(
        **_base(created_on, step_uuid, unknown_keys),
        name=_given(name, "Gender"),
        value=_given(value, "m"),
        category=_given(category, "Male"),
        category_localized=_given(category_localized, ""),
        input=_given(input, "M"),
        extra=_raw_or_absent(extra, lambda: None),
    )


def session_triggered(
    *,
    created_on: Opt[TimestampLike] = MISSING,
    step_uuid: Opt[str] = MISSING,
    unknown_keys: Opt[UnknownKeys] = MISSING,
    flow: Opt[FlowReference] = MISSING,
    urns: Opt[Sequence[str]] = MISSING,
    contacts: Opt[Sequence[Optional[ContactReference]]] = MISSING,
    groups: Opt[Sequence[Optional[GroupReference]]] = MISSING,
    create_contact: Opt[bool] = MISSING,
    run_summary: Opt[JSONLike] = MISSING,
    flow_name: Opt[str] = MISSING,
    urn: Opt[str] = MISSING,
) -> ev.SessionTriggeredEvent:
    """``session_triggered`` into ``Collect Age`` for a URN, a contact and a group.

    Shortcuts: ``flow_name`` (also applied to a given ``flow``), ``urn``
    (``urns=[urn]``).
    """
    if isinstance(flow, _Missing):
        flow_ = flow_reference(name=_given(flow_name, "Collect Age"))
    else:
        flow_ = flow if isinstance(flow_name, _Missing) else attrs.evolve(flow, name=flow_name)
    if not isinstance(urn, _Missing):
        if not isinstance(urns, _Missing):
            raise _conflict("urns", "urn")
        urns = (urn,)
    contacts_ = _tuple(contacts, lambda: (contact_reference(),))
    groups_ = _tuple(groups, lambda: (group_reference(name="Supervisors"),))
    raw = _lazy(
        run_summary,
        lambda: RawJSON.from_value(
            {
                "uuid": sources.new_uuid(),
                "flow": {"uuid": sources.new_uuid(), "name": DEFAULT_FLOW_NAME},
                "contact": {"uuid": sources.new_uuid(), "name": DEFAULT_CONTACT_NAME},
                "results": {},
            }
        ),
    )
    return ev.SessionTriggeredEvent(
        **_base(created_on, step_uuid, unknown_keys),
        flow=flow_,
        urns=_tuple(urns, lambda: (DEFAULT_URN,)),
        contacts=contacts_,
        groups=groups_,
        create_contact=_given(create_contact, False),
        run_summary=raw_json(raw),
    )


def wait_timed_out(
    *,
    created_on: Opt[TimestampLike] = MISSING,
    step_uuid: Opt[str] = MISSING,
    unknown_keys: Opt[UnknownKeys] = MISSING,
) -> ev.WaitTimedOutEvent:
    """``wait_timed_out`` (base fields only)."""
    return ev.WaitTimedOutEvent(**_base(created_on, step_uuid, unknown_keys))


def _status_from_code(code: int, is_resthook: bool) -> str:
    """goflow's ``WebhookStatusFromCode``."""
    if is_resthook and code == 410:
        return "subscriber_gone"
    if 200 <= code <= 299:  # Go: code/100 == 2 (integer division truncates toward zero)
        return "success"
    return "response_error"


def _response(code: int) -> str:
    if code == 0:
        return ""  # no response (a connection error)
    try:
        phrase = HTTPStatus(code).phrase
    except ValueError:
        phrase = ""
    body = '{"ok":true,"name":"Ryan Lewis"}' if 200 <= code <= 299 else '{"ok":false}'
    return f"HTTP/1.1 {code} {phrase}\r\nContent-Type: application/json\r\n\r\n{body}"


def webhook_called(
    *,
    created_on: Opt[TimestampLike] = MISSING,
    step_uuid: Opt[str] = MISSING,
    unknown_keys: Opt[UnknownKeys] = MISSING,
    url: Opt[str] = MISSING,
    resthook: Opt[str] = MISSING,
    status: Opt[str] = MISSING,
    status_code: Opt[int] = MISSING,
    elapsed_ms: Opt[int] = MISSING,
    request: Opt[str] = MISSING,
    response: Opt[str] = MISSING,
    body_ignored: Opt[bool] = MISSING,
) -> ev.WebhookCalledEvent:
    """``webhook_called``: a successful ``GET`` answered ``200 OK`` in 123 ms.

    ``status`` defaults from ``status_code`` (and ``resthook``) like goflow's
    ``WebhookStatusFromCode``: ``success`` for 2xx, ``subscriber_gone`` for a
    resthook's 410, else ``response_error``; the default ``response`` trace follows
    ``status_code`` too (none for ``0``).
    """
    url_ = _given(url, "http://localhost:49998/?cmd=success")
    code = _given(status_code, 200)
    hook = _given(resthook, "")
    return ev.WebhookCalledEvent(
        **_base(created_on, step_uuid, unknown_keys),
        url=url_,
        resthook=hook,
        status=_lazy(status, lambda: _status_from_code(code, bool(hook))),
        status_code=code,
        elapsed_ms=_given(elapsed_ms, 123),
        request=_given(
            request, "GET /?cmd=success HTTP/1.1\r\nHost: localhost:49998\r\nAccept-Encoding: gzip\r\n\r\n"
        ),
        response=_lazy(response, lambda: _response(code)),
        body_ignored=_given(body_ignored, False),
    )


FACTORIES: Final[Dict[str, Callable[..., ev.Event]]] = {
    "broadcast_created": broadcast_created,
    "contact_field_changed": contact_field_changed,
    "contact_groups_changed": contact_groups_changed,
    "contact_language_changed": contact_language_changed,
    "contact_name_changed": contact_name_changed,
    "contact_refreshed": contact_refreshed,
    "contact_timezone_changed": contact_timezone_changed,
    "contact_urns_changed": contact_urns_changed,
    "email_created": email_created,
    "environment_refreshed": environment_refreshed,
    "error": error,
    "flow_entered": flow_entered,
    "input_labels_added": input_labels_added,
    "ivr_created": ivr_created,
    "msg_created": msg_created,
    "msg_received": msg_received,
    "msg_wait": msg_wait,
    "resthook_called": resthook_called,
    "run_expired": run_expired,
    "run_result_changed": run_result_changed,
    "session_triggered": session_triggered,
    "wait_timed_out": wait_timed_out,
    "webhook_called": webhook_called,
}
"""The 23 event factories, by type string."""


def event(type_name: str, **overrides: Any) -> ev.Event:
    """The event of type ``type_name`` from its factory (``KeyError`` for unknown
    types): ``event("msg_created", text="hi")`` is ``msg_created(text="hi")``."""
    try:
        factory = FACTORIES[type_name]
    except KeyError:
        raise KeyError(f"no factory for event type {type_name!r}") from None
    return factory(**overrides)
