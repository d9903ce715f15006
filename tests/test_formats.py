"""The CI formats of ``validate``: SARIF (against the official 2.1.0 schema), GitHub workflow
commands, JUnit XML and GitLab Code Quality. Positions are checked against the JSON format, which
is the reference; every format is 1-based and deterministic."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft4Validator

from plancompiler.cli import cli
from plancompiler.report import github as gh
from plancompiler.rules import ALL

ROOT = Path(__file__).resolve().parents[1]
SARIF_SCHEMA = json.loads((ROOT / "tests" / "vendor" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def plans(tmp_path, monkeypatch):
    """A folder with a clean plan, a plan with an error, a warning, an info and a motivated
    exception, and one whose file name needs escaping. The working directory is tmp_path."""
    monkeypatch.chdir(tmp_path)
    d = tmp_path / "plannen"
    d.mkdir()
    (d / "utrecht.plan.yaml").write_text((ROOT / "examples" / "utrecht.plan.yaml").read_text("utf-8"), "utf-8")
    text = (ROOT / "examples" / "dorpshaven.plan.yaml").read_text("utf-8")
    text = text.replace("instrument: informatieavond", "instrument: informatie-avondje", 1)  # error
    text = text.replace("oordeel: voldaan", "oordeel: deels", 1)  # warning
    (d / "dorpshaven.plan.yaml").write_text(text, "utf-8")
    (d / "rare, naam: 100%.plan.yaml").write_text(text, "utf-8")
    return d


def reference(target="plannen"):
    """(file, rule, line, column, severity, waived) for every diagnostic, from --format json."""
    doc = json.loads(run("validate", "--format", "json", target).output)
    return doc, sorted((f["path"], d["rule"], d["line"], d["column"], d["severity"], bool(d.get("waived")))
                       for f in doc["files"] for d in f["diagnostics"])


# -- SARIF -----------------------------------------------------------------------------------------

def test_sarif_passes_the_official_schema_and_has_what_github_needs(plans):
    result = run("validate", "--format", "sarif", "plannen")
    assert result.exit_code == 1
    log = json.loads(result.output)
    errors = sorted(Draft4Validator(SARIF_SCHEMA).iter_errors(log), key=str)
    assert not errors, errors[0]
    assert log["version"] == "2.1.0"
    (sarif_run,) = log["runs"]
    driver = sarif_run["tool"]["driver"]
    assert driver["name"] == "plancompiler" and driver["version"] and driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == list(ALL)
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    onbekend = driver["rules"][list(ALL).index("instrument-onbekend")]
    assert "p. 23-24" in onbekend["help"]["text"] and "p. 23-24" in onbekend["help"]["markdown"]
    assert onbekend["name"] == "InstrumentOnbekend"

    _, ref = reference()
    got = []
    for res in sarif_run["results"]:
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in ("error", "warning", "note") and res["message"]["text"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        uri = loc["artifactLocation"]["uri"]
        assert uri.startswith("plannen/") and "\\" not in uri
        region = loc["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        from urllib.parse import unquote

        sev = {"error": "error", "warning": "warning", "note": "info"}[res["level"]]
        got.append((unquote(uri), res["ruleId"], region["startLine"], region["startColumn"], sev,
                    bool(res.get("suppressions"))))
    assert sorted(got) == ref
    assert any(r[1] == "instrument-onbekend" for r in got)


def test_sarif_waived_diagnostics_are_in_source_suppressions(plans):
    log = json.loads(run("validate", "--format", "sarif", "plannen/dorpshaven.plan.yaml").output)
    (waived,) = [r for r in log["runs"][0]["results"] if r.get("suppressions")]
    assert waived["ruleId"] == "niet-interactief"
    assert waived["suppressions"][0]["kind"] == "inSource"
    assert waived["suppressions"][0]["justification"].startswith("Raadplegen is bewust gekozen")


def test_sarif_uri_is_percent_encoded_relative_path(plans):
    log = json.loads(run("validate", "--format", "sarif", "plannen/rare, naam: 100%.plan.yaml").output)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"plannen/rare%2C%20naam%3A%20100%25.plan.yaml"}


# -- GitHub ----------------------------------------------------------------------------------------

COMMAND = re.compile(r"^::(error|warning|notice) (?P<props>[^:]*)::(?P<msg>.*)$")


def test_github_commands_carry_file_line_col_and_title(plans):
    result = run("validate", "--format", "github", "plannen")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    _, ref = reference()
    expected = sorted((f, rule, line, col, sev) for f, rule, line, col, sev, waived in ref if not waived)
    got = []
    for line in lines[:-1]:
        m = COMMAND.match(line)
        assert m, line
        props = dict(p.split("=", 1) for p in m.group("props").split(","))
        unescape = lambda s: s.replace("%2C", ",").replace("%3A", ":").replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")
        rule = re.search(r"\[([a-z0-9-]+)\]$", unescape(props["title"])).group(1)
        sev = {"error": "error", "warning": "warning", "notice": "info"}[m.group(1)]
        got.append((unescape(props["file"]), rule, int(props["line"]), int(props["col"]), sev))
    assert sorted(got) == expected
    assert any(g[1] == "instrument-onbekend" and g[4] == "error" for g in got)
    assert any("rare%2C naam%3A 100%25" in line for line in lines)  # properties escaped
    assert lines[-1].startswith("plancompiler: 3 bestanden gecontroleerd: 2 fouten, 2 waarschuwingen")


def test_github_escaping():
    # CR and LF never reach GitHub as such: they are shown as visible escapes (see report.visible)
    assert gh.escape_data("100% klaar\r\nvolgende: a,b") == "100%25 klaar\\r\\nvolgende: a,b"
    assert gh.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25\\n"


# -- JUnit -----------------------------------------------------------------------------------------

def test_junit_parses_with_one_failure_per_error(plans):
    result = run("validate", "--format", "junit", "plannen")
    assert result.exit_code == 1
    root = ET.fromstring(result.output.encode("utf-8"))
    doc, ref = reference()
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [f["path"] for f in doc["files"]]
    errors = [r for r in ref if r[4] == "error" and not r[5]]
    failures = root.findall(".//failure")
    assert len(failures) == len(errors) == int(root.get("failures")) == 2
    assert all(f.get("type") == "instrument-onbekend" for f in failures)
    assert len(root.findall(".//skipped")) == sum(1 for r in ref if r[5]) == int(root.get("skipped"))
    clean = next(s for s in suites if s.get("name").endswith("utrecht.plan.yaml"))
    assert clean.get("tests") == "1" and clean.get("failures") == "0"
    for suite in suites:
        assert int(suite.get("failures")) == len(suite.findall(".//failure"))


def test_junit_strict_makes_warnings_failures(plans):
    root = ET.fromstring(run("validate", "--format", "junit", "--strict", "plannen").output.encode("utf-8"))
    _, ref = reference()
    assert len(root.findall(".//failure")) == sum(1 for r in ref if r[4] in ("error", "warning") and not r[5])


# -- GitLab ----------------------------------------------------------------------------------------

def test_gitlab_code_quality(plans):
    result = run("validate", "--format", "gitlab", "plannen")
    assert result.exit_code == 1
    issues = json.loads(result.output)
    _, ref = reference()
    assert sorted((i["location"]["path"], i["check_name"], i["location"]["lines"]["begin"]) for i in issues) == \
        sorted((f, rule, line) for f, rule, line, _, _, waived in ref if not waived)
    for i in issues:
        assert set(i) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert re.fullmatch(r"[0-9a-f]{64}", i["fingerprint"])
        assert i["severity"] in ("blocker", "critical", "major", "minor", "info")
        assert i["location"]["lines"]["begin"] >= 1
    assert {i["severity"] for i in issues if i["check_name"] == "instrument-onbekend"} == {"critical"}
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_gitlab_blocker_for_unreadable_yaml(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("kapot.plan.yaml").write_text("plancompiler: 1\ngemeente: [\n", encoding="utf-8")
    issues = json.loads(run("validate", "--format", "gitlab", "kapot.plan.yaml").output)
    assert issues and issues[0]["severity"] == "blocker" and issues[0]["location"]["path"] == "kapot.plan.yaml"
    assert issues[0]["location"]["lines"]["begin"] >= 1


# -- all formats -------------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["sarif", "github", "junit", "gitlab", "json", "text"])
def test_formats_are_deterministic(plans, fmt):
    first = run("validate", "--format", fmt, "plannen").output
    assert first == run("validate", "--format", fmt, "plannen").output
    # fingerprints do not depend on where the finding sits: insert a comment line at the top
    if fmt == "gitlab":
        p = plans / "dorpshaven.plan.yaml"
        p.write_text("# een opmerking\n" + p.read_text("utf-8"), "utf-8")
        moved = json.loads(run("validate", "--format", fmt, "plannen").output)
        assert {i["fingerprint"] for i in moved} == {i["fingerprint"] for i in json.loads(first)}


def test_output_file(plans):
    result = run("validate", "--format", "sarif", "-o", "uit.sarif", "plannen")
    assert result.exit_code == 1 and result.output == ""
    assert json.loads(Path("uit.sarif").read_text("utf-8"))["version"] == "2.1.0"


@pytest.mark.parametrize("fmt", ["sarif", "github", "junit", "gitlab"])
def test_quiet_keeps_errors_only(plans, fmt):
    out = run("validate", "--format", fmt, "-q", "plannen/dorpshaven.plan.yaml").output
    if fmt == "sarif":  # the rule table lists every rule; look at the results only
        out = json.dumps(json.loads(out)["runs"][0]["results"])
    assert "instrument-onbekend" in out
    assert "kernvoorwaarde-niet-voldaan" not in out and "typetest-verschil" not in out


# -- exit status -------------------------------------------------------------------------------------

def test_exit_status_fail_on_and_strict(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    velsen = ROOT / "examples" / "velsen.plan.yaml"  # info only
    text = velsen.read_text("utf-8").replace("oordeel: voldaan", "oordeel: deels", 1)
    Path("waarschuwing.plan.yaml").write_text(text, "utf-8")
    assert run("validate", str(velsen)).exit_code == 0
    assert run("validate", "--fail-on", "warning", str(velsen)).exit_code == 0
    assert run("validate", "--fail-on", "info", str(velsen)).exit_code == 1
    assert run("validate", "waarschuwing.plan.yaml").exit_code == 0
    assert run("validate", "--strict", "waarschuwing.plan.yaml").exit_code == 1
    assert run("validate", "--fail-on", "warning", "waarschuwing.plan.yaml").exit_code == 1
    quiet = run("validate", "-q", "--strict", "--no-color", "waarschuwing.plan.yaml")
    assert quiet.exit_code == 1  # -q hides warnings from the output, not from the exit status
    assert "waarschuwing[" not in quiet.output and "1 waarschuwing" in quiet.output
    assert run("validate", "bestaat-niet.plan.yaml").exit_code == 2


def test_text_validation_does_not_load_the_ci_formats():
    code = (
        "import sys\n"
        "from plancompiler.entry import main\n"
        "try:\n"
        f"    main(['validate', '-q', {str(ROOT / 'examples' / 'velsen.plan.yaml')!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "mods = [m for m in sys.modules if m.startswith(('plancompiler.report.sarif', 'plancompiler.report.github',"
        " 'plancompiler.report.junit', 'plancompiler.report.gitlab', 'plancompiler.commands.init',"
        " 'plancompiler.commands.catalog', 'plancompiler.edit', 'xml', 'jinja2'))]\n"
        "print('LOADED', mods)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT).stdout
    assert "LOADED []" in out, out


# -- a diagnostic without a pointer --------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "gitlab", "junit"])
def test_nested_complex_key_in_a_batch_keeps_the_whole_report(plans, fmt):
    (plans / "complex.plan.yaml").write_text("{[a]: b}: c\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "--format", fmt, "plannen"])
    assert result.exit_code == 1, result.output
    assert "interne fout" not in result.output
    assert "complex.plan.yaml" in result.output and "dorpshaven.plan.yaml" in result.output
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(result.output)
