"""The click-free fast path for validate must read a command line exactly as click does."""
from __future__ import annotations

import subprocess
import sys

import pytest

from plancompiler.cli import validate
from plancompiler.fastpath import parse_validate, settings_kwargs

SAME = [
    ["a.yaml"],
    ["a.yaml", "b.yaml", "map/"],
    ["--format", "json", "a.yaml"],
    ["--format=sarif", "a.yaml"],
    ["a.yaml", "--strict"],
    ["-q", "--fail-on", "warning", "a.yaml"],
    ["--no-color", "a.yaml", "--color"],
    ["--", "-raar.yaml"],
    ["-", "a.yaml"],
    ["--fail-on", "fout", "a.yaml"],
    ["--fail-on=waarschuwing", "--strict", "a.yaml"],
    ["-o", "rapport.txt", "a.yaml"],
    ["-o", "-", "--output-sarif", "r/x.sarif", "--output-junit=j.xml", "a.yaml"],
    ["--catalog", "eigen", "--plans-only", "a.yaml"],
]
CLICK_ONLY = [
    [],                                  # missing PLAN: click's usage error
    ["--help"],
    ["-h", "a.yaml"],
    ["--format", "xml", "a.yaml"],       # bad choice: click's message
    ["--format"],
    ["--strict=1", "a.yaml"],
    ["-qx", "a.yaml"],
    ["--form", "json", "a.yaml"],        # abbreviations are not ours to guess
    ["--fail-on", "fatal", "a.yaml"],    # not a level: click's message with the choices
    ["--output-github", "g.txt", "a.yaml"],  # annotations only work on the screen
]


@pytest.mark.parametrize("args", SAME, ids=" ".join)
def test_fast_path_agrees_with_click(args):
    plans, values = parse_validate(args)
    ctx = validate.make_context("validate", list(args))
    assert plans == list(ctx.params.pop("plannen"))
    assert values == settings_kwargs(ctx.params)


@pytest.mark.parametrize("args", CLICK_ONLY, ids=lambda a: " ".join(a) or "(leeg)")
def test_fast_path_leaves_the_rest_to_click(args):
    assert parse_validate(args) is None


def test_option_table_is_clicks_option_list():
    from plancompiler.fastpath import VALIDATE_OPTIONS

    names = [p.name for p in validate.params if p.name != "plannen"]
    assert names == [o.dest for o in VALIDATE_OPTIONS]


def test_plain_validate_does_not_import_click(tmp_path):
    code = ("import sys\nfrom plancompiler.entry import main\n"
            "sys.argv = ['plancompiler', 'validate', 'examples/velsen.plan.yaml']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "sys.stderr.write(str('click' in sys.modules))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=__file__.rsplit("/tests/", 1)[0])
    assert proc.stderr.strip().endswith("False"), proc.stderr


def test_console_script_exits_with_the_commands_status_and_complete_output(tmp_path):
    """``python -m plancompiler`` ends the process without interpreter teardown (entry.console):
    the exit status and every byte of the output must survive that."""
    root = __file__.rsplit("/tests/", 1)[0]
    ok = subprocess.run([sys.executable, "-m", "plancompiler", "validate", "--format", "json",
                         "examples/velsen.plan.yaml"], capture_output=True, text=True, cwd=root)
    assert ok.returncode == 0
    import json

    assert json.loads(ok.stdout)["summary"]["files"] == 1
    bad = tmp_path / "kapot.yaml"
    bad.write_text("plancompiler: [\n", encoding="utf-8")
    failed = subprocess.run([sys.executable, "-m", "plancompiler", "validate", str(bad)],
                            capture_output=True, text=True, cwd=root)
    assert failed.returncode == 1 and "yaml-syntaxis" in failed.stdout
    missing = subprocess.run([sys.executable, "-m", "plancompiler", "validate", str(tmp_path / "x.yaml")],
                             capture_output=True, text=True, cwd=root)
    assert missing.returncode == 2
