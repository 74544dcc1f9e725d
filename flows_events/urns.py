r"""URNs (contact identifiers such as ``tel:+250788383383``) as goflow sees them.

In events a URN is a plain string, stored and written verbatim. The only URN logic
reading an event needs is :func:`validation_error` (gocommon's ``URN.Validate()``,
the check behind goflow's ``urn`` validation tag); everything else here mirrors the
rest of gocommon v0.2.0's ``urns`` package (the version goflow v0.36.0 depends on)
as helpers: parsing, building, normalising, localising and formatting.

Behaviour follows the Go code, not RFC 2141 or Python habits:

* a URN is ``scheme:path[?query][#display]``; only ``#``, ``%`` and ``?`` are
  escaped (as ``%23``, ``%25``, ``%3F``) and nothing else is percent-decoded;
* an unparsable string never raises in :func:`to_parts`: the whole string becomes
  the path and the scheme is empty;
* scheme checks use Go's regex semantics with explicit ASCII classes (Go's ``\s``
  is only ``[\t\n\f\r ]``), whitespace trimming and lowercasing follow Go's
  ``strings.TrimSpace`` and ``strings.ToLower``;
* phone numbers go through the ``phonenumbers`` package (imported lazily, so
  reading events never pays for it). Its metadata is newer than the Go port's
  (January 2019), so validity of borderline numbers can differ.

Every function here is linear in the length of its input.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple
from urllib.parse import unquote

from flows_events.errors import URNError

__all__ = [
    "EMAIL_SCHEME",
    "EXTERNAL_SCHEME",
    "FACEBOOK_REF_PREFIX",
    "FACEBOOK_SCHEME",
    "FCM_SCHEME",
    "JIOCHAT_SCHEME",
    "LINE_SCHEME",
    "NIL_URN",
    "TELEGRAM_SCHEME",
    "TEL_SCHEME",
    "TWITTER_ID_SCHEME",
    "TWITTER_SCHEME",
    "VALID_SCHEMES",
    "VIBER_SCHEME",
    "WECHAT_SCHEME",
    "WHATSAPP_SCHEME",
    "URNParts",
    "build",
    "facebook_ref",
    "format_urn",
    "from_parts",
    "identity",
    "is_facebook_ref",
    "is_valid",
    "is_valid_scheme",
    "localize",
    "new_facebook_urn",
    "new_firebase_urn",
    "new_tel_urn_for_country",
    "new_telegram_urn",
    "new_whatsapp_urn",
    "normalize",
    "parse",
    "query",
    "tel_strict_error",
    "to_parts",
    "validation_error",
]

#: Scheme of email addresses.
EMAIL_SCHEME = "mailto"
#: Scheme of externally defined identifiers.
EXTERNAL_SCHEME = "ext"
#: Scheme of Facebook identifiers (and ``ref:`` referrals).
FACEBOOK_SCHEME = "facebook"
#: Scheme of Firebase Cloud Messaging identifiers.
FCM_SCHEME = "fcm"
#: Scheme of Jiochat identifiers.
JIOCHAT_SCHEME = "jiochat"
#: Scheme of LINE identifiers.
LINE_SCHEME = "line"
#: Scheme of Telegram identifiers.
TELEGRAM_SCHEME = "telegram"
#: Scheme of telephone numbers.
TEL_SCHEME = "tel"
#: Scheme of Twitter user ids.
TWITTER_ID_SCHEME = "twitterid"
#: Scheme of Twitter handles.
TWITTER_SCHEME = "twitter"
#: Scheme of Viber identifiers.
VIBER_SCHEME = "viber"
#: Scheme of WhatsApp identifiers.
WHATSAPP_SCHEME = "whatsapp"
#: Scheme of WeChat identifiers.
WECHAT_SCHEME = "wechat"

#: The 13 schemes gocommon v0.2.0 accepts (exact, case-sensitive).
VALID_SCHEMES: frozenset[str] = frozenset(
    {
        EMAIL_SCHEME,
        EXTERNAL_SCHEME,
        FACEBOOK_SCHEME,
        FCM_SCHEME,
        JIOCHAT_SCHEME,
        LINE_SCHEME,
        TELEGRAM_SCHEME,
        TEL_SCHEME,
        TWITTER_ID_SCHEME,
        TWITTER_SCHEME,
        VIBER_SCHEME,
        WHATSAPP_SCHEME,
        WECHAT_SCHEME,
    }
)

#: Path prefix of Facebook referral URNs (``facebook:ref:...``).
FACEBOOK_REF_PREFIX = "ref:"

#: The empty ("nil") URN.
NIL_URN = ""


class URNParts(NamedTuple):
    """The four unescaped parts of a URN; ``query`` and ``display`` may be empty."""

    scheme: str
    path: str
    query: str
    display: str


def is_valid_scheme(scheme: str) -> bool:
    """Whether ``scheme`` is one of :data:`VALID_SCHEMES` (case-sensitive)."""
    return scheme in VALID_SCHEMES


# --------------------------------------------------------------------------------------
# Parsing and building
# --------------------------------------------------------------------------------------

_QUERY_MISPLACED = "query component can only come after path component"
_FRAGMENT_MISPLACED = "fragment component can only come after path or query components"
_SCHEME_EMPTY = "scheme cannot be empty"
_PATH_EMPTY = "path cannot be empty"


def _unescape(s: str) -> str:
    # gocommon applies the three replacements in random map order; this fixed
    # order (%23, %3F, then %25) is the spec's deterministic choice (urns.md §2.1).
    if "%" not in s:
        return s
    return s.replace("%23", "#").replace("%3F", "?").replace("%25", "%")


def _escape(s: str) -> str:
    # "%" first, so the "%" of the other two escapes is not escaped again.
    if "%" not in s and "#" not in s and "?" not in s:
        return s
    return s.replace("%", "%25").replace("#", "%23").replace("?", "%3F")


_new_parts = tuple.__new__  # builds a URNParts without NamedTuple's slower __new__


def _parse(urn: str) -> URNParts | str:
    """gocommon's ``parseURN``: the parts, or the error message.

    The Go code walks the string rune by rune through the states SCHEME, PATH,
    QUERY, FRAGMENT (urns.md §2). This computes the same result from the first
    ``:``, ``?`` and ``#`` (plus at most one more search), so it stays linear and
    fast on long inputs: the first ``:`` ends SCHEME, where ``?``/``#`` are
    errors; the first ``?`` or ``#`` after it ends PATH; in QUERY a ``?`` is an
    error and a ``#`` starts FRAGMENT; in FRAGMENT both are errors. The first
    error in string order wins; the emptiness checks come after a complete walk.
    """
    colon = urn.find(":")
    q = urn.find("?")
    h = urn.find("#")
    query = fragment = ""
    if q < 0 and h < 0:
        if colon < 0:
            return _PATH_EMPTY if urn else _SCHEME_EMPTY
        path = urn[colon + 1 :]
    else:
        first = h if q < 0 or 0 <= h < q else q
        if colon < 0 or first < colon:
            # a "?" or "#" still in state SCHEME
            return _QUERY_MISPLACED if first == q else _FRAGMENT_MISPLACED
        if first == q:
            # PATH, then QUERY up to the first "#" (if any)
            path = urn[colon + 1 : q]
            query_end = h if h >= 0 else len(urn)
            if urn.find("?", q + 1, query_end) >= 0:
                return _QUERY_MISPLACED
            query = urn[q + 1 : query_end]
            q = -1 if h < 0 else urn.find("?", h + 1)
        else:
            path = urn[colon + 1 : h]
        if h >= 0:
            # FRAGMENT: both "?" and "#" are errors; q is the first "?" after h
            h2 = urn.find("#", h + 1)
            if q >= 0 and (h2 < 0 or q < h2):
                return _QUERY_MISPLACED
            if h2 >= 0:
                return _FRAGMENT_MISPLACED
            fragment = urn[h + 1 :]
    if colon == 0:
        return _SCHEME_EMPTY
    if not path:
        return _PATH_EMPTY
    scheme = urn[:colon]
    if "%" in urn:
        scheme, path = _unescape(scheme), _unescape(path)
        query, fragment = _unescape(query), _unescape(fragment)
    result: URNParts = _new_parts(URNParts, (scheme, path, query, fragment))
    return result


def parse(urn: str) -> URNParts:
    """Split ``urn`` into its unescaped parts, exactly as gocommon's parser does.

    Raises :class:`~flows_events.errors.URNError` with gocommon's message
    (``scheme cannot be empty``, ``path cannot be empty``, ``query component can
    only come after path component``, ``fragment component can only come after
    path or query components``) when the string is not a URN.
    """
    result = _parse(urn)
    if isinstance(result, str):
        raise URNError(result)
    return result


def to_parts(urn: str) -> URNParts:
    """gocommon's ``ToParts()``: like :func:`parse` but never fails.

    On a parse error the result is ``("", urn, "", "")``: empty scheme, the whole
    original string as the path.
    """
    result = _parse(urn)
    if isinstance(result, str):
        return URNParts("", urn, "", "")
    return result


def build(scheme: str, path: str, query: str = "", display: str = "") -> str:
    """Build a URN string from parts, escaping ``#``, ``%`` and ``?``; no validation.

    The query and display are only appended when non-empty.
    """
    urn = _escape(scheme) + ":" + _escape(path)
    if query:
        urn += "?" + _escape(query)
    if display:
        urn += "#" + _escape(display)
    return urn


def from_parts(scheme: str, path: str, query: str = "", display: str = "") -> str:
    """gocommon's ``NewURNFromParts``: :func:`build`, then validate.

    Raises :class:`~flows_events.errors.URNError` with the
    :func:`validation_error` message when the built URN is invalid.
    """
    urn = build(scheme, path, query, display)
    error = validation_error(urn)
    if error is not None:
        raise URNError(error)
    return urn


def identity(urn: str) -> str:
    """The URN rebuilt from its scheme and path only (query and display dropped)."""
    scheme, path, _, _ = to_parts(urn)
    return build(scheme, path)


# --------------------------------------------------------------------------------------
# Validation (the hot path of reading events)
# --------------------------------------------------------------------------------------

_EMPTY_PARTS = "scheme or path cannot be empty"

# Go RE2 regexes of gocommon, as fullmatch patterns with explicit ASCII classes.
_TEL = re.compile(r"\+?[a-zA-Z0-9]{3,16}")
_TWITTER_HANDLE = re.compile(r"[a-zA-Z0-9_]{1,15}")
_EMAIL = re.compile(r"[^\t\n\f\r @]+@[^\t\n\f\r @]+")
_VIBER = re.compile(r"[a-zA-Z0-9_=/+]{1,24}")
_LINE = re.compile(r"[a-zA-Z0-9_]{1,36}")
_DIGITS = re.compile(r"[0-9]+")

# Fast path: the most common valid URNs, in one match. (This and the other fast path,
# in validation_error, rely on this: a string without "?", "#" and "%" whose first
# ":" has text on both sides parses to (text before the first ":", the rest, "", "")
# with nothing to unescape; so each alternative is its scheme's rule on such a path.)
_FAST_OK = re.compile(
    r"tel:\+?[a-zA-Z0-9]{3,16}"
    r"|(?:whatsapp|telegram|jiochat|facebook):[0-9]+"
    r"|mailto:[^\t\n\f\r @?#%]+@[^\t\n\f\r @?#%]+"
    r"|(?:ext|fcm|wechat):[^?#%]+"
).fullmatch

#: The common valid URNs, matched at once: a match means :func:`validation_error` is
#: ``None`` (no match means nothing). Compiled checks try it before calling that.
common_valid = _FAST_OK

_Rule = Callable[[str, str], "str | None"]  # quoted: evaluated at runtime on 3.9


def _regex_rule(pattern: re.Pattern[str], label: str) -> _Rule:
    fullmatch = pattern.fullmatch

    def rule(path: str, display: str) -> str | None:
        if fullmatch(path) is None:
            return f"{label}: {path}"
        return None

    return rule


def _anything(path: str, display: str) -> str | None:
    return None


def _twitter_id_rule(path: str, display: str) -> str | None:
    if _DIGITS.fullmatch(path) is None:
        return f"invalid twitter id: {path}"
    if display and _TWITTER_HANDLE.fullmatch(display) is None:
        return f"invalid twitter handle: {display}"
    return None


_facebook_id = _regex_rule(_DIGITS, "invalid facebook id")


def _facebook_rule(path: str, display: str) -> str | None:
    if path.startswith(FACEBOOK_REF_PREFIX):
        return None  # referrals come from outside and are never checked
    return _facebook_id(path, display)


_RULES: dict[str, _Rule] = {
    TEL_SCHEME: _regex_rule(_TEL, "invalid tel number"),
    TWITTER_SCHEME: _regex_rule(_TWITTER_HANDLE, "invalid twitter handle"),
    TWITTER_ID_SCHEME: _twitter_id_rule,
    EMAIL_SCHEME: _regex_rule(_EMAIL, "invalid email"),
    FACEBOOK_SCHEME: _facebook_rule,
    JIOCHAT_SCHEME: _regex_rule(_DIGITS, "invalid jiochat id"),
    LINE_SCHEME: _regex_rule(_LINE, "invalid line id"),
    TELEGRAM_SCHEME: _regex_rule(_DIGITS, "invalid telegram id"),
    VIBER_SCHEME: _regex_rule(_VIBER, "invalid viber id"),
    WHATSAPP_SCHEME: _regex_rule(_DIGITS, "invalid whatsapp id"),
    EXTERNAL_SCHEME: _anything,
    FCM_SCHEME: _anything,
    WECHAT_SCHEME: _anything,
}


def _check_parts(scheme: str, path: str, display: str) -> str | None:
    if not scheme or not path:
        return _EMPTY_PARTS
    rule = _RULES.get(scheme)
    if rule is None:
        return f"invalid scheme: '{scheme}'"
    return rule(path, display)


def _validation_error_exact(urn: str) -> str | None:
    """The reference ``Validate()``: :func:`to_parts`, then the scheme rules."""
    scheme, path, _, display = to_parts(urn)
    return _check_parts(scheme, path, display)


def validation_error(urn: str) -> str | None:
    """gocommon's ``URN.Validate()``: ``None`` when valid, else its exact message.

    Messages: ``scheme or path cannot be empty`` (also for every unparsable
    string), ``invalid scheme: '<scheme>'``, then per scheme e.g. ``invalid tel
    number: <path>``, ``invalid email: <path>``, ``invalid twitter handle:
    <display>``. The query is never checked, the display only for ``twitterid``,
    and the checks apply to the unescaped parts. Common shapes (``tel:+digits``,
    plain ``scheme:path``) take a precompiled fast path that gives the same
    verdicts as the full parser.
    """
    if _FAST_OK(urn) is not None:
        return None
    return uncommon_validation_error(urn)


def uncommon_validation_error(urn: str) -> str | None:
    """:func:`validation_error` for a URN :data:`common_valid` did not match."""
    if "?" not in urn and "#" not in urn and "%" not in urn:
        scheme, _, path = urn.partition(":")
        if scheme and path:
            rule = _RULES.get(scheme)
            if rule is None:
                return f"invalid scheme: '{scheme}'"
            return rule(path, "")
    return _validation_error_exact(urn)


#: URNs the fast path's compiled checks found valid lately, so as not to match them
#: again (a contact's URN comes back in event after event; a set lookup costs a fifth
#: of a match). Bounded (emptied when full, never replaced), it holds valid strings
#: only, so it changes no verdict.
recently_valid: set[str] = set()
_RECENT_LIMIT = 4096


def remember_valid(urn: str) -> None:
    """Add ``urn``, found valid, to :data:`recently_valid`."""
    if len(recently_valid) >= _RECENT_LIMIT:
        recently_valid.clear()
    recently_valid.add(urn)


def is_valid(urn: str) -> bool:
    """Whether ``urn`` passes :func:`validation_error` (goflow's ``urn`` tag)."""
    return validation_error(urn) is None


# --------------------------------------------------------------------------------------
# Query, facebook refs
# --------------------------------------------------------------------------------------

_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def _query_unescape(s: str) -> str | None:
    """Go's ``url.QueryUnescape``, or ``None`` where Go returns an error."""
    if "+" in s:
        s = s.replace("+", " ")
    if "%" not in s:
        return s
    if _BAD_PERCENT.search(s) is not None:
        return None
    return unquote(s, errors="replace")


def query(urn: str) -> dict[str, list[str]]:
    """The URN's query parsed as form values, as Go's ``url.ParseQuery`` does.

    ``foo=bar&foo=zap`` gives ``{"foo": ["bar", "zap"]}``. Pairs are separated by
    ``&`` only; a pair without ``=`` has the value ``""``; empty pairs are
    skipped; ``+`` means a space. Like Go, pairs containing ``;`` or a malformed
    ``%`` escape are dropped (Go also reports an error, which is not surfaced
    here). Decoded bytes that are not UTF-8 become U+FFFD (Go keeps the raw bytes).
    """
    raw = to_parts(urn).query
    values: dict[str, list[str]] = {}
    if not raw:
        return values
    for pair in raw.split("&"):
        if not pair or ";" in pair:
            continue
        raw_key, _, raw_value = pair.partition("=")
        key = _query_unescape(raw_key)
        if key is None:
            continue
        value = _query_unescape(raw_value)
        if value is None:
            continue
        values.setdefault(key, []).append(value)
    return values


def is_facebook_ref(urn: str) -> bool:
    """Whether ``urn`` is a Facebook referral (scheme ``facebook``, path ``ref:...``)."""
    scheme, path, _, _ = to_parts(urn)
    return scheme == FACEBOOK_SCHEME and path.startswith(FACEBOOK_REF_PREFIX)


def facebook_ref(urn: str) -> str:
    """The referral of a Facebook referral URN (the path after ``ref:``), else ``""``."""
    scheme, path, _, _ = to_parts(urn)
    if scheme == FACEBOOK_SCHEME and path.startswith(FACEBOOK_REF_PREFIX):
        return path[len(FACEBOOK_REF_PREFIX) :]
    return ""


# --------------------------------------------------------------------------------------
# Go string semantics used by normalisation
# --------------------------------------------------------------------------------------

# unicode.IsSpace: the Unicode White_Space property. Python's str.strip() would also
# remove U+001C..U+001F, which Go keeps.
_GO_SPACE = (
    "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def _trim_space(s: str) -> str:
    """Go's ``strings.TrimSpace``."""
    return s.strip(_GO_SPACE)


def _go_lower(s: str) -> str:
    """Go's ``strings.ToLower``: simple per-rune lowercasing.

    Python's ``str.lower()`` differs in two ways only: it maps U+0130 to two code
    points (Go: ``i``) and applies the Greek final-sigma rule (Go: always ``σ``).
    """
    if s.isascii() or ("\u0130" not in s and "\u03a3" not in s):
        return s.lower()
    return "".join("i" if c == "\u0130" else c.lower() for c in s)


# --------------------------------------------------------------------------------------
# Phone numbers, normalisation, localisation, formatting
# --------------------------------------------------------------------------------------

_NON_TEL_CHARS = re.compile(r"[^0-9a-z]+")


def _normalize_number(number: str, country: str) -> str:
    """gocommon's ``normalizeNumber`` (urns.md §5.1)."""
    import phonenumbers

    number = _go_lower(number)
    # numbers mangled by spreadsheets: "2.50788383383e+11"
    if number.endswith(("e+11", "e+12")):
        number = number[:-4].replace(".", "")
    number = _NON_TEL_CHARS.sub("", _go_lower(_trim_space(number)))

    # looks like it could be fully qualified: try with a plus
    candidate = number
    if len(number) >= 11 and not number.startswith(("+", "0")):
        candidate = "+" + number

    try:
        parsed = phonenumbers.parse(candidate, country or None)
    except phonenumbers.NumberParseException:
        return number
    if phonenumbers.is_valid_number(parsed):
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return number


def normalize(urn: str, country: str = "") -> str:
    """gocommon's ``Normalize(country)``: the canonical form, for comparisons.

    The path is trimmed (Go's whitespace set); ``tel`` numbers are cleaned and,
    when ``phonenumbers`` finds them valid (for ``country``, an ISO 3166-1 alpha-2
    code, or ``""`` for none), written in E.164; ``twitter`` handles and
    ``mailto`` addresses are lowercased (handles lose one leading ``@``); a
    ``twitterid`` display is trimmed, lowercased and loses one leading ``@``. The
    result is rebuilt without validation (an unparsable ``xxxx`` gives ``:xxxx``).
    """
    scheme, path, query_, display = to_parts(urn)
    path = _trim_space(path)
    if scheme == TEL_SCHEME:
        path = _normalize_number(path, country)
    elif scheme == TWITTER_SCHEME:
        path = _go_lower(path)
        path = path.removeprefix("@")
    elif scheme == TWITTER_ID_SCHEME:
        if display:
            display = _go_lower(_trim_space(display))
            display = display.removeprefix("@")
    elif scheme == EMAIL_SCHEME:
        path = _go_lower(path)
    return build(scheme, path, query_, display)


def localize(urn: str, country: str) -> str:
    """gocommon's ``Localize(country)``: a ``tel`` URN's path as its national number.

    The national number is written as a decimal integer (leading zeros lost):
    ``tel:+250788383383`` with ``RW`` gives ``tel:788383383``. Numbers
    ``phonenumbers`` cannot parse, and other schemes, are left as they are.
    """
    scheme, path, query_, display = to_parts(urn)
    if scheme == TEL_SCHEME:
        import phonenumbers

        try:
            parsed = phonenumbers.parse(path, country or None)
        except phonenumbers.NumberParseException:
            pass
        else:
            path = str(parsed.national_number)
    return build(scheme, path, query_, display)


def format_urn(urn: str) -> str:
    """gocommon's ``Format()``: a human-friendly form of the URN.

    ``tel`` numbers in international form are formatted nationally
    (``tel:+250788383383`` gives ``0788 383 383``), other ``tel`` paths are
    returned as they are; for other schemes the display if set, else the path.
    """
    scheme, path, _, display = to_parts(urn)
    if scheme == TEL_SCHEME:
        import phonenumbers

        try:
            parsed = phonenumbers.parse(path, None)
        except phonenumbers.NumberParseException:
            return path
        return phonenumbers.format_number(
            parsed, phonenumbers.PhoneNumberFormat.NATIONAL
        )
    return display or path


def new_tel_urn_for_country(number: str, country: str) -> str:
    """gocommon's ``NewTelURNForCountry``: a validated ``tel`` URN for ``number``.

    The number is normalised as in :func:`normalize`; raises
    :class:`~flows_events.errors.URNError` when the result is not a valid URN.
    """
    return from_parts(TEL_SCHEME, _normalize_number(number, country))


def new_telegram_urn(identifier: int, display: str = "") -> str:
    """gocommon's ``NewTelegramURN``: a validated ``telegram`` URN (raises URNError)."""
    return from_parts(TELEGRAM_SCHEME, str(identifier), "", display)


def new_whatsapp_urn(identifier: str) -> str:
    """gocommon's ``NewWhatsAppURN``: a validated ``whatsapp`` URN (raises URNError)."""
    return from_parts(WHATSAPP_SCHEME, identifier)


def new_firebase_urn(identifier: str) -> str:
    """gocommon's ``NewFirebaseURN``: a validated ``fcm`` URN (raises URNError)."""
    return from_parts(FCM_SCHEME, identifier)


def new_facebook_urn(identifier: str) -> str:
    """gocommon's ``NewFacebookURN``: a validated ``facebook`` URN (raises URNError)."""
    return from_parts(FACEBOOK_SCHEME, identifier)


def tel_strict_error(urn: str) -> str | None:
    """A stricter check of ``tel`` URNs than goflow makes (for opt-in strict mode).

    Rule: URNs whose scheme is not ``tel`` give ``None``. A ``tel`` URN that
    fails :func:`validation_error` gives that message. Otherwise the path is
    read as an international number: a ``+`` is put in front if missing, the
    result is parsed by ``phonenumbers`` with no default region, and unless it
    parses and ``phonenumbers.is_possible_number`` holds, the message is
    ``not a possible phone number: <path>``. So ``tel:250788383383`` passes,
    while ``tel:0788383383`` (no country code), ``tel:PRIZES`` and short codes
    that goflow accepts, like ``tel:1337`` (read as ``+1 337``), are reported
    whenever ``phonenumbers`` says they are not possible. Letters are read the way
    ``phonenumbers`` reads them (vanity numbers, an ``x`` extension).
    """
    scheme, path, _, display = to_parts(urn)
    if scheme != TEL_SCHEME:
        return None
    error = _check_parts(scheme, path, display)
    if error is not None:
        return error

    import phonenumbers

    candidate = path if path.startswith("+") else "+" + path
    try:
        parsed = phonenumbers.parse(candidate, None)
    except phonenumbers.NumberParseException:
        return f"not a possible phone number: {path}"
    if not phonenumbers.is_possible_number(parsed):
        return f"not a possible phone number: {path}"
    return None
