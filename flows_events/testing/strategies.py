"""Hypothesis strategies for goflow events and every nested type.

Everything generated here is something goflow v0.36.0 accepts: built events pass
validation, and ``read_event(dumps(e)) == e`` holds for every generated event (the
round trip through goflow's JSON). The strategies deliberately cover the edges:

* timestamps with nanoseconds, non-UTC offsets (up to ``±99:59``, the widest that
  reads back), both spellings of UTC (``Z`` and ``+00:00``, which is written back as
  ``Z``), years 1–9999 — but never Go's zero time ``0001-01-01T00:00:00Z`` (an event
  with it fails ``required``);
* strings with HTML characters (``<>&``), U+2028/U+2029, control characters, emoji,
  quotes and backslashes; empty and ``None`` optional lists;
* every URN scheme of gocommon v0.2.0, with queries and displays, valid per
  :func:`flows_events.urns.is_valid`;
* every hint type; raw-JSON fields with nested arrays and objects, duplicate keys,
  odd number spellings and escapes (and the literal ``null`` for ``extra``);
* exact decimals for contact field numbers, group/label references with a UUID or a
  ``name_match`` (never both).

Raw-JSON content containing ``<``, ``>``, ``&``, U+2028 or U+2029 is rewritten by
``dumps(e, escape_html=True)`` (Go's ``json.Marshal`` does the same), so only
``escape_html=False`` round-trips such events to an equal value; with HTML escaping
the output is still stable (writing what was read gives the same bytes).

Needs ``pip install 'flows_events[hypothesis]'``. This module is the only one of the
package that imports Hypothesis.
"""

from __future__ import annotations

import uuid as _uuid
from decimal import Decimal
from typing import Callable, Dict, List, Optional, Tuple, Type, TypeVar, Union

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from flows_events import events as ev
from flows_events import urns as _urns
from flows_events.gojson import RawJSON
from flows_events.timestamps import Timestamp
from flows_events.types import (
    WEBHOOK_STATUSES,
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
    "SPECIAL_CHARACTERS",
    "text",
    "int64s",
    "uuid4s",
    "uuids",
    "timestamps",
    "urns",
    "languages",
    "attachments",
    "raw_json",
    "raw_json_texts",
    "decimals",
    "channel_references",
    "template_references",
    "group_references",
    "label_references",
    "flow_references",
    "field_references",
    "contact_references",
    "msg_templatings",
    "msg_outs",
    "msg_ins",
    "values",
    "broadcast_translations",
    "hints",
    "audio_hints",
    "digits_hints",
    "image_hints",
    "location_hints",
    "video_hints",
    "events",
    "for_type",
    "EVENT_STRATEGIES",
]

T = TypeVar("T")

#: Characters that stress the JSON writer and reader: HTML escaping, the two JS line
#: separators, control characters (``\b`` and ``\f`` are written ``\u0008``/``\u000c``),
#: DEL, quotes, backslashes, a BOM, the replacement character, emoji (4-byte UTF-8,
#: a ZWJ sequence) and a combining mark.
SPECIAL_CHARACTERS: Tuple[str, ...] = (
    "<",
    ">",
    "&",
    "\u2028",
    "\u2029",
    "\x00",
    "\x01",
    "\x08",
    "\x0c",
    "\x1f",
    "\x7f",
    "\n",
    "\r",
    "\t",
    '"',
    "\\",
    "/",
    "\ufeff",
    "\ufffd",
    "\U0001f600",
    "\U0001f469\u200d\U0001f4bb",
    "\u0301",
    "é",
    "ſ",
    "\u212a",
    "%",
    "#",
    "?",
    ":",
    " ",
)

_INT64_MIN = -(2**63)
_INT64_MAX = 2**63 - 1
_MAX_OFFSET_MINUTES = 99 * 60 + 59  # "±99:59": Go reads exactly two hour digits


def text(*, min_size: int = 0, max_size: int = 24) -> SearchStrategy[str]:
    """Any Unicode string goflow round-trips (no lone surrogates), biased toward
    :data:`SPECIAL_CHARACTERS`; the sizes count characters or special sequences."""
    piece = st.one_of(st.characters(codec="utf-8"), st.sampled_from(SPECIAL_CHARACTERS))
    # pieces, not an alphabet: some specials are several code points (a ZWJ emoji)
    return st.lists(piece, min_size=min_size, max_size=max_size).map("".join)


def _realistic_or(realistic: List[str], other: SearchStrategy[str]) -> SearchStrategy[str]:
    return st.one_of(st.sampled_from(realistic), other)


def _names() -> SearchStrategy[str]:
    return _realistic_or(["Ryan Lewis", "Bob", "Registration", "Reporters", "Spam", ""], text())


def int64s() -> SearchStrategy[int]:
    """Go ``int``/``int64`` values (the whole 64-bit range, biased to the ends and 0)."""
    return st.one_of(
        st.sampled_from([0, 1, -1, 300, _INT64_MIN, _INT64_MAX]),
        st.integers(_INT64_MIN, _INT64_MAX),
    )


def _format_uuid(n: int) -> str:
    h = f"{n:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def uuid4s() -> SearchStrategy[str]:
    """Lowercase version-4, RFC 4122 variant UUIDs (goflow's ``uuid4`` tag)."""
    return st.integers(0, 2**128 - 1).map(lambda n: str(_uuid.UUID(int=n, version=4)))


def uuids() -> SearchStrategy[str]:
    """Lowercase UUIDs of any version (goflow's ``uuid`` tag: channels, templates)."""
    return st.one_of(uuid4s(), st.integers(0, 2**128 - 1).map(_format_uuid))


# --------------------------------------------------------------------------- time

_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in(year: int, month: int) -> int:
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS[month]


_REALISTIC_OFFSETS = (0, 3600, 7200, -18000, -10800, 19800, 20700, 34200, -34200, 45900, 50400, -43200)


@st.composite
def _timestamp(draw: st.DrawFn, min_year: int, max_year: int, resolution_ns: int, offsets: bool) -> Timestamp:
    year = draw(
        st.one_of(
            st.sampled_from(sorted({min_year, max_year, max(min_year, min(2018, max_year))})),
            st.integers(min_year, max_year),
        )
    )
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, _days_in(year, month)))
    hour = draw(st.integers(0, 23))
    minute = draw(st.integers(0, 59))
    second = draw(st.integers(0, 59))
    nanosecond = draw(
        st.one_of(
            st.just(0),
            st.integers(0, 999).map(lambda ms: ms * 1_000_000),
            st.integers(0, 999_999).map(lambda us: us * 1_000),
            st.integers(0, 999_999_999),
        )
    )
    nanosecond -= nanosecond % resolution_ns
    if offsets:
        zone = draw(st.sampled_from(("Z", "realistic", "any", "+00:00")))
        if zone == "realistic":
            offset = draw(st.sampled_from(_REALISTIC_OFFSETS))
        elif zone == "any":
            offset = 60 * draw(st.integers(-_MAX_OFFSET_MINUTES, _MAX_OFFSET_MINUTES))
        else:
            offset = 0
        # offset 0 is written "Z" either way; zulu=False is what reading "+00:00" gives
        zulu = offset == 0 and zone != "+00:00"
    else:
        offset, zulu = 0, True
    if offset == 0 and (year, month, day, hour, minute, second, nanosecond) == (1, 1, 1, 0, 0, 0, 0):
        nanosecond = resolution_ns  # never Go's zero time: it fails `required` once written as Z
    return Timestamp(year, month, day, hour, minute, second, nanosecond, offset, zulu=zulu)


def timestamps(
    *, min_year: int = 1, max_year: int = 9999, resolution_ns: int = 1, offsets: bool = True
) -> SearchStrategy[Timestamp]:
    """Timestamps that goflow reads and writes back unchanged.

    ``resolution_ns`` rounds the nanoseconds down to a multiple (``1000`` for a
    contact field ``datetime``, which goflow writes with 6 fraction digits);
    ``offsets=False`` gives UTC only. Go's zero time is never generated.
    """
    if not 1 <= min_year <= max_year <= 9999:
        raise ValueError("need 1 <= min_year <= max_year <= 9999")
    if not 1 <= resolution_ns <= 1_000_000_000 or 1_000_000_000 % resolution_ns:
        raise ValueError("resolution_ns must divide one second")
    return _timestamp(min_year, max_year, resolution_ns, offsets)


# --------------------------------------------------------------------------- URNs


def _regex(pattern: str) -> SearchStrategy[str]:
    return st.from_regex(pattern, fullmatch=True)


def _email_part() -> SearchStrategy[str]:
    alphabet = st.one_of(
        st.characters(codec="utf-8", exclude_characters="\t\n\f\r @"),
        st.sampled_from(["#", "?", "%", ".", "+", "<", "&", "\u2028", "\v", "😀"]),
    )
    return st.text(alphabet, min_size=1, max_size=12)


def _digits(max_size: int = 20) -> SearchStrategy[str]:
    return _regex(rf"[0-9]{{1,{max_size}}}")


_TWITTER_HANDLE = r"[a-zA-Z0-9_]{1,15}"

_PATHS: Dict[str, Callable[[], SearchStrategy[str]]] = {
    _urns.TEL_SCHEME: lambda: st.one_of(
        _regex(r"\+(1|7|33|44|250|256|593)[0-9]{7,10}"), _regex(r"\+?[a-zA-Z0-9]{3,16}")
    ),
    _urns.TWITTER_SCHEME: lambda: _regex(_TWITTER_HANDLE),
    _urns.TWITTER_ID_SCHEME: _digits,
    _urns.EMAIL_SCHEME: lambda: st.one_of(
        st.sampled_from(["bob@nyaruka.com", "foo@bar.com"]),
        st.builds(lambda a, b: f"{a}@{b}", _email_part(), _email_part()),
    ),
    _urns.FACEBOOK_SCHEME: lambda: st.one_of(_digits(), text().map(lambda t: _urns.FACEBOOK_REF_PREFIX + t)),
    _urns.JIOCHAT_SCHEME: _digits,
    _urns.LINE_SCHEME: lambda: _regex(r"[a-zA-Z0-9_]{1,36}"),
    _urns.TELEGRAM_SCHEME: _digits,
    _urns.VIBER_SCHEME: lambda: _regex(r"[a-zA-Z0-9_=/+]{1,24}"),
    _urns.WHATSAPP_SCHEME: _digits,
    _urns.EXTERNAL_SCHEME: lambda: text(min_size=1),
    _urns.FCM_SCHEME: lambda: text(min_size=1),
    _urns.WECHAT_SCHEME: lambda: text(min_size=1),
}


@st.composite
def _urn(draw: st.DrawFn, scheme: Optional[str]) -> str:
    if scheme is None:
        scheme = draw(st.sampled_from(sorted(_PATHS)))
    path = draw(_PATHS[scheme]())
    query = draw(
        st.one_of(st.just(""), st.sampled_from(["channel=57f1078f-88aa-46f4-a59a-948a5739c03d"]), text())
    )
    if scheme == _urns.TWITTER_ID_SCHEME:
        display = draw(st.one_of(st.just(""), _regex(_TWITTER_HANDLE)))
    else:
        display = draw(st.one_of(st.just(""), text()))
    return _urns.build(scheme, path, query, display)


def urns(scheme: Optional[str] = None) -> SearchStrategy[str]:
    """Valid URNs (gocommon's ``Validate``) of ``scheme``, or of any of the 13 schemes.

    Paths follow each scheme's rule (phone numbers, handles, numeric ids, email
    addresses, Facebook referrals, free text for ``ext``/``fcm``/``wechat``); some get
    a query and a display (a handle for ``twitterid``); ``#``, ``%`` and ``?`` are
    escaped as gocommon does.
    """
    if scheme is not None and scheme not in _PATHS:
        raise ValueError(f"unknown URN scheme {scheme!r}; known: {', '.join(sorted(_PATHS))}")
    return _urn(scheme)


# --------------------------------------------------------------------------- small strings


def languages() -> SearchStrategy[str]:
    """Language codes: mostly ISO 639-3 (goflow does not check them), sometimes any text."""
    return _realistic_or(["eng", "fra", "spa", "kin", "por", "base"], text(max_size=5))


def attachments() -> SearchStrategy[str]:
    """Attachments: mostly ``content-type:url``, sometimes anything (goflow does not check)."""
    return st.one_of(
        st.sampled_from(
            [
                "image/jpeg:https://s3.amazon.com/mybucket/attachment.jpg",
                "audio:https://s3.amazon.com/mybucket/attachment.m4a",
                "geo:-2.90875,-79.0117",
            ]
        ),
        st.builds(
            lambda ct, u: f"{ct}:https://example.com/{u}", _regex(r"[a-z]{3,8}(/[a-z0-9.+-]{1,10})?"), text()
        ),
        text(),
    )


def _non_empty_text() -> SearchStrategy[str]:
    return text(min_size=1)


# --------------------------------------------------------------------------- raw JSON

_WS = st.sampled_from(["", "", "", " ", "\n", "\t", "\r\n  "])


@st.composite
def _json_string_token(draw: st.DrawFn) -> str:
    pieces = draw(
        st.lists(
            st.one_of(
                st.characters(codec="utf-8", min_codepoint=0x20, exclude_characters='"\\'),
                st.sampled_from(["<", ">", "&", "\u2028", "\u2029", "\U0001f600", "é"]),
                st.sampled_from(['\\"', "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t"]),
                st.integers(0, 0xFFFF).map(lambda n: f"\\u{n:04x}"),
                st.sampled_from(["\\u00E9", "\\u003c", "\\ud83d\\ude00", "\\ud800", "\\u2028"]),
            ),
            max_size=8,
        )
    )
    return '"' + "".join(pieces) + '"'


_JSON_NUMBER = r"-?(0|[1-9][0-9]{0,20})(\.[0-9]{1,12})?([eE][+-]?[0-9]{1,3})?"


def _json_scalar() -> SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(["null", "true", "false", "0", "-0", "1E3", "2.50", "1e-7"]),
        _regex(_JSON_NUMBER),
        _json_string_token(),
    )


def _json_array(children: SearchStrategy[str]) -> SearchStrategy[str]:
    return st.builds(
        lambda items, ws: "[" + ws + ("," + ws).join(items) + ws + "]",
        st.lists(children, max_size=4),
        _WS,
    )


def _json_object(children: SearchStrategy[str]) -> SearchStrategy[str]:
    member = st.builds(lambda k, v, ws: k + ws + ":" + ws + v, _json_string_token(), children, _WS)
    keyed = st.lists(member, max_size=4)
    # duplicate keys are kept verbatim by goflow's raw JSON
    with_duplicate = st.builds(lambda v1, v2: ['"a":' + v1, '"a":' + v2], children, children)
    return st.builds(
        lambda members, ws: "{" + ws + ("," + ws).join(members) + ws + "}",
        st.one_of(keyed, with_duplicate),
        _WS,
    )


def raw_json_texts() -> SearchStrategy[str]:
    """JSON documents as text (any value at the top level), with whitespace, nesting,
    duplicate keys, odd number spellings and escapes (``\\u00e9``, ``\\ud800``)."""
    nested = st.recursive(
        _json_scalar(),
        lambda children: st.one_of(_json_array(children), _json_object(children)),
        max_leaves=12,
    )
    return st.builds(lambda a, v, b: a + v + b, _WS, nested, _WS)


def raw_json() -> SearchStrategy[RawJSON]:
    """:class:`~flows_events.gojson.RawJSON` values: realistic objects, ``null`` and
    arbitrary documents from :func:`raw_json_texts`."""
    realistic = st.sampled_from(
        [
            '{"uuid":"5d76d86b-3bb9-4d5a-b822-c9d86f5d8e4f","name":"Ryan Lewis","urns":["tel:+250788123123"]}',
            '{"date_format":"YYYY-MM-DD","time_format":"hh:mm","timezone":"Africa/Kigali"}',
            '{"contact:":{"name":"Bob"}}',
            '{ "b" : [ 1 , 2.50 , 1E3 ] , "a" : "<&>\\u00e9\u2028" , "a": 2 }',
        ]
    )
    return st.one_of(st.just(RawJSON.NULL), realistic.map(RawJSON), raw_json_texts().map(RawJSON))


def decimals() -> SearchStrategy[Decimal]:
    """Exact decimals for contact field numbers (no NaN/infinity; exponents -40..40)."""
    return st.one_of(
        st.sampled_from(["0", "-0", "1.50", "23", "-0.000000000125", "12345678901234567890.123456789"]).map(
            Decimal
        ),
        st.builds(
            lambda m, e: Decimal(f"{m}E{e}"),
            st.integers(-(10**30), 10**30),
            st.integers(-40, 40),
        ),
    )


# --------------------------------------------------------------------------- references


def channel_references() -> SearchStrategy[ChannelReference]:
    """Channel references (any-version UUID)."""
    return st.builds(ChannelReference, uuid=uuids(), name=_names())


def template_references() -> SearchStrategy[TemplateReference]:
    """Template references (any-version UUID)."""
    return st.builds(TemplateReference, uuid=uuids(), name=_names())


def _fixed_or_match(cls: Type[T]) -> SearchStrategy[T]:
    return st.one_of(
        st.builds(cls, uuid=uuid4s(), name=_names(), name_match=st.just("")),
        st.builds(cls, uuid=st.just(""), name=_names(), name_match=_non_empty_text()),
    )


def group_references() -> SearchStrategy[GroupReference]:
    """Group references: a UUID4 or a ``name_match``, never both (goflow's rule)."""
    return _fixed_or_match(GroupReference)


def label_references() -> SearchStrategy[LabelReference]:
    """Label references: a UUID4 or a ``name_match``, never both."""
    return _fixed_or_match(LabelReference)


def flow_references() -> SearchStrategy[FlowReference]:
    """Flow references (UUID4)."""
    return st.builds(FlowReference, uuid=uuid4s(), name=_names())


def field_references() -> SearchStrategy[FieldReference]:
    """Field references (non-empty key)."""
    return st.builds(
        FieldReference, key=_realistic_or(["gender", "age", "join_date"], _non_empty_text()), name=_names()
    )


def contact_references() -> SearchStrategy[ContactReference]:
    """Contact references (UUID4)."""
    return st.builds(ContactReference, uuid=uuid4s(), name=_names())


def _lists(elements: SearchStrategy[T], *, min_size: int = 0) -> SearchStrategy[Tuple[T, ...]]:
    return st.lists(elements, min_size=min_size, max_size=3).map(tuple)


def _opt(strategy: SearchStrategy[T]) -> SearchStrategy[Optional[T]]:
    return st.one_of(st.none(), strategy)


# --------------------------------------------------------------------------- messages etc.


def msg_templatings() -> SearchStrategy[MsgTemplating]:
    """Message templating: template or ``None``, language, variables ``None``/list."""
    return st.builds(
        MsgTemplating,
        template=_opt(template_references()),
        language=languages(),
        variables=_opt(_lists(text())),
    )


def _msg_uuid() -> SearchStrategy[str]:
    # goflow does not check a message's UUID
    return st.one_of(uuid4s(), st.just(""), text())


def msg_outs() -> SearchStrategy[MsgOut]:
    """Outgoing messages (``msg_created``, ``ivr_created``)."""
    return st.builds(
        MsgOut,
        uuid=_msg_uuid(),
        id=st.one_of(st.just(0), int64s()),
        urn=st.one_of(st.just(""), urns()),
        channel=_opt(channel_references()),
        text=text(),
        attachments=_lists(attachments()),
        quick_replies=_lists(text()),
        templating=_opt(msg_templatings()),
    )


def msg_ins() -> SearchStrategy[MsgIn]:
    """Incoming messages (``msg_received``)."""
    return st.builds(
        MsgIn,
        uuid=_msg_uuid(),
        id=st.one_of(st.just(0), int64s()),
        urn=st.one_of(st.just(""), urns()),
        channel=_opt(channel_references()),
        text=text(),
        attachments=_lists(attachments()),
        external_id=text(),
    )


def values() -> SearchStrategy[Value]:
    """Contact field values; ``datetime`` has microsecond resolution (goflow writes 6
    fraction digits), ``number`` is an exact decimal."""
    return st.builds(
        Value,
        text=text(),
        datetime=_opt(timestamps(resolution_ns=1000)),
        number=_opt(decimals()),
        state=st.one_of(st.just(""), st.just("Rwanda > Kigali City"), text()),
        district=text(),
        ward=text(),
    )


def broadcast_translations() -> SearchStrategy[BroadcastTranslation]:
    """One language's broadcast message."""
    return st.builds(
        BroadcastTranslation, text=text(), attachments=_lists(attachments()), quick_replies=_lists(text())
    )


def audio_hints() -> SearchStrategy[AudioHint]:
    """``{"type":"audio"}``."""
    return st.builds(AudioHint)


def image_hints() -> SearchStrategy[ImageHint]:
    """``{"type":"image"}``."""
    return st.builds(ImageHint)


def location_hints() -> SearchStrategy[LocationHint]:
    """``{"type":"location"}``."""
    return st.builds(LocationHint)


def video_hints() -> SearchStrategy[VideoHint]:
    """``{"type":"video"}``."""
    return st.builds(VideoHint)


def digits_hints() -> SearchStrategy[DigitsHint]:
    """Digits hints: a count (any int, ``0`` included), a terminator, both or neither."""
    return st.builds(
        DigitsHint,
        count=_opt(st.one_of(st.sampled_from([0, 4]), int64s())),
        terminated_by=st.one_of(st.just(""), st.just("#"), text()),
    )


def hints() -> SearchStrategy[Hint]:
    """Any of the five hint types."""
    return st.one_of(audio_hints(), digits_hints(), image_hints(), location_hints(), video_hints())


# --------------------------------------------------------------------------- events

_BASE = {
    "created_on": timestamps(),
    "step_uuid": st.one_of(st.just(""), uuid4s()),
}

E = TypeVar("E", bound=ev.Event)


def _event(cls: Type[E], **fields: SearchStrategy[object]) -> Callable[[], SearchStrategy[E]]:
    def strategy() -> SearchStrategy[E]:
        return st.builds(cls, **_BASE, **fields)

    strategy.__name__ = cls.TYPE
    strategy.__doc__ = f"``{cls.TYPE}`` events ({cls.__name__})."
    return strategy


def _webhook_status() -> SearchStrategy[str]:
    return st.one_of(st.sampled_from(WEBHOOK_STATUSES), _non_empty_text())


EVENT_STRATEGIES: Dict[str, Callable[[], SearchStrategy[ev.Event]]] = {
    "broadcast_created": _event(
        ev.BroadcastCreatedEvent,
        translations=_opt(st.dictionaries(languages(), _opt(broadcast_translations()), max_size=3)),
        base_language=st.one_of(st.sampled_from(["eng", "fra"]), _non_empty_text()),
        urns=_lists(urns()),
        contacts=_lists(_opt(contact_references())),
        groups=_lists(_opt(group_references())),
    ),
    "contact_field_changed": _event(
        ev.ContactFieldChangedEvent, field=field_references(), value=_opt(values())
    ),
    "contact_groups_changed": _event(
        ev.ContactGroupsChangedEvent,
        groups_added=_lists(_opt(group_references())),
        groups_removed=_lists(_opt(group_references())),
    ),
    "contact_language_changed": _event(ev.ContactLanguageChangedEvent, language=languages()),
    "contact_name_changed": _event(ev.ContactNameChangedEvent, name=text()),
    "contact_refreshed": _event(ev.ContactRefreshedEvent, contact=raw_json()),
    "contact_timezone_changed": _event(
        ev.ContactTimezoneChangedEvent,
        timezone=_realistic_or(["Africa/Kigali", "America/Guayaquil", "UTC", ""], text()),
    ),
    "contact_urns_changed": _event(ev.ContactURNsChangedEvent, urns=_opt(_lists(urns()))),
    "email_created": _event(
        ev.EmailCreatedEvent,
        addresses=_lists(_realistic_or(["foo@bar.com", ""], text()), min_size=1),
        subject=_non_empty_text(),
        body=text(),
    ),
    "environment_refreshed": _event(ev.EnvironmentRefreshedEvent, environment=raw_json()),
    "error": _event(ev.ErrorEvent, text=_non_empty_text(), fatal=st.booleans()),
    "flow_entered": _event(
        ev.FlowEnteredEvent,
        flow=flow_references(),
        parent_run_uuid=st.one_of(st.just(""), uuid4s()),
        terminal=st.booleans(),
    ),
    "input_labels_added": _event(
        ev.InputLabelsAddedEvent, input_uuid=uuid4s(), labels=_lists(_opt(label_references()), min_size=1)
    ),
    "ivr_created": _event(ev.IVRCreatedEvent, msg=msg_outs()),
    "msg_created": _event(ev.MsgCreatedEvent, msg=msg_outs()),
    "msg_received": _event(ev.MsgReceivedEvent, msg=msg_ins()),
    "msg_wait": _event(ev.MsgWaitEvent, timeout_seconds=_opt(int64s()), hint=_opt(hints())),
    "resthook_called": _event(ev.ResthookCalledEvent, resthook=text(), payload=raw_json()),
    "run_expired": _event(ev.RunExpiredEvent, run_uuid=uuid4s()),
    "run_result_changed": _event(
        ev.RunResultChangedEvent,
        name=_non_empty_text(),
        value=text(),
        category=text(),
        category_localized=text(),
        input=text(),
        extra=_opt(raw_json()),
    ),
    "session_triggered": _event(
        ev.SessionTriggeredEvent,
        flow=flow_references(),
        urns=_lists(urns()),
        contacts=_lists(_opt(contact_references())),
        groups=_lists(_opt(group_references())),
        create_contact=st.booleans(),
        run_summary=raw_json(),
    ),
    "wait_timed_out": _event(ev.WaitTimedOutEvent),
    "webhook_called": _event(
        ev.WebhookCalledEvent,
        url=_realistic_or(["http://localhost:49998/?cmd=success"], _non_empty_text()),
        resthook=text(),
        status=_webhook_status(),
        status_code=st.one_of(st.sampled_from([0, 200, 410, 500]), int64s()),
        elapsed_ms=int64s(),
        request=_non_empty_text(),
        response=text(),
        body_ignored=st.booleans(),
    ),
}
"""A strategy factory per event type string (the 23 types of goflow v0.36.0)."""


def for_type(event_type: Union[str, Type[ev.Event]]) -> SearchStrategy[ev.Event]:
    """Events of one type, given as its type string (``"msg_created"``) or its class."""
    name = event_type if isinstance(event_type, str) else event_type.TYPE
    try:
        make = EVENT_STRATEGIES[name]
    except KeyError:
        raise ValueError(f"unknown event type {name!r}") from None
    return make()


def events() -> SearchStrategy[ev.Event]:
    """Events of any of the 23 types."""
    return st.one_of([make() for make in EVENT_STRATEGIES.values()])
