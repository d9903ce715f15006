"""The brochure's own municipal examples, validated and built through the public CLI.

Each case in ``cases/`` is one example of the brochure (MOVISIE 2009) written as a plan;
``expected.yaml`` says, from the brochure and with a page per item, which findings plancompiler must
report (rule, severity, JSON pointer) and which rules must stay silent. Every expectation is its own
test case, so each disagreement with today's tool is visible on its own. Disagreements that issue 10
lists as known false positives or misses are marked ``xfail(strict=True)`` in ``KNOWN``; when a rule
is fixed, its xfail starts passing, the strict mark turns that into a failure, and the mark must go.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import pytest
from ruamel.yaml import YAML

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
EXPECTED = YAML(typ="safe").load((HERE / "expected.yaml").read_text(encoding="utf-8"))

# Known disagreements of today's tool with the brochure (issue 10), keyed by test id. The second
# round removes an entry when it fixes the rule; a strict xfail that passes fails the suite.
KNOWN: dict[str, str] = {
    # Empty: every issue-10 disagreement is fixed (fidelity and law work). Add an entry, with its
    # page-cited reason, only for a disagreement that is known and not yet fixed.
}


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("PLANCOMPILER_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "plancompiler", *args], capture_output=True,
                          text=True, encoding="utf-8", env=env, cwd=cwd)


@lru_cache(maxsize=1)
def _diagnostics() -> dict[str, list[dict]]:
    """All cases in one validate run (one process, as a regional office would run it)."""
    paths = [str(CASES / case["plan"]) for case in EXPECTED.values()]
    proc = _cli("validate", "--format", "json", *paths)
    assert proc.returncode in (0, 1), proc.stderr
    report = json.loads(proc.stdout)
    by_path = {Path(f["path"]).name: f["diagnostics"] for f in report["files"]}
    return {name: by_path[case["plan"]] for name, case in EXPECTED.items()}


def _under(pointer: str, prefix: str) -> bool:
    return not prefix or pointer == prefix or pointer.startswith(prefix + "/")


def _matches(d: dict, item: dict, *, exact_pointer: bool, severity: bool) -> bool:
    if d["rule"] != item["regel"]:
        return False
    if exact_pointer and d["pointer"] != item["pad"]:
        return False
    if not exact_pointer and not _under(d["pointer"], item["pad"]):
        return False
    if severity and d["severity"] != item["niveau"]:
        return False
    return item.get("bevat") is None or item["bevat"] in d["message"]


def _params(kind: str):
    """One test per expectation, id '<case>-<rule>' (with '-1', '-2', ... if the rule recurs)."""
    out = []
    for name, case in EXPECTED.items():
        items = case.get(kind) or ()
        rules = [item["regel"] for item in items]
        seen: dict[str, int] = {}
        for item in items:
            rule = item["regel"]
            seen[rule] = seen.get(rule, 0) + 1
            tid = f"{name}-{rule}" + (f"-{seen[rule]}" if rules.count(rule) > 1 else "")
            key = f"{kind}:{tid}"
            marks = [pytest.mark.xfail(strict=True, reason=KNOWN[key])] if key in KNOWN else []
            out.append(pytest.param(name, item, id=tid, marks=marks))
    return out


def _case_params(kind: str):
    out = []
    for name in EXPECTED:
        key = f"{kind}:{name}"
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN[key])] if key in KNOWN else []
        out.append(pytest.param(name, id=name, marks=marks))
    return out


def test_every_case_has_a_plan_and_every_plan_a_case():
    assert {c["plan"] for c in EXPECTED.values()} == {p.name for p in CASES.glob("*.plan.yaml")}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_case_follows_the_suite_rules(name):
    """No waivers in a brochure case; every expectation names its page."""
    text = (CASES / EXPECTED[name]["plan"]).read_text(encoding="utf-8")
    plan = YAML(typ="safe").load(text)
    assert "uitzonderingen" not in plan
    assert "# aanname" in text
    case = EXPECTED[name]
    for item in (case.get("bevindingen") or []) + (case.get("stilte") or []):
        assert "p. " in item["reden"], item


@pytest.mark.parametrize(("name", "item"), _params("bevindingen"))
def test_expected_finding(name, item):
    found = [d for d in _diagnostics()[name] if _matches(d, item, exact_pointer=True, severity=True)]
    assert len(found) == 1, (f"{item['regel']} ({item['niveau']}) op {item['pad']} verwacht; "
                             f"gemeld: {_short(_diagnostics()[name])}")


@pytest.mark.parametrize(("name", "item"), _params("stilte"))
def test_expected_silence(name, item):
    found = [d for d in _diagnostics()[name] if _matches(d, item, exact_pointer=False, severity=False)]
    assert not found, f"{item['regel']} moet zwijgen ({item['reden']}); gemeld: {_short(found)}"


@pytest.mark.parametrize("name", _case_params("onverwacht"))
def test_no_unexpected_findings(name):
    """Every finding is expected. Findings that an expectation above already reports (a silence
    that speaks, an expected finding with another severity) are left to that expectation's test, so
    that each disagreement fails exactly one test."""
    case = EXPECTED[name]
    left = list(_diagnostics()[name])
    for item in case.get("bevindingen") or ():
        hit = next((d for d in left if _matches(d, item, exact_pointer=True, severity=False)), None)
        if hit is not None:
            left.remove(hit)
    for item in case.get("stilte") or ():
        left = [d for d in left if not _matches(d, item, exact_pointer=False, severity=False)]
    # document-onvolledig names the parts of the municipal plan van aanpak a plan leaves empty
    # (aanleiding, projectorganisatie, dekking, ...): the brochure's examples do not describe them,
    # and this suite judges the brochure's method, not the completeness of the college's document.
    left = [d for d in left if d["rule"] != "document-onvolledig"]
    assert not left, f"onverwachte meldingen: {_short(left)}"


@pytest.mark.parametrize("name", _case_params("bouwen"))
def test_case_builds(name, tmp_path):
    assert EXPECTED[name]["bouwen"] is True
    proc = _cli("build", str(CASES / EXPECTED[name]["plan"]), "-o", str(tmp_path / "out"),
                "--format", "md")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    built = sorted(p.name for p in (tmp_path / "out").rglob("*.md"))
    assert built, "build schreef geen documenten"


def _short(diags) -> str:
    return "; ".join(f"{d['rule']} {d['severity']} {d['pointer']}" for d in diags) or "niets"


def test_known_disagreements_name_real_tests():
    """A stale entry in KNOWN (a renamed or removed expectation) would silently mark nothing."""
    ids = {f"{kind}:{p.id}" for kind in ("bevindingen", "stilte") for p in _params(kind)}
    ids |= {f"{kind}:{name}" for kind in ("onverwacht", "bouwen") for name in EXPECTED}
    assert set(KNOWN) <= ids, sorted(set(KNOWN) - ids)


def test_expectations_are_well_formed():
    """Every rule id is one `plancompiler explain` knows, unless marked new (a miss of issue 10)."""
    from plancompiler.rules import ALL

    for name, case in EXPECTED.items():
        assert set(case) <= {"plan", "bladzijden", "bevindingen", "stilte", "bouwen"}, name
        for item in case.get("bevindingen") or ():
            assert set(item) <= {"regel", "niveau", "pad", "bevat", "nieuw", "reden"}, item
            assert item["niveau"] in ("error", "warning", "info"), item
            assert item["pad"] == "" or item["pad"].startswith("/"), item
            assert item.get("nieuw") or item["regel"] in ALL, item
        for item in case.get("stilte") or ():
            assert set(item) <= {"regel", "pad", "bevat", "nieuw", "reden"}, item
            assert item.get("nieuw") or item["regel"] in ALL, item


# Issue 10, "Cannot be expressed today": each item got a plan key, and a brochure case uses it.
EXPRESSIBLE = {
    "themas van een beurs (p. 43-44)": ("activiteit", "themas"),
    "terugkerende bijeenkomsten (p. 34, 40)": ("activiteit", "herhaling"),
    "reeks gelijke bijeenkomsten met één opzet (p. 25)": ("activiteit", "reeks"),
    "stellingen van die reeks (p. 25)": ("activiteit", "stellingen"),
    "sprekers (p. 40)": ("activiteit", "sprekers"),
    "wie de leden kiest (p. 34)": ("vertegenwoordiging", "selectie"),
    "leden informeren hun achterban (p. 34)": ("vertegenwoordiging", "achterban"),
    "meer dan één adviesorgaan (p. 25)": ("draagvlak", "adviesorganen"),
    "schriftelijke terugkoppeling (p. 33)": ("terugkoppeling", "schriftelijk"),
    "wie verslag en reactienota krijgt (p. 33)": ("terugkoppeling", "ontvangers"),
    "open netwerk of vaste groep (p. 34-35)": ("vertegenwoordiging", "samenstelling"),
}


@pytest.mark.parametrize("what", sorted(EXPRESSIBLE))
def test_a_case_uses_the_key(what):
    section, key = EXPRESSIBLE[what]
    used = False
    for path in CASES.glob("*.plan.yaml"):
        plan = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        if section == "activiteit":
            used |= any(key in a for f in plan["fasen"] for a in f.get("activiteiten") or ())
        else:
            used |= key in (plan.get(section) or {})
    assert used, what


def test_no_case_says_something_cannot_be_expressed():
    for path in CASES.glob("*.plan.yaml"):
        assert "nog niet uit te drukken" not in path.read_text(encoding="utf-8"), path.name
