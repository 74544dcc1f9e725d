"""The scripts and the event file in examples/ run and say what they should."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import flows_events

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CORPUS = Path(__file__).parent / "data" / "goflow-v0.36.0-events.jsonl"


def run_example(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("bulk_load.py", ["of 23 types loaded, 0 failed", "msg_created"]),
        ("fixtures.py", ["test_msg_created: ok", "3 fixture tests passed"]),
        (
            "custom_event.py",
            [
                'dumps: {"type":"airtime_transferred","created_on":"2019-10-16T08:21:41.5Z"',
                '"desired_amount":1000,"actual_amount":999.5}',
                "invalid: recipient: field 'recipient' failed tag 'urn'",
            ],
        ),
        (
            "strict_check.py",
            [
                "goflow accepts contact_urns_changed",
                "strict rejects urns[0] [urn_strict]: field 'urns[0]' failed tag 'urn_strict'",
                "strict rejects language [language]",
            ],
        ),
    ],
)
def test_example_runs(script: str, expected: list[str]) -> None:
    result = run_example(script)
    assert result.returncode == 0, result.stdout + result.stderr
    for text in expected:
        assert text in result.stdout


def test_bulk_load_takes_a_path() -> None:
    result = run_example("bulk_load.py", str(CORPUS))
    assert result.returncode == 0, result.stderr
    assert "474 events of 23 types loaded, 0 failed" in result.stdout


def test_events_file_is_one_realistic_session() -> None:
    events = [flows_events.read_event(line) for line in (EXAMPLES / "events.jsonl").read_bytes().splitlines()]
    assert {e.type for e in events} == {cls.TYPE for cls in flows_events.EVENT_TYPES}
    times = [e.created_on for e in events]
    assert times == sorted(times)
    assert all(e.step_uuid for e in events)
    # written exactly as goflow writes them
    assert [flows_events.dumps(e) for e in events] == (EXAMPLES / "events.jsonl").read_text("utf-8").splitlines()
    # the same contact URN throughout
    urns = {json.loads(flows_events.dumps(e))["msg"]["urn"] for e in events if e.type.startswith(("msg_", "ivr_"))
            and e.type != "msg_wait"}
    assert urns == {"tel:+250788123123"}
