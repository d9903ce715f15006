"""The plan van aanpak's legal section says what was checked and what is open; it never claims
compliance that a check contradicts (issue 11, item 4).

Each legal check is broken in turn on the clean base plan; the section must then lose the positive
statement ("geen open punten") and name the open point with its rule and provision. The base plan,
which passes every legal check, gets the positive statement, and a waived check is named with its
reason. The college reads each check by its summary; rule ids and messages are in the controlerapport.
"""
from __future__ import annotations

import re

import pytest

from plancompiler import render
from plancompiler.rules import SEMANTIC

from rules.helpers import BASE, append, compile_text, drop_lines, edit

POSITIVE = ": geen open punten."
OLD = BASE.replace("2027-", "2008-").replace("2026-", "2007-")


def law_section(text: str) -> str:
    compiled = compile_text(text)
    ctx = render.prepare(compiled.plan, compiled.result.diagnostics)
    md = render.render_document(ctx, "plan-van-aanpak").replace("\\", "")
    return re.split(r"(?m)^## \d+\. Wettelijk kader$", md, maxsplit=1)[1].split("\n## ", 1)[0]


def rows(section: str) -> dict[str, str]:
    """Rule id → uitkomst, from the table of the Toetsing part (which names each check by its summary)."""
    ids = {r.SUMMARY: r.ID for r in SEMANTIC}
    out = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 3 and cells[0] in ids:
            out[ids[cells[0]]] = cells[2]
    return out


def test_a_plan_passing_every_legal_check_gets_the_positive_statement():
    section = law_section(BASE)
    assert ("Getoetst aan Gemw art. 150 lid 1 (tekst vanaf 1-1-2025), goede praktijk naar Wmo 2007 art. 11 lid 4 "
            "(brochure p. 4) en Wmo 2015 art. 2.1.3 lid 3 sub b: geen open punten.") in section
    assert rows(section) == {
        "participatie-alleen-voorbereiding": "geen open punten", "wmo-art11-lid4": "geen open punten",
        "wmo-art12-advies-ontbreekt": "geen open punten", "wmo-advies-gevraagd-ongevraagd": "geen open punten",
        "participatieverordening-ontbreekt": "geen open punten"}
    assert "Nog open" not in section and "voldoet" not in section
    # it leads with current law and the municipality's own verordening by name, then the 2007 background
    assert section.index("Wmo 2015") < section.index("Participatieverordening Teststad 2026") \
        < section.index("### Toetsing") < section.index("Achtergrond: het kader van de brochure (Wmo 2007)")
    assert "Bewuste keuze van de beleidsfasen (brochure p. 19): Dit traject maakt de nota" in section
    assert ("Niet getoetst, omdat dit plan er door zijn looptijd, fasen of trede niet onder valt: "
            "Gemw art. 150 lid 3 (uitdaagrecht); Wmo 2015 art. 2.1.3 lid 3 sub d en e.") in section
    ids = [r.ID for r in SEMANTIC if "-" in r.ID]  # "uitdaagrecht" is also a plain word
    assert not [i for i in ids if re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", section)]


BROKEN = {
    "participatieverordening-ontbreekt": (lambda: drop_lines(120), "Gemw art. 150 lid 1 (tekst vanaf 1-1-2025) (waarschuwing"),
    "participatie-alleen-voorbereiding": (lambda: drop_lines(122), "Gemw art. 150 lid 1 (tekst vanaf 1-1-2025) (aandachtspunt, geen wettelijke plicht"),
    "wmo-advies-gevraagd-ongevraagd": (lambda: drop_lines(121), "Wmo 2015 art. 2.1.3 lid 3 sub b (aandachtspunt, geen wettelijke plicht"),
    "wmo-art12-advies-ontbreekt": (lambda: drop_lines(98, 100), "Wmo 2015 art. 2.1.3 lid 3 sub b (waarschuwing"),
    "wmo-art11-lid4": (lambda: drop_lines(76), "goede praktijk naar Wmo 2007 art. 11 lid 4 (brochure p. 4) (aandachtspunt, geen wettelijke plicht"),
    "wmo-periodiek-overleg": (lambda: edit(("  - fase: beleidsplan", "  - fase: uitvoering")),
                              "Wmo 2015 art. 2.1.3 lid 3 sub d en e (aandachtspunt, geen wettelijke plicht"),
    "uitdaagrecht": (lambda: edit(("        doel: verrijking\n", "        doel: verrijking\n        trede: coproduceren\n")),
                     "Gemw art. 150 lid 3 (uitdaagrecht) (aandachtspunt, geen wettelijke plicht"),
}


def test_every_legal_rule_is_broken_below():
    assert set(BROKEN) == {r.ID for r in SEMANTIC if getattr(r, "WETTELIJK", False)}


@pytest.mark.parametrize("rule", sorted(BROKEN))
def test_a_broken_check_removes_the_claim_and_names_the_open_point(rule):
    make, cited = BROKEN[rule]
    section = law_section(make())
    assert POSITIVE not in section and "voldoet" not in section
    assert "Nog open:" in section
    summary = next(r.SUMMARY for r in SEMANTIC if r.ID == rule)
    assert f"- {cited}): {summary}." in section
    assert "Het document *Controlerapport* noemt elk open punt" in section
    assert rows(section)[rule] == "open"


def test_a_waived_check_is_named_with_its_reason():
    plan = append("uitzonderingen:\n  - regel: participatieverordening-ontbreekt\n"
                  "    reden: De raad stelt de verordening op 12 januari 2027 vast.\n", drop_lines(120))
    section = law_section(plan)
    assert ("Bewust uitgezonderd: Gemw art. 150 lid 1 (tekst vanaf 1-1-2025) (Participatieverordening niet genoemd "
            "(verplicht vanaf 1 januari 2027)). "
            "Reden: De raad stelt de verordening op 12 januari 2027 vast.") in section
    assert rows(section)["participatieverordening-ontbreekt"] == "bewust uitgezonderd"
    assert POSITIVE in section  # nothing else is open


def test_a_plan_of_the_brochures_time_is_checked_against_the_wmo_2007():
    section = law_section(OLD)
    assert "Toen gold de Wet maatschappelijke ondersteuning van 2007" in section
    assert "Getoetst aan Wmo 2007 art. 11 lid 4 en Wmo 2007 art. 12 lid 1: geen open punten." in section
    assert "Wmo 2015 art" not in section.split("### Toetsing", 1)[0]
    broken = law_section(drop_lines(98, 100, text=OLD))
    assert "- Wmo 2007 art. 12 lid 1 (fout): Advies over het ontwerpplan ontbreekt" in broken
    assert POSITIVE not in broken


@pytest.mark.parametrize(("rule", "quoted"), [
    ("participatieverordening-ontbreekt", ["Gemw art. 150 lid 1 (tekst vanaf 1-1-2025), parafrase: De raad stelt",
                                           "Letterlijke tekst nog na te lezen op: https://wetten.overheid.nl/"]),
    ("wmo-art12-advies-ontbreekt", ["Wmo 2007 art. 12 lid 1 (historisch, gold t/m 2014-12-31; brochure p. 4), "
                                    "letterlijk: “Alvorens een voordracht", "commit 820402924465788174d45a6a02caf6d2c7c4383e",
                                    "Nu: Wmo 2015 art. 2.1.3 lid 3 sub b",
                                    "Wmo 2015 art. 2.1.3 lid 3 sub b (geldt vanaf 2015-01-01), letterlijk: “vroegtijdig"]),
    ("wmo-art11-lid4", ["Nu: goede praktijk, geen directe opvolger in de wet."]),
    ("uitdaagrecht", ["(de verordening kan dit regelen; of zij het moet, is niet nagelezen), parafrase:"]),
])
def test_explain_quotes_the_provision_and_its_source(rule, quoted):
    from click.testing import CliRunner

    from plancompiler.cli import cli

    result = CliRunner().invoke(cli, ["explain", rule])
    assert result.exit_code == 0, result.output
    law = result.output.split("\nWettelijk kader:\n", 1)[1]
    for text in quoted:
        assert text in law, text
    assert "Bron: " in law


def test_participatieplan_and_eindverslag_are_named_as_good_practice():
    plan = append("participatieplan: {datum: 2026-12-01, vastgesteld_door: college}\n"
                  "eindverslag: {datum: 2027-12-20, url: 'https://teststad.example/eindverslag'}\n")
    section = law_section(plan)
    assert ("Volgens het VNG-model (2024), geen wettelijke eis.** Een participatieplan vooraf door het college, "
            "vastgesteld op 1 december 2026. Een eindverslag achteraf over wat is opgehaald en wat ermee is "
            "gedaan, op 20 december 2027 (https://teststad.example/eindverslag).") in section
    assert "VNG-model" not in law_section(BASE)


def test_paraphrases_are_marked_and_verbatim_texts_are_not():
    section = law_section(BASE)
    row = {line.split("|")[1].strip(): line.split("|")[2].strip() for line in section.splitlines()
           if line.startswith("| Wmo 2015 art.") or line.startswith("| Gemw art.")}
    assert row["Gemw art. 150 lid 1 (tekst vanaf 1-1-2025)"].startswith(
        "*Parafrase, letterlijke tekst nog na te lezen:* De raad stelt een participatieverordening vast")
    assert row["Wmo 2015 art. 2.1.3 lid 3"].startswith("In de verordening wordt bepaald")
    assert " b. vroegtijdig in staat worden gesteld gevraagd en ongevraagd advies" in row["Wmo 2015 art. 2.1.3 lid 3"]
    assert not any("Parafrase" in text for cite, text in row.items() if cite.startswith("Wmo 2015"))
    # a plan ending in 2020 has the old, verbatim art. 150 and no participatieverordening rows
    old = law_section(BASE.replace("2027-", "2020-").replace("2026-", "2019-"))
    assert "Gemw art. 150 lid 1 (tekst t/m 31-12-2024) | De raad stelt een verordening vast" in old
    assert "participatieverordening vast" not in old
