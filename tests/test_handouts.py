"""The spelregels, draaiboek and evaluatiekader say what the plan says (issue 12, items 3-5).

Each contradiction issue 12 lists for these three documents has a test here, built from the examples
(and, for the invariants, from the brochure cases): the wrong sentence is absent and the right content
present. The readability of the spelregels is measured with textstat (Flesch-Douma, language nl) on
the plain text, both for the examples and for plans whose free texts are one short neutral sentence.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from plancompiler.compiler import compile_file, compile_loaded
from plancompiler.load import load_text
from plancompiler.render import prepare, render_document

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = {p.name.split(".")[0]: p for p in sorted((ROOT / "examples").glob("*.plan.yaml"))}
CASES = {p.name.split(".")[0]: p for p in sorted((ROOT / "tests" / "brochure" / "cases").glob("*.plan.yaml"))}
HANDOUTS = ("spelregels", "draaiboek", "evaluatiekader")
NEUTRAL = "Dit is een korte zin."


def _render(compiled) -> tuple:
    ctx = prepare(compiled.plan, compiled.result.diagnostics)
    return compiled.plan, ctx, {name: render_document(ctx, name) for name in HANDOUTS}


@lru_cache(maxsize=None)
def built(path: Path):
    return _render(compile_file(path))


def text(md: str) -> str:
    """The Markdown without its backslash escapes, for reading sentences."""
    return re.sub(r"\\(.)", r"\1", md)


def section(md: str, title_start: str) -> str:
    """The draaiboek section of one activity (from its heading to the next activity)."""
    body = text(md)
    start = body.index(f". {title_start}")
    end = body.find("\n## ", start)  # every activity is a section (##)
    return body[start:end if end > 0 else None]


def plain(md: str) -> str:
    import pypandoc

    return pypandoc.convert_text(md, "plain", format="markdown", extra_args=["--wrap=none"])


def readability(md: str) -> tuple[float, float]:
    import textstat

    textstat.set_lang("nl")
    body = plain(md)
    return textstat.flesch_reading_ease(body), textstat.lexicon_count(body) / textstat.sentence_count(body)


def neutral_plan(path: Path):
    """The plan with every free text (any text with a space in it) replaced by one short neutral sentence."""
    yaml = YAML(typ="safe")
    data = yaml.load(path.read_text(encoding="utf-8"))

    def walk(node):
        if isinstance(node, dict):
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        if isinstance(node, str) and " " in node.strip():
            return NEUTRAL
        return node

    import io

    buf = io.StringIO()
    out = YAML()
    out.default_flow_style = False
    out.dump(walk(data), buf)
    compiled = compile_loaded(load_text(buf.getvalue(), f"neutraal-{path.name}"))
    assert compiled.plan is not None, [d.message for d in compiled.result.diagnostics][:3]
    return _render(compiled)


# -- spelregels: a B1 handout ----------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_spelregels_read_at_b1_level_on_the_examples(name):
    _, _, docs = built(EXAMPLES[name])
    score, words = readability(docs["spelregels"])
    assert score >= 60, (name, score)
    assert words <= 15, (name, words)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_spelregels_template_text_reads_at_b1_level(name):
    """Free texts of one short neutral sentence: the score measures the template's own text."""
    _, _, docs = neutral_plan(EXAMPLES[name])
    assert NEUTRAL in text(docs["spelregels"])  # the plan's texts did reach the document
    score, words = readability(docs["spelregels"])
    assert score >= 60, (name, score)
    assert words <= 15, (name, words)


def test_velsen_inventarisatie_influence_does_not_promise_a_plan_to_react_on():
    plan, _, docs = built(EXAMPLES["velsen"])
    body = text(docs["spelregels"])
    assert "U mag reageren op een plan dat de gemeente al heeft gemaakt" not in body
    inventarisatie = body.split("**Opstellen inventarisatie", 1)[1].split("\n**", 1)[0]
    assert "Er is nog geen plan." in inventarisatie
    assert "**Digimon-enquête onder vrijwilligersorganisaties** (1 februari 2027 t/m 28 februari 2027). " \
           "U geeft uw mening." in inventarisatie
    assert "**Expertmeeting ‘Ambities voor het vrijwilligerswerk’**" in inventarisatie
    # the conceptplan is on the table only in the beleidsplan phase, where the raad decides
    beleidsplan = body.split("**Beleidsplan", 1)[1].split("\n**", 1)[0]
    assert "Er ligt een conceptplan. De gemeenteraad beslist erover." in beleidsplan
    assert "Inspraakavond over de conceptnota vrijwilligerswerk" in beleidsplan


def test_influence_follows_the_activity_trede_not_the_instrument():
    """Utrecht's inspraak states trede raadplegen and its platform adviseren; the handout follows the plan."""
    _, _, docs = built(EXAMPLES["utrecht"])
    body = text(docs["spelregels"])
    inspraak = next(line for line in body.splitlines() if "Inspraakbijeenkomst" in line)
    assert "U geeft uw mening." in inspraak and "advies" not in inspraak
    platform = next(line for line in body.splitlines() if "**Vrijwilligersplatform Utrecht**" in line)
    assert "U geeft advies" in platform


def test_spelregels_explain_jargon_once_and_only_when_used():
    _, _, velsen = built(EXAMPLES["velsen"])
    body = text(velsen["spelregels"])
    for word in ("Coproductie", "Reactienota", "Verordening"):
        assert body.count(f"- **{word}:**") == 1, word
    _, _, dorpshaven = built(EXAMPLES["dorpshaven"])
    body = text(dorpshaven["spelregels"])
    assert "coproduc" not in body.lower().split("## woorden in deze tekst")[0]
    assert "- **Coproductie:**" not in body  # Dorpshaven's handout never uses the word


def test_spelregels_say_who_to_contact():
    _, _, docs = built(EXAMPLES["dorpshaven"])
    body = text(docs["spelregels"])
    assert ("Neem contact op met Beleidsmedewerker Wmo en vrijwilligerswerk. E-mail: wmo@dorpshaven.example. "
            "Telefoon: 0123 456 789.") in body


# -- dates: never after the plan's end or after the evaluation ------------------------------------

@pytest.mark.parametrize("name", sorted(EXAMPLES) + [f"case-{c}" for c in sorted(CASES)])
def test_no_derived_date_after_the_end_or_the_evaluation(name):
    path = CASES[name[5:]] if name.startswith("case-") else EXAMPLES[name]
    plan, ctx, _ = built(path)
    e = plan.evaluatie
    for a in ctx["activiteiten"]:
        for d in (a["verslag_d"], a["reactie_d"]):
            if d is None:
                continue
            assert plan.eind is None or d <= plan.eind, (a["titel"], d)
            if e is not None and e.datum and a["datum_d"] and a["datum_d"] < e.datum:
                assert d < e.datum, (a["titel"], d)
        for s in a["draaiboek"]["stappen"]:
            if s["datum_d"] is not None:
                assert plan.eind is None or s["datum_d"] <= max(plan.eind, a["einddatum_d"] or plan.eind), s


def test_velsen_evaluatiegesprek_report_comes_before_the_evaluation():
    _, ctx, docs = built(EXAMPLES["velsen"])
    gesprek = section(docs["draaiboek"], "Evaluatiegesprek met de klankbordgroep")
    # three weeks after 6 March would be 27 March, and the reactions would close on 10 April 2029,
    # after the evaluation (20 March) and after the end of the project (31 March)
    assert "27 maart 2029" not in gesprek and "10 april 2029" not in gesprek
    assert "| 12 maart 2029 | Verslag naar alle genodigden" in gesprek
    assert "want de evaluatie is op 20 maart 2029" in gesprek
    assert "U kunt reageren tot en met 19 maart 2029." in text(docs["spelregels"])


# -- draaiboek: a run-sheet someone can run ----------------------------------------------------------

WIJKEN = ("West", "Noordwest", "Overvecht", "Noordoost", "Oost", "Binnenstad", "Zuid", "Zuidwest",
          "Leidsche Rijn", "Vleuten-De Meern")


@pytest.mark.parametrize("wijk", WIJKEN)
def test_utrecht_wijkbijeenkomst_has_plenary_and_the_four_stellingen(wijk):
    plan, _, docs = built(EXAMPLES["utrecht"])
    part = section(docs["draaiboek"], f"Wijkbijeenkomst {wijk}\n")
    assert "Ronde 1" not in part
    assert "| Plenaire sessie |" in part and "De voorlopige uitkomsten van de enquête" in part
    stellingen = plan.activiteit("wijk-west").stellingteksten
    assert len(stellingen) == 4
    for i, s in enumerate(stellingen, 1):
        assert f"{i}. {s}" in part
    assert "De stellingen op kaarten of op een scherm" in part


def test_utrecht_draaiboek_names_no_steunpunt_utrecht_does_not_have():
    _, _, docs = built(EXAMPLES["utrecht"])
    assert "steunpunt" not in text(docs["draaiboek"]).lower()
    cafe = section(docs["draaiboek"], "Evaluatiecafé")
    assert "### Vragen\n" in cafe and "Wat heeft het beleidskader in uw wijk opgeleverd?" in cafe


def test_velsen_cafebazen_are_steunpunt_volunteers_and_the_cards_are_in_the_materials():
    _, _, docs = built(EXAMPLES["velsen"])
    cafe = section(docs["draaiboek"], "Vrijwilligerscafé")
    assert "*Cafébaas* (Vrijwilligers van het steunpunt, één per tafel)" in cafe
    assert "per tafel gekozen" not in cafe.lower() and "kiest een cafébaas" not in cafe
    debat = section(docs["draaiboek"], "Dilemmadebat")
    materials = debat.split("### Materialen", 1)[1].split("###", 1)[0]
    assert "- Een rode en een groene kaart voor iedere deelnemer" in materials


@pytest.mark.parametrize("title", ["Expertmeeting", "Rondetafelgesprek", "Klankbordgroep vrijwilligerswerk",
                                   "Evaluatiegesprek"])
def test_small_groups_get_no_mass_invitation(title):
    _, _, docs = built(EXAMPLES["velsen"])
    prep = section(docs["draaiboek"], title).split("### Voorbereiding en uitnodiging", 1)[1].split("###", 1)[0]
    for wrong in ("jongerenwerkers", "Moskeebesturen", "Lokale krant"):
        assert wrong not in prep, (title, wrong)
    assert "genodigden" in prep or "vaste groep" in prep


def test_open_meeting_uses_the_plans_channels():
    _, _, docs = built(EXAMPLES["velsen"])
    prep = section(docs["draaiboek"], "Vrijwilligerscafé").split("### Voorbereiding", 1)[1].split("###", 1)[0]
    # one row per moment: every channel of that moment is in it
    assert re.search(r"\| 4 weken ervoor \| 18 maart 2027 \| Uitnodiging versturen: [^|\n]*"
                     r"Lokale krant, gemeentepagina", prep), prep
    assert "Persoonlijke benadering door jongerenwerkers" in prep


def test_invitation_with_the_enquete_only_before_the_meeting_and_for_what_builds_on_it():
    plan, ctx, docs = built(EXAMPLES["utrecht"])
    enquete = plan.activiteit("enquete")
    for a in ctx["activiteiten"]:
        rows = [r for r in a["voorbereiding"] if "Uitnodiging bij de enquête" in r["wat"]]
        if "enquete" in a["bouwt_voort_op_ids"] and a["aanvang"]:
            assert [r["datum"] for r in rows] == ["15 februari 2027"], a["titel"]
            assert enquete.datum < a["datum_d"]
        else:
            assert rows == [], a["titel"]


@pytest.mark.parametrize("example,title", [("velsen", "Werkgroepen per thema"),
                                           ("dorpshaven", "Dorpsronde langs organisaties")])
def test_no_survey_steps_for_groups_and_visits(example, title):
    _, _, docs = built(EXAMPLES[example])
    part = section(docs["draaiboek"], title)
    assert "respons" not in part and "herinnering" not in part.lower()
    assert "### Stappen" in part


@pytest.mark.parametrize("example,aid,count", [("velsen", "klankbordgroep", 5), ("utrecht", "platform", 4),
                                               ("utrecht", "rondetafels", 4),
                                               ("dorpshaven", "klankbordgroep-uitvoering", 2)])
def test_groups_that_meet_repeatedly_get_a_session_schedule(example, aid, count):
    plan, _, docs = built(EXAMPLES[example])
    act = plan.activiteit(aid)
    part = section(docs["draaiboek"], act.titel)
    schedule = part.split("### Bijeenkomsten", 1)[1].split("###", 1)[0]
    rows = [line for line in schedule.splitlines() if re.match(r"\| \d+ \|", line)]
    assert len(rows) == count == len(act.reeks.bijeenkomsten)
    assert "### Programma van een bijeenkomst" in part
    assert "| na elke bijeenkomst | Verslag naar de leden binnen drie weken" in part


def test_wethouders_slot_where_the_plan_has_one():
    _, _, docs = built(EXAMPLES["utrecht"])
    overvecht = section(docs["draaiboek"], "Wijkbijeenkomst Overvecht")
    assert "| 19:45–19:55 | Woord van de wethouder | 10 min. | Wethouder | Heet de aanwezigen welkom" in overvecht
    assert "| 21:30–21:45 | Afronding en vervolg |" in overvecht  # the slot fits in the planned time
    assert "Woord van de wethouder" not in section(docs["draaiboek"], "Wijkbijeenkomst West\n")
    _, _, velsen = built(EXAMPLES["velsen"])
    cafe = section(velsen["draaiboek"], "Vrijwilligerscafé")
    assert "| 19:30–19:40 | Woord van de wethouder |" in cafe and "| 19:40–20:25 | Ronde 1 |" in cafe


@pytest.mark.parametrize("name", sorted(EXAMPLES) + [f"case-{c}" for c in sorted(CASES)])
def test_each_activity_starts_on_a_new_page_and_fits_its_time(name):
    path = CASES[name[5:]] if name.startswith("case-") else EXAMPLES[name]
    plan, ctx, docs = built(path)
    md = docs["draaiboek"]
    # one section per activity; docx_layout (Word) and also_html.lua (print) start each on a new page
    assert len(re.findall(r"(?m)^## \d+\\?\. ", md)) == len(plan.activiteiten)
    for a in ctx["activiteiten"]:
        assert not a["draaiboek"]["opmerking"].startswith("Let op"), (a["titel"], a["draaiboek"]["opmerking"])
        # no invitation step on or after the activity itself
        for r in a["voorbereiding"]:
            assert r["wanneer"].endswith("ervoor") or r["wanneer"].startswith("bij activiteit"), r


def test_no_haarlemmermeer_tip_in_dorpshaven_and_no_brochure_claim_for_a_working_model():
    _, _, docs = built(EXAMPLES["dorpshaven"])
    body = text(docs["draaiboek"])
    assert "Haarlemmermeer" not in body
    debat = section(docs["draaiboek"], "Vrijwilligersdebat")
    assert "Volgens de werkwijze in de brochure p. 40" not in debat
    assert "Een werkmodel van plancompiler, opgebouwd uit de werkvormen in de brochure p. 40." in debat
    # the brochure's own run-sheet is still credited as such
    _, _, velsen = built(EXAMPLES["velsen"])
    assert "Volgens de werkwijze in de brochure p. 43-44." in section(velsen["draaiboek"], "Werkconferentie")


def test_draaiboek_has_set_up_and_breaks():
    _, _, docs = built(EXAMPLES["velsen"])
    expert = section(docs["draaiboek"], "Expertmeeting")
    assert "- Zaal open om 14:15 voor de opbouw (45 minuten voor de aanvang)." in expert
    assert "| Pauze | 15 min. |" in expert
    beurs = section(docs["draaiboek"], "Werkconferentie")
    assert "zes themahoeken" in beurs.split("### Opbouw", 1)[1].split("###", 1)[0]


# -- evaluatiekader --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_evaluatiekader_does_not_suggest_abolishing_the_plans_platform(name):
    _, _, docs = built(EXAMPLES[name])
    assert "opheffen" not in text(docs["evaluatiekader"])


def test_utrecht_tweede_meting_is_an_activity_the_results_point_to():
    plan, _, docs = built(EXAMPLES["utrecht"])
    body = text(docs["evaluatiekader"])
    meting = plan.activiteit("tweede-meting")
    assert meting is not None and meting.datum < plan.evaluatie.datum
    assert "- *Activiteit in het plan:* 18. Tweede meting onder vrijwilligersorganisaties" in body
    for r in plan.evaluatie.resultaten:  # a result measured by a 'meting' names the activity that does it
        if "meting" in r.bron.lower():
            assert plan.activiteit(r.activiteit) is not None


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_evaluatiekader_answer_fields_match_ja_deels_nee(name):
    plan, _, docs = built(EXAMPLES[name])
    body = text(docs["evaluatiekader"])
    assert len([f for f in body.splitlines() if re.match(r"^(- )?[☐☒] ja [☐☒] deels [☐☒] nee", f)]) == 14
    given = plan.evaluatie.procestest
    for qid, answer in given.items():
        if answer.antwoord:
            question = next(q["vraag"] for c in plan.catalog.procestest["kolommen"] for q in c["vragen"]
                            if q["id"] == qid)
            after = next(x for x in body.split(f"**{question}**", 1)[1].splitlines()[1:] if x.strip())
            after = after.removeprefix("- ")  # the boxes are the first item of the question's list
            assert after.startswith({"ja": "☒ ja ☐ deels", "deels": "☐ ja ☒ deels", "nee": "☐ ja ☐ deels ☒ nee"}
                                    [answer.antwoord]), (qid, after)
    assert not re.search(r"^- \d+\.", docs["evaluatiekader"], flags=re.M)  # no stray list number


def test_evaluatiekader_results_per_doel():
    plan, _, docs = built(EXAMPLES["velsen"])
    body = text(docs["evaluatiekader"])
    first = plan.evaluatie.resultaten[0]
    assert f"**Doel 1: {first.doel}**" in body
    for label, value in (("Indicator", first.indicator), ("Nulmeting", first.nulmeting),
                         ("Streefwaarde", first.streefwaarde), ("Bron", first.bron), ("Meetmoment", "21 november 2028")):
        assert f"- *{label}:* {value}" in body, label
    assert "- *Bereikt:* ☐ ja ☐ deels ☐ nee" in body


@pytest.mark.parametrize("name", sorted(CASES))
def test_brochure_cases_build_all_three_handouts(name):
    plan, _, docs = built(CASES[name])
    for doc in HANDOUTS:
        assert docs[doc].startswith("# "), doc
    assert "opheffen" not in text(docs["evaluatiekader"])
    if plan.gemeente.naam != "Haarlemmermeer":
        assert "Haarlemmermeer" not in text(docs["draaiboek"])


# -- plan text wins over the method -----------------------------------------------------------------

def _base_with(old: str, new: str):
    from rules.helpers import BASE, edit

    compiled = compile_loaded(load_text(edit((old, new), text=BASE), "plan.yaml"))
    assert compiled.plan is not None
    return _render(compiled)


def test_the_plans_own_programme_replaces_the_method():
    plan, ctx, docs = _base_with("""        datum: 2027-09-15
        bouwt_voort_op: [cafe]""", """        datum: 2027-09-15
        aanvang: "19:30"
        einde: "21:00"
        programma:
          - {onderdeel: Welkom, minuten: 10, wie: Wethouder, wat: De wethouder opent de avond.}
          - {onderdeel: Reacties op de conceptnota, minuten: 70, wie: Voorzitter}
          - {onderdeel: Afsluiting, minuten: 10}
        bouwt_voort_op: [cafe]""")
    assert [(b.onderdeel, b.minuten) for b in plan.activiteit("inspraak").programma] == [
        ("Welkom", 10), ("Reacties op de conceptnota", 70), ("Afsluiting", 10)]
    part = section(docs["draaiboek"], "Inspraakavonden")
    assert "Het programma uit het plan." in part and "algemeen programma" not in part
    assert "| 19:30–19:40 | Welkom | 10 min. | Wethouder | De wethouder opent de avond. |" in part
    assert "| 20:50–21:00 | Afsluiting | 10 min. |" in part


def test_the_plans_roles_fill_the_methods_roles_and_add_their_own():
    plan, ctx, docs = _base_with("""        tafelgrootte: 8
        bouwt_voort_op: [enquete]""", """        tafelgrootte: 8
        aanvang: "19:30"
        einde: "22:00"
        rollen:
          - {rol: cafébaas, wie: Leden van de ouderenbond}
          - {rol: Fotograaf, wie: Een vrijwilliger van de lokale omroep}
        bouwt_voort_op: [enquete]""")
    rollen = {r["naam"]: r["wie"] for r in next(a for a in ctx["activiteiten"] if a["id"] == "cafe")["draaiboek"]["rollen"]}
    assert rollen["Cafébaas"] == "Leden van de ouderenbond"
    assert rollen["Schrijver"] == "per tafel gekozen"  # the brochure's default where the plan is silent
    assert rollen["Fotograaf"] == "Een vrijwilliger van de lokale omroep"
    assert rollen["Wethouder"] == ""  # the base plan's gemeente names no portefeuillehouder


@pytest.mark.parametrize("example,heading", [("utrecht", "## Het vrijwilligersplatform"),
                                             ("velsen", "## De klankbordgroep")])
def test_representation_heading_has_the_right_article(example, heading):
    _, _, docs = built(EXAMPLES[example])
    assert heading in docs["spelregels"]
    assert "De vrijwilligersplatform" not in docs["spelregels"]


@pytest.mark.parametrize("formats", ["docx", "html", "docx,html"])
def test_page_breaks_reach_word_and_html(tmp_path, formats):
    """Every activity of the draaiboek starts a new page: in Word (docx_layout's section breaks, also in
    a docx-only build) and in the HTML's print layout (also_html.lua); the spelregels get none."""
    import zipfile

    from click.testing import CliRunner

    from plancompiler.cli import cli

    result = CliRunner().invoke(cli, ["build", str(EXAMPLES["dorpshaven"]), "-o", str(tmp_path / "out"),
                                      "--format", formats], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    plan = compile_file(EXAMPLES["dorpshaven"]).plan
    if "docx" in formats:
        with zipfile.ZipFile(tmp_path / "out" / "draaiboek.docx") as z:
            xml = z.read("word/document.xml").decode("utf-8")
        headings = re.findall(r'<w:p>(?:(?!</w:p>).)*?<w:pStyle w:val="Heading1" />(?:(?!</w:p>).)*?</w:p>', xml)
        if not headings:
            headings = re.findall(r'<w:p>(?:(?!</w:p>).)*?<w:pStyle w:val="Heading1"/>(?:(?!</w:p>).)*?</w:p>', xml)
        assert len(headings) == len(plan.activiteiten) + 1  # the overview, then one per activity
        assert ["pageBreakBefore" in h for h in headings[1:]] == [True] * len(plan.activiteiten)
        with zipfile.ZipFile(tmp_path / "out" / "spelregels.docx") as z:
            spelregels = z.read("word/document.xml").decode("utf-8")
        assert "pageBreakBefore" not in spelregels and 'w:type="page"' not in spelregels
    if "html" in formats:
        html = (tmp_path / "out" / "draaiboek.html").read_text(encoding="utf-8")
        assert html.count("break-before: page") == len(plan.activiteiten)
        assert "break-before: page" not in (tmp_path / "out" / "spelregels.html").read_text(encoding="utf-8")


def test_speakers_open_a_programme_built_from_the_plan():
    plan, ctx, docs = _base_with("""        datum: 2027-09-15
        bouwt_voort_op: [cafe]""", """        datum: 2027-09-15
        aanvang: "19:30"
        einde: "21:00"
        sprekers: [De wethouder, Een vrijwilliger van de voedselbank]
        bouwt_voort_op: [cafe]""")
    part = section(docs["draaiboek"], "Inspraakavonden")
    assert "Een programma van plancompiler, opgebouwd uit wat het plan over deze activiteit zegt." in part
    assert "| Inleiding |" in part and "Door De wethouder en Een vrijwilliger van de voedselbank." in part
    assert "| 20:45–21:00 | Afronding en vervolg |" in part  # the programme ends at the planned end
    assert "| Pauze |" not in part  # 90 minutes: no break
