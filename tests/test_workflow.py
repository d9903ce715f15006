"""The places plans live: the pre-commit hook and the CI examples call commands that exist.

Like check-jsonschema's acceptance test, the hook's own entry and arguments from
``.pre-commit-hooks.yaml`` are run over positive (exit 0) and negative (exit 1) plans, so hook
configuration, examples and code cannot drift apart."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from plancompiler.cli import cli

ROOT = Path(__file__).resolve().parents[1]
HOOKS = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
CI_FILES = [ROOT / "examples" / "ci" / "github-workflow.yml", ROOT / "examples" / "ci" / ".gitlab-ci.yml"]
POSITIVE = sorted((ROOT / "examples").glob("*.plan.yaml"))


def hook(hook_id="plancompiler-validate") -> dict:
    return next(h for h in HOOKS if h["id"] == hook_id)


def run_hook(h: dict, files: list[str]):
    """What pre-commit does: entry + args + the files of the hook's types (yaml: *.yaml, *.yml)."""
    entry = shlex.split(h["entry"])
    assert entry[0] == "plancompiler"
    assert h["types"] == ["yaml"] and "files" not in h
    matching = [f for f in files if f.endswith((".yaml", ".yml"))]
    return CliRunner().invoke(cli, [*entry[1:], *h.get("args", []), *matching], catch_exceptions=False), matching


# -- pre-commit ---------------------------------------------------------------------------------------

def test_hook_definition():
    h = hook()
    assert h["language"] == "python" and h["entry"] == "plancompiler validate --plans-only"


@pytest.mark.parametrize("plan", POSITIVE, ids=lambda p: p.name)
def test_hook_passes_positive_examples(plan):
    result, matching = run_hook(hook(), [str(plan), str(ROOT / "catalog" / "ladder.yaml")])
    assert matching == [str(plan), str(ROOT / "catalog" / "ladder.yaml")]  # every YAML file is handed over
    assert result.exit_code == 0, result.output
    assert "1 bestand gecontroleerd" in result.output  # ... and the catalog file, not a plan, is skipped


def test_hook_fails_negative_plan(tmp_path):
    bad = tmp_path / "kapot.plan.yaml"
    text = (ROOT / "examples" / "velsen.plan.yaml").read_text("utf-8")
    bad.write_text(text.replace("instrument: vrijwilligerscafe", "instrument: vrijwilligerskafee", 1), "utf-8")
    result, _ = run_hook(hook(), [str(POSITIVE[0]), str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:" in result.output and "instrument-onbekend" in result.output


def test_hook_checks_a_plan_with_any_name_and_skips_other_yaml(tmp_path, monkeypatch):
    """The hook selects as `validate DIR` does: beleid.yaml with `plancompiler:` at the top is a plan."""
    monkeypatch.chdir(tmp_path)
    text = (ROOT / "examples" / "velsen.plan.yaml").read_text("utf-8")
    Path("beleid.yaml").write_text(text.replace("instrument: vrijwilligerscafe", "instrument: kafee", 1), "utf-8")
    Path(".gitlab-ci.yml").write_text("stages: [test]\n", "utf-8")
    Path("notities.yaml").write_text("aantekening: 1\n", "utf-8")
    result, _ = run_hook(hook(), ["beleid.yaml", ".gitlab-ci.yml", "notities.yaml"])
    assert result.exit_code == 1 and "beleid.yaml:" in result.output
    result, _ = run_hook(hook(), [".gitlab-ci.yml", "notities.yaml"])  # no plan among them: nothing to do
    assert result.exit_code == 0
    # without --plans-only a named file is always checked
    named = CliRunner().invoke(cli, ["validate", "notities.yaml"])
    assert named.exit_code == 1 and "schema-" in named.output


# -- CI examples --------------------------------------------------------------------------------------

def scripts(node):
    """Every shell script in a workflow: GitHub's ``run:`` and GitLab's ``script:`` lists."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "run" and isinstance(value, str):
                yield value
            elif key in ("script", "before_script", "after_script"):
                yield from ([value] if isinstance(value, str) else value)
            else:
                yield from scripts(value)
    elif isinstance(node, list):
        for item in node:
            yield from scripts(item)


def plancompiler_calls(script: str) -> list[list[str]]:
    calls = []
    for line in script.replace("\\\n", " ").splitlines():  # continued lines joined
        for segment in re.split(r"\|\||&&|;|\||\bdo\b|\bthen\b", line):
            if not segment.strip().startswith("plancompiler "):
                continue  # other commands (sed, grep) may hold these separators inside quotes
            words = shlex.split(segment, comments=True)
            if words and words[0] == "plancompiler":
                calls.append(words[1:])
    return calls


@pytest.mark.parametrize("path", CI_FILES, ids=lambda p: p.name)
def test_ci_example_is_valid_yaml_and_calls_existing_commands(path):
    data = YAML(typ="safe").load(path.read_text("utf-8"))
    assert isinstance(data, dict)
    calls = [c for s in scripts(data) for c in plancompiler_calls(s)]
    assert calls, "the example should call plancompiler"
    for args in calls:
        name, rest = args[0], args[1:]
        assert name in cli.commands, f"unknown subcommand {name!r} in {path.name}"
        command = cli.commands[name]
        known = {o for p in command.params for o in (*p.opts, *p.secondary_opts)}
        for word in rest:
            if word.startswith("-") and word != "-":
                assert word.split("=")[0] in known, f"{name}: unknown option {word} in {path.name}"
        # and click accepts the whole line: option values, choices, arguments
        with command.make_context(name, list(rest), parent=click.Context(cli)) as ctx:
            assert ctx.params is not None


def test_a_wheel_carries_catalog_schema_and_templates():
    """Installed from a wheel (no repository around it), plancompiler finds its data inside the
    package: pyproject maps catalog/, schema/ and templates/ to plancompiler/_data/."""
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    dirs = config["package-dir"]
    for name in ("catalog", "schema", "templates"):
        assert dirs[f"plancompiler._data.{name}"] == name
        assert f"plancompiler._data.{name}" in config["packages"]
        patterns = config["package-data"][f"plancompiler._data.{name}"]
        files = {p.name for p in (root / name).iterdir() if p.is_file()}
        covered = {f for f in files for pat in patterns if Path(f).match(pat)}
        assert covered >= {f for f in files if f.endswith((".yaml", ".json", ".j2", ".docx", ".css"))}
    # every Python package under src/ is listed
    found = {".".join(p.relative_to(root / "src").parent.parts) for p in (root / "src").rglob("__init__.py")}
    assert found <= set(config["packages"])
    assert "*.lua" in config["package-data"]["plancompiler.render"]


def test_the_readmes_first_example_is_what_validate_prints(tmp_path, monkeypatch):
    """The README opens with the report of a typo in the example plan: it must be the real one."""
    import os
    import subprocess
    import sys

    readme = (ROOT / "README.md").read_text("utf-8")
    shown = readme.split("```\n", 2)[1]
    command = re.search(r"`(plancompiler validate [^`]+)`", readme.split("```\n", 1)[0]).group(1)
    plan = tmp_path / "examples" / "velsen.plan.yaml"
    plan.parent.mkdir()
    text = (ROOT / "examples" / "velsen.plan.yaml").read_text("utf-8")
    plan.write_text(text.replace("instrument: vrijwilligerscafe", "instrument: vrijwilligerskafee", 1), "utf-8")
    args = shlex.split(command)[1:]
    proc = subprocess.run([sys.executable, "-m", "plancompiler", *args], cwd=tmp_path, capture_output=True,
                          text=True, env={**os.environ, "NO_COLOR": "1"})
    assert proc.returncode == 1 and proc.stdout == shown
