"""The 23 events of goflow v0.36.0, one class each, and the type registry.

Every event has ``type``, ``created_on`` (a nanosecond, offset-keeping
:class:`~flows_events.timestamps.Timestamp`) and ``step_uuid``, then fields of its own,
declared with goflow's own JSON and validate tags. Events are frozen and validated
when constructed (goflow's rules, all failures at once, as
:class:`~flows_events.errors.ValidationError`); build an invalid one on purpose inside
``attrs.validators.disabled()``. Constructors mirror goflow's ``New...Event``
functions: ``created_on`` defaults to now (from :mod:`flows_events.sources`) and
``step_uuid`` to empty; set it with :meth:`Event.with_step_uuid`.

Each class's docstring ends with its example JSON, exactly as goflow writes it.
"""

from __future__ import annotations

import copy
import threading
from typing import Any, ClassVar, Dict, Optional, Tuple, Type, TypeVar

import attrs

from . import sources, validators
from .fields import Model, gofield, gotags, tuple_or_empty, tuple_or_none
from .gojson import RawJSON
from .timestamps import Timestamp
from .types import (
    BroadcastTranslation,
    ContactReference,
    FieldReference,
    FlowReference,
    GroupReference,
    Hint,
    LabelReference,
    MsgIn,
    MsgOut,
    Value,
)

__all__ = [
    "Event",
    "BroadcastCreatedEvent",
    "ContactFieldChangedEvent",
    "ContactGroupsChangedEvent",
    "ContactLanguageChangedEvent",
    "ContactNameChangedEvent",
    "ContactRefreshedEvent",
    "ContactTimezoneChangedEvent",
    "ContactURNsChangedEvent",
    "EmailCreatedEvent",
    "EnvironmentRefreshedEvent",
    "ErrorEvent",
    "FlowEnteredEvent",
    "InputLabelsAddedEvent",
    "IVRCreatedEvent",
    "MsgCreatedEvent",
    "MsgReceivedEvent",
    "MsgWaitEvent",
    "ResthookCalledEvent",
    "RunExpiredEvent",
    "RunResultChangedEvent",
    "SessionTriggeredEvent",
    "WaitTimedOutEvent",
    "WebhookCalledEvent",
    "UnknownEvent",
    "EVENT_TYPES",
    "register_type",
    "event_class",
    "registered_types",
]

E = TypeVar("E", bound="Event")


def _event_type(self: Event) -> str:
    return self.TYPE


@attrs.frozen(slots=True, kw_only=True)
class Event(Model):
    """Base class of all events: the fields of goflow's ``BaseEvent``.

    ``type`` is fixed by the class (its ``TYPE``); ``created_on`` defaults to now;
    ``step_uuid`` (the flow step that produced the event) may be empty.
    """

    TYPE: ClassVar[str] = ""

    type: str = gofield(
        json="type", validate="required", init=False, factory=_event_type, takes_self=True
    )
    created_on: Timestamp = gofield(
        json="created_on", go="time.Time", validate="required", factory=sources.now
    )
    step_uuid: str = gofield(
        json="step_uuid,omitempty", go="flows.StepUUID", validate="omitempty,uuid4", default=""
    )

    def __attrs_post_init__(self) -> None:
        if not attrs.validators.get_disabled():
            validators.check(self)

    def with_step_uuid(self: E, step_uuid: str) -> E:
        """A copy of this event with ``step_uuid`` set, unchecked, as goflow's ``SetStepUUID``.

        (``attrs.evolve(event, step_uuid=...)`` does the same but validates the result.)
        """
        event = copy.copy(self)
        object.__setattr__(event, "step_uuid", step_uuid)
        return event


@attrs.frozen(slots=True, kw_only=True)
class BroadcastCreatedEvent(Event):
    """A message was broadcast to contacts other than the current one.

    ``translations`` maps a language to its text (``None`` is written ``null``);
    ``base_language`` is required; ``urns`` must be valid URNs.

    Example JSON::

        {"type":"broadcast_created","created_on":"2006-01-02T15:04:05Z","translations":{"eng":{"text":"hi, what's up","quick_replies":["All good","Got 99 problems"]},"spa":{"text":"Que pasa","quick_replies":["Todo bien","Tengo 99 problemas"]}},"base_language":"eng","urns":["tel:+12065551212"],"contacts":[{"uuid":"0e06f977-cbb7-475f-9d0b-a0c4aaec7f6a","name":"Bob"}]}
    """

    TYPE: ClassVar[str] = "broadcast_created"

    # goflow's json tag really is "translations,min=1": min=1 is no validation rule
    translations: Optional[Dict[str, Optional[BroadcastTranslation]]] = gofield(
        json="translations,min=1",
        go="map[utils.Language]*events.BroadcastTranslation",
        validate="dive",
        default=None,
    )
    base_language: str = gofield(
        json="base_language", go="utils.Language", validate="required", strict="language", default=""
    )
    urns: Tuple[str, ...] = attrs.field(
        factory=tuple,
        converter=tuple_or_empty,
        metadata=gotags(json="urns,omitempty", go="[]urns.URN", validate="dive,urn", strict="dive,urn_strict"),
    )
    contacts: Tuple[Optional[ContactReference], ...] = attrs.field(
        factory=tuple,
        converter=tuple_or_empty,
        metadata=gotags(json="contacts,omitempty", go="[]*flows.ContactReference", validate="dive"),
    )
    groups: Tuple[Optional[GroupReference], ...] = attrs.field(
        factory=tuple,
        converter=tuple_or_empty,
        metadata=gotags(json="groups,omitempty", go="[]*assets.GroupReference", validate="dive"),
    )


@attrs.frozen(slots=True, kw_only=True)
class ContactFieldChangedEvent(Event):
    """A contact field value changed; ``value`` is ``None`` when the field was cleared.

    Example JSON::

        {"type":"contact_field_changed","created_on":"2006-01-02T15:04:05Z","field":{"key":"gender","name":"Gender"},"value":{"text":"Male"}}
    """

    TYPE: ClassVar[str] = "contact_field_changed"

    field: Optional[FieldReference] = gofield(
        json="field", go="*assets.FieldReference", validate="required", default=None
    )
    value: Optional[Value] = gofield(json="value", go="*flows.Value", default=None)


@attrs.frozen(slots=True, kw_only=True)
class ContactGroupsChangedEvent(Event):
    """The contact joined and/or left groups.

    Example JSON::

        {"type":"contact_groups_changed","created_on":"2006-01-02T15:04:05Z","groups_added":[{"uuid":"b7cf0d83-f1c9-411c-96fd-c511a4cfa86d","name":"Reporters"}],"groups_removed":[{"uuid":"1e1ce1e1-9288-4504-869e-022d1003c72a","name":"Customers"}]}
    """

    TYPE: ClassVar[str] = "contact_groups_changed"

    groups_added: Tuple[Optional[GroupReference], ...] = attrs.field(
        factory=tuple,
        converter=tuple_or_empty,
        metadata=gotags(json="groups_added,omitempty", go="[]*assets.GroupReference", validate="omitempty,dive"),
    )
    groups_removed: Tuple[Optional[GroupReference], ...] = attrs.field(
        factory=tuple,
        converter=tuple_or_empty,
        metadata=gotags(json="groups_removed,omitempty", go="[]*assets.GroupReference", validate="omitempty,dive"),
    )


@attrs.frozen(slots=True, kw_only=True)
class ContactLanguageChangedEvent(Event):
    """The contact's language changed (an ISO 639-3 code by convention; unchecked).

    Example JSON::

        {"type":"contact_language_changed","created_on":"2006-01-02T15:04:05Z","language":"eng"}
    """

    TYPE: ClassVar[str] = "contact_language_changed"

    language: str = gofield(json="language", strict="omitempty,language", default="")


@attrs.frozen(slots=True, kw_only=True)
class ContactNameChangedEvent(Event):
    """The contact's name changed.

    Example JSON::

        {"type":"contact_name_changed","created_on":"2006-01-02T15:04:05Z","name":"Bob Smith"}
    """

    TYPE: ClassVar[str] = "contact_name_changed"

    name: str = gofield(json="name", default="")


@attrs.frozen(slots=True, kw_only=True)
class ContactRefreshedEvent(Event):
    """A resume carried a contact that differs from the session's; ``contact`` is raw JSON.

    Example JSON::

        {"type":"contact_refreshed","created_on":"2006-01-02T15:04:05Z","contact":{"uuid":"0e06f977-cbb7-475f-9d0b-a0c4aaec7f6a","name":"Bob","urns":["tel:+11231234567"]}}
    """

    TYPE: ClassVar[str] = "contact_refreshed"

    contact: Optional[RawJSON] = gofield(json="contact", go="json.RawMessage", default=None)


@attrs.frozen(slots=True, kw_only=True)
class ContactTimezoneChangedEvent(Event):
    """The contact's time zone changed (an IANA name by convention; unchecked).

    Example JSON::

        {"type":"contact_timezone_changed","created_on":"2006-01-02T15:04:05Z","timezone":"Africa/Kigali"}
    """

    TYPE: ClassVar[str] = "contact_timezone_changed"

    timezone: str = gofield(json="timezone", strict="omitempty,timezone", default="")


@attrs.frozen(slots=True, kw_only=True)
class ContactURNsChangedEvent(Event):
    """The contact's URNs changed; ``urns`` is the new full list (``None`` is ``null``).

    Example JSON::

        {"type":"contact_urns_changed","created_on":"2006-01-02T15:04:05Z","urns":["tel:+12345678900","twitter:bob"]}
    """

    TYPE: ClassVar[str] = "contact_urns_changed"

    urns: Optional[Tuple[str, ...]] = attrs.field(
        default=None,
        converter=tuple_or_none,
        metadata=gotags(json="urns", go="[]urns.URN", validate="dive,urn", strict="dive,urn_strict"),
    )


@attrs.frozen(slots=True, kw_only=True)
class EmailCreatedEvent(Event):
    """An email was sent; ``addresses`` needs at least one entry, ``subject`` is required.

    Example JSON::

        {"type":"email_created","created_on":"2006-01-02T15:04:05Z","addresses":["foo@bar.com"],"subject":"Your activation token","body":"Your activation token is AAFFKKEE"}
    """

    TYPE: ClassVar[str] = "email_created"

    addresses: Optional[Tuple[str, ...]] = attrs.field(
        default=None,
        converter=tuple_or_none,
        metadata=gotags(json="addresses", go="[]string", validate="required,min=1", strict="dive,email"),
    )
    subject: str = gofield(json="subject", validate="required", default="")
    body: str = gofield(json="body", default="")


@attrs.frozen(slots=True, kw_only=True)
class EnvironmentRefreshedEvent(Event):
    """The caller replaced the session environment; ``environment`` is raw JSON.

    Example JSON::

        {"type":"environment_refreshed","created_on":"2006-01-02T15:04:05Z","environment":{"date_format":"YYYY-MM-DD","time_format":"hh:mm","timezone":"Africa/Kigali","default_language":"eng","allowed_languages":["eng","fra"]}}
    """

    TYPE: ClassVar[str] = "environment_refreshed"

    environment: Optional[RawJSON] = gofield(json="environment", go="json.RawMessage", default=None)


@attrs.frozen(slots=True, kw_only=True)
class ErrorEvent(Event):
    """An error happened during the flow; ``fatal`` errors end the session.

    Example JSON::

        {"type":"error","created_on":"2006-01-02T15:04:05Z","text":"invalid date format: '12th of October'","fatal":false}
    """

    TYPE: ClassVar[str] = "error"

    text: str = gofield(json="text", validate="required", default="")
    fatal: bool = gofield(json="fatal", go="bool", default=False)


@attrs.frozen(slots=True, kw_only=True)
class FlowEnteredEvent(Event):
    """The session entered a flow; ``parent_run_uuid`` is ``""`` for the first run.

    Example JSON::

        {"type":"flow_entered","created_on":"2006-01-02T15:04:05Z","flow":{"uuid":"0e06f977-cbb7-475f-9d0b-a0c4aaec7f6a","name":"Registration"},"parent_run_uuid":"95eb96df-461b-4668-b168-727f8ceb13dd","terminal":false}
    """

    TYPE: ClassVar[str] = "flow_entered"

    flow: Optional[FlowReference] = gofield(
        json="flow", go="*assets.FlowReference", validate="required", default=None
    )
    parent_run_uuid: str = gofield(
        json="parent_run_uuid", go="flows.RunUUID", validate="omitempty,uuid4", default=""
    )
    terminal: bool = gofield(json="terminal", go="bool", default=False)


@attrs.frozen(slots=True, kw_only=True)
class InputLabelsAddedEvent(Event):
    """Labels were added to the session's input (an incoming message).

    Example JSON::

        {"type":"input_labels_added","created_on":"2006-01-02T15:04:05Z","input_uuid":"4aef4050-1895-4c80-999a-70368317a4f5","labels":[{"uuid":"b7cf0d83-f1c9-411c-96fd-c511a4cfa86d","name":"Spam"}]}
    """

    TYPE: ClassVar[str] = "input_labels_added"

    input_uuid: str = gofield(
        json="input_uuid", go="flows.InputUUID", validate="required,uuid4", default=""
    )
    labels: Optional[Tuple[Optional[LabelReference], ...]] = attrs.field(
        default=None,
        converter=tuple_or_none,
        metadata=gotags(json="labels", go="[]*assets.LabelReference", validate="required,min=1,dive"),
    )


@attrs.frozen(slots=True, kw_only=True)
class IVRCreatedEvent(Event):
    """A message was spoken in a voice call.

    Example JSON::

        {"type":"ivr_created","created_on":"2006-01-02T15:04:05Z","msg":{"uuid":"2d611e17-fb22-457f-b802-b8f7ec5cda5b","urn":"tel:+12065551212","channel":{"uuid":"61602f3e-f603-4c70-8a8f-c477505bf4bf","name":"Twilio"},"text":"hi there","attachments":["audio:https://s3.amazon.com/mybucket/attachment.m4a"]}}
    """

    TYPE: ClassVar[str] = "ivr_created"

    msg: Optional[MsgOut] = gofield(json="msg", go="*flows.MsgOut", validate="required,dive", default=None)


@attrs.frozen(slots=True, kw_only=True)
class MsgCreatedEvent(Event):
    """A message was created to be sent to the contact.

    Example JSON::

        {"type":"msg_created","created_on":"2006-01-02T15:04:05Z","msg":{"uuid":"2d611e17-fb22-457f-b802-b8f7ec5cda5b","urn":"tel:+12065551212","channel":{"uuid":"61602f3e-f603-4c70-8a8f-c477505bf4bf","name":"Twilio"},"text":"hi there","attachments":["image/jpeg:https://s3.amazon.com/mybucket/attachment.jpg"]}}
    """

    TYPE: ClassVar[str] = "msg_created"

    msg: Optional[MsgOut] = gofield(json="msg", go="*flows.MsgOut", validate="required,dive", default=None)


@attrs.frozen(slots=True, kw_only=True)
class MsgReceivedEvent(Event):
    """The contact sent a message. ``msg`` is never ``None`` (goflow keeps a struct value).

    Example JSON::

        {"type":"msg_received","created_on":"2006-01-02T15:04:05Z","msg":{"uuid":"2d611e17-fb22-457f-b802-b8f7ec5cda5b","urn":"tel:+12065551212","channel":{"uuid":"61602f3e-f603-4c70-8a8f-c477505bf4bf","name":"Twilio"},"text":"hi there","attachments":["https://s3.amazon.com/mybucket/attachment.jpg"]}}
    """

    TYPE: ClassVar[str] = "msg_received"

    msg: MsgIn = gofield(json="msg", go="flows.MsgIn", validate="required,dive", factory=MsgIn)


@attrs.frozen(slots=True, kw_only=True)
class MsgWaitEvent(Event):
    """The flow waits for the contact's reply, optionally with a timeout and a hint.

    Example JSON::

        {"type":"msg_wait","created_on":"2019-01-02T15:04:05Z","timeout_seconds":300,"hint":{"type":"image"}}
    """

    TYPE: ClassVar[str] = "msg_wait"

    timeout_seconds: Optional[int] = gofield(json="timeout_seconds,omitempty", go="*int", default=None)
    hint: Optional[Hint] = gofield(json="hint,omitempty", go="flows.Hint", default=None)


@attrs.frozen(slots=True, kw_only=True)
class ResthookCalledEvent(Event):
    """A resthook was called (with or without subscribers); ``payload`` is raw JSON.

    Example JSON::

        {"type":"resthook_called","created_on":"2006-01-02T15:04:05Z","resthook":"success","payload":{"contact:":{"name":"Bob"}}}
    """

    TYPE: ClassVar[str] = "resthook_called"

    resthook: str = gofield(json="resthook", default="")
    payload: Optional[RawJSON] = gofield(json="payload", go="json.RawMessage", default=None)


@attrs.frozen(slots=True, kw_only=True)
class RunExpiredEvent(Event):
    """A run expired.

    Example JSON::

        {"type":"run_expired","created_on":"2006-01-02T15:04:05Z","run_uuid":"0e06f977-cbb7-475f-9d0b-a0c4aaec7f6a"}
    """

    TYPE: ClassVar[str] = "run_expired"

    run_uuid: str = gofield(json="run_uuid", go="flows.RunUUID", validate="required,uuid4", default="")


@attrs.frozen(slots=True, kw_only=True)
class RunResultChangedEvent(Event):
    """A run result was saved; ``extra`` is raw JSON (written only when present).

    Example JSON::

        {"type":"run_result_changed","created_on":"2006-01-02T15:04:05Z","name":"Gender","value":"m","category":"Male","category_localized":"Homme","input":"M"}
    """

    TYPE: ClassVar[str] = "run_result_changed"

    name: str = gofield(json="name", validate="required", default="")
    value: str = gofield(json="value", default="")
    category: str = gofield(json="category", default="")
    category_localized: str = gofield(json="category_localized,omitempty", default="")
    input: str = gofield(json="input,omitempty", default="")
    extra: Optional[RawJSON] = gofield(json="extra,omitempty", go="json.RawMessage", default=None)


@attrs.frozen(slots=True, kw_only=True)
class SessionTriggeredEvent(Event):
    """A flow session was started for other contacts; ``run_summary`` is raw JSON.

    Example JSON::

        {"type":"session_triggered","created_on":"2006-01-02T15:04:05Z","flow":{"uuid":"0e06f977-cbb7-475f-9d0b-a0c4aaec7f6a","name":"Registration"},"groups":[{"uuid":"8f8e2cae-3c8d-4dce-9c4b-19514437e427","name":"New contacts"}],"run_summary":{"uuid":"b7cf0d83-f1c9-411c-96fd-c511a4cfa86d","flow":{"uuid":"93c554a1-b90d-4892-b029-a2a87dec9b87","name":"Other Flow"},"contact":{"uuid":"c59b0033-e748-4240-9d4c-e85eb6800151","name":"Bob","fields":{"state":{"value":"Azuay","created_on":"2000-01-01T00:00:00.000000000-00:00"}}},"results":{"age":{"name":"Age","value":"33","node_uuid":"cd2be8c4-59bc-453c-8777-dec9a80043b8","created_on":"2000-01-01T00:00:00.000000000-00:00"}}}}
    """

    TYPE: ClassVar[str] = "session_triggered"

    flow: Optional[FlowReference] = gofield(
        json="flow", go="*assets.FlowReference", validate="required", default=None
    )
    urns: Tuple[str, ...] = attrs.field(
        factory=tuple,
        converter=tuple_or_empty,
        metadata=gotags(json="urns,omitempty", go="[]urns.URN", validate="dive,urn", strict="dive,urn_strict"),
    )
    contacts: Tuple[Optional[ContactReference], ...] = attrs.field(
        factory=tuple,
        converter=tuple_or_empty,
        metadata=gotags(json="contacts,omitempty", go="[]*flows.ContactReference", validate="dive"),
    )
    groups: Tuple[Optional[GroupReference], ...] = attrs.field(
        factory=tuple,
        converter=tuple_or_empty,
        metadata=gotags(json="groups,omitempty", go="[]*assets.GroupReference", validate="dive"),
    )
    create_contact: bool = gofield(json="create_contact,omitempty", go="bool", default=False)
    run_summary: Optional[RawJSON] = gofield(json="run_summary", go="json.RawMessage", default=None)


@attrs.frozen(slots=True, kw_only=True)
class WaitTimedOutEvent(Event):
    """The awaited input did not come in time.

    Example JSON::

        {"type":"wait_timed_out","created_on":"2006-01-02T15:04:05Z"}
    """

    TYPE: ClassVar[str] = "wait_timed_out"


@attrs.frozen(slots=True, kw_only=True)
class WebhookCalledEvent(Event):
    """A webhook was called; ``request``/``response`` are the HTTP traces.

    ``status`` is one of ``success``, ``connection_error``, ``response_error``,
    ``subscriber_gone`` (goflow accepts any non-empty string when reading).

    Example JSON::

        {"type":"webhook_called","created_on":"2006-01-02T15:04:05Z","url":"http://localhost:49998/?cmd=success","status":"success","status_code":200,"elapsed_ms":123,"request":"GET /?format=json HTTP/1.1","response":"HTTP/1.1 200 OK\\r\\n\\r\\n{\\"ip\\":\\"190.154.48.130\\"}"}
    """

    TYPE: ClassVar[str] = "webhook_called"

    url: str = gofield(json="url", validate="required", default="")
    resthook: str = gofield(json="resthook,omitempty", default="")
    status: str = gofield(json="status", go="flows.WebhookStatus", validate="required", default="")
    status_code: int = gofield(json="status_code,omitempty", go="int", default=0)
    elapsed_ms: int = gofield(json="elapsed_ms", go="int", default=0)
    request: str = gofield(json="request", validate="required", default="")
    response: str = gofield(json="response,omitempty", default="")
    body_ignored: bool = gofield(json="body_ignored,omitempty", go="bool", default=False)


EVENT_TYPES: Tuple[Type[Event], ...] = (
    BroadcastCreatedEvent,
    ContactFieldChangedEvent,
    ContactGroupsChangedEvent,
    ContactLanguageChangedEvent,
    ContactNameChangedEvent,
    ContactRefreshedEvent,
    ContactTimezoneChangedEvent,
    ContactURNsChangedEvent,
    EmailCreatedEvent,
    EnvironmentRefreshedEvent,
    ErrorEvent,
    FlowEnteredEvent,
    InputLabelsAddedEvent,
    IVRCreatedEvent,
    MsgCreatedEvent,
    MsgReceivedEvent,
    MsgWaitEvent,
    ResthookCalledEvent,
    RunExpiredEvent,
    RunResultChangedEvent,
    SessionTriggeredEvent,
    WaitTimedOutEvent,
    WebhookCalledEvent,
)
"""The 23 event classes of goflow v0.36.0's ``flows/events`` package."""

@attrs.frozen(slots=True)
class UnknownEvent:
    """An event whose ``type`` is not registered, kept whole (lenient reading only).

    goflow rejects such events (``unknown type: 'x'``); archives that mix in output of
    newer engines can be read leniently instead, and written back unchanged.
    """

    type: str
    raw: RawJSON

    @property
    def data(self) -> Any:
        """The event as parsed JSON data."""
        return self.raw.value


# --- the registry (goflow's RegisterType) ---------------------------------------

_registry: Dict[str, Type[Event]] = {cls.TYPE: cls for cls in EVENT_TYPES}
_registry_lock = threading.Lock()


def register_type(name: str, cls: Type[Event]) -> None:
    """Register ``cls`` (an :class:`Event` subclass) under ``name`` (goflow's
    ``RegisterType``), replacing any class registered under that name.

    Reading looks the registry up on every call, so ``read_event`` and every
    converter with the hooks handle the new type at once. ``cls.TYPE`` is set to
    ``name`` when the class left it empty, and must equal it otherwise.
    """
    if not (isinstance(cls, type) and issubclass(cls, Event)):
        raise TypeError(f"{cls!r} is not an Event subclass")
    if not name:
        raise ValueError("an event type needs a non-empty name")
    if not cls.TYPE:
        cls.TYPE = name
    elif cls.TYPE != name:
        raise ValueError(f"{cls.__name__}.TYPE is {cls.TYPE!r}, not {name!r}")
    global _registry
    with _registry_lock:
        updated = dict(_registry)
        updated[name] = cls
        _registry = updated  # readers see the old dict or the new one, never half of it


def event_class(name: str) -> Optional[Type[Event]]:
    """The class registered under ``name``, or ``None``."""
    return _registry.get(name)


def registered_types() -> Dict[str, Type[Event]]:
    """A snapshot of the registry: type string to class."""
    return dict(_registry)
