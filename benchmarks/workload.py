"""A deterministic, realistic mixed workload of goflow v0.36.0 flow events.

The mix is weighted like a messaging deployment (see :data:`WEIGHTS`): mostly
``msg_created`` and ``msg_received``, then run results, waits, webhooks and contact
field changes, with every one of the 23 event types present. Events carry E.164
``tel`` URNs (some ``whatsapp``/``telegram``/``mailto``), nanosecond timestamps,
attachments, step UUIDs and channel references, about 350 bytes each on average.

Every event is built as a Python dict, written as JSON, read back with
``flows_events.read_event`` (so it is checked to be valid exactly as goflow would
check it) and written out with ``flows_events.dumps``: the lines are in goflow's own
output form (Go key order, omitempty, compact, no HTML escaping).

Use it as a library::

    from workload import gen_lines
    lines = gen_lines(20_000, seed=1)

or from the command line, to write a JSONL file (streamed; memory stays flat)::

    python benchmarks/workload.py --events 1000000 --out /tmp/events.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from typing import IO, Any, Optional

import flows_events

__all__ = ["WEIGHTS", "gen_lines", "iter_lines", "main", "write_jsonl"]

Doc = dict[str, Any]

# --- pools of realistic values ------------------------------------------------

_CHANNELS = [
    ("Vonage", "tel"),
    ("Twilio", "tel"),
    ("Africa's Talking", "tel"),
    ("MTN Rwanda Shortcode", "tel"),
    ("WhatsApp Cloud", "whatsapp"),
    ("Telegram Bot", "telegram"),
    ("Email Relay", "mailto"),
]

# E.164 prefixes and the number of national digits that follow
_PHONE_PLANS = [
    ("+250788", 6),
    ("+250722", 6),
    ("+254712", 6),
    ("+234803", 7),
    ("+256772", 6),
    ("+1206", 7),
    ("+593987", 6),
    ("+447531", 6),
]

_OUT_TEXTS = [
    "Hi {name}, welcome to the health information service! Reply JOIN to subscribe.",
    "What is your age? Please reply with a number, e.g. 25.",
    "Thanks {name}! Your appointment is confirmed for Tuesday at 10:00.",
    "Sorry, I didn't understand that. Please reply YES or NO.",
    "Muraho {name}! Murakaza neza kuri serivisi yacu y'ubuzima.",
    "Habari {name}, karibu! Tafadhali jibu NDIYO au HAPANA.",
    "Merci {name} ! Votre rendez-vous est confirmé pour mardi à 10h.",
    "Your verification code is 482913. It expires in 10 minutes.",
    "Which district do you live in?",
    "Great, we have saved your answer \u2705 See you next week.",
    "Reminder: your child's vaccination is due on 2019-05-14. Reply STOP to opt out.",
    "Please send a photo of your receipt to enter the draw \U0001F4F8",
    (
        "Hello {name}, this is a reminder from your health centre: bring your child's card to the "
        "clinic on Thursday between 8:00 and 12:00. Reply 1 to confirm or 2 to reschedule."
    ),
    (
        "Thank you for registering, {name}. You will now receive weekly tips about pregnancy and "
        "newborn care. Reply STOP at any time to unsubscribe."
    ),
]

_IN_TEXTS = [
    "Yes",
    "no",
    "JOIN",
    "25",
    "I live in Gasabo",
    "stop",
    "Ndiyo",
    "What time is my appointment?",
    "Muraho, ndashaka amakuru",
    "Oui merci",
    "33",
    "Nyarugenge",
    "help",
    "\U0001F44D",
]

_NAMES = ["Ben Haggerty", "Ryan Lewis", "Amina Uwase", "Jean Bosco", "Grace Wanjiru",
          "Chinedu Okafor", "María José", "Stavros", "Nadia", "Bob"]

_ATTACHMENTS = [
    "image/jpeg:https://s3.amazonaws.com/media.example.org/attachments/{u}.jpg",
    "audio/mp4:https://s3.amazonaws.com/media.example.org/attachments/{u}.m4a",
    "video/mp4:https://s3.amazonaws.com/media.example.org/attachments/{u}.mp4",
    "application/pdf:https://s3.amazonaws.com/media.example.org/attachments/{u}.pdf",
    "geo:-1.944400,30.061900",
]

_RESULTS = [
    ("Age", ["25", "33", "41", "19"], "Valid", "", None),
    ("Gender", ["m", "f"], "Male", "Homme", None),
    ("District", ["Gasabo", "Nyarugenge", "Kicukiro"], "Kigali", "", None),
    ("Consent", ["yes", "no"], "Yes", "Oui", None),
    ("Registration", ["200", "201"], "Success", "", {"ok": True, "id": 0}),
    ("Lookup", ["503"], "Failure", "", {"errors": ["service unavailable"]}),
]

_FIELDS = [
    ("age", "Age", "number"),
    ("gender", "Gender", "text"),
    ("district", "District", "location"),
    ("join_date", "Join Date", "datetime"),
    ("first_name", "First Name", "text"),
    ("score", "Score", "number"),
]

_LANGUAGES = ["eng", "fra", "kin", "swa", "spa", "por"]
_TIMEZONES = ["Africa/Kigali", "Africa/Nairobi", "Africa/Lagos", "America/Guayaquil", "Europe/London"]
_GROUP_NAMES = ["Testers", "Subscribers", "Kigali City Members", "Survey Audience", "Mothers", "Opted Out"]
_LABEL_NAMES = ["Spam", "Important", "Question", "Complaint"]
_FLOW_NAMES = ["Registration", "Appointment Reminder", "Survey 2019", "Vaccination", "Opt Out"]
_RESTHOOKS = ["new-registration", "survey-complete", "appointment-booked"]
_TEMPLATES = [("appointment_reminder", 2), ("verification_code", 1), ("welcome", 1)]
_ERRORS = [
    "invalid date format: '12th of October'",
    "unable to find a contact field with key 'favourite_color'",
    "webhook returned 503: service unavailable",
]


class _Gen:
    """All randomness comes from one seeded ``random.Random``."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        rng = self.rng
        self.channels = [(self.uuid4(), name, scheme) for name, scheme in _CHANNELS]
        self.groups = [(self.uuid4(), name) for name in _GROUP_NAMES]
        self.labels = [(self.uuid4(), name) for name in _LABEL_NAMES]
        self.flows = [(self.uuid4(), name) for name in _FLOW_NAMES]
        self.templates = [(self.uuid4(), name, n) for name, n in _TEMPLATES]
        # a population of contacts, each with a preferred channel
        self.contacts = []
        for _ in range(500):
            channel = self.channels[rng.choices(range(len(self.channels)), [30, 25, 15, 10, 12, 5, 3])[0]]
            self.contacts.append((self.uuid4(), rng.choice(_NAMES), self.urn(channel[2]), channel))
        self.clock = 1546300800  # 2019-01-01T00:00:00Z

    # -- primitives --

    def uuid4(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def urn(self, scheme: str) -> str:
        rng = self.rng
        if scheme == "tel":
            prefix, digits = rng.choice(_PHONE_PLANS)
            return f"tel:{prefix}{rng.randrange(10 ** (digits - 1), 10 ** digits)}"
        if scheme == "whatsapp":
            prefix, digits = rng.choice(_PHONE_PLANS)
            return f"whatsapp:{prefix[1:]}{rng.randrange(10 ** (digits - 1), 10 ** digits)}"
        if scheme == "telegram":
            return f"telegram:{rng.randrange(10 ** 8, 10 ** 10)}"
        first = rng.choice(["amina", "ben", "grace", "jean.bosco", "info"])
        return f"mailto:{first}{rng.randrange(100)}@{rng.choice(['example.org', 'mail.rw', 'gmail.com'])}"

    def timestamp(self) -> str:
        self.clock += self.rng.randrange(1, 40)
        secs = self.clock
        days, rem = divmod(secs, 86400)
        # civil date from days since 1970-01-01 (Howard Hinnant's algorithm)
        z = days + 719468
        era, doe = divmod(z, 146097)
        yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
        doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
        mp = (5 * doy + 2) // 153
        d = doy - (153 * mp + 2) // 5 + 1
        m = mp + 3 if mp < 10 else mp - 9
        y = yoe + era * 400 + (1 if m <= 2 else 0)
        h, rem = divmod(rem, 3600)
        mi, s = divmod(rem, 60)
        nanos = self.rng.randrange(10 ** 9)
        return f"{y:04d}-{m:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}.{nanos:09d}Z"

    def base(self, type_name: str, step: bool = True) -> Doc:
        doc: Doc = {"type": type_name, "created_on": self.timestamp()}
        if step:
            doc["step_uuid"] = self.uuid4()
        return doc

    def contact(self) -> tuple[str, str, str, tuple[str, str, str]]:
        return self.rng.choice(self.contacts)

    def channel_ref(self, channel: tuple[str, str, str]) -> Doc:
        return {"uuid": channel[0], "name": channel[1]}

    def ref(self, pool: list[tuple[str, str]]) -> Doc:
        u, name = self.rng.choice(pool)
        return {"uuid": u, "name": name}

    def attachment(self) -> str:
        return self.rng.choice(_ATTACHMENTS).format(u=self.uuid4())

    def raw_contact(self) -> Doc:
        u, name, urn, _ = self.contact()
        rng = self.rng
        return {
            "uuid": u,
            "name": name,
            "language": rng.choice(_LANGUAGES),
            "timezone": rng.choice(_TIMEZONES),
            "created_on": self.timestamp(),
            "urns": [urn],
            "groups": [self.ref(self.groups)],
            "fields": {"age": {"text": "33", "number": 33}},
        }

    # -- the events --

    def msg_created(self, type_name: str = "msg_created") -> Doc:
        rng = self.rng
        _, name, urn, channel = self.contact()
        msg: Doc = {"uuid": self.uuid4(), "urn": urn, "channel": self.channel_ref(channel),
                    "text": rng.choice(_OUT_TEXTS).format(name=name.split()[0])}
        if rng.random() < 0.25:
            msg["attachments"] = [self.attachment()]
        if rng.random() < 0.35:
            msg["quick_replies"] = rng.choice([["Yes", "No"], ["JOIN", "STOP"], ["1", "2", "3"]])
        if channel[2] == "whatsapp" and rng.random() < 0.5:
            t_uuid, t_name, n_vars = rng.choice(self.templates)
            msg["templating"] = {
                "template": {"uuid": t_uuid, "name": t_name},
                "language": rng.choice(_LANGUAGES),
                "variables": [name.split()[0], "Tuesday"][:n_vars],
            }
        doc = self.base(type_name)
        doc["msg"] = msg
        return doc

    def msg_received(self) -> Doc:
        rng = self.rng
        _, _, urn, channel = self.contact()
        msg: Doc = {"uuid": self.uuid4(), "id": rng.randrange(10 ** 6, 10 ** 9), "urn": urn,
                    "channel": self.channel_ref(channel), "text": rng.choice(_IN_TEXTS)}
        if rng.random() < 0.15:
            msg["attachments"] = [self.attachment()]
        if rng.random() < 0.7:
            msg["external_id"] = f"SM{rng.getrandbits(64):016x}"
        doc = self.base("msg_received")
        doc["msg"] = msg
        return doc

    def msg_wait(self) -> Doc:
        rng = self.rng
        doc = self.base("msg_wait")
        if rng.random() < 0.7:
            doc["timeout_seconds"] = rng.choice([300, 600, 3600, 86400])
        if rng.random() < 0.2:
            hint = rng.choice(["image", "audio", "video", "location", "digits"])
            doc["hint"] = {"type": hint, "count": 4} if hint == "digits" else {"type": hint}
        return doc

    def run_result_changed(self) -> Doc:
        rng = self.rng
        name, values, category, localized, extra = rng.choice(_RESULTS)
        value = rng.choice(values)
        doc = self.base("run_result_changed")
        doc.update({"name": name, "value": value, "category": category})
        if localized:
            doc["category_localized"] = localized
        doc["input"] = value if extra is None else f"POST https://api.example.org/v1/{name.lower()}"
        if extra is not None:
            doc["extra"] = extra
        return doc

    def webhook_called(self) -> Doc:
        rng = self.rng
        ok = rng.random() < 0.85
        path = rng.choice(["/api/v1/register", "/api/v1/lookup?urn=tel", "/hooks/survey"])
        code = 200 if ok else rng.choice([500, 503, 404])
        body = f'{{"ok":true,"id":{rng.randrange(10 ** 6)}}}' if ok else '{"error":"service unavailable"}'
        u, name, urn, _ = self.contact()
        flow_uuid, flow_name = rng.choice(self.flows)
        payload = (
            f'{{\n\t"contact": {{"uuid": "{u}", "name": "{name}", "urn": "{urn}"}},\n'
            f'\t"flow": {{"uuid": "{flow_uuid}", "name": "{flow_name}", "revision": {rng.randrange(1, 90)}}},\n'
            f'\t"path": [{{"uuid": "{self.uuid4()}", "node_uuid": "{self.uuid4()}", '
            f'"arrived_on": "{self.timestamp()}"}}],\n'
            f'\t"results": {{"age": {{"value": "{rng.randrange(15, 60)}", "category": "Valid"}}}},\n'
            f'\t"run": {{"uuid": "{self.uuid4()}", "created_on": "{self.timestamp()}"}}\n}}'
        )
        doc = self.base("webhook_called")
        doc.update({
            "url": f"https://api.example.org{path}",
            "status": "success" if ok else "response_error",
            "status_code": code,
            "elapsed_ms": rng.randrange(20, 2500),
            "request": f"POST {path} HTTP/1.1\r\nHost: api.example.org\r\nUser-Agent: goflow/0.36.0\r\n"
                       f"Content-Length: {len(payload)}\r\nContent-Type: application/json\r\n"
                       f"Accept-Encoding: gzip\r\n\r\n{payload}",
            "response": f"HTTP/1.1 {code} {'OK' if ok else 'Error'}\r\nContent-Type: application/json\r\n\r\n{body}",
        })
        if rng.random() < 0.3:
            doc["resthook"] = rng.choice(_RESTHOOKS)
        return doc

    def contact_field_changed(self) -> Doc:
        rng = self.rng
        key, name, kind = rng.choice(_FIELDS)
        doc = self.base("contact_field_changed")
        doc["field"] = {"key": key, "name": name}
        if rng.random() < 0.05:
            doc["value"] = None  # the field was cleared
        elif kind == "number":
            n = rng.choice([rng.randrange(100), round(rng.uniform(0, 100), 2)])
            doc["value"] = {"text": str(n), "number": n}
        elif kind == "datetime":
            doc["value"] = {"text": "2019-05-14", "datetime": "2019-05-14T00:00:00.000000+02:00"}
        elif kind == "location":
            district = rng.choice(["Gasabo", "Nyarugenge", "Kicukiro"])
            doc["value"] = {"text": district, "state": "Rwanda > Kigali City",
                            "district": f"Rwanda > Kigali City > {district}"}
        else:
            doc["value"] = {"text": rng.choice(["Male", "Female", "Amina", "Jean"])}
        return doc

    def flow_entered(self) -> Doc:
        doc = self.base("flow_entered")
        doc["flow"] = self.ref(self.flows)
        doc["parent_run_uuid"] = self.uuid4() if self.rng.random() < 0.3 else ""
        doc["terminal"] = self.rng.random() < 0.1
        return doc

    def input_labels_added(self) -> Doc:
        doc = self.base("input_labels_added")
        doc["input_uuid"] = self.uuid4()
        doc["labels"] = [self.ref(self.labels) for _ in range(self.rng.randint(1, 2))]
        return doc

    def contact_groups_changed(self) -> Doc:
        doc = self.base("contact_groups_changed")
        doc["groups_added"] = [self.ref(self.groups)]
        if self.rng.random() < 0.3:
            doc["groups_removed"] = [self.ref(self.groups)]
        return doc

    def run_expired(self) -> Doc:
        doc = self.base("run_expired", step=False)
        doc["run_uuid"] = self.uuid4()
        return doc

    def wait_timed_out(self) -> Doc:
        return self.base("wait_timed_out")

    def ivr_created(self) -> Doc:
        doc = self.msg_created("ivr_created")
        doc["msg"].pop("quick_replies", None)
        doc["msg"].pop("templating", None)
        doc["msg"]["attachments"] = [f"audio/mp3:https://s3.amazonaws.com/media.example.org/ivr/{self.uuid4()}.mp3"]
        return doc

    def contact_name_changed(self) -> Doc:
        doc = self.base("contact_name_changed")
        doc["name"] = self.rng.choice(_NAMES)
        return doc

    def contact_urns_changed(self) -> Doc:
        doc = self.base("contact_urns_changed")
        doc["urns"] = [self.urn("tel"), self.urn(self.rng.choice(["whatsapp", "telegram", "mailto"]))]
        return doc

    def contact_language_changed(self) -> Doc:
        doc = self.base("contact_language_changed")
        doc["language"] = self.rng.choice(_LANGUAGES)
        return doc

    def contact_timezone_changed(self) -> Doc:
        doc = self.base("contact_timezone_changed")
        doc["timezone"] = self.rng.choice(_TIMEZONES)
        return doc

    def error(self) -> Doc:
        doc = self.base("error")
        doc["text"] = self.rng.choice(_ERRORS)
        doc["fatal"] = self.rng.random() < 0.1
        return doc

    def email_created(self) -> Doc:
        doc = self.base("email_created")
        doc["addresses"] = [self.urn("mailto")[len("mailto:"):]]
        doc["subject"] = "Your activation token"
        doc["body"] = f"Hi, your activation token is {self.rng.getrandbits(40):010X}. It expires in 24 hours."
        return doc

    def broadcast_created(self) -> Doc:
        rng = self.rng
        doc = self.base("broadcast_created")
        doc["translations"] = {
            "eng": {"text": "Clinic closed tomorrow, sorry!", "quick_replies": ["OK"]},
            "kin": {"text": "Ivuriro rizafunga ejo, mutwihanganire!"},
        }
        doc["base_language"] = "eng"
        doc["urns"] = [self.urn("tel") for _ in range(rng.randint(1, 2))]
        u, name, _, _ = self.contact()
        doc["contacts"] = [{"uuid": u, "name": name}]
        if rng.random() < 0.5:
            doc["groups"] = [self.ref(self.groups)]
        return doc

    def session_triggered(self) -> Doc:
        doc = self.base("session_triggered")
        doc["flow"] = self.ref(self.flows)
        u, name, _, _ = self.contact()
        doc["contacts"] = [{"uuid": u, "name": name}]
        doc["groups"] = [self.ref(self.groups)]
        doc["run_summary"] = {
            "uuid": self.uuid4(),
            "flow": self.ref(self.flows),
            "contact": {"uuid": u, "name": name},
            "status": "active",
            "results": {},
        }
        return doc

    def contact_refreshed(self) -> Doc:
        doc = self.base("contact_refreshed")
        doc["contact"] = self.raw_contact()
        return doc

    def environment_refreshed(self) -> Doc:
        doc = self.base("environment_refreshed")
        doc["environment"] = {
            "date_format": "DD-MM-YYYY",
            "time_format": "tt:mm",
            "timezone": self.rng.choice(_TIMEZONES),
            "default_language": "eng",
            "allowed_languages": ["eng", "kin"],
            "redaction_policy": "none",
        }
        return doc

    def resthook_called(self) -> Doc:
        doc = self.base("resthook_called")
        doc["resthook"] = self.rng.choice(_RESTHOOKS)
        u, name, urn, _ = self.contact()
        doc["payload"] = {"contact": {"uuid": u, "name": name, "urn": urn}, "results": {}}
        return doc


#: Relative weights (per cent) of the event types in the mix: a messaging deployment.
WEIGHTS: dict[str, float] = {
    "msg_created": 30,
    "msg_received": 20,
    "run_result_changed": 15,
    "msg_wait": 10,
    "webhook_called": 5,
    "contact_field_changed": 5,
    "flow_entered": 2.5,
    "input_labels_added": 1.5,
    "contact_groups_changed": 1.5,
    "run_expired": 1.5,
    "wait_timed_out": 1.0,
    "ivr_created": 1.0,
    "contact_name_changed": 0.8,
    "contact_urns_changed": 0.8,
    "contact_language_changed": 0.6,
    "error": 0.6,
    "email_created": 0.5,
    "broadcast_created": 0.5,
    "session_triggered": 0.5,
    "contact_refreshed": 0.5,
    "resthook_called": 0.4,
    "contact_timezone_changed": 0.4,
    "environment_refreshed": 0.4,
}

_TYPES = list(WEIGHTS)
_CUM_WEIGHTS: list[float] = []
_total = 0.0
for _w in WEIGHTS.values():
    _total += _w
    _CUM_WEIGHTS.append(_total)


def _check_line(doc: Doc) -> str:
    # read the document as goflow would (raises if invalid) and write it as goflow does
    event = flows_events.read_event(json.dumps(doc, ensure_ascii=False))
    line = flows_events.dumps(event)
    if flows_events.dumps(flows_events.read_event(line)) != line:  # pragma: no cover - a bug
        raise AssertionError(f"not stable under read/write: {line}")
    return line


def iter_lines(n: int, seed: int = 1, check: bool = True) -> Iterator[str]:
    """Yield ``n`` events as JSON lines in goflow's output form (no trailing newline).

    The first 23 events are one of each type (so even a tiny workload has them all);
    the rest follow :data:`WEIGHTS`. Deterministic for a given ``seed``. With
    ``check`` (the default) every event is read back through ``flows_events`` and
    written with ``flows_events.dumps``; without it the lines are plain
    ``json.dumps`` output of the same documents (faster, for quick tries only).
    """
    gen = _Gen(seed)
    builders: dict[str, Callable[[], Doc]] = {name: getattr(gen, name) for name in _TYPES}
    rng = gen.rng
    for i in range(n):
        type_name = _TYPES[i] if i < len(_TYPES) else rng.choices(_TYPES, cum_weights=_CUM_WEIGHTS)[0]
        doc = builders[type_name]()
        yield _check_line(doc) if check else json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def gen_lines(n: int, seed: int = 1) -> list[str]:
    """``n`` valid events as JSON lines in goflow's output form (see :func:`iter_lines`)."""
    return list(iter_lines(n, seed))


def write_jsonl(out: IO[str], n: int, seed: int = 1, check: bool = True) -> None:
    """Write ``n`` events to ``out``, one per line, streaming (memory stays flat)."""
    for line in iter_lines(n, seed, check=check):
        out.write(line)
        out.write("\n")


def describe(lines: list[str]) -> str:
    """A short summary: count, mean size, and the share of each type."""
    counts: Counter[str] = Counter(json.loads(line)["type"] for line in lines)
    size = sum(len(line.encode()) for line in lines)
    rows = [f"{len(lines)} events, {size / max(len(lines), 1):.0f} bytes/event on average, {len(counts)} types"]
    for name, count in counts.most_common():
        rows.append(f"  {name:<26} {count:>8} {100 * count / len(lines):6.2f}%")
    return "\n".join(rows)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="number of events (default 1,000,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", default="-", help="output JSONL file ('-' for stdout)")
    parser.add_argument("--describe", action="store_true", help="print a summary of the mix instead")
    parser.add_argument("--no-check", action="store_true",
                        help="skip the flows_events read/write check (not goflow's exact output form)")
    args = parser.parse_args(argv)
    if args.describe:
        print(describe(list(iter_lines(args.events, args.seed, check=not args.no_check))))
        return 0
    if args.out == "-":
        write_jsonl(sys.stdout, args.events, args.seed, check=not args.no_check)
    else:
        with open(args.out, "w", encoding="utf-8", newline="\n") as out:
            write_jsonl(out, args.events, args.seed, check=not args.no_check)
    return 0


if __name__ == "__main__":
    sys.exit(main())
