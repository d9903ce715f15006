"""The plan van aanpak in the municipal outline, the controlerapport, ``teksten:`` and completeness.

Built through the public entry points (``plancompiler init``, ``validate``, ``build``) in Markdown,
which is what DOCX and HTML are made from.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from plancompiler import rules
from plancompiler.catalog import get_catalog
from plancompiler.cli import cli
from plancompiler.render.context.common import nl_date
from plancompiler.render.context.plan_van_aanpak import BIJLAGEN, HOOFDSTUKKEN
from plancompiler.sections import SECTIONS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = {p.name.split(".")[0]: p for p in sorted((ROOT / "examples").glob("*.plan.yaml"))}
DOCUMENTS = ("plan-van-aanpak", "spelregels", "draaiboek", "evaluatiekader", "controlerapport")
# Sentences a document prints where the plan leaves something out (issue 12 names the first ones).
PLACEHOLDERS = (
    "geen begroting opgenomen", "Geen maatregel", "Nog geen maatregel", "nog geen vervolgscenario",
    "Nog niet ingevuld", "Nog niet vastgelegd", "nog niet vastgelegd", "(geen versienummer)", "nog niet gepland",
    "Neem contact op met de gemeente", "[invullen]", "Niet beoordeeld", "Het plan noemt nog", "Het plan noemt de",
    "Het plan beschrijft nog", "Het plan beschrijft de aanleiding", "Het plan beschrijft de werving",
    "Het plan beschrijft de projectorganisatie", "Het plan legt nog", "Het plan formuleert nog",
    "Het plan bevat nog", "nog geen activiteiten",
)
# Advice to the writer that once stood in the college's document (issue 12).
ADVICE = ("Bepaal visie en rol", "kies dan een lagere trede", "motiveer deze keuze", "of motiveer", "onder 'uitzonderingen'", "Vul '",
          "plancompiler explain")


def cli_run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def build_md(plan: Path, out: Path) -> dict[str, str]:
    result = cli_run("build", str(plan), "-o", str(out), "--format", "md", "--force")
    assert result.exit_code == 0, result.output
    return {d: (out / f"{d}.md").read_text(encoding="utf-8") for d in DOCUMENTS}


def plain(md: str) -> str:
    """The Markdown without escapes, as a reader sees the words."""
    return md.replace("\\", "")


def section(md: str, title: str) -> str:
    return plain(md).split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def validate_json(path: Path) -> list[dict]:
    result = cli_run("validate", "--format", "json", str(path))
    return json.loads(result.output)["files"][0]["diagnostics"]


@pytest.fixture(scope="module")
def examples(tmp_path_factory):
    return {name: build_md(path, tmp_path_factory.mktemp(name)) for name, path in EXAMPLES.items()}


# -- complete or reported ----------------------------------------------------------------------------

def _fill(node):
    """Replace every init placeholder by one short neutral sentence, and the zero amounts by numbers."""
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in list(items):
        if isinstance(value, str) and "[invullen]" in value:
            node[key] = "Een korte zin."
        elif key in ("uren", "bedrag_eur") and value == 0:
            node[key] = 100
        elif isinstance(value, (dict, list)):
            _fill(value)


def test_a_filled_init_plan_validates_clean_and_builds_without_placeholders(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli_run("init", "--no-input", "--gemeente", "Teststad", "--beleid", "breed", "--sturing", "regisseur",
                   "--quickscan", "ja,ja,nee,ja,ja,nee,nee,ja,nee,nee", "--start", "2027-01-04",
                   "--eind", "2027-12-31", "nieuw.plan.yaml").exit_code == 0
    yaml = YAML()
    path = tmp_path / "nieuw.plan.yaml"
    before = {d["rule"] for d in validate_json(path)}
    assert "nog-invullen" in before and "document-onvolledig" not in before  # init scaffolds every part
    data = yaml.load(path)
    _fill(data)
    # --no-input asks no participatieverordening; a filled plan running in 2027 names one (art. 150 Gemw)
    data["participatieverordening"] = {"titel": "Participatieverordening Teststad 2026", "status": "vastgesteld"}
    with open(path, "w", encoding="utf-8") as fh:
        yaml.dump(data, fh)
    found = validate_json(path)
    assert not [d for d in found if d["severity"] == "error"]
    assert not [d for d in found if d["rule"] in ("nog-invullen", "document-onvolledig")], found
    docs = build_md(path, tmp_path / "uit")
    for name in ("plan-van-aanpak", "spelregels", "evaluatiekader"):
        text = plain(docs[name])
        assert not [p for p in PLACEHOLDERS if p in text], name
    pva = plain(docs["plan-van-aanpak"])
    assert "Een korte zin." in section(pva, "2. Aanleiding en probleemstelling")
    assert "Het college wordt voorgesteld:\n\n1. Een korte zin." in pva


def test_an_old_plan_without_the_new_keys_builds_and_reports_each_empty_part(tmp_path):
    text = EXAMPLES["dorpshaven"].read_text(encoding="utf-8")
    old = text.split("\n# -- Plan van aanpak:", 1)[0] + "\n"
    path = tmp_path / "oud.plan.yaml"
    path.write_text(old, encoding="utf-8")
    infos = [d for d in validate_json(path) if d["rule"] == "document-onvolledig"]
    assert {d["severity"] for d in infos} == {"info"} and len(infos) == 14
    pva = plain(build_md(path, tmp_path / "uit")["plan-van-aanpak"])
    assert "Het plan beschrijft de aanleiding nog niet." in pva
    assert "Na de controle met plancompiler staan er 16 opmerkingen open." in pva


# -- the outline, and what the college reads -----------------------------------------------------------

@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_examples_have_every_part_of_the_outline_without_placeholders(examples, name):
    pva = plain(examples[name]["plan-van-aanpak"])
    heads = re.findall(r"(?m)^## (.+)$", pva)
    assert heads == [f"{i}. {t}" for i, (_, t) in enumerate(HOOFDSTUKKEN, 1)] + [
        f"Bijlage {chr(65 + i)}. {t}" for i, (_, t) in enumerate(BIJLAGEN)]
    assert not [p for p in PLACEHOLDERS if p in pva]
    assert "**Status:** " in pva


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_no_rule_ids_or_writer_advice_in_the_college_document(examples, name):
    pva = plain(examples[name]["plan-van-aanpak"])
    # ids with a hyphen: "uitdaagrecht" is also a plain word, used by the legal chapter
    ids = [rid for rid in list(rules.ALL) + list(rules.ALIASES) if "-" in rid and re.search(rf"(?<![\w-]){re.escape(rid)}(?![\w-])", pva)]
    assert ids == []
    assert [a for a in ADVICE if a in pva] == []
    # a gemeentetype is named by what it is; the brochure's nickname at most once, as a reference
    for t in get_catalog().data["gemeentetypen"]["typen"]:
        assert pva.count(t["naam"]) <= 1, t["naam"]


def test_the_controlerapport_has_what_the_plan_van_aanpak_only_counts(examples, tmp_path):
    found = [d for d in validate_json(EXAMPLES["dorpshaven"]) if not d.get("waived")]
    report = plain(examples["dorpshaven"]["controlerapport"])
    for d in found:
        assert f"Regel {d['line']}, kolom {d['column']}** — {d['rule']}" in report
        assert d["message"] in report
    # the waiver with its reason and the finding it covers
    assert "**niet-interactief**, voor het hele plan. *Reden:* Raadplegen is bewust gekozen" in report
    pva = plain(examples["dorpshaven"]["plan-van-aanpak"])
    assert len(found) == 2 and "Na de controle met plancompiler staan er 2 opmerkingen open." in pva
    appendix = section(pva, "Bijlage A. Gemotiveerde uitzonderingen")
    assert "| Raadplegen, de trede van de brochure onder adviseren, is niet interactief |" not in appendix
    summary = rules.ALL["niet-interactief"].SUMMARY
    assert f"| {summary} | het hele plan | Raadplegen is bewust gekozen" in appendix


def test_decisions_and_voorstel_come_from_the_plan(examples):
    from plancompiler.compiler import compile_file

    plan = compile_file(EXAMPLES["velsen"]).plan
    besluit = section(examples["velsen"]["plan-van-aanpak"], "17. Besluitvorming")
    for m in plan.besluitvorming.momenten:
        wie = {"college": "College", "raad": "Gemeenteraad"}[m.orgaan]
        assert f"| {nl_date(m.datum)} | {wie} | {m.besluit} |" in besluit
    for i, v in enumerate(plan.besluitvorming.voorstel, 1):
        assert f"{i}. {' '.join(v.split())}" in besluit
    planning = section(examples["velsen"]["plan-van-aanpak"], "11. Planning en besluitmomenten")
    assert "| 16 december 2027 |  | Besluit gemeenteraad: Vaststellen van de nota vrijwilligerswerk 2028-2031. |" in planning
    kosten = section(examples["velsen"]["plan-van-aanpak"], "15. Capaciteit, kosten en dekking")
    assert "| **Totaal** | **2.480** |" in kosten and "**Dekking.**\nUit het budget vrijwilligerswerk" in kosten


# -- teksten: the officer's own text ---------------------------------------------------------------

OWN = """
teksten:
  - document: plan-van-aanpak
    sectie: aanleiding
    modus: vervangen
    tekst: |-
      Onze eigen aanleiding, met *sterretjes* en <b>html</b>.

      Tweede alinea.
  - document: plan-van-aanpak
    sectie: besluitvorming
    tekst: "Aanvulling: de raad krijgt ook een brief. ![x](/etc/passwd)"
"""


def test_an_own_text_replaces_or_extends_a_generated_section_as_data(tmp_path):
    path = tmp_path / "eigen.plan.yaml"
    path.write_text(EXAMPLES["velsen"].read_text(encoding="utf-8") + OWN, encoding="utf-8")
    md = build_md(path, tmp_path / "uit")["plan-van-aanpak"]
    aanleiding = section(md, "2. Aanleiding en probleemstelling")
    assert "Onze eigen aanleiding, met *sterretjes* en <b>html</b>.\n\nTweede alinea." in aanleiding
    assert "De nota vrijwilligerswerk 2020-2023 is afgelopen" not in aanleiding  # the generated text is gone
    raw = md.split("## 2. Aanleiding en probleemstelling", 1)[1].split("\n## ", 1)[0]
    assert r"\*sterretjes\*" in raw and r"\<b>html\</b>" in raw  # escaped: literal text, no markup
    besluit = section(md, "17. Besluitvorming")
    assert "Het college wordt voorgesteld:" in besluit  # extended, not replaced
    assert besluit.rstrip().endswith("Aanvulling: de raad krijgt ook een brief. ![x](/etc/passwd)")
    assert r"!\[x\](" in md  # the bracket is escaped: no image


HANDOUT_OWN = """
teksten:
  - document: spelregels
    sectie: invloed
    modus: vervangen
    tekst: |-
      Bij elke bijeenkomst zegt de voorzitter hoeveel *invloed* u heeft.

      # Geen kop, maar tekst.
  - document: draaiboek
    sectie: overzicht
    tekst: "Sleutel van de zaal: bij de <i>receptie</i> [ophalen](http://x)."
  - document: evaluatiekader
    sectie: vervolg
    tekst: De raad bespreekt de evaluatie in 2029.
"""


def test_an_own_text_replaces_a_spelregels_section_and_extends_a_draaiboek_section(tmp_path):
    path = tmp_path / "eigen.plan.yaml"
    path.write_text(EXAMPLES["velsen"].read_text(encoding="utf-8") + HANDOUT_OWN, encoding="utf-8")
    md = build_md(path, tmp_path / "uit")
    invloed = section(md["spelregels"], "Hoeveel invloed heeft u?")
    assert invloed.strip() == ("Bij elke bijeenkomst zegt de voorzitter hoeveel *invloed* u heeft.\n\n"
                               "# Geen kop, maar tekst.")  # the generated text is gone
    raw = md["spelregels"].split("## Hoeveel invloed heeft u?\n", 1)[1].split("\n## ", 1)[0]
    assert r"\*invloed\*" in raw and "\n\\# Geen kop" in raw  # escaped: no emphasis, no heading
    assert "## Wat er met uw inbreng gebeurt" in md["spelregels"]  # the next section is untouched
    overzicht = section(md["draaiboek"], "Overzicht")
    assert "| Nr. | Datum | Tijd | Activiteit | Locatie | Trekker |" in overzicht  # extended, not replaced
    assert overzicht.rstrip().endswith("Sleutel van de zaal: bij de <i>receptie</i> [ophalen](http://x).")
    raw = md["draaiboek"].split("## Overzicht\n", 1)[1].split("\n## ", 1)[0]
    assert r"\<i>receptie\</i> \[ophalen\](" in raw
    vervolg = section(md["evaluatiekader"], "Vervolgscenario")
    assert vervolg.rstrip().endswith("\n\nDe raad bespreekt de evaluatie in 2029.")  # its own paragraph


def test_every_section_id_is_a_chapter_and_wired_in_its_template():
    chapters = [k for k, _ in HOOFDSTUKKEN + BIJLAGEN]
    assert sorted(SECTIONS["plan-van-aanpak"]) == sorted(chapters)
    for document, ids in SECTIONS.items():
        template = (ROOT / "templates" / f"{document}.md.j2").read_text(encoding="utf-8")
        for sid in ids:
            assert f"eigen.{sid}.vervangen" in template and f"eigen.{sid}.aanvullen" in template, (document, sid)


def test_the_editor_offers_the_section_ids():
    schema = json.loads((ROOT / "schema" / "plan.schema.json").read_text(encoding="utf-8"))
    sectie = schema["properties"]["teksten"]["items"]["properties"]["sectie"]
    assert sectie["examples"] == list(SECTIONS["plan-van-aanpak"])
