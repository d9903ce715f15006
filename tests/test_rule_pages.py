"""docs/regels/<id>.md: generated from the rule metadata (the text of `plancompiler explain`), shipped
in the wheel, and linked from SARIF helpUri and the junit report through a configurable base URL."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from plancompiler.cli import cli
from plancompiler.commands.explain import pages
from plancompiler.config import DEFAULT_DOCS_URL
from plancompiler.rules import ALL

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "docs" / "regels"
VELSEN = ROOT / "examples" / "velsen.plan.yaml"


def test_rule_pages_are_up_to_date():
    wanted = pages()
    present = {p.name: p.read_text("utf-8") for p in PAGES.glob("*.md")}
    stale = sorted(n for n in wanted if present.get(n) != wanted[n])
    extra = sorted(set(present) - set(wanted))
    assert not stale and not extra, (f"docs/regels is stale ({', '.join(stale + extra)}): "
                                     "run `python3 tasks.py docs` and commit the result")


def test_every_rule_has_a_page_with_the_explain_text():
    for rid in ALL:
        text = (PAGES / f"{rid}.md").read_text("utf-8")
        shown = CliRunner().invoke(cli, ["explain", rid]).output
        body = shown.split("\n\n", 1)[1].rsplit("\nOnline:", 1)[0].strip()
        assert body in text, rid
        assert f"plancompiler explain {rid}" in text


def test_the_wheel_ships_the_pages():
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    assert config["package-dir"]["plancompiler._data.regels"] == "docs/regels"
    assert "plancompiler._data.regels" in config["packages"]
    assert config["package-data"]["plancompiler._data.regels"] == ["*.md"]


def test_sarif_and_junit_link_to_the_rule_page(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    plan = tmp_path / "p.plan.yaml"
    plan.write_text(VELSEN.read_text("utf-8").replace("instrument: vrijwilligerscafe",
                                                       "instrument: vrijwilligerskafee", 1), "utf-8")
    sarif = json.loads(CliRunner().invoke(cli, ["validate", "--format", "sarif", str(plan)]).output)
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["instrument-onbekend"]["helpUri"] == DEFAULT_DOCS_URL + "instrument-onbekend.md"
    assert "plancompiler explain instrument-onbekend" in rules["instrument-onbekend"]["help"]["text"]
    (tmp_path / "plancompiler.toml").write_text('docs-url = "https://regels.example.org/{id}.html"\n', "utf-8")
    sarif = json.loads(CliRunner().invoke(cli, ["validate", "--format", "sarif", str(plan)]).output)
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["instrument-onbekend"]["helpUri"] == "https://regels.example.org/instrument-onbekend.html"
    junit = CliRunner().invoke(cli, ["validate", "--format", "junit", str(plan)]).output
    assert "https://regels.example.org/instrument-onbekend.html" in junit
    assert "plancompiler explain instrument-onbekend" in junit
    gitlab = json.loads(CliRunner().invoke(cli, ["validate", "--format", "gitlab", str(plan)]).output)
    issue = next(i for i in gitlab if i["check_name"] == "instrument-onbekend")
    assert "https://regels.example.org/instrument-onbekend.html" in issue["content"]["body"]


@pytest.mark.parametrize("base, expected", [
    ("https://x.org/regels/", "https://x.org/regels/schema-type.md"),
    ("https://x.org/regels", "https://x.org/regels/schema-type.md"),
    ("https://x.org/r/{id}/", "https://x.org/r/schema-type/"),
])
def test_rule_url(base, expected):
    from plancompiler.config import rule_url

    assert rule_url(base, "schema-type") == expected
