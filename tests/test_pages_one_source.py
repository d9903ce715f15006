"""One source for brochure pages and plan keys (issue 10, item 4).

Pages: the catalog holds every brochure fact with its page. A page that a rule states (``PAGE``, its
explanation, its messages), that the schema's hover texts state, or that a document template states,
must be a page the catalog gives; the rules whose subject is one catalog entry state exactly that
entry's pages. Templates state no page literally: the context reads it from the catalog.

Plan keys: every plan key a rule's explanation or message names exists in the schema. And the
severity that ``explain`` shows is the one ``validate`` reports.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from plancompiler.catalog import get_catalog
from plancompiler.cli import cli
from plancompiler.commands.explain import severities
from plancompiler.rules import RETIRED, RULES, explanation
from plancompiler.schemagen import format_pages

from rules.helpers import BASE, append, diagnostics, edit

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "schema" / "plan.schema.json").read_text(encoding="utf-8"))
PLANS = (sorted((ROOT / "examples").glob("*.plan.yaml"))
         + sorted((ROOT / "tests" / "brochure" / "cases").glob("*.plan.yaml")))
CAT = get_catalog().data

PAGE_RE = re.compile(r"\bp\.\s?(\d+)(?:\s?[-–]\s?(\d+))?((?:,\s?\d+(?:[-–]\d+)?)*)")


def _expand(first: str, last: str | None) -> set[int]:
    return set(range(int(first), int(last or first) + 1))


def pages_of_spec(spec: str) -> set[int]:
    """'25-26, 39, 43-44' -> {25, 26, 39, 43, 44}."""
    out: set[int] = set()
    for part in spec.split(","):
        first, _, last = part.strip().replace("–", "-").partition("-")
        out |= _expand(first, last or None)
    return out


def pages_in(text: str) -> set[int]:
    """Every page a text cites as 'p. N', 'p. N-M' or 'p. N, M'."""
    out: set[int] = set()
    for m in PAGE_RE.finditer(text):
        out |= _expand(m.group(1), m.group(2))
        if m.group(3):
            out |= pages_of_spec(m.group(3).lstrip(", "))
    return out


def _catalog_specs(node) -> list[str]:
    if isinstance(node, dict):
        own = [str(node["pagina"])] if isinstance(node.get("pagina"), (str, int)) else []
        return own + [p for k, v in node.items() if k != "pagina" for p in _catalog_specs(v)]
    if isinstance(node, list):
        return [p for e in node for p in _catalog_specs(e)]
    return []


CATALOG_PAGES = set().union(*(pages_of_spec(s) for s in _catalog_specs(CAT)))


def _ref(path: str):
    """'draagvlak.selectie' or 'instrumenten.instrumenten#vrijwilligersbeurs.deel_b'."""
    node = CAT
    for part in path.split("."):
        key, _, ident = part.partition("#")
        node = node[key]
        if ident:
            node = next(e for e in node if e["id"] == ident)
    return node


def pages_of(*refs: str) -> str:
    return format_pages([s for r in refs for s in _catalog_specs(_ref(r))])


def test_the_page_pattern():
    assert pages_in("zie p. 20 en (brochure p. 41-42); p. 25-26, 39, 43") == {20, 41, 42, 25, 26, 39, 43}
    assert 24 in CATALOG_PAGES and 40 in CATALOG_PAGES and 46 not in CATALOG_PAGES  # p. 46: only the step menu


# -- rules -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_pages_are_catalog_pages(rule_id):
    rule = RULES[rule_id]
    cited = (set() if rule.PAGE == "-" else pages_of_spec(rule.PAGE)) | pages_in(explanation(rule))
    assert cited <= CATALOG_PAGES, f"{rule_id}: p. {sorted(cited - CATALOG_PAGES)} staat niet in de catalogus"


# A rule whose subject is one set of catalog entries states exactly their pages.
SUBJECT = {
    "niet-interactief": ["ladder.interactief"],
    "kernvoorwaarde-niet-voldaan": ["kernvoorwaarden.advies", "kernvoorwaarden.voorwaarden"],
    "vertegenwoordiging-onvolledig": ["draagvlak.vertegenwoordiging", "draagvlak.netwerk"],
    "invloed-beperkt-in-fase": ["beleidsfasen.fasen#beleidsplan", "beleidsfasen.fasen#verordening"],
    "beleidsplan-niet-voorgelegd": ["beleidsfasen.voorleggen"],
    "instrument-eis": [f"instrumenten.instrumenten#{i['id']}.deel_b.pagina"
                       for i in CAT["instrumenten"]["instrumenten"] if "deel_b" in i],
    "gespreksleider-ontbreekt": ["instrumenten.gespreksleider"],
    "selectie-door-gemeente": ["draagvlak.selectie"],
    "termijn-na-einde": ["draagvlak.terugkoppeling"],
    "bijzondere-groepen-persoonlijk": ["vrijwilligers.wervingscirkel#middel"],
    "trede-niet-bereikt": ["doelen.doelen", "doelen.cumulatief"],
    "activiteit-na-besluit": ["beleidsfasen.fasen#beleidsplan", "beleidsfasen.fasen#verordening",
                              "doelen.meer_rendement"],
    "vervolg-ontbreekt": ["instrumenten.instrumenten#enquete.toelichting",
                          "instrumenten.instrumenten#digimon-enquete.deel_b.pagina",
                          "instrumenten.instrumenten#vrijwilligersbeurs.deel_b.pagina"],
}


def _pages_of_refs(refs) -> str:
    specs = []
    for r in refs:
        if r.endswith(".pagina"):
            specs.append(str(_ref(r[: -len(".pagina")])["pagina"]))
        else:
            node = _ref(r)
            specs += [str(node["pagina"])] if isinstance(node, dict) and "pagina" in node else _catalog_specs(node)
    return format_pages(specs)


@pytest.mark.parametrize("rule_id", sorted(SUBJECT))
def test_rule_page_is_its_catalog_entrys(rule_id):
    assert RULES[rule_id].PAGE == _pages_of_refs(SUBJECT[rule_id])


def test_retired_rule_texts_cite_catalog_pages():
    for text in RETIRED.values():
        assert pages_in(text) <= CATALOG_PAGES


# Plans that make most rules speak: the examples, the brochure cases and variants of the test plan.
VARIANTS = [
    BASE,
    edit(("  trede: adviseren", "  trede: raadplegen"), ("openheid: {oordeel: voldaan", "openheid: {oordeel: niet")),
    edit(("instrument: vrijwilligerscafe", "instrument: dilemmadebat"),
         ("instrument: inspraakavonden", "instrument: wmo-raad"),
         ("bijzondere_groepen: [jongeren]", "bijzondere_groepen: [jongern, migranten]"),
         ("  datum: 2027-12-15", "  datum: 2027-10-01")),
    edit(("instrument: vrijwilligerscafe", "instrument: klankbordgroep")),
    edit(("instrument: inspraakavonden", "instrument: werkateliers"),
         ("instrument: enquete\n", "instrument: vrijwilligersbeurs\n")),
    append("vertegenwoordiging:\n  vorm: panel\n  selectie: {door: gemeente}\n", edit(("  wmo_advies:\n",
           "  adviesorganen:\n    - orgaan: Seniorenraad\n      datum: 2027-11-15\n  wmo_advies:\n"))),
]


@pytest.fixture(scope="module")
def reported():
    """(rule, severity, message) of every diagnostic on the plans above."""
    out = []
    for text in VARIANTS + [p.read_text(encoding="utf-8") for p in PLANS]:
        out += [(d.rule, d.severity, d.message) for d in diagnostics(text)]
    return out


def test_the_plans_make_the_rules_speak(reported):
    spoke = {r for r, _, _ in reported}
    assert {"niet-interactief", "kernvoorwaarde-niet-voldaan", "gespreksleider-ontbreekt", "invloed-beperkt-in-fase",
            "beleidsplan-niet-voorgelegd", "id-onbekend", "termijn-na-einde", "trede-niet-bereikt",
            "selectie-door-gemeente", "activiteit-na-besluit", "vertegenwoordiging-onvolledig",
            "bijzondere-groepen-persoonlijk", "instrument-boven-trede"} <= spoke


def test_messages_cite_catalog_pages(reported):
    wrong = {(r, m) for r, _, m in reported if not pages_in(m) <= CATALOG_PAGES}
    assert not wrong


def test_explain_shows_the_severity_validate_reports(reported):
    for rule, severity, _ in reported:
        if rule in RULES:
            assert severity in severities(RULES[rule]), rule


def test_explain_names_the_severities():
    runner = CliRunner()
    for rule_id in ("kernvoorwaarde-niet-voldaan", "niet-interactief", "id-onbekend"):
        out = runner.invoke(cli, ["explain", rule_id]).output
        expected = {"error": "fout", "warning": "waarschuwing", "info": "info"}[RULES[rule_id].SEVERITY]
        assert f"Niveau: {expected}" in out


def test_a_rule_that_sets_severities_per_finding_declares_them():
    """A Finding(..., severity=...) in a rule module needs SEVERITIES, which explain shows."""
    for rule in RULES.values():
        source = Path(rule.__file__).read_text(encoding="utf-8") if getattr(rule, "__file__", None) else ""
        if "severity=" in source:
            assert getattr(rule, "SEVERITIES", None), rule.ID


# -- schema and templates --------------------------------------------------------------------------

def _strings(node):
    if isinstance(node, dict):
        for v in node.values():
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)
    elif isinstance(node, str):
        yield node


def test_schema_texts_cite_catalog_pages():
    cited = set().union(*(pages_in(s) for s in _strings(SCHEMA)))
    assert cited and cited <= CATALOG_PAGES, sorted(cited - CATALOG_PAGES)


@pytest.mark.parametrize("template", sorted((ROOT / "templates").glob("*.j2")), ids=lambda p: p.name)
def test_templates_state_no_page_literally(template):
    text = re.sub(r"\{#.*?#\}", "", template.read_text(encoding="utf-8"), flags=re.S)  # comments are for us
    assert not re.search(r"\bp\.\s?\d", text), "een bladzijde hoort uit de catalogus te komen (de context)"


# -- plan keys -------------------------------------------------------------------------------------

def _schema_keys() -> set[str]:
    keys: set[str] = set()

    def walk(node):
        if isinstance(node, dict):
            keys.update(node.get("properties", {}))
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(SCHEMA)
    return keys


def _resolve(node: dict) -> dict:
    while "$ref" in node:
        node = SCHEMA["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return node


def key_exists(name: str) -> bool:
    """A single key exists somewhere in the schema; a dotted path resolves from the plan's top
    ('werving.middelen[].doelgroepen'), so a key named at the wrong level fails."""
    parts = name.split(".")
    if len(parts) == 1:
        return name in _schema_keys()
    node = SCHEMA
    for part in parts:
        node = _resolve(node)
        props = node.get("properties", {})
        key = part.removesuffix("[]")
        if key not in props:
            return False
        node = _resolve(props[key])
        if part.endswith("[]") or (node.get("type") == "array" and part != parts[-1]):
            node = _resolve(node["items"])
    return True


KEY_RE = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+(?:\[\])?)*$")


def named_keys(text: str) -> set[str]:
    """Plan keys a text names: `key` or `a.b` in backticks, 'a.b' or 'a_b' in quotes (values and ids
    have hyphens or spaces, which these patterns leave out)."""
    names = set(re.findall(r"`([^`]+)`", text))
    names |= {q for q in re.findall(r"'([^']+)'", text) if "." in q or "_" in q}
    names = {n.split(":")[0].strip() for n in names}
    return {n for n in names if KEY_RE.match(n)}


def test_named_keys_pattern():
    assert named_keys("Vul 'vertegenwoordiging.kader' in; `werving.middelen[].doelgroepen`; 'cafe'; "
                      "'bouwt_voort_op: [x]'; `open-netwerk`") == {
        "vertegenwoordiging.kader", "werving.middelen[].doelgroepen", "bouwt_voort_op"}


def test_key_paths_resolve_from_the_top():
    assert key_exists("werving.middelen[].doelgroepen") and key_exists("werving.middelen.doelgroepen")
    assert key_exists("vertegenwoordiging.zittingstermijn_maanden") and key_exists("doelgroepen")
    assert not key_exists("werving.doelgroepen") and not key_exists("doelgroep_en")


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_explain_names_only_existing_keys(rule_id):
    for name in named_keys(explanation(RULES[rule_id])):
        assert key_exists(name), f"{rule_id}: '{name}' is geen sleutel van het plan"


def test_messages_name_only_existing_keys(reported):
    for rule, _, message in reported:
        for name in named_keys(message):
            assert key_exists(name), f"{rule}: '{name}' is geen sleutel van het plan"


# The part-B keys of an activity cite the part-B page of their instrument (issue 10: the hover texts
# were 1-2 pages off, citing the matrix page or a guess instead).
PART_B_KEYS = {
    "tafelgrootte": "instrumenten.instrumenten#vrijwilligerscafe.deel_b",
    "voorzitter": "instrumenten.gespreksleider",
    "trekkers": "instrumenten.instrumenten#vrijwilligersbeurs.deel_b",
    "themas": "instrumenten.instrumenten#vrijwilligersbeurs.deel_b",
    "panels": "instrumenten.instrumenten#stakeholdersdialoog.deel_b",
    "mandaat": "instrumenten.instrumenten#buurt-aan-zet.deel_b",
    "sprekers": "instrumenten.instrumenten#kenniscafes.toelichting",
}


@pytest.mark.parametrize("key", sorted(PART_B_KEYS))
def test_part_b_keys_cite_their_part_b_page(key):
    text = SCHEMA["$defs"]["activiteit"]["properties"][key]["markdownDescription"]
    assert text.endswith(f"Zie brochure p. {_ref(PART_B_KEYS[key])['pagina']}."), text
