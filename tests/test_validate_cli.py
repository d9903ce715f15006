"""validate through its public entry point: output formats, positions and exit statuses."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from plancompiler.cli import cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.plan.yaml"))


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize("plan", EXAMPLES, ids=lambda p: p.name)
def test_examples_validate_without_errors(plan):
    result = run("validate", str(plan))
    assert result.exit_code == 0, result.output
    assert "0 fouten" in result.output


def test_text_output_is_compiler_style_with_caret(tmp_path):
    plan = tmp_path / "p.plan.yaml"
    text = (ROOT / "examples" / "velsen.plan.yaml").read_text(encoding="utf-8")
    text = text.replace("instrument: vrijwilligerscafe", "instrument: vrijwilligerskafee", 1)
    plan.write_text(text, encoding="utf-8")
    line_no = next(i for i, l in enumerate(text.splitlines(), 1) if "vrijwilligerskafee" in l)
    column = text.splitlines()[line_no - 1].index("vrijwilligerskafee") + 1
    result = run("validate", "--no-color", str(plan))
    assert result.exit_code == 1
    head = f"{plan}:{line_no}:{column}: fout[instrument-onbekend] "
    lines = result.output.splitlines()
    idx = next(i for i, l in enumerate(lines) if l.startswith(head))
    assert "vrijwilligerscafe" in lines[idx]  # the did-you-mean suggestion
    assert lines[idx + 1].strip().endswith(text.splitlines()[line_no - 1].strip())
    assert lines[idx + 2].index("^") - lines[idx + 2].index("|") - 2 == column - 1
    assert lines[-1].startswith("1 bestand gecontroleerd: 1 fout")


def test_json_output_shape(tmp_path):
    plan = tmp_path / "p.yaml"
    plan.write_text("plancompiler: 1\ngemeente: {naam: X}\nonbekend: 3\n", encoding="utf-8")
    result = run("validate", "--format", "json", str(plan))
    assert result.exit_code == 1
    doc = json.loads(result.output)
    assert doc["summary"]["files"] == 1 and doc["summary"]["errors"] >= 1
    diags = doc["files"][0]["diagnostics"]
    assert set(diags[0]) >= {"rule", "severity", "message", "line", "column", "pointer"}
    unknown = next(d for d in diags if d["rule"] == "schema-onbekende-sleutel")
    assert (unknown["line"], unknown["column"], unknown["pointer"]) == (3, 1, "/onbekend")
    missing = {d["message"].split("'")[1] for d in diags if d["rule"] == "schema-verplicht"}
    assert {"periode", "visie", "ambitie", "fasen"} <= missing


def test_duplicate_key_reported_at_second_key(tmp_path):
    plan = tmp_path / "p.yaml"
    plan.write_text("plancompiler: 1\ngemeente:\n  naam: A\n  naam: B\n", encoding="utf-8")
    doc = json.loads(run("validate", "--format", "json", str(plan)).output)
    dup = next(d for d in doc["files"][0]["diagnostics"] if d["rule"] == "yaml-dubbele-sleutel")
    assert (dup["line"], dup["column"]) == (4, 3)
    assert "regel 3" in dup["message"]


def test_exit_status_two_for_missing_file(tmp_path):
    result = run("validate", str(tmp_path / "bestaat-niet.yaml"))
    assert result.exit_code == 2
    assert "bestand-onleesbaar" in result.output


def test_strict_turns_warnings_into_failure(tmp_path):
    text = (ROOT / "examples" / "utrecht.plan.yaml").read_text(encoding="utf-8")
    plan = tmp_path / "p.plan.yaml"
    # no reactienota: a warning (terugkoppeling-ontbreekt), not an error
    assert "reactienota: true" in text
    plan.write_text(text.replace("reactienota: true", "reactienota: false"), encoding="utf-8")
    assert run("validate", str(plan)).exit_code == 0
    assert run("validate", "--strict", str(plan)).exit_code == 1


def test_explain_known_and_unknown_rule():
    result = run("explain", "comfortzone-risico")
    assert result.exit_code == 0 and "brochure p. 14" in result.output
    result = CliRunner().invoke(cli, ["explain", "comfortzone-risiko"])
    assert result.exit_code == 2 and "comfortzone-risico" in result.output


def test_validate_imports_nothing_heavy():
    """validate must not pay for the documents' or the reference validator's imports."""
    code = (
        "import sys\n"
        "from plancompiler.entry import main\n"
        f"sys.argv = ['plancompiler', 'validate', {str(EXAMPLES[0])!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('jinja2', 'pypandoc', 'jsonschema', 'docx', 'xml.etree.ElementTree', 'click',"
        " 'tempfile', 'tomllib', 'dataclasses')"
        " if m in sys.modules]\n"
        "sys.stderr.write(repr(heavy))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.stderr.strip().endswith("[]"), proc.stderr


# -- output encoding (issue 13 item 7) ------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
@pytest.mark.parametrize("env", [{"PYTHONIOENCODING": "ascii"}, {"LC_ALL": "C", "LANG": "C"}],
                         ids=["PYTHONIOENCODING=ascii", "LC_ALL=C"])
def test_output_is_utf8_whatever_the_locale(tmp_path, fmt, env):
    """Reports are UTF-8 on every machine; a C locale or an ASCII stream never crashes validate."""
    import os

    text = (ROOT / "examples" / "velsen.plan.yaml").read_text(encoding="utf-8")
    plan = tmp_path / "café.plan.yaml"
    plan.write_text(text.replace("instrument: vrijwilligerscafe", "instrument: vrijwilligerskafée", 1),
                    encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "plancompiler", "validate", "--format", fmt, str(plan)],
                          capture_output=True, env={**os.environ, "PYTHONUTF8": "0", **env})
    assert proc.returncode == 1, proc.stderr.decode("utf-8", "replace")
    out = proc.stdout.decode("utf-8")  # strict: must be UTF-8
    assert "kafée" in out and "café" in out
    ok = subprocess.run([sys.executable, "-m", "plancompiler", "validate", "--format", fmt,
                         str(ROOT / "examples" / "velsen.plan.yaml")], capture_output=True,
                        env={**os.environ, **env})
    assert ok.returncode == 0, ok.stderr.decode("utf-8", "replace")
    ok.stdout.decode("utf-8")


# -- help and shell completion (issue 14 item 4) -----------------------------------------------------------

def _complete(words: str) -> list[str]:
    import os

    env = {**os.environ, "_PLANCOMPILER_COMPLETE": "bash_complete", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}
    proc = subprocess.run([sys.executable, "-m", "plancompiler"], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    return [line.split(",", 1)[1] for line in proc.stdout.splitlines()]


def test_shell_completion_of_rule_and_instrument_ids():
    from plancompiler.catalog import get_catalog
    from plancompiler.rules import ALL

    assert _complete("plancompiler explain comf") == ["comfortzone-risico"]
    assert _complete("plancompiler explain ") == list(ALL)
    instruments = [i["id"] for i in get_catalog().instrumenten]
    assert _complete("plancompiler catalog instrument ") == instruments
    assert _complete("plancompiler catalog instrumenten --trede ") == get_catalog().trede_ids
    assert _complete("plancompiler validate --fail-on ") == ["fout", "waarschuwing", "info", "error", "warning"]


def test_help_shows_the_choices_not_TEXT():
    for args in (["validate", "--help"], ["init", "--help"], ["build", "--help"],
                 ["catalog", "instrumenten", "--help"], ["catalog", "kernvoorwaarden", "--help"]):
        out = run(*args).output
        assert " TEXT" not in out, (args, out)
    assert "[informeren|raadplegen|adviseren|coproduceren|meebeslissen]" in run("init", "--help").output
    assert "[smal|breed]" in run("init", "--help").output
