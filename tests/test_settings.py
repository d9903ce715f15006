"""Settings decided once: the configuration reaches every command, options combine as documented,
and report files behave as ruff's and yamllint's users expect (stdout, folders, umask)."""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from plancompiler.cli import cli
from plancompiler.config import ConfigError, settings

ROOT = Path(__file__).resolve().parents[1]
VELSEN = ROOT / "examples" / "velsen.plan.yaml"
BARBECUE = """\
instrumenten:
  - id: buurtbarbecue
    naam: Buurtbarbecue
    matrix: {draagvlak: informeren}
    soort: bijeenkomst
"""


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def console(*args, cwd=None, env=None):
    """The installed command in its own process (the click-free fast path included)."""
    return subprocess.run([sys.executable, "-m", "plancompiler", *args], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, **(env or {})})


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def own_instrument_project(root: Path) -> Path:
    (root / "plancompiler.toml").write_text('catalog = "catalogus"\n', "utf-8")
    (root / "catalogus").mkdir()
    (root / "catalogus" / "instrumenten.yaml").write_text(BARBECUE, "utf-8")
    text = (ROOT / "examples" / "dorpshaven.plan.yaml").read_text("utf-8")
    assert "instrument: informatieavond" in text
    plan = root / "dorpshaven.plan.yaml"
    plan.write_text(text.replace("instrument: informatieavond", "instrument: buurtbarbecue", 1), "utf-8")
    return plan


def test_own_instrument_from_plancompiler_toml_validates_and_builds(here):
    """Issue 9: validate said exit 0 and build said instrument-onbekend. Both read one catalog now."""
    plan = own_instrument_project(here)
    fast = console("validate", plan.name, cwd=here)  # the click-free path
    assert fast.returncode == 0, fast.stdout + fast.stderr
    assert run("validate", plan.name).exit_code == 0
    built = run("build", plan.name, "--format", "md", "-o", "uit")
    assert built.exit_code == 0, built.output
    assert "Buurtbarbecue" in (here / "uit" / "draaiboek.md").read_text("utf-8")
    assert run("catalog", "instrument", "buurtbarbecue").exit_code == 0
    # and without the configuration the same plan is refused by both
    (here / "plancompiler.toml").unlink()
    assert run("validate", plan.name).exit_code == 1
    assert run("build", plan.name, "--format", "md", "-o", "uit2").exit_code == 1


def test_configuration_sets_fail_on_format_and_build_folder(here):
    (here / "plancompiler.toml").write_text(
        'fail-on = "waarschuwing"\nformat = "json"\nbuild-dir = "documenten"\nbuild-format = "md"\n', "utf-8")
    text = (ROOT / "examples" / "utrecht.plan.yaml").read_text("utf-8")
    plan = here / "u.plan.yaml"
    plan.write_text(text.replace("reactienota: true", "reactienota: false"), "utf-8")  # a warning only
    result = run("validate", str(plan))
    assert result.exit_code == 1  # fail-on from the configuration
    assert json.loads(result.output)["summary"]["warnings"] >= 1  # format from the configuration
    assert run("validate", "--fail-on", "fout", str(plan)).exit_code == 0  # the argument wins
    assert run("validate", "--format", "text", str(plan)).output.rstrip().endswith("info.")
    (here / "plancompiler.toml").write_text('build-dir = "documenten"\nbuild-format = "md"\n', "utf-8")
    built = run("build", str(VELSEN))
    assert built.exit_code == 0, built.output
    assert sorted(p.name for p in (here / "documenten" / "velsen").glob("*.md")) == [
        "controlerapport.md", "draaiboek.md", "evaluatiekader.md", "plan-van-aanpak.md", "spelregels.md"]


@pytest.mark.parametrize("given, strict, expected", [
    (None, False, "error"), ("fout", False, "error"), ("waarschuwing", False, "warning"), ("info", False, "info"),
    ("warning", False, "warning"), ("Fout", False, "error"), (None, True, "warning"), ("info", True, "info"),
    ("fout", True, "error"),  # an explicit level is never changed by --strict
])
def test_fail_on_resolved_in_one_place(here, given, strict, expected):
    assert settings("validate", ["x"], fail_on=given, strict=strict).fail_on == expected


def test_dutch_fail_on_levels_on_the_command_line(here):
    text = (ROOT / "examples" / "utrecht.plan.yaml").read_text("utf-8")
    plan = here / "u.plan.yaml"
    plan.write_text(text.replace("reactienota: true", "reactienota: false"), "utf-8")
    assert console("validate", "--fail-on", "waarschuwing", str(plan)).returncode == 1
    assert console("validate", "--fail-on", "fout", str(plan)).returncode == 0
    bad = console("validate", "--fail-on", "fataal", str(plan))
    assert bad.returncode == 2 and "fout" in bad.stderr and "waarschuwing" in bad.stderr
    help_text = run("validate", "--help").output
    assert "[fout|waarschuwing|info|error|warning]" in help_text
    assert "[text|json|sarif|github|junit|gitlab]" in help_text


def test_bad_configuration_values_exit_2(here):
    for body, words in [('fail-on = "fataal"\n', "fataal"), ('format = "xml"\n', "xml"),
                        ("color = 3\n", "true of false"), ('formaat = "json"\n', "format")]:
        (here / "plancompiler.toml").write_text(body, "utf-8")
        result = console("validate", str(VELSEN), cwd=here)
        assert result.returncode == 2 and words in result.stderr, (body, result.stderr)
        assert "Traceback" not in result.stderr


# -- report files ----------------------------------------------------------------------------------------

def test_one_run_writes_several_formats(here):
    plan = here / "p.plan.yaml"
    plan.write_text(VELSEN.read_text("utf-8").replace("instrument: vrijwilligerscafe",
                                                       "instrument: vrijwilligerskafee", 1), "utf-8")
    result = console("validate", "--format", "github", "--output-sarif", "rapporten/ci/pc.sarif",
                     "--output-junit", "rapporten/junit.xml", "--output-gitlab", "gl.json",
                     "--output-text", "rapporten/tekst.txt", str(plan), cwd=here)
    assert result.returncode == 1, result.stderr
    assert "::error file=p.plan.yaml" in result.stdout  # the screen format
    sarif = json.loads((here / "rapporten" / "ci" / "pc.sarif").read_text("utf-8"))
    assert "instrument-onbekend" in [r["ruleId"] for r in sarif["runs"][0]["results"]]
    assert "instrument-onbekend" in (here / "rapporten" / "junit.xml").read_text("utf-8")
    assert "instrument-onbekend" in {i["check_name"] for i in json.loads((here / "gl.json").read_text("utf-8"))}
    tekst = (here / "rapporten" / "tekst.txt").read_text("utf-8")
    assert "vrijwilligerskafee\n" in tekst and "^" in tekst  # the caret line survives ShownLines
    assert tekst.splitlines()[-1].startswith("1 bestand gecontroleerd: 1 fout")


def test_dash_means_stdout_and_only_one_report_may_use_it(here):
    result = console("validate", "--format", "json", "-o", "-", str(VELSEN), cwd=here)
    assert result.returncode == 0 and json.loads(result.stdout)["summary"]["files"] == 1
    assert not (here / "-").exists()
    result = console("validate", "--output-sarif", "-", "--format", "junit", "-o", "j.xml", str(VELSEN), cwd=here)
    assert result.returncode == 0 and json.loads(result.stdout)["version"] == "2.1.0"
    both = console("validate", "--output-sarif", "-", str(VELSEN), cwd=here)
    assert both.returncode == 2 and "Slechts één rapport" in both.stderr


def test_report_files_respect_the_umask(here):
    old = os.umask(0o002)
    try:
        assert console("validate", "-o", "r.txt", str(VELSEN), cwd=here).returncode == 0
        assert stat.S_IMODE((here / "r.txt").stat().st_mode) == 0o664
        (here / "r.txt").chmod(0o644)
        assert console("validate", "-o", "r.txt", str(VELSEN), cwd=here).returncode == 0
        assert stat.S_IMODE((here / "r.txt").stat().st_mode) == 0o644  # a replaced file keeps its mode
    finally:
        os.umask(old)


def test_init_force_keeps_the_plans_permissions(here):
    args = ["init", "--no-input", "--gemeente", "X", "--beleid", "smal", "--sturing", "dirigent",
            "--trede", "adviseren", "x.plan.yaml"]
    old = os.umask(0o002)
    try:
        assert run(*args).exit_code == 0
        assert stat.S_IMODE((here / "x.plan.yaml").stat().st_mode) == 0o664
        assert run(*args, "--force").exit_code == 0
        assert stat.S_IMODE((here / "x.plan.yaml").stat().st_mode) == 0o664
    finally:
        os.umask(old)


def test_settings_keep_report_file_and_build_folder_apart(here):
    s = settings("validate", ["a"], output="r.sarif", fmt="sarif")
    assert s.output == "r.sarif" and s.output_dir is None
    b = settings("build", ["a"], output_dir="docs")
    assert b.output_dir == "docs" and b.output is None
    with pytest.raises(ConfigError):
        settings("validate", ["a"], reports=(("sarif", "-"),))


def test_build_without_the_documents_extra_says_how_to_install(here):
    """The lean install (validate only) has no jinja2: build says in Dutch what to install."""
    code = ("import sys\n"
            "sys.modules.update(jinja2=None, PIL=None, pypandoc=None)  # as if not installed\n"
            "from plancompiler.entry import main\n"
            f"main(['build', {str(VELSEN)!r}, '--format', 'md', '-o', 'uit'])\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=here)
    assert result.returncode == 2, result.stderr
    assert 'pip install "plancompiler[documenten]"' in result.stderr and "jinja2" in result.stderr
    assert not (here / "uit").exists()
    assert console("validate", str(VELSEN), cwd=here).returncode == 0


def test_every_command_reads_the_configured_catalog(here):
    """One loader: a broken extension named in plancompiler.toml stops validate, build, init and
    catalog alike, each with the same Dutch message (exit 2)."""
    (here / "plancompiler.toml").write_text('catalog = "kapot"\n', "utf-8")
    (here / "kapot").mkdir()
    (here / "kapot" / "instrumenten.yaml").write_text("instrumenten: [\n", "utf-8")
    for args in (["validate", str(VELSEN)], ["build", str(VELSEN), "--format", "md", "-o", "uit"],
                 ["init", "--no-input", "--gemeente", "X", "--beleid", "smal", "--sturing", "dirigent",
                  "--trede", "adviseren"], ["catalog", "gemeentetypen"]):
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        assert "de catalogus-uitbreiding in" in result.output and "ongeldig" in result.output, args
    assert not (here / "uit").exists() and not list(here.glob("*.plan.yaml"))
