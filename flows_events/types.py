"""The nested types of goflow events: messages, references, field values, hints.

Each class mirrors one goflow struct (``flows.MsgOut``, ``assets.GroupReference``...):
the same JSON keys in the same order, the same ``omitempty`` and ``validate`` tags
(recorded with :func:`~flows_events.fields.gofield`). Instances are frozen; lists are
tuples, with ``None`` kept apart from ``()`` wherever goflow writes ``null`` and ``[]``
differently.
"""

from __future__ import annotations

from decimal import Decimal
from typing import ClassVar, Dict, Optional, Tuple

import attrs

from .fields import Model, gofield, gotags, tuple_or_empty, tuple_or_none
from .timestamps import Timestamp
from .validators import mutually_exclusive, register_struct_validation

__all__ = [
    "ChannelReference",
    "TemplateReference",
    "GroupReference",
    "LabelReference",
    "FlowReference",
    "FieldReference",
    "ContactReference",
    "MsgTemplating",
    "BaseMsg",
    "MsgIn",
    "MsgOut",
    "Value",
    "BroadcastTranslation",
    "Hint",
    "AudioHint",
    "DigitsHint",
    "ImageHint",
    "LocationHint",
    "VideoHint",
    "HINT_TYPES",
    "WEBHOOK_STATUSES",
]



# --- asset references ---------------------------------------------------------


@attrs.frozen(slots=True)
class ChannelReference(Model):
    """A channel: ``{"uuid": ..., "name": ...}``; ``uuid`` must be a UUID (any version)."""

    uuid: str = gofield(json="uuid", go="assets.ChannelUUID", validate="required,uuid", default="")
    name: str = gofield(json="name", default="")


@attrs.frozen(slots=True)
class TemplateReference(Model):
    """A WhatsApp-style message template; ``uuid`` must be a UUID (any version)."""

    uuid: str = gofield(json="uuid", go="assets.TemplateUUID", validate="required,uuid", default="")
    name: str = gofield(json="name", default="")


@attrs.frozen(slots=True)
class GroupReference(Model):
    """A contact group, either fixed (``uuid``) or matched by name (``name_match``).

    Exactly one of ``uuid`` and ``name_match`` must be set; ``name`` is informative.
    """

    uuid: str = gofield(
        json="uuid,omitempty", go="assets.GroupUUID", validate="omitempty,uuid4", default=""
    )
    name: str = gofield(json="name,omitempty", default="")
    name_match: str = gofield(json="name_match,omitempty", default="")


@attrs.frozen(slots=True)
class LabelReference(Model):
    """A message label, either fixed (``uuid``) or matched by name (``name_match``)."""

    uuid: str = gofield(
        json="uuid,omitempty", go="assets.LabelUUID", validate="omitempty,uuid4", default=""
    )
    name: str = gofield(json="name,omitempty", default="")
    name_match: str = gofield(json="name_match,omitempty", default="")


register_struct_validation(mutually_exclusive("uuid", "name_match"), GroupReference, LabelReference)


@attrs.frozen(slots=True)
class FlowReference(Model):
    """A flow; ``uuid`` must be a UUID4."""

    uuid: str = gofield(json="uuid", go="assets.FlowUUID", validate="required,uuid4", default="")
    name: str = gofield(json="name", default="")


@attrs.frozen(slots=True)
class FieldReference(Model):
    """A contact field, by its ``key``."""

    key: str = gofield(json="key", validate="required", default="")
    name: str = gofield(json="name", default="")


@attrs.frozen(slots=True)
class ContactReference(Model):
    """A contact; ``uuid`` must be a UUID4."""

    uuid: str = gofield(json="uuid", go="flows.ContactUUID", validate="required,uuid4", default="")
    name: str = gofield(json="name", default="")


# --- messages -----------------------------------------------------------------


@attrs.frozen(slots=True)
class MsgTemplating(Model):
    """The template an outgoing message was rendered from, with its variables."""

    template: Optional[TemplateReference] = gofield(
        json="template", go="*assets.TemplateReference", default=None
    )
    language: str = gofield(json="language", go="utils.Language", strict="omitempty,language", default="")
    variables: Optional[Tuple[str, ...]] = attrs.field(
        default=None,
        converter=tuple_or_none,
        metadata=gotags(json="variables", go="[]string"),
    )


@attrs.frozen(slots=True)
class BaseMsg(Model):
    """The fields shared by incoming and outgoing messages.

    ``uuid`` and ``text`` are not validated by goflow; ``urn``, when set, must be a
    valid URN; ``attachments`` are ``content-type:url`` strings.
    """

    uuid: str = gofield(json="uuid", go="flows.MsgUUID", default="")
    id: int = gofield(json="id,omitempty", go="flows.MsgID", default=0)
    urn: str = gofield(
        json="urn,omitempty", go="urns.URN", validate="omitempty,urn", strict="omitempty,urn_strict", default=""
    )
    channel: Optional[ChannelReference] = gofield(
        json="channel,omitempty", go="*assets.ChannelReference", default=None
    )
    text: str = gofield(json="text", default="")
    attachments: Tuple[str, ...] = attrs.field(
        factory=tuple,
        converter=tuple_or_empty,
        metadata=gotags(json="attachments,omitempty", go="[]utils.Attachment", strict="dive,attachment"),
    )


@attrs.frozen(slots=True)
class MsgIn(BaseMsg):
    """A message from the contact (``msg_received``)."""

    external_id: str = gofield(json="external_id,omitempty", default="")


@attrs.frozen(slots=True)
class MsgOut(BaseMsg):
    """A message to the contact (``msg_created``, ``ivr_created``)."""

    quick_replies: Tuple[str, ...] = attrs.field(
        factory=tuple,
        converter=tuple_or_empty,
        metadata=gotags(json="quick_replies,omitempty", go="[]string"),
    )
    templating: Optional[MsgTemplating] = gofield(
        json="templating,omitempty", go="*flows.MsgTemplating", default=None
    )


@attrs.frozen(slots=True)
class BroadcastTranslation(Model):
    """One language's version of a broadcast message."""

    text: str = gofield(json="text", default="")
    attachments: Tuple[str, ...] = attrs.field(
        factory=tuple,
        converter=tuple_or_empty,
        metadata=gotags(json="attachments,omitempty", go="[]utils.Attachment", strict="dive,attachment"),
    )
    quick_replies: Tuple[str, ...] = attrs.field(
        factory=tuple,
        converter=tuple_or_empty,
        metadata=gotags(json="quick_replies,omitempty", go="[]string"),
    )


# --- contact field values -----------------------------------------------------


@attrs.frozen(slots=True)
class Value(Model):
    """A contact field value: its text plus the typed forms goflow inferred from it.

    ``datetime`` keeps the wall clock and offset that were written, ``number`` is an
    exact decimal, ``state``/``district``/``ward`` are location paths
    (``Rwanda > Kigali City``). goflow's ``required`` on ``text`` has no effect.
    """

    text: str = gofield(json="text", go="types.XText", validate="required", default="")
    datetime: Optional[Timestamp] = gofield(
        json="datetime,omitempty", go="*types.XDateTime", default=None
    )
    number: Optional[Decimal] = gofield(json="number,omitempty", go="*types.XNumber", default=None)
    state: str = gofield(json="state,omitempty", go="utils.LocationPath", default="")
    district: str = gofield(json="district,omitempty", go="utils.LocationPath", default="")
    ward: str = gofield(json="ward,omitempty", go="utils.LocationPath", default="")


# --- wait hints -----------------------------------------------------------------


def _hint_type(self: Hint) -> str:
    return self.TYPE


@attrs.frozen(slots=True)
class Hint(Model):
    """Base class of the hints a ``msg_wait`` gives about the expected reply."""

    TYPE: ClassVar[str] = ""
    type: str = gofield(
        json="type", validate="required", init=False, factory=_hint_type, takes_self=True
    )


@attrs.frozen(slots=True)
class AudioHint(Hint):
    """Expect an audio recording: ``{"type":"audio"}``."""

    TYPE: ClassVar[str] = "audio"


@attrs.frozen(slots=True)
class DigitsHint(Hint):
    """Expect digits: a fixed ``count``, or any number ended by ``terminated_by``.

    ``{"type":"digits","count":4}``, ``{"type":"digits","terminated_by":"#"}``
    """

    TYPE: ClassVar[str] = "digits"
    count: Optional[int] = gofield(json="count,omitempty", go="*int", default=None)
    terminated_by: str = gofield(json="terminated_by,omitempty", default="")


@attrs.frozen(slots=True)
class ImageHint(Hint):
    """Expect an image: ``{"type":"image"}``."""

    TYPE: ClassVar[str] = "image"


@attrs.frozen(slots=True)
class LocationHint(Hint):
    """Expect a location: ``{"type":"location"}``."""

    TYPE: ClassVar[str] = "location"


@attrs.frozen(slots=True)
class VideoHint(Hint):
    """Expect a video: ``{"type":"video"}``."""

    TYPE: ClassVar[str] = "video"


HINT_TYPES: Dict[str, type] = {
    cls.TYPE: cls for cls in (AudioHint, DigitsHint, ImageHint, LocationHint, VideoHint)
}
"""The registered hint types, by their ``type`` string (goflow's hint registry)."""

WEBHOOK_STATUSES = ("success", "connection_error", "response_error", "subscriber_gone")
"""The webhook statuses goflow writes (reading accepts any non-empty string)."""
