"""The click-free fast path for validate must read a command line exactly as click does."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
    ["--catalog", "README.md", "a.yaml"],    # a file where a folder is wanted: click's message
    ["-o", "examples", "a.yaml"],            # a folder where a file is wanted
]


@pytest.mark.parametrize("args", SAME, ids=" ".join)
def test_fast_path_agrees_with_click(args):
    plans, values = parse_validate(args)
    ctx = validate.make_context("validate", list(args))
    assert plans == list(ctx.params.pop("plannen"))
    assert values == settings_kwargs(ctx.params)


@pytest.mark.parametrize("args", CLICK_ONLY, ids=lambda a: " ".join(a) or "(leeg)")
def test_fast_path_leaves_the_rest_to_click(args, monkeypatch):
    monkeypatch.chdir(Path(__file__).resolve().parents[1])  # README.md and examples/ exist there
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


def test_plain_build_does_not_import_click_and_builds(tmp_path):
    out = tmp_path / "uit"
    code = ("import sys\nfrom plancompiler.entry import main\n"
            f"sys.argv = ['plancompiler', 'build', 'examples/velsen.plan.yaml', '-o', {str(out)!r}, '--format', 'md']\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    sys.stderr.write(f'exit {exc.code} ')\n"
            "sys.stderr.write(str('click' in sys.modules))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=__file__.rsplit("/tests/", 1)[0])
    assert proc.stderr.strip().endswith("exit 0 False"), proc.stderr
    assert (out / "plan-van-aanpak.md").is_file() and "plan-van-aanpak.md" in proc.stdout


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


# -- build ----------------------------------------------------------------------------------------

BUILD_SAME = [
    ["plan.yaml"],
    ["plan.yaml", "-o", "uit"],
    ["--output=uit", "plan.yaml", "--format", "md,docx,html"],
    ["--format=md", "--force", "plan.yaml"],
    ["--catalog", "eigen", "plan.yaml", "--force"],
    ["--", "-raar.plan.yaml"],
    ["--format", "pdf", "plan.yaml"],  # not a choice for click either: parse_formats says what is wrong
]
BUILD_CLICK_ONLY = [
    [],                                   # missing PLAN
    ["a.yaml", "b.yaml"],                 # one plan at a time: click's message
    ["--help"],
    ["--reference-doc", "huisstijl.docx", "plan.yaml"],  # click checks that the file exists
    ["--out", "uit", "plan.yaml"],        # abbreviations are not ours to guess
    ["--force=ja", "plan.yaml"],
    ["plan.yaml", "-o"],
    ["examples"],                         # a folder as PLAN: click's message
    ["plan.yaml", "-o", "README.md"],     # a file as output folder: click's message
]


@pytest.mark.parametrize("args", BUILD_SAME, ids=" ".join)
def test_build_fast_path_agrees_with_click(args):
    from plancompiler.cli import build
    from plancompiler.fastpath import parse_build

    plan, values = parse_build(args)
    ctx = build.make_context("build", list(args))
    assert plan == ctx.params.pop("plan")
    assert values == ctx.params


@pytest.mark.parametrize("args", BUILD_CLICK_ONLY, ids=lambda a: " ".join(a) or "(leeg)")
def test_build_fast_path_leaves_the_rest_to_click(args, monkeypatch):
    from plancompiler.fastpath import parse_build

    monkeypatch.chdir(Path(__file__).resolve().parents[1])  # README.md and examples/ exist there
    assert parse_build(args) is None


def test_build_option_table_is_clicks_option_list():
    from plancompiler.cli import build
    from plancompiler.fastpath import BUILD_OPTIONS

    assert [p.name for p in build.params if p.name != "plan"] == [o.dest for o in BUILD_OPTIONS]
