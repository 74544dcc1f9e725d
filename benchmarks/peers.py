"""Peer implementations of the 23 goflow events, for benchmarking only.

Two equivalents of ``flows_events``' event models, written the way a user of each
library would write them, with the same rules wherever the library can express them:

* :mod:`pydantic` v2 models: a discriminated union on ``type``, read with
  ``TypeAdapter(Event).validate_json`` / ``validate_python``, written with
  ``model_dump_json`` / ``model_dump``;
* :mod:`msgspec` Structs: a tagged union on ``type``, read with
  ``msgspec.json.Decoder(Event).decode`` / ``msgspec.convert``, written with
  ``msgspec.json.Encoder.encode`` / ``msgspec.to_builtins``.

Rules both peers enforce, as flows_events does (validation.md §7):

* ``required`` strings are non-empty (``min_length=1``); ``required`` pointers and
  lists are present and not ``null``; ``email_created.addresses`` and
  ``input_labels_added.labels`` need at least one item (``min=1``);
* ``uuid4`` / ``uuid`` fields match goflow's lowercase regexes (anchored on the whole
  text: no trailing newline); ``omitempty,uuid4`` allows ``""``;
* URNs are checked with ``flows_events.urns.is_valid`` (goflow's ``urn`` tag): a
  pydantic ``AfterValidator``; msgspec has no validator hooks, so ``__post_init__``
  raises (msgspec turns that into a ``ValidationError``);
* group and label references: exactly one of ``uuid`` and ``name_match``
  (pydantic ``model_validator``, msgspec ``__post_init__``);
* nested messages, references, templating, field values, broadcast translations and
  wait hints (a tagged union of their own) are validated recursively;
* timestamps are strings matching an RFC 3339 regex (the peers do not build
  nanosecond timestamp objects; flows_events does, with Go's parser);
* XNumber is a ``Decimal`` (written as a JSON number); raw JSON fields are ``Any``.

Output: Go's ``omitempty`` fields default to their Go zero value and are left out
when equal to it (pydantic ``exclude_defaults=True``, msgspec ``omit_defaults``);
the other fields have no default, so they are always written, in Go's key order. On
goflow-written input the peers' output is then byte-identical to goflow's, apart
from raw JSON re-serialised from ``Any`` and numbers (see ``run.py``'s check).

What the peers cannot express (flows_events does all of these, the peers don't):

* Go's case-insensitive key matching (``"Type"``, ``"CREATED_ON"``), last-duplicate
  wins, and unknown-key tolerance with the same precedence;
* Go's ``null`` semantics: ``null`` on a string/int/bool field leaves the zero value
  (the peers reject it), and a missing non-``omitempty`` field is the zero value in Go
  (the peers, to write it back always, make it required);
* goflow's exact error texts, error order and first-error-per-field behaviour;
* the zero-time rule for ``created_on``, Go's lenient RFC 3339 parser (``T4:20:30``,
  comma fractions, >9 digits), nanosecond precision and offset keeping on output;
* raw JSON kept byte-exact (``Any`` is parsed and re-serialised; msgspec's ``Raw``
  would keep it, but does not work with ``msgspec.convert`` from dicts);
* exact XNumber text on output (pydantic writes a float when not whole);
* ``msg_wait``'s custom decoder (base fields validated before the hint is read),
  Go's int overflow/fraction errors, invalid UTF-8 replacement, HTML escaping modes.
"""

from __future__ import annotations

import decimal
from typing import Annotated, Any, Literal, Optional, Union

import msgspec
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    TypeAdapter,
    model_validator,
)

from flows_events import urns

__all__ = [
    "MSGSPEC_EVENT",
    "PYDANTIC_EVENT",
    "msgspec_decoder",
    "msgspec_encoder",
    "pydantic_adapter",
    "pydantic_dump",
    "pydantic_dump_json",
]

# goflow's regexes (validation.md §3.4), and an RFC 3339 timestamp
_UUID4 = r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"
_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_RFC3339 = r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:[.,][0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})"

# pydantic compiles patterns with Rust's regex crate, where ``$`` is the end of the text;
# msgspec uses Python's ``re.search``, where it is ``\Z`` (``$`` would allow a final "\n")
_RS = "^{}$".format
_PY = "^{}\\Z".format


def _check_urn(value: str) -> str:
    if not urns.is_valid(value):
        raise ValueError("failed tag 'urn'")
    return value


def _check_opt_urn(value: str) -> str:
    return _check_urn(value) if value else value


def _check_urns(values: Optional[list[str]]) -> None:
    for value in values or ():
        _check_urn(value)


def _check_exclusive(uuid: str, name_match: str) -> None:
    if bool(uuid) == bool(name_match):
        raise ValueError("field 'uuid' is mutually exclusive with 'name_match'")


def _number_json(value: decimal.Decimal) -> Union[int, float]:
    return int(value) if value == value.to_integral_value() else float(value)


# =====================================================================================
# pydantic v2
# =====================================================================================

PStr1 = Annotated[str, StringConstraints(min_length=1)]
PUUID4 = Annotated[str, StringConstraints(pattern=_RS(_UUID4))]
POptUUID4 = Annotated[str, StringConstraints(pattern=_RS(f"(?:{_UUID4})?"))]
PUUID = Annotated[str, StringConstraints(pattern=_RS(_UUID))]
PTime = Annotated[str, StringConstraints(pattern=_RS(_RFC3339))]
PURN = Annotated[str, AfterValidator(_check_urn)]
POptURN = Annotated[str, AfterValidator(_check_opt_urn)]
PNumber = Annotated[decimal.Decimal, PlainSerializer(_number_json, when_used="json")]


class _PModel(BaseModel):
    # Go ignores unknown keys; flows_events' objects are frozen too
    model_config = ConfigDict(extra="ignore", frozen=True)


class PChannelReference(_PModel):
    uuid: PUUID
    name: str


class PTemplateReference(_PModel):
    uuid: PUUID
    name: str


class PGroupReference(_PModel):
    uuid: POptUUID4 = ""
    name: str = ""
    name_match: str = ""

    @model_validator(mode="after")
    def _exclusive(self) -> PGroupReference:
        _check_exclusive(self.uuid, self.name_match)
        return self


class PLabelReference(PGroupReference):
    pass


class PFlowReference(_PModel):
    uuid: PUUID4
    name: str


class PFieldReference(_PModel):
    key: PStr1
    name: str


class PContactReference(_PModel):
    uuid: PUUID4
    name: str


class PMsgTemplating(_PModel):
    template: Optional[PTemplateReference]
    language: str
    variables: Optional[list[str]]


class PBaseMsg(_PModel):
    uuid: str
    id: int = 0
    urn: POptURN = ""
    channel: Optional[PChannelReference] = None
    text: str
    attachments: list[str] = []


class PMsgIn(PBaseMsg):
    external_id: str = ""


class PMsgOut(PBaseMsg):
    quick_replies: list[str] = []
    templating: Optional[PMsgTemplating] = None


class PValue(_PModel):
    text: str
    datetime: Optional[PTime] = None
    number: Optional[PNumber] = None
    state: str = ""
    district: str = ""
    ward: str = ""


class PBroadcastTranslation(_PModel):
    text: str
    attachments: list[str] = []
    quick_replies: list[str] = []


class PAudioHint(_PModel):
    type: Literal["audio"]


class PDigitsHint(_PModel):
    type: Literal["digits"]
    count: Optional[int] = None
    terminated_by: str = ""


class PImageHint(_PModel):
    type: Literal["image"]


class PLocationHint(_PModel):
    type: Literal["location"]


class PVideoHint(_PModel):
    type: Literal["video"]


PHint = Annotated[
    Union[PAudioHint, PDigitsHint, PImageHint, PLocationHint, PVideoHint], Field(discriminator="type")
]


class PEvent(_PModel):
    type: str
    created_on: PTime
    step_uuid: POptUUID4 = ""


class PBroadcastCreated(PEvent):
    type: Literal["broadcast_created"]
    translations: Optional[dict[str, Optional[PBroadcastTranslation]]]
    base_language: PStr1
    urns: list[PURN] = []
    contacts: list[Optional[PContactReference]] = []
    groups: list[Optional[PGroupReference]] = []


class PContactFieldChanged(PEvent):
    type: Literal["contact_field_changed"]
    field: PFieldReference
    value: Optional[PValue]


class PContactGroupsChanged(PEvent):
    type: Literal["contact_groups_changed"]
    groups_added: list[Optional[PGroupReference]] = []
    groups_removed: list[Optional[PGroupReference]] = []


class PContactLanguageChanged(PEvent):
    type: Literal["contact_language_changed"]
    language: str


class PContactNameChanged(PEvent):
    type: Literal["contact_name_changed"]
    name: str


class PContactRefreshed(PEvent):
    type: Literal["contact_refreshed"]
    contact: Any


class PContactTimezoneChanged(PEvent):
    type: Literal["contact_timezone_changed"]
    timezone: str


class PContactURNsChanged(PEvent):
    type: Literal["contact_urns_changed"]
    urns: Optional[list[PURN]]


class PEmailCreated(PEvent):
    type: Literal["email_created"]
    addresses: Annotated[list[str], Field(min_length=1)]
    subject: PStr1
    body: str


class PEnvironmentRefreshed(PEvent):
    type: Literal["environment_refreshed"]
    environment: Any


class PError(PEvent):
    type: Literal["error"]
    text: PStr1
    fatal: bool


class PFlowEntered(PEvent):
    type: Literal["flow_entered"]
    flow: PFlowReference
    parent_run_uuid: POptUUID4
    terminal: bool


class PInputLabelsAdded(PEvent):
    type: Literal["input_labels_added"]
    input_uuid: PUUID4
    labels: Annotated[list[Optional[PLabelReference]], Field(min_length=1)]


class PIVRCreated(PEvent):
    type: Literal["ivr_created"]
    msg: PMsgOut


class PMsgCreated(PEvent):
    type: Literal["msg_created"]
    msg: PMsgOut


class PMsgReceived(PEvent):
    type: Literal["msg_received"]
    msg: PMsgIn


class PMsgWait(PEvent):
    type: Literal["msg_wait"]
    timeout_seconds: Optional[int] = None
    hint: Optional[PHint] = None


class PResthookCalled(PEvent):
    type: Literal["resthook_called"]
    resthook: str
    payload: Any


class PRunExpired(PEvent):
    type: Literal["run_expired"]
    run_uuid: PUUID4


class PRunResultChanged(PEvent):
    type: Literal["run_result_changed"]
    name: PStr1
    value: str
    category: str
    category_localized: str = ""
    input: str = ""
    extra: Any = None


class PSessionTriggered(PEvent):
    type: Literal["session_triggered"]
    flow: PFlowReference
    urns: list[PURN] = []
    contacts: list[Optional[PContactReference]] = []
    groups: list[Optional[PGroupReference]] = []
    create_contact: bool = False
    run_summary: Any


class PWaitTimedOut(PEvent):
    type: Literal["wait_timed_out"]


class PWebhookCalled(PEvent):
    type: Literal["webhook_called"]
    url: PStr1
    resthook: str = ""
    status: PStr1
    status_code: int = 0
    elapsed_ms: int
    request: PStr1
    response: str = ""
    body_ignored: bool = False


PYDANTIC_EVENT = Annotated[
    Union[
        PBroadcastCreated,
        PContactFieldChanged,
        PContactGroupsChanged,
        PContactLanguageChanged,
        PContactNameChanged,
        PContactRefreshed,
        PContactTimezoneChanged,
        PContactURNsChanged,
        PEmailCreated,
        PEnvironmentRefreshed,
        PError,
        PFlowEntered,
        PInputLabelsAdded,
        PIVRCreated,
        PMsgCreated,
        PMsgReceived,
        PMsgWait,
        PResthookCalled,
        PRunExpired,
        PRunResultChanged,
        PSessionTriggered,
        PWaitTimedOut,
        PWebhookCalled,
    ],
    Field(discriminator="type"),
]
"""The pydantic event union, discriminated on ``type``."""

pydantic_adapter: TypeAdapter[Any] = TypeAdapter(PYDANTIC_EVENT)


def pydantic_dump_json(model: BaseModel) -> str:
    """goflow's output form: ``omitempty`` fields left out when at their zero value."""
    return model.model_dump_json(exclude_defaults=True)


def pydantic_dump(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(exclude_defaults=True)


# =====================================================================================
# msgspec
# =====================================================================================

MStr1 = Annotated[str, msgspec.Meta(min_length=1)]
MUUID4 = Annotated[str, msgspec.Meta(pattern=_PY(_UUID4))]
MOptUUID4 = Annotated[str, msgspec.Meta(pattern=_PY(f"(?:{_UUID4})?"))]
MUUID = Annotated[str, msgspec.Meta(pattern=_PY(_UUID))]
MTime = Annotated[str, msgspec.Meta(pattern=_PY(_RFC3339))]


class _MStruct(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True):
    # frozen and omit_defaults are inherited; msgspec wants kw_only on every class
    pass


class MChannelReference(_MStruct, kw_only=True):
    uuid: MUUID
    name: str


class MTemplateReference(_MStruct, kw_only=True):
    uuid: MUUID
    name: str


class MGroupReference(_MStruct, kw_only=True):
    uuid: MOptUUID4 = ""
    name: str = ""
    name_match: str = ""

    def __post_init__(self) -> None:
        _check_exclusive(self.uuid, self.name_match)


class MLabelReference(MGroupReference, kw_only=True):
    pass


class MFlowReference(_MStruct, kw_only=True):
    uuid: MUUID4
    name: str


class MFieldReference(_MStruct, kw_only=True):
    key: MStr1
    name: str


class MContactReference(_MStruct, kw_only=True):
    uuid: MUUID4
    name: str


class MMsgTemplating(_MStruct, kw_only=True):
    template: Optional[MTemplateReference]
    language: str
    variables: Optional[list[str]]


class MBaseMsg(_MStruct, kw_only=True):
    uuid: str
    id: int = 0
    urn: str = ""
    channel: Optional[MChannelReference] = None
    text: str
    attachments: list[str] = []

    def __post_init__(self) -> None:
        _check_opt_urn(self.urn)


class MMsgIn(MBaseMsg, kw_only=True):
    external_id: str = ""


class MMsgOut(MBaseMsg, kw_only=True):
    quick_replies: list[str] = []
    templating: Optional[MMsgTemplating] = None


class MValue(_MStruct, kw_only=True):
    text: str
    datetime: Optional[MTime] = None
    number: Optional[decimal.Decimal] = None
    state: str = ""
    district: str = ""
    ward: str = ""


class MBroadcastTranslation(_MStruct, kw_only=True):
    text: str
    attachments: list[str] = []
    quick_replies: list[str] = []


class _MHint(_MStruct, tag_field="type"):
    pass


class MAudioHint(_MHint, tag="audio", kw_only=True):
    pass


class MDigitsHint(_MHint, tag="digits", kw_only=True):
    count: Optional[int] = None
    terminated_by: str = ""


class MImageHint(_MHint, tag="image", kw_only=True):
    pass


class MLocationHint(_MHint, tag="location", kw_only=True):
    pass


class MVideoHint(_MHint, tag="video", kw_only=True):
    pass


MHint = Union[MAudioHint, MDigitsHint, MImageHint, MLocationHint, MVideoHint]


class MEvent(_MStruct, tag_field="type", kw_only=True):
    created_on: MTime
    step_uuid: MOptUUID4 = ""


class MBroadcastCreated(MEvent, tag="broadcast_created", kw_only=True):
    translations: Optional[dict[str, Optional[MBroadcastTranslation]]]
    base_language: MStr1
    urns: list[str] = []
    contacts: list[Optional[MContactReference]] = []
    groups: list[Optional[MGroupReference]] = []

    def __post_init__(self) -> None:
        _check_urns(self.urns)


class MContactFieldChanged(MEvent, tag="contact_field_changed", kw_only=True):
    field: MFieldReference
    value: Optional[MValue]


class MContactGroupsChanged(MEvent, tag="contact_groups_changed", kw_only=True):
    groups_added: list[Optional[MGroupReference]] = []
    groups_removed: list[Optional[MGroupReference]] = []


class MContactLanguageChanged(MEvent, tag="contact_language_changed", kw_only=True):
    language: str


class MContactNameChanged(MEvent, tag="contact_name_changed", kw_only=True):
    name: str


class MContactRefreshed(MEvent, tag="contact_refreshed", kw_only=True):
    contact: Any


class MContactTimezoneChanged(MEvent, tag="contact_timezone_changed", kw_only=True):
    timezone: str


class MContactURNsChanged(MEvent, tag="contact_urns_changed", kw_only=True):
    urns: Optional[list[str]]

    def __post_init__(self) -> None:
        _check_urns(self.urns)


class MEmailCreated(MEvent, tag="email_created", kw_only=True):
    addresses: Annotated[list[str], msgspec.Meta(min_length=1)]
    subject: MStr1
    body: str


class MEnvironmentRefreshed(MEvent, tag="environment_refreshed", kw_only=True):
    environment: Any


class MError(MEvent, tag="error", kw_only=True):
    text: MStr1
    fatal: bool


class MFlowEntered(MEvent, tag="flow_entered", kw_only=True):
    flow: MFlowReference
    parent_run_uuid: MOptUUID4
    terminal: bool


class MInputLabelsAdded(MEvent, tag="input_labels_added", kw_only=True):
    input_uuid: MUUID4
    labels: Annotated[list[Optional[MLabelReference]], msgspec.Meta(min_length=1)]


class MIVRCreated(MEvent, tag="ivr_created", kw_only=True):
    msg: MMsgOut


class MMsgCreated(MEvent, tag="msg_created", kw_only=True):
    msg: MMsgOut


class MMsgReceived(MEvent, tag="msg_received", kw_only=True):
    msg: MMsgIn


class MMsgWait(MEvent, tag="msg_wait", kw_only=True):
    timeout_seconds: Optional[int] = None
    hint: Optional[MHint] = None


class MResthookCalled(MEvent, tag="resthook_called", kw_only=True):
    resthook: str
    payload: Any


class MRunExpired(MEvent, tag="run_expired", kw_only=True):
    run_uuid: MUUID4


class MRunResultChanged(MEvent, tag="run_result_changed", kw_only=True):
    name: MStr1
    value: str
    category: str
    category_localized: str = ""
    input: str = ""
    extra: Any = None


class MSessionTriggered(MEvent, tag="session_triggered", kw_only=True):
    flow: MFlowReference
    urns: list[str] = []
    contacts: list[Optional[MContactReference]] = []
    groups: list[Optional[MGroupReference]] = []
    create_contact: bool = False
    run_summary: Any

    def __post_init__(self) -> None:
        _check_urns(self.urns)


class MWaitTimedOut(MEvent, tag="wait_timed_out", kw_only=True):
    pass


class MWebhookCalled(MEvent, tag="webhook_called", kw_only=True):
    url: MStr1
    resthook: str = ""
    status: MStr1
    status_code: int = 0
    elapsed_ms: int
    request: MStr1
    response: str = ""
    body_ignored: bool = False


MSGSPEC_EVENT = Union[
    MBroadcastCreated,
    MContactFieldChanged,
    MContactGroupsChanged,
    MContactLanguageChanged,
    MContactNameChanged,
    MContactRefreshed,
    MContactTimezoneChanged,
    MContactURNsChanged,
    MEmailCreated,
    MEnvironmentRefreshed,
    MError,
    MFlowEntered,
    MInputLabelsAdded,
    MIVRCreated,
    MMsgCreated,
    MMsgReceived,
    MMsgWait,
    MResthookCalled,
    MRunExpired,
    MRunResultChanged,
    MSessionTriggered,
    MWaitTimedOut,
    MWebhookCalled,
]
"""The msgspec event union, tagged on ``type``."""

msgspec_decoder: msgspec.json.Decoder[Any] = msgspec.json.Decoder(MSGSPEC_EVENT)
# msgspec writes Decimal as a JSON string by default; Go writes XNumber as a number
msgspec_encoder = msgspec.json.Encoder(decimal_format="number")
