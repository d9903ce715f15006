"""Hostile text from a plan or a file name reaches every report format as inert, visible text.

A plan value (quoted by a diagnostic), a raw source line or a file name may hold ESC, CR, LF and
other control characters. The reports must not pass them on: no terminal sequences, no new line
in a text or GitHub log (so no fake ``::error`` workflow command), and JUnit/SARIF/GitLab/JSON
reports stay well-formed. Everything goes through the public ``plancompiler validate`` entry point.
"""
from __future__ import annotations

import json
import os
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from plancompiler.entry import main
from plancompiler.report import visible

ROOT = Path(__file__).resolve().parents[1]
VELSEN = (ROOT / "examples" / "velsen.plan.yaml").read_text(encoding="utf-8")
FORMATS = ("text", "github", "junit", "sarif", "gitlab", "json")
# Characters that must never appear raw in a report (tab and the report's own newlines aside).
RAW_CONTROL = [chr(c) for c in range(0x20) if c not in (0x09, 0x0A)] + ["\x7f", "\x85", "\u2028", "\u202e"]

ESCAPES = r'"\e[2K\e[1A\rOK"'
INJECTION = r'"x\n::error file=README.md,line=1,title=Nep::Alles in orde"'


def validate(capsys, *args) -> tuple[int, str]:
    with pytest.raises(SystemExit) as info:
        main(["validate", *map(str, args)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err and "interne fout" not in err
    return info.value.code, out


def hostile_plan(tmp_path: Path, value: str, name: str = "hostile.plan.yaml") -> Path:
    text = VELSEN.replace("    beleid: smal\n", f"    beleid: {value}\n", 1)
    assert f"beleid: {value}\n" in text
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def check_report(fmt: str, out: str) -> None:
    """The report is well-formed for its format and carries no raw control character."""
    for ch in RAW_CONTROL:
        assert ch not in out, f"{fmt}: raw {ch!r} in the report"
    lines = out.splitlines()
    if fmt in ("text", "github"):
        assert not any(line.startswith("::error file=README.md") for line in lines), out
    if fmt == "github":  # every line is a workflow command of ours, or the summary
        assert all(line.startswith(("::error ", "::warning ", "::notice ", "plancompiler: ")) for line in lines)
    if fmt == "junit":
        ET.fromstring(out.encode("utf-8"))
    if fmt in ("sarif", "gitlab", "json"):
        json.loads(out)


@pytest.mark.parametrize("fmt", FORMATS)
def test_terminal_escapes_in_a_plan_value_are_shown_not_sent(tmp_path, capsys, fmt):
    code, out = validate(capsys, "--format", fmt, hostile_plan(tmp_path, ESCAPES))
    assert code == 1
    check_report(fmt, out)
    # the loader refuses the value itself (tekst-stuurteken, positioned); nothing raw reached the report
    assert "tekst-stuurteken" in out


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_newline_in_a_value_cannot_forge_a_ci_annotation(tmp_path, capsys, fmt):
    code, out = validate(capsys, "--format", fmt, hostile_plan(tmp_path, INJECTION))
    assert code == 1
    check_report(fmt, out)
    assert "::error file=README.md" in out.replace("%3A", ":").replace("%2C", ",")  # it arrived, inert


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_hostile_file_name_is_shown_not_sent(tmp_path, capsys, fmt):
    folder = tmp_path / "d"
    folder.mkdir()
    hostile_plan(folder, "smal", name="x\n::error file=README.md::Nep\x1b[2K.plan.yaml")
    code, out = validate(capsys, "--format", fmt, folder)
    check_report(fmt, out)
    if fmt == "sarif":  # a URI: percent-encoded, so it still names the file exactly
        assert "x%0A" in out and "Nep%1B%5B2K.plan.yaml" in out
    else:
        assert "\\x1b[2K" in out.replace("\\\\", "\\")


@pytest.mark.parametrize("fmt", FORMATS)
def test_raw_control_characters_in_a_source_line_are_not_echoed(tmp_path, capsys, fmt):
    path = tmp_path / "raw.plan.yaml"
    path.write_bytes(b"plancompiler: 1\ngemeente:\n  naam: \"Velsen\x1b[2K\x1b[1A\rOK\"\n")
    code, out = validate(capsys, "--format", fmt, path)
    assert code in (1, 2)
    check_report(fmt, out)


def test_visible_escapes_exactly_the_unsafe_characters():
    assert visible("Velsen – gewone tekst\tmet tab") == "Velsen – gewone tekst\tmet tab"
    assert visible("\x1b[2K\r\n") == "\\x1b[2K\\r\\n"
    assert visible("a\u202eb\u2028c\ufffe\x85\x00") == "a\\u202eb\\u2028c\\ufffe\\x85\\x00"
    assert visible("naam-\udcff.yaml") == "naam-\\xff.yaml"  # an undecodable byte of a file name


def test_the_caret_stays_under_the_value_after_an_escaped_character(tmp_path, capsys):
    path = tmp_path / "bidi.plan.yaml"
    path.write_text('plancompiler: 1\ngemeente: {naam: "\u202eVelsen", code: 12}\n', encoding="utf-8")
    _, out = validate(capsys, path)
    lines = out.splitlines()
    head = next(i for i, line in enumerate(lines) if ":2:35: fout[schema-type]" in line)
    source, caret = lines[head + 1], lines[head + 2]
    assert source.endswith('gemeente: {naam: "\\u202eVelsen", code: 12}')
    assert source[caret.index("^")] == "1"  # under the 12


@pytest.mark.skipif(sys.platform != "linux", reason="a file name that is not UTF-8 needs a Linux file system")
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_name_that_is_not_utf8_is_reported_not_crashed_on(tmp_path, capsys, fmt):
    folder = tmp_path / "d"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.plan.yaml")  # Latin-1 bytes, as an old archive may hold
    hostile_plan(folder, '"onbekend"', name=name)
    code, out = validate(capsys, "--format", fmt, folder)
    assert code == 1
    check_report(fmt, out)
    if fmt == "sarif":  # the URI names the file's own bytes
        assert "caf%E9.plan.yaml" in out
    else:
        assert "caf\\xe9.plan.yaml" in out.replace("\\\\", "\\")


# -- property: any text in a value, any format ------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

UNSAFE_SAMPLE = "\x00\x07\x08\x0b\x0c\x1b\r\n\x7f\x85\x9b\u2028\u2029\u202e\u2066\ufeff\ufffe\uffff"
TEXTS = st.text(alphabet=st.one_of(st.sampled_from(UNSAFE_SAMPLE + ":%,=\\\"'<>&"),
                                   st.characters(blacklist_categories=("Cs",))), max_size=40)
PROPERTY = settings(max_examples=int(os.environ.get("PLANCOMPILER_FUZZ_EXAMPLES", "60")) // 2, deadline=None,
                    derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(value=TEXTS, name=TEXTS)
def test_any_value_and_file_name_stay_inert_in_every_format(value, name):
    from plancompiler.compiler import compile_loaded
    from plancompiler.load import load_text
    from plancompiler.report import render

    # raw in the source where YAML allows it (DEL, U+0085, U+202E, …), escaped where it does not
    text = VELSEN.replace("    beleid: smal\n", f"    beleid: {json.dumps(value, ensure_ascii=False)}\n", 1)
    if value == "smal":
        return
    result = compile_loaded(load_text(text, name + ".plan.yaml")).result
    assert any(d.rule in ("schema-waarde", "tekst-stuurteken") or d.rule.startswith("yaml-")
               for d in result.diagnostics)
    for fmt in FORMATS:
        check_report(fmt, render(fmt, [result], colour=False, quiet=False, fail_on="error"))
    assert all(ch not in visible(value + name) for ch in RAW_CONTROL + ["\ufffe", "\uffff"])
