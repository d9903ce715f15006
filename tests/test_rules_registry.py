"""The rule registry: every rule module is registered, documented and explainable."""
from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from click.testing import CliRunner

from plancompiler import rules
from plancompiler.cli import cli
from plancompiler.rules import ALL, BUILTIN, RULES, SEMANTIC, explanation

KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MODULES = sorted(m.name for m in pkgutil.iter_modules(rules.__path__) if not m.name.startswith("_"))
# Words that mark a text as Dutch; an English docstring would contain none of them.
DUTCH = re.compile(r"\b(de|het|een|en|van|niet|u|uw|is|of|die|dat)\b")


def test_every_rule_module_is_registered_exactly_once():
    registered = [r.__name__.rsplit(".", 1)[1] for r in SEMANTIC]
    assert sorted(registered) == MODULES
    assert len(registered) == len(set(registered))
    assert len(MODULES) == 52


def test_module_names_match_ids():
    for name in MODULES:
        module = importlib.import_module(f"plancompiler.rules.{name}")
        assert module.ID == name.replace("_", "-"), name
        assert RULES[module.ID] is module


def test_ids_are_unique_and_kebab_case():
    ids = [r.ID for r in SEMANTIC] + [r.ID for r in BUILTIN]
    assert len(ids) == len(set(ids))
    assert all(KEBAB.match(i) for i in ids), [i for i in ids if not KEBAB.match(i)]
    assert set(ALL) == set(ids)


@pytest.mark.parametrize("rule", list(ALL.values()), ids=list(ALL))
def test_every_rule_is_documented(rule):
    assert rule.SEVERITY in ("error", "warning", "info")
    assert isinstance(rule.SUMMARY, str) and rule.SUMMARY.strip() and not rule.SUMMARY.endswith(".")
    assert isinstance(rule.PAGE, str) and re.match(r"^(-|\d+(-\d+)?(, \d+(-\d+)?)*)$", rule.PAGE), rule.PAGE
    text = explanation(rule)
    assert text.strip(), rule.ID
    if rule in SEMANTIC:  # a module docstring: a Dutch first line, then the explanation
        assert rule.__doc__ and len(text.splitlines()) >= 3 and DUTCH.search(text), rule.ID
        assert text.splitlines()[1] == "", "the first line is a summary sentence"


@pytest.mark.parametrize("rule", SEMANTIC, ids=[r.ID for r in SEMANTIC])
def test_semantic_rules_are_checks_or_engine_rules(rule):
    if rule.ID in ("uitzondering-zonder-reden", "uitzondering-ongebruikt", "uitzondering-hernoemd"):
        assert getattr(rule, "check", None) is None  # the engine checks waivers itself
    else:
        assert callable(rule.check)
    assert rule.PAGE == "-" or all(1 <= int(p) <= 46 for p in re.findall(r"\d+", rule.PAGE))


@pytest.mark.parametrize("rule_id", list(ALL))
def test_explain_works_for_every_rule(rule_id):
    result = CliRunner().invoke(cli, ["explain", rule_id])
    assert result.exit_code == 0, result.output
    rule = ALL[rule_id]
    assert result.output.startswith(f"{rule_id} — {rule.SUMMARY}\n")
    if rule.PAGE != "-":
        assert f"brochure p. {rule.PAGE}" in result.output
    assert explanation(rule).splitlines()[0] in result.output


def test_explain_without_id_lists_the_semantic_rules():
    result = CliRunner().invoke(cli, ["explain"])
    assert result.exit_code == 0
    for rule_id in RULES:
        assert rule_id in result.output


def test_explain_unknown_id_exits_2_with_a_suggestion():
    result = CliRunner().invoke(cli, ["explain", "instrument-onbekent"])
    assert result.exit_code == 2
    assert "de regel 'instrument-onbekent' bestaat niet" in result.output
    assert "Bedoelt u instrument-onbekend" in result.output


def test_explain_unknown_id_without_close_match_exits_2():
    result = CliRunner().invoke(cli, ["explain", "xyzzy"])
    assert result.exit_code == 2
    assert "Bedoelt u" not in result.output and "'plancompiler explain'" in result.output


# -- rule ids that last (rules.ALIASES) ---------------------------------------------------------------
# No rule has been renamed yet, so these tests put an entry in the table; a real rename adds one there.

def test_aliases_point_at_current_rules_and_never_shadow_one():
    from plancompiler.rules import ALIASES

    for old, new in ALIASES.items():
        assert old not in ALL, f"{old} is an alias and a current rule"
        assert new in RULES, f"{old} → {new}: not a current rule"


def test_explain_an_old_id_names_the_new_rule(monkeypatch):
    monkeypatch.setitem(rules.ALIASES, "geen-vervolg", "vervolg-ontbreekt")
    result = CliRunner().invoke(cli, ["explain", "geen-vervolg"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "De regel 'geen-vervolg' heet nu 'vervolg-ontbreekt'."
    assert lines[1] == f"vervolg-ontbreekt — {RULES['vervolg-ontbreekt'].SUMMARY}"


def test_lookup_resolves_current_and_old_ids(monkeypatch):
    monkeypatch.setitem(rules.ALIASES, "geen-vervolg", "vervolg-ontbreekt")
    assert rules.lookup("vervolg-ontbreekt") == (RULES["vervolg-ontbreekt"], None)
    assert rules.lookup("geen-vervolg") == (RULES["vervolg-ontbreekt"], "geen-vervolg")
    assert rules.lookup("bestaat-niet") == (None, None)


def rule_imports(source: str) -> list[str]:
    """The rule modules a module's source imports, at any depth (imports inside functions too)."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1:  # from .x import y / from . import x
                found += [node.module] if node.module else [a.name for a in node.names]
            elif node.level == 0 and (node.module or "").startswith("plancompiler.rules."):
                found.append(node.module.split(".")[2])
            elif node.level == 0 and node.module == "plancompiler.rules":
                found += [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            found += [a.name.split(".")[2] for a in node.names if a.name.startswith("plancompiler.rules.")]
    return [m for m in found if m.split(".")[0] in MODULES]


def test_the_import_finder_sees_the_forms_of_importing_a_rule():
    assert rule_imports("from .vervolg_ontbreekt import has_followup") == ["vervolg_ontbreekt"]
    assert rule_imports("def f():\n    from . import vervolg_ontbreekt") == ["vervolg_ontbreekt"]
    assert rule_imports("import plancompiler.rules.fasen_volgorde") == ["fasen_volgorde"]
    assert rule_imports("from ._base import Finding\nfrom ..model import INVULPLEK") == []


def test_no_rule_imports_another_rule():
    """Shared pieces live in the model, the catalog or rules/_base.py."""
    from pathlib import Path

    folder = Path(rules.__file__).parent
    offenders = {name: rule_imports((folder / f"{name}.py").read_text(encoding="utf-8")) for name in MODULES}
    assert {k: v for k, v in offenders.items() if v} == {}
