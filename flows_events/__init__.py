"""flows_events: goflow's flow events as typed, validated, lossless Python objects.

Read an event as goflow's ``events.ReadEvent`` would, write it back as goflow would::

    >>> import flows_events
    >>> event = flows_events.read_event(
    ...     '{"type":"contact_name_changed","created_on":"2006-01-02T15:04:05Z","name":"Bob"}'
    ... )
    >>> event.name
    'Bob'
    >>> flows_events.dumps(event)
    '{"type":"contact_name_changed","created_on":"2006-01-02T15:04:05Z","name":"Bob"}'
"""

from .api import dumps, from_dict, read_event, read_events, to_dict
from .converter import converter, register_hooks
from .errors import (
    DecodeError,
    EventError,
    FieldError,
    JSONSyntaxError,
    TypeMismatchError,
    UnknownTypeError,
    URNError,
    ValidationError,
)
from .events import (
    EVENT_TYPES,
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
    Event,
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
    event_class,
    register_type,
    registered_types,
)
from .gojson import RawJSON
from .timestamps import Timestamp
from .types import (
    AudioHint,
    BaseMsg,
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

__version__ = "0.1.0"

__all__ = [
    "read_event",
    "read_events",
    "dumps",
    "to_dict",
    "from_dict",
    "converter",
    "register_hooks",
    "register_type",
    "event_class",
    "registered_types",
    "EVENT_TYPES",
    "EventError",
    "DecodeError",
    "JSONSyntaxError",
    "TypeMismatchError",
    "UnknownTypeError",
    "ValidationError",
    "FieldError",
    "URNError",
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
    "Timestamp",
    "RawJSON",
    "BaseMsg",
    "MsgIn",
    "MsgOut",
    "MsgTemplating",
    "ChannelReference",
    "TemplateReference",
    "GroupReference",
    "LabelReference",
    "FlowReference",
    "FieldReference",
    "ContactReference",
    "Value",
    "BroadcastTranslation",
    "Hint",
    "AudioHint",
    "DigitsHint",
    "ImageHint",
    "LocationHint",
    "VideoHint",
]
