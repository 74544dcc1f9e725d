"""The ``flows-events`` command line: check, normalize, input formats, exit statuses."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import flows_events
from flows_events import cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "events.jsonl"
DATA = Path(__file__).parent / "data"
CORPUS = DATA / "goflow-v0.36.0-events.jsonl"
GO_OUTPUT = DATA / "goflow-v0.36.0-events.go-output.jsonl"

VALID = '{"type":"error","created_on":"2019-01-02T15:04:05Z","text":"boom","fatal":false}'
BAD_URN = (
    '{"type":"msg_created","created_on":"2019-01-02T15:04:05Z","msg":{"uuid":'
    '"2d611e17-fb22-457f-b802-b8f7ec5cda5b","urn":"xyz","text":"hi"}}'
)
UNKNOWN = '{"type":"foo","created_on":"2019-01-02T15:04:05Z"}'
TWO_FAILURES = '{"type":"msg_created"}'

BROKEN_LINES = [VALID, "{bad", "", BAD_URN, UNKNOWN, TWO_FAILURES, VALID]
BROKEN = "".join(f"{line}\n" for line in BROKEN_LINES)
BROKEN_PROBLEMS = [
    "2: -: invalid character 'b' looking for beginning of object key string",
    "4: msg.urn: field 'msg.urn' failed tag 'urn'",
    "5: type: unknown type: 'foo'",
    "6: created_on: field 'created_on' is required",
    "6: msg: field 'msg' is required",
]
BROKEN_SUMMARY = ["6 events, 2 valid, 4 invalid, 1 types", "  error: 2"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "broken.jsonl"
    path.write_text(BROKEN, encoding="utf-8")
    return path


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# --------------------------------------------------------------------------- check


def test_examples_file_is_valid_and_has_every_type(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", str(EXAMPLES))
    assert code == 0, out
    assert err == ""
    assert out[0].endswith(" valid, 0 invalid, 23 types")
    assert sorted(line.split(":")[0].strip() for line in out[1:]) == sorted(c.TYPE for c in flows_events.EVENT_TYPES)


def test_module_entry_point_runs_in_a_subprocess() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "flows_events", "check", "examples/events.jsonl"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 invalid, 23 types" in result.stdout.splitlines()[0]
    assert "  msg_created: " in result.stdout
    assert result.stderr == ""  # no progress line when stderr is not a terminal


def test_broken_lines_are_reported_with_file_line_path_and_message(
    capsys: pytest.CaptureFixture[str], broken: Path
) -> None:
    code, out, err = run(capsys, "check", str(broken))
    assert code == 1
    assert out == [f"{broken}:{problem}" for problem in BROKEN_PROBLEMS] + BROKEN_SUMMARY
    assert err == ""


def test_crlf_and_whitespace_only_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "crlf.jsonl"
    path.write_bytes(b"\r\n  \t\r\n" + VALID.encode() + b"\r\n" + BAD_URN.encode() + b"\r\n")
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1
    assert out[0] == f"{path}:4: msg.urn: field 'msg.urn' failed tag 'urn'"
    assert out[1] == "2 events, 1 valid, 1 invalid, 1 types"


def test_invalid_utf8_is_read_the_go_way(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bytes.jsonl"
    inside_string = b'{"type":"contact_name_changed","created_on":"2019-01-02T15:04:05Z","name":"Bob\xff"}'
    path.write_bytes(inside_string + b"\n\xff\n")
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1
    assert out[0] == f"{path}:2: -: invalid character '\u00ff' looking for beginning of value"
    assert out[1] == "2 events, 1 valid, 1 invalid, 1 types"


def test_missing_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "check", str(tmp_path / "nope.jsonl"))
    assert code == 2
    assert "cannot read" in err and "nope.jsonl" in err and "No such file" in err
    assert out == ["0 events, 0 valid, 0 invalid, 0 types"]


def test_directory_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", str(tmp_path))
    assert code == 2
    assert "cannot read" in err


def test_other_files_are_still_checked_after_an_io_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, broken: Path
) -> None:
    code, out, err = run(capsys, "check", str(tmp_path / "nope.jsonl"), str(broken), str(EXAMPLES))
    assert code == 2
    assert "nope.jsonl" in err
    assert out[: len(BROKEN_PROBLEMS)] == [f"{broken}:{problem}" for problem in BROKEN_PROBLEMS]
    assert "23 types" in out[len(BROKEN_PROBLEMS)]


def test_gzip_is_decompressed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write(BROKEN)
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1
    assert out == [f"{path}:{problem}" for problem in BROKEN_PROBLEMS] + BROKEN_SUMMARY


def test_unreadable_gzip_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    not_gzip = tmp_path / "plain.jsonl.gz"
    not_gzip.write_text(VALID + "\n", encoding="utf-8")
    code, _, err = run(capsys, "check", str(not_gzip))
    assert code == 2
    assert "cannot read" in err and "plain.jsonl.gz" in err

    truncated = tmp_path / "truncated.jsonl.gz"
    truncated.write_bytes(gzip.compress(EXAMPLES.read_bytes())[:200])
    code, _, err = run(capsys, "check", str(truncated))
    assert code == 2
    assert "truncated.jsonl.gz" in err


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    set_stdin(monkeypatch, BROKEN.encode())
    code, out, _ = run(capsys, "check", "-")
    assert code == 1
    assert out == [f"<stdin>:{problem}" for problem in BROKEN_PROBLEMS] + BROKEN_SUMMARY


def test_json_format(capsys: pytest.CaptureFixture[str], broken: Path) -> None:
    code, out, _ = run(capsys, "check", "--format", "json", str(broken))
    assert code == 1
    rows = [json.loads(line) for line in out]
    assert rows[:3] == [
        {
            "file": str(broken),
            "line": 2,
            "path": "",
            "tag": None,
            "message": "invalid character 'b' looking for beginning of object key string",
        },
        {"file": str(broken), "line": 4, "path": "msg.urn", "tag": "urn", "message": "field 'msg.urn' failed tag 'urn'"},
        {"file": str(broken), "line": 5, "path": "type", "tag": None, "message": "unknown type: 'foo'"},
    ]
    assert [(r["line"], r["path"], r["tag"]) for r in rows[3:5]] == [(6, "created_on", "required"), (6, "msg", "required")]
    assert rows[-1] == {"summary": {"events": 6, "valid": 2, "invalid": 4, "types": {"error": 2}}}
    assert len(rows) == 6


def test_json_format_summary_of_examples(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--format=json", str(EXAMPLES))
    assert code == 0
    [row] = [json.loads(line) for line in out]
    types = row["summary"]["types"]
    assert list(types) == sorted(types) and len(types) == 23
    assert row["summary"]["events"] == row["summary"]["valid"] == sum(types.values())


def test_json_array(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    path.write_text(f"\n[\n  {VALID},\n  {BAD_URN}, 5,\n  {{\n    \"type\": \"foo\"\n  }}\n]\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1
    assert out == [
        f"{path}:4: msg.urn: field 'msg.urn' failed tag 'urn'",
        f"{path}:4: -: json: cannot unmarshal number into Go value of type utils.TypedEnvelope",
        f"{path}:5: type: unknown type: 'foo'",
        "4 events, 1 valid, 3 invalid, 1 types",
        "  error: 1",
    ]


def test_json_array_with_a_syntax_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    path.write_text(f"[\n{VALID},\n{{\"type\": }}\n]\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1
    assert out[0] == f"{path}:3: -: invalid character '}}' looking for beginning of value"


def test_empty_array_and_empty_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "empty.json").write_text(" [ ] ", encoding="utf-8")
    (tmp_path / "empty.jsonl").write_text("\n\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(tmp_path / "empty.json"), str(tmp_path / "empty.jsonl"))
    assert (code, out) == (0, ["0 events, 0 valid, 0 invalid, 0 types"])


def test_single_pretty_printed_object(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(json.loads(BAD_URN.replace("xyz", "tel:+250788123123")), indent=2), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("\n" + json.dumps(json.loads(BAD_URN), indent=4) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", str(good), str(bad))
    assert code == 1
    assert out == [
        f"{bad}:2: msg.urn: field 'msg.urn' failed tag 'urn'",
        "2 events, 1 valid, 1 invalid, 1 types",
        "  msg_created: 1",
    ]


def test_single_pretty_printed_object_with_a_syntax_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(json.loads(VALID), indent=2).replace('"fatal":', '"fatal"'), encoding="utf-8")
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1
    assert out == [f"{path}:5: -: invalid character 'f' after object key", "1 events, 0 valid, 1 invalid, 0 types"]


def test_strict(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "strict.jsonl"
    path.write_text('{"type":"contact_urns_changed","created_on":"2019-01-02T15:04:05Z","urns":["tel:Male"]}\n')
    assert run(capsys, "check", str(path))[0] == 0
    code, out, _ = run(capsys, "check", "--strict", str(path))
    assert code == 1
    assert out[0] == (
        f"{path}:1: urns[0]: field 'urns[0]' failed tag 'urn_strict': not a possible phone number: Male"
    )


def test_whole_corpus_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(CORPUS))
    assert code == 0
    assert out[0] == "474 events, 474 valid, 0 invalid, 23 types"
    assert "  msg_created: 172" in out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text((VALID + "\n") * 25, encoding="utf-8")
    monkeypatch.setattr(cli, "PROGRESS_EVERY", 10)
    code, _, err = run(capsys, "check", str(path))
    assert code == 0 and err == ""

    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert cli.main(["check", str(path)]) == 0
    progress = terminal.getvalue()
    assert "\r10 events checked..." in progress and "\r20 events checked..." in progress
    assert progress.endswith("\r")  # the line is wiped at the end
    assert capsys.readouterr().out.splitlines()[0] == "25 events, 25 valid, 0 invalid, 1 types"


# --------------------------------------------------------------------------- reading


class _NoSlurp(io.BytesIO):
    """A byte stream that refuses to be read whole."""

    def read(self, size: Any = -1) -> bytes:
        if size is None or size < 0:
            raise AssertionError("the whole input was read at once")
        return super().read(size)


def test_jsonl_is_streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (VALID + "\n") * 1000
    stream = _NoSlurp(data.encode())
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stream))
    records = cli.iter_records("-")
    first = next(records)
    assert (first.name, first.line, first.data) == ("<stdin>", 1, VALID.encode() + b"\n")
    assert stream.tell() < len(data)  # only what was needed so far
    assert sum(1 for _ in records) == 999


def test_records_of_an_array_keep_the_exact_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b'[{"type":"x","s":"a,]}\\"\xff"} ,\n\n  null ]')
    assert list(cli.iter_records(str(path))) == [
        cli.Record(str(path), 1, b'{"type":"x","s":"a,]}\\"\xff"}'),
        cli.Record(str(path), 3, b"null"),
    ]


# --------------------------------------------------------------------------- normalize


def test_normalize_writes_goflows_bytes(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    code = cli.main(["normalize", str(CORPUS)])
    captured = capsysbinary.readouterr()
    assert code == 0
    assert captured.out == GO_OUTPUT.read_bytes()
    assert captured.err == b""


def test_normalize_one_corpus_line(capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path) -> None:
    number = 28  # a webhook_called, with \r\n and tabs escaped inside strings
    source = CORPUS.read_bytes().splitlines(keepends=True)[number - 1]
    expected = GO_OUTPUT.read_bytes().splitlines(keepends=True)[number - 1]
    path = tmp_path / "one.jsonl"
    path.write_bytes(source)
    assert cli.main(["normalize", str(path)]) == 0
    assert capsysbinary.readouterr().out == expected


def test_normalize_skips_invalid_events(capsysbinary: pytest.CaptureFixture[bytes], broken: Path) -> None:
    code = cli.main(["normalize", str(broken)])
    captured = capsysbinary.readouterr()
    assert code == 1
    assert captured.out == (VALID + "\n" + VALID + "\n").encode()
    assert captured.err.decode().splitlines() == [f"{broken}:{problem}" for problem in BROKEN_PROBLEMS]


def test_normalize_keep_invalid_writes_the_original_lines(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    path = tmp_path / "mixed.jsonl"
    spaced = '{ "type" : "error", "created_on" : "2019-01-02T15:04:05Z", "text" : "boom" }'
    path.write_bytes(f"{spaced}\n{{bad\n\n{BAD_URN}\r\n".encode() + b"\xff\xfe\n")
    code = cli.main(["normalize", "--keep-invalid", str(path)])
    captured = capsysbinary.readouterr()
    assert code == 1
    assert captured.out == f"{VALID}\n{{bad\n{BAD_URN}\n".encode() + b"\xff\xfe\n"
    assert len(captured.err.decode().splitlines()) == 3


def test_normalize_keep_invalid_flattens_multi_line_elements(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    path = tmp_path / "a.json"
    path.write_text('[\n  {\n    "type": "foo",\n    "created_on": "2019-01-02T15:04:05Z"\n  }\n]\n')
    assert cli.main(["normalize", "--keep-invalid", str(path)]) == 1
    assert capsysbinary.readouterr().out == b'{"type": "foo","created_on": "2019-01-02T15:04:05Z"}\n'


def test_normalize_escape_html(capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    line = (
        '{"type":"msg_created","created_on":"2019-01-02T15:04:05.100Z","msg":{"uuid":'
        '"2d611e17-fb22-457f-b802-b8f7ec5cda5b","urn":"tel:+250788123123","text":"<b>hi</b> & bye"}}'
    )
    set_stdin(monkeypatch, line.encode() + b"\n")
    assert cli.main(["normalize", "-"]) == 0
    assert capsysbinary.readouterr().out == line.replace(".100Z", ".1Z").encode() + b"\n"

    set_stdin(monkeypatch, line.encode() + b"\n")
    assert cli.main(["normalize", "--escape-html", "-"]) == 0
    out = capsysbinary.readouterr().out
    assert b'"text":"\\u003cb\\u003ehi\\u003c/b\\u003e \\u0026 bye"' in out


def test_normalize_examples_is_identity(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert cli.main(["normalize", str(EXAMPLES)]) == 0
    assert capsysbinary.readouterr().out == EXAMPLES.read_bytes()


# --------------------------------------------------------------------------- usage


@pytest.mark.parametrize("argv", [[], ["check"], ["frobnicate", "x"], ["check", "--format", "xml", "x"]])
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "usage:" in err


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0 and any("normalize" in line for line in out)
    code, out, _ = run(capsys, "--version")
    assert (code, out) == (0, [f"flows-events {flows_events.__version__}"])


LENIENT_LINES = (
    '{"type":"airtime_transferred","created_on":"2018-07-06T12:30:04Z","amount":1.50}\n'
    '{"type":"wait_timed_out","created_on":"2018-07-06T12:30:04Z","foo":[1, 2]}\n'
)


def test_check_lenient_counts_unknown_types(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(LENIENT_LINES)
    assert cli.main(["check", str(path)]) == 1
    assert f"{path}:1: type: unknown type: 'airtime_transferred'" in capsys.readouterr().out
    assert cli.main(["check", "--lenient", str(path)]) == 0
    assert capsys.readouterr().out == (
        "2 events, 1 valid, 0 invalid, 1 types, 1 of unknown types\n"
        "  wait_timed_out: 1\n"
        "  airtime_transferred: 1 (unknown type)\n"
    )
    assert cli.main(["check", "--lenient", "--format", "json", str(path)]) == 0
    summary = json.loads(capsys.readouterr().out.splitlines()[-1])["summary"]
    assert summary == {
        "events": 2, "valid": 1, "invalid": 0, "types": {"wait_timed_out": 1},
        "unknown": {"airtime_transferred": 1},
    }


def test_normalize_lenient_keeps_unknown_types_and_keys(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(LENIENT_LINES)
    assert cli.main(["normalize", "--lenient", str(path)]) == 0
    assert capsys.readouterr().out == (
        '{"type":"airtime_transferred","created_on":"2018-07-06T12:30:04Z","amount":1.50}\n'
        '{"type":"wait_timed_out","created_on":"2018-07-06T12:30:04Z","foo":[1,2]}\n'
    )


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert len(schema["oneOf"]) == 23
    assert cli.main(["schema", "msg_wait", "--indent", "0"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and json.loads(out)["oneOf"] == [{"$ref": "#/$defs/MsgWaitEvent"}]
    assert cli.main(["schema", "msg_sent"]) == 2
    assert "unknown event type(s): msg_sent" in capsys.readouterr().err


def test_schema_validates_the_examples(capsys: pytest.CaptureFixture[str]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    assert cli.main(["schema"]) == 0
    validator = jsonschema.Draft202012Validator(json.loads(capsys.readouterr().out))
    lines = (Path(__file__).parent.parent / "examples" / "events.jsonl").read_text().splitlines()
    assert all(validator.is_valid(json.loads(line)) for line in lines)
    assert not validator.is_valid({"type": "msg_created", "created_on": "2019-01-02T15:04:05Z"})
