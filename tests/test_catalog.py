"""The catalog (catalog/*.yaml) is valid against catalog.schema.json and encodes the brochure.

Facts are pinned against MOVISIE, *Interactieve beleidsvorming* (2009), as restored in
shared/REFERENCE.md (the matrix, the quickscan bands and the other decisions).
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from itertools import product
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
CATALOG = ROOT / "catalog"
FILES = ["ladder", "gemeentetypen", "quickscan", "kernvoorwaarden", "beleidsfasen", "doelen",
         "instrumenten", "vrijwilligers", "draagvlak", "evaluatie", "wet"]
TREDEN = ["informeren", "raadplegen", "adviseren", "coproduceren", "meebeslissen"]
DOELEN = ["draagvlak", "verrijking", "ambitie", "samenwerking"]

# The instrument matrix of p. 24 as restored in REFERENCE.md (rows 3-4 per its decisions).
MATRIX: dict[tuple[str, str], set[str]] = {
    ("draagvlak", "informeren"): {
        "voorlichting-via-de-media", "informatieavond", "tentoonstelling", "campagne",
        "inloopbijeenkomst", "vrijwilligersontbijt", "stadsgesprek"},
    ("draagvlak", "raadplegen"): {
        "enquete", "digimon-enquete", "vrijwilligerspanel", "inspraakavonden", "hoorzittingen",
        "digitaal-debat", "prijsvraag", "spreekuur"},
    ("draagvlak", "adviseren"): {
        "vrijwilligersconferentie", "werkconferentie", "symposium", "vrijwilligersnetwerk",
        "waardeveiling", "dilemmadebat"},
    ("draagvlak", "coproduceren"): {"participatiebijeenkomsten"},
    ("draagvlak", "meebeslissen"): {"referendum"},
    ("verrijking", "informeren"): {"werkbezoek", "themabijeenkomst", "raadsconferentie"},
    ("verrijking", "raadplegen"): {
        "vrijwilligersdebat", "themadiscussie", "discussie-inloop", "workshops", "klankbordgroep",
        "denktank", "interviews", "groepsgesprek", "brainstormsessie", "kwaliteitspanel"},
    ("verrijking", "adviseren"): {
        "vrijwilligersplatform", "wmo-raad", "wmo-netwerk", "wmo-panel", "adviesraden",
        "dorps-en-wijkraden", "rondetafelgesprekken", "meedenksessies", "vrijwilligerscafe"},
    ("verrijking", "coproduceren"): {
        "werkateliers", "werkgroepen", "pressure-cooker", "workshop-coproductie"},
    ("verrijking", "meebeslissen"): {
        "medezeggenschapsraad", "wijkbudget", "buurt-aan-zet", "recht-van-initiatief", "agendarecht"},
    ("ambitie", "informeren"): {"vrijwilligersschouw", "focusgroepen"},
    ("ambitie", "raadplegen"): {"expertmeetings", "kenniscafes"},
    ("ambitie", "adviseren"): set(),
    ("ambitie", "coproduceren"): {"vrijwilligersplatform", "stakeholdersdialoog"},
    ("ambitie", "meebeslissen"): {"stuurgroep"},
    ("samenwerking", "informeren"): set(),
    ("samenwerking", "raadplegen"): set(),
    ("samenwerking", "adviseren"): {"rondetafelgesprekken"},
    ("samenwerking", "coproduceren"): {
        "vrijwilligersbeurs", "projectgroepen", "overleggroepen", "convenanten"},
    ("samenwerking", "meebeslissen"): {"stuurgroep"},
}
DEEL_B = {"digimon-enquete": "raadplegen", "vrijwilligersdebat": "raadplegen",
          "vrijwilligerscafe": "adviseren", "vrijwilligersbeurs": "coproduceren",
          "stakeholdersdialoog": "coproduceren", "buurt-aan-zet": "meebeslissen"}


# --- loading --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def catalog() -> dict:
    yaml = YAML(typ="safe")
    return {name: yaml.load(CATALOG / f"{name}.yaml") for name in FILES}


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads((CATALOG / "catalog.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def instr(catalog) -> dict[str, dict]:
    return {i["id"]: i for i in catalog["instrumenten"]["instrumenten"]}


def rank(trede: str) -> int:
    return TREDEN.index(trede)


def allowed(instr: dict, doel: str, trede: str) -> set[str]:
    """Instruments usable for `doel` at `trede`: cumulative, the cell rung <= chosen rung (p. 25)."""
    return {i for i, x in instr.items()
            if doel in x["matrix"] and rank(x["matrix"][doel]) <= rank(trede)}


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[\s_]+", "-", text)
    text = re.sub(r"[^a-z0-9'-]", "", text)
    return re.sub(r"-{2,}", "-", text).strip("-")


# --- schema -----------------------------------------------------------------------------------

def test_schema_is_valid_draft_2020_12(schema):
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["properties"]) == set(FILES) == set(schema["required"])


def test_catalog_files_are_exactly_the_documented_ones():
    assert {p.stem for p in CATALOG.glob("*.yaml")} == set(FILES)


def test_catalog_validates_against_schema(catalog, schema):
    errors = sorted(Draft202012Validator(schema).iter_errors(catalog),
                    key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:20])


@pytest.mark.parametrize("bad", [
    {"pagina": "p. 14"},
    {"pagina": 14},
    {"extra": "veld"},
])
def test_schema_rejects_bad_trede(catalog, schema, bad):
    broken = json.loads(json.dumps(catalog))
    broken["ladder"]["treden"][0].update(bad)
    assert list(Draft202012Validator(schema).iter_errors(broken))


def test_schema_rejects_missing_file_and_bad_ids(catalog, schema):
    v = Draft202012Validator(schema)
    broken = {k: v_ for k, v_ in catalog.items() if k != "wet"}
    assert list(v.iter_errors(broken))
    broken = json.loads(json.dumps(catalog))
    broken["instrumenten"]["instrumenten"][0]["id"] = "Voorlichting via de media"
    assert list(v.iter_errors(broken))
    broken = json.loads(json.dumps(catalog))
    broken["instrumenten"]["instrumenten"][0]["matrix"] = {"draagvlak": "overleggen"}
    assert list(v.iter_errors(broken))


# --- ladder -------------------------------------------------------------------------------------

def test_ladder(catalog):
    treden = catalog["ladder"]["treden"]
    assert [t["id"] for t in treden] == TREDEN
    assert [t["nummer"] for t in treden] == [1, 2, 3, 4, 5]
    assert [t["interactief"] for t in treden] == [False, False, True, True, True]
    assert all(t["in_gewone_woorden"].startswith("U ") for t in treden)


# --- gemeentetypen ------------------------------------------------------------------------------

def test_gemeentetypen_dimensions_and_comfortzones(catalog):
    typen = {t["id"]: t for t in catalog["gemeentetypen"]["typen"]}
    assert {k: (t["sturing"], t["beleid"]) for k, t in typen.items()} == {
        "I": ("dirigent", "smal"), "II": ("dirigent", "breed"),
        "III": ("regisseur", "smal"), "IV": ("regisseur", "breed")}
    assert {k: t["comfortzone"] for k, t in typen.items()} == {
        "I": "informeren", "II": "raadplegen", "III": "adviseren", "IV": "adviseren"}
    assert typen["I"]["naam"] == "De ambitie voorbij!"
    assert typen["IV"]["naam"] == "De leunstoel"
    assert {k: len(t["risicos"]) for k, t in typen.items()} == {"I": 4, "II": 6, "III": 5, "IV": 5}


def test_risk_ids_unique_over_all_types(catalog):
    ids = [r["id"] for t in catalog["gemeentetypen"]["typen"] for r in t["risicos"]]
    assert len(ids) == 20
    assert [i for i, n in Counter(ids).items() if n > 1] == []


def test_recurring_risks_share_basis(catalog):
    basis = {}
    for t in catalog["gemeentetypen"]["typen"]:
        for r in t["risicos"]:
            basis.setdefault(r["basis"], set()).add(t["id"])
    assert basis["geen-draagvlak"] == {"I", "II"}
    assert basis["alle-sectoren-tegelijk"] == {"II", "IV"}
    assert basis["geen-prikkel"] == {"III", "IV"}
    assert basis["selecte-groep"] == {"III"}
    assert basis["traditionele-organisaties-dominant"] == {"IV"}
    assert len(basis) == 13


# --- quickscan ----------------------------------------------------------------------------------

def score(quickscan: dict, antwoorden: list[str]) -> int:
    return sum(v["punten"][a] for v, a in zip(quickscan["vragen"], antwoorden, strict=True))


def band_for(quickscan: dict, total: int) -> str:
    (trede,) = [b["trede"] for b in quickscan["banden"] if b["van"] <= total <= b["tot"]]
    return trede


def test_quickscan_points(catalog):
    qs = catalog["quickscan"]
    assert [v["nummer"] for v in qs["vragen"]] == list(range(1, 11))
    punten = [(v["punten"]["ja"], v["punten"]["nee"]) for v in qs["vragen"]]
    assert punten == [(1, 2)] + [(2, 1)] * 6 + [(1, 2)] + [(2, 1)] * 2


def test_quickscan_min_max(catalog):
    qs = catalog["quickscan"]
    minimal = [min(v["punten"], key=v["punten"].get) for v in qs["vragen"]]
    assert score(qs, minimal) == 10
    assert band_for(qs, 10) == "informeren"
    totals = {score(qs, list(a)) for a in product(["ja", "nee"], repeat=10)}
    assert min(totals) == 10 and max(totals) == 20
    assert totals == set(range(10, 21))


def test_quickscan_bands_cover_10_to_20_without_gaps_or_overlap(catalog):
    banden = catalog["quickscan"]["banden"]
    covered = [n for b in banden for n in range(b["van"], b["tot"] + 1)]
    assert sorted(covered) == list(range(10, 21))
    assert len(covered) == len(set(covered))
    assert [b["trede"] for b in banden] == TREDEN
    assert [(b["van"], b["tot"]) for b in banden] == [(10, 10), (11, 12), (13, 15), (16, 18), (19, 20)]
    assert catalog["quickscan"]["besluit"]


def test_quickscan_profiles_fall_in_their_band(catalog):
    qs = catalog["quickscan"]
    for trede, antwoorden in qs["profielen"].items():
        assert band_for(qs, score(qs, antwoorden)) == trede
    assert score(qs, qs["profielen"]["informeren"]) == 10
    assert score(qs, qs["profielen"]["raadplegen"]) == 11
    assert score(qs, qs["profielen"]["adviseren"]) == 13
    assert score(qs, qs["profielen"]["meebeslissen"]) == 20


# --- kernvoorwaarden ----------------------------------------------------------------------------

def test_kernvoorwaarden(catalog):
    kv = catalog["kernvoorwaarden"]
    assert [v["id"] for v in kv["voorwaarden"]] == [
        "openheid", "duidelijkheid_rol_en_inbreng", "meerwaarde", "constructieve_relatie",
        "geschikte_problematiek", "capaciteit_en_middelen"]
    for v in kv["voorwaarden"]:
        assert list(v["criteria"]) == TREDEN
    gp = next(v for v in kv["voorwaarden"] if v["id"] == "geschikte_problematiek")["criteria"]
    assert "volledig uitgekristalliseerd" in gp["informeren"]
    assert "in grote mate" in gp["raadplegen"]
    assert "nog niet voldoende" in gp["adviseren"]
    assert "verre van" in gp["coproduceren"] and "verre van" in gp["meebeslissen"]
    schaal = {p["id"]: p["treden"] for p in kv["problematiek"]}
    assert schaal == {"volledig": ["informeren"], "grotendeels": ["raadplegen"],
                      "onvoldoende": ["adviseren"], "verre-van": ["coproduceren", "meebeslissen"]}
    assert kv["advies"]["tekst"] == "wees dan bescheiden met de mate van interactie"


# --- beleidsfasen -------------------------------------------------------------------------------

def test_phases_in_order(catalog, instr):
    fasen = catalog["beleidsfasen"]["fasen"]
    assert [f["id"] for f in fasen] == [
        "inventarisatie", "visievorming", "beleidsvoorbereiding", "beleidsplan", "verordening",
        "uitvoering", "evaluatie"]
    assert [f["nummer"] for f in fasen] == list(range(1, 8))
    assert {f["id"]: f["max_trede"] for f in fasen if f["max_trede"]} == {
        "beleidsplan": "raadplegen",  # p. 20: "slechts een consultatieronde"
        "verordening": "adviseren"}  # p. 21: "De vertegenwoordigers geven advies"
    assert fasen[0]["product"] == "Startnotitie"
    assert fasen[2]["product"] == "Concept beleidsplan"
    for f in fasen:
        assert set(f.get("instrumenten", [])) <= set(instr)


def test_each_phase_has_its_part_of_the_policy_cycle(catalog):
    """Stap 4 (p. 19-22): inventarisatie .. verordening prepare policy, then uitvoering, evaluatie."""
    b = catalog["beleidsfasen"]
    assert {f["id"]: f["beleidscyclus"]["deel"] for f in b["fasen"]} == {
        "inventarisatie": "voorbereiding", "visievorming": "voorbereiding",
        "beleidsvoorbereiding": "voorbereiding", "beleidsplan": "voorbereiding",
        "verordening": "voorbereiding", "uitvoering": "uitvoering", "evaluatie": "evaluatie"}
    assert {f["id"]: f["beleidscyclus"]["pagina"] for f in b["fasen"]} == {
        "inventarisatie": "19-20", "visievorming": "19-20", "beleidsvoorbereiding": "19-20",
        "beleidsplan": "20", "verordening": "20-21", "uitvoering": "21", "evaluatie": "21-22"}
    assert b["beleidscyclus"]["delen"] == ["voorbereiding", "uitvoering", "evaluatie"]
    assert "beleidsvoorbereiding" in b["beleidscyclus"]["tekst"] and b["beleidscyclus"]["besluit"]


def test_schema_requires_the_policy_cycle_part(catalog, schema):
    v = Draft202012Validator(schema)
    broken = json.loads(json.dumps(catalog))
    del broken["beleidsfasen"]["fasen"][5]["beleidscyclus"]
    assert list(v.iter_errors(broken))
    broken = json.loads(json.dumps(catalog))
    broken["beleidsfasen"]["fasen"][5]["beleidscyclus"]["deel"] = "uitvoeren"
    assert list(v.iter_errors(broken))


# --- doelen and the instrument matrix -------------------------------------------------------------

def test_doelen(catalog):
    assert [d["id"] for d in catalog["doelen"]["doelen"]] == DOELEN


def test_instrument_ids_unique_and_count(catalog, instr):
    ids = [i["id"] for i in catalog["instrumenten"]["instrumenten"]]
    assert len(ids) == len(set(ids)) == 64
    assert set(ids) == set().union(*MATRIX.values())


def test_every_matrix_cell_matches_reference(instr):
    for doel, trede in product(DOELEN, TREDEN):
        cell = {i for i, x in instr.items() if x["matrix"].get(doel) == trede}
        assert cell == MATRIX[(doel, trede)], (doel, trede)
        assert len(cell) == len(MATRIX[(doel, trede)])


def test_brochure_matrix_facts(instr):
    assert instr["stakeholdersdialoog"]["matrix"] == {"ambitie": "coproduceren"}
    assert instr["vrijwilligersbeurs"]["matrix"] == {"samenwerking": "coproduceren"}
    assert instr["stuurgroep"]["matrix"] == {"ambitie": "meebeslissen", "samenwerking": "meebeslissen"}
    assert instr["vrijwilligersplatform"]["matrix"] == {"verrijking": "adviseren", "ambitie": "coproduceren"}
    assert instr["rondetafelgesprekken"]["matrix"] == {"verrijking": "adviseren", "samenwerking": "adviseren"}
    assert instr["vrijwilligerscafe"]["matrix"] == {"verrijking": "adviseren"}
    assert instr["kenniscafes"]["matrix"] == {"ambitie": "raadplegen"}
    assert instr["digimon-enquete"]["matrix"] == {"draagvlak": "raadplegen"}
    assert instr["referendum"]["matrix"] == {"draagvlak": "meebeslissen"}
    assert not [i for i, x in instr.items() if x["matrix"].get("ambitie") == "adviseren"]
    assert not [i for i, x in instr.items()
                if x["matrix"].get("samenwerking") in ("informeren", "raadplegen")]


def test_matrix_is_cumulative(instr):
    at_adviseren = allowed(instr, "draagvlak", "adviseren")
    assert "enquete" in at_adviseren
    assert "voorlichting-via-de-media" in at_adviseren
    assert "referendum" not in at_adviseren
    assert "participatiebijeenkomsten" not in at_adviseren
    # p. 25: "kiest voor adviseren en ... hogere ambitie" -> the informeren and raadplegen instruments
    assert allowed(instr, "ambitie", "adviseren") == {
        "vrijwilligersschouw", "focusgroepen", "expertmeetings", "kenniscafes"}
    assert allowed(instr, "samenwerking", "raadplegen") == set()
    assert allowed(instr, "samenwerking", "meebeslissen") == {
        "rondetafelgesprekken", "vrijwilligersbeurs", "projectgroepen", "overleggroepen",
        "convenanten", "stuurgroep"}


def test_decided_cells_carry_besluit(instr):
    for i in ["vrijwilligersschouw", "focusgroepen", "expertmeetings", "kenniscafes",
              "vrijwilligersplatform", "stuurgroep", "rondetafelgesprekken", "projectgroepen",
              "overleggroepen", "convenanten", "workshops", "workshop-coproductie", "enquete"]:
        assert len(instr[i].get("besluit", "")) > 20, i


def test_workshops_are_two_instruments(instr):
    assert instr["workshops"]["matrix"] == {"verrijking": "raadplegen"}
    assert instr["workshop-coproductie"]["matrix"] == {"verrijking": "coproduceren"}
    assert instr["workshop-coproductie"]["naam"] == "Workshop (coproductie)"
    names = {normalise(s) for i in ("workshops", "workshop-coproductie")
             for s in [instr[i]["id"], instr[i]["naam"], *instr[i]["synoniemen"]]}
    assert "workshop" not in names


def test_display_names_keep_diacritics(instr):
    assert instr["digimon-enquete"]["naam"] == "Digimon-enquête"
    assert instr["enquete"]["naam"] == "Enquête"
    assert instr["vrijwilligerscafe"]["naam"] == "Vrijwilligerscafé"
    assert instr["kenniscafes"]["naam"] == "Kenniscafés"
    assert instr["waardeveiling"]["naam"] == "Waardeveiling"
    assert "vrijwilligerscafés" in instr["vrijwilligerscafe"]["synoniemen"]
    assert "enquete" in {normalise(s) for s in instr["enquete"]["synoniemen"] + [instr["enquete"]["naam"]]}
    assert "digimon enquête" in instr["digimon-enquete"]["synoniemen"]


def test_synonyms_do_not_collide_across_instruments(instr):
    owner: dict[str, str] = {}
    for i, x in instr.items():
        for s in {normalise(s) for s in [x["id"], x["naam"], *x["synoniemen"]]}:
            assert s not in owner, f"{s!r} of {i} collides with {owner.get(s)}"
            owner[s] = i
    assert normalise("Digimon enquête") == "digimon-enquete"
    assert owner["vrijwilligerscafes"] == "vrijwilligerscafe"
    assert owner["enquete"] == "enquete"


def test_vervolg_nodig(instr):
    assert instr["digimon-enquete"]["vervolg_nodig"] is True
    assert instr["enquete"]["vervolg_nodig"] is True
    assert instr["vrijwilligerscafe"]["vervolg_nodig"] is False


# --- part B -------------------------------------------------------------------------------------

def test_part_b_instruments(instr):
    with_b = {i for i, x in instr.items() if "deel_b" in x}
    assert with_b == set(DEEL_B)
    for i, trede in DEEL_B.items():
        assert trede in instr[i]["matrix"].values(), i
        b = instr[i]["deel_b"]
        assert b["voordelen"] and b["nadelen"] and b["methode"]["rollen"]
        assert "programma" in b["methode"] or "stappen" in b["methode"]


def instr_data() -> dict:
    from plancompiler.catalog import get_catalog

    return get_catalog().data["instrumenten"]


def eisen(instr, i) -> dict:
    return {e.get("veld", "vervolg"): e for e in instr[i]["deel_b"].get("eisen", ())}


def test_part_b_requirements(instr):
    cafe = eisen(instr, "vrijwilligerscafe")
    assert cafe["deelnemers"]["max"] == 200
    assert (cafe["tafelgrootte"]["min"], cafe["tafelgrootte"]["max"]) == (5, 10)
    # The gespreksleider of p. 40 is checked for every debate form by gespreksleider-ontbreekt.
    assert eisen(instr, "vrijwilligersdebat") == {}
    assert "vrijwilligersdebat" in instr_data()["gespreksleider"]["instrumenten"]
    # Trekkers are appointed during the beurs (p. 43; p. 44, 11.30), so no trekkers in advance.
    beurs = eisen(instr, "vrijwilligersbeurs")
    assert set(beurs) == {"vervolg"} and beurs["vervolg"]["vervolg"] is True
    assert eisen(instr, "stakeholdersdialoog")["panels"]["min_items"] == 2
    buurt = eisen(instr, "buurt-aan-zet")
    assert buurt["mandaat"]["waar"] is True and buurt["budget_eur"]["min"] == 1
    assert eisen(instr, "digimon-enquete")["vervolg"]["vervolg"] is True


def test_cafe_programma(instr):
    methode = instr["vrijwilligerscafe"]["deel_b"]["methode"]
    blokken = methode["programma"]
    assert blokken[0]["titel"] == "Ronde 1" and blokken[0]["minuten"] == 45
    assert [b["minuten"] for b in blokken[:3]] == [45, 15, 15]
    assert sum(b["minuten"] for b in blokken[:3]) == 75
    assert (blokken[3]["minuten_min"], blokken[3]["minuten"]) == (15, 30)
    assert {r["naam"] for r in methode["rollen"]} == {"Cafébaas", "Oppercafébaas", "Schrijver"}
    assert any("niet bij" in t for t in methode["tips"])  # report also to absentees


def test_beurs_programma_follows_velsen(instr):
    blokken = instr["vrijwilligersbeurs"]["deel_b"]["methode"]["programma"]
    assert sum(b["minuten"] for b in blokken) == 210
    minute = 9 * 60
    for b in blokken:
        assert b["brochuretijd"] == f"{minute // 60:02d}.{minute % 60:02d}", b["titel"]
        minute += b["minuten"]
    assert minute == 12 * 60 + 30
    titels = [b["titel"] for b in blokken]
    assert titels.index("Opening") < titels.index("Vrijwilligersbeurs") < titels.index("Ceremonie")
    assert next(b for b in blokken if b["titel"] == "Vrijwilligersbeurs")["minuten"] == 45


def test_digimon_stappen_are_relative_weeks(instr):
    methode = instr["digimon-enquete"]["deel_b"]["methode"]
    weken = [s["weken"] for s in methode["stappen"]]
    assert weken == sorted(weken)
    assert min(weken) < 0 < max(weken) and 0 in weken
    assert "programma" not in methode


def test_dialoog_cycle_ends_jointly(instr):
    stappen = instr["stakeholdersdialoog"]["deel_b"]["methode"]["stappen"]
    assert [s["weken"] for s in stappen] == sorted(s["weken"] for s in stappen)
    assert "gezamenlijk" in stappen[-1]["titel"].lower()


# --- vrijwilligers --------------------------------------------------------------------------------

def test_vrijwilligers(catalog):
    v = catalog["vrijwilligers"]
    assert [s["id"] for s in v["sectoren"]] == [
        "sport-en-recreatie", "kunst-en-cultuur", "zorg-en-hulpverlening", "sociaal-cultureel-werk",
        "natuur-en-milieu", "religie-en-levensbeschouwing", "politieke-en-ideele-doelen",
        "wijk-buurt-en-bewonerszaken", "onderwijs-en-educatie", "belangenbehartiging-en-emancipatie",
        "informatie-en-advies", "verkeer-en-veiligheid", "media"]
    assert [m["id"] for m in v["minder_georganiseerd"]] == [
        "burgerinitiatieven", "informele-groepen", "vrijwilligers-in-professionele-organisaties"]
    groepen = {g["id"]: g for g in v["bijzondere_groepen"]}
    assert groepen["jongeren"]["persoonlijke_benadering"] is True
    assert groepen["migranten"]["persoonlijke_benadering"] is True
    assert "ouderen" not in groepen  # the brochure does not name them as a group to recruit
    assert [w["id"] for w in v["wervingscirkel"]] == [
        "doel", "doelgroep", "boodschap", "middel", "organisatie"]
    assert [b["id"] for b in v["boodschap"]] == [
        "vragen", "bieden", "uren", "invloed", "met_inbreng", "voorwaarden"]
    assert 1 < v["breed_min_sectoren"] <= len(v["sectoren"])
    assert v["besluit"]


# --- draagvlak --------------------------------------------------------------------------------------

def test_draagvlak(catalog):
    d = catalog["draagvlak"]
    assert [r["id"] for r in d["raad_vragen"]] == ["kaders", "rol", "orientatie", "voortgang"]
    assert [s["id"] for s in d["spelregels"]] == [
        "rolverdeling", "invloed", "besluitvorming", "agenda", "deelname", "informatie",
        "resultaten", "openbaarheid", "conflicten", "verantwoording"]
    assert [e["id"] for e in d["vertegenwoordiging"]] == [
        "toetreding", "representativiteit", "faciliteiten", "kader", "zittingstermijn_maanden"]


def test_hengelo_terms(catalog):
    t = catalog["draagvlak"]["terugkoppeling"]
    assert (t["verslag_binnen_dagen"], t["reactietermijn_dagen"], t["na_besluit_dagen"]) == (21, 14, 7)
    assert t["reactienota"] is True
    assert "Hengelo" in t["bron"] and t["pagina"] == "33"


# --- evaluatie ------------------------------------------------------------------------------------

def test_procestest(catalog):
    e = catalog["evaluatie"]
    kolommen = e["procestest"]["kolommen"]
    assert [k["id"] for k in kolommen] == ["projectmatig", "democratisch"]
    assert [len(k["vragen"]) for k in kolommen] == [7, 7]
    ids = [v["id"] for k in kolommen for v in k["vragen"]]
    assert len(ids) == len(set(ids)) == 14
    assert [a["id"] for a in e["antwoorden"]] == ["ja", "deels", "nee"]
    assert e["procestest"]["bron"] == "Stichting Rekenschap"


# --- wet ------------------------------------------------------------------------------------------

def test_wet(catalog):
    w = catalog["wet"]
    assert w["wet"]["afkorting"] == "Wmo" and w["wet"]["versie"] == "2007"
    for term in ("2015", "150", "participatieverordening", "Wet versterking participatie"):
        assert term in w["wet"]["opmerking"]
    plan = {a["id"]: a["plan"] for a in w["artikelen"]}
    assert plan == {
        "art11-lid1": ["/draagvlak", "/fasen"],
        "art11-lid2": ["/fasen", "/ambitie"],
        "art11-lid3": ["/terugkoppeling", "/spelregels"],
        "art11-lid4": ["/werving/moeilijk_bereikbaar"],
        "art12-lid1": ["/draagvlak/wmo_advies"],
        "art12-lid2": ["/terugkoppeling/reactienota"],
    }
    for a in w["artikelen"]:
        assert a["id"] == f"art{a['artikel']}-lid{a['lid']}"


WMO2015 = {  # id → (artikel, lid, sub) of the Wmo 2015 provisions in the catalog
    "wmo2015-art2-1-2-lid1": ("2.1.2", 1, None),
    "wmo2015-art2-1-2-lid2-b": ("2.1.2", 2, "b"),
    "wmo2015-art2-1-2-lid6": ("2.1.2", 6, None),
    "wmo2015-art2-1-3-lid3": ("2.1.3", 3, None),
    **{f"wmo2015-art2-1-3-lid3-{x}": ("2.1.3", 3, x) for x in "abcdef"},
    "wmo2015-art2-2-2-lid1": ("2.2.2", 1, None),
}


def bepalingen(catalog) -> dict[str, dict]:
    return {b["id"]: b for b in catalog["wet"]["bepalingen"]}


def test_laws_with_bwb_ids_and_dates(catalog):
    w = {x["id"]: x for x in catalog["wet"]["wetten"]}
    assert {k: x.get("bwb") for k, x in w.items()} == {
        "wmo-2007": "BWBR0020031", "wmo-2015": "BWBR0035362", "gemeentewet": "BWBR0005416",
        "wet-versterking-participatie": None}
    assert (w["wmo-2007"]["geldig_vanaf"], w["wmo-2007"]["geldig_tot"]) == ("2007-01-01", "2014-12-31")
    assert w["wmo-2015"]["geldig_vanaf"] == "2015-01-01" and "geldig_tot" not in w["wmo-2015"]
    wvp = w["wet-versterking-participatie"]
    assert (wvp["kamerstuk"], wvp["aangenomen_tk"], wvp["aangenomen_ek"], wvp["geldig_vanaf"]) == (
        "36210", "2023-10-26", "2024-06-04", "2025-01-01")
    assert catalog["wet"]["wet"]["id"] == "wmo-2007"
    # the verbatim texts come from a pinned copy
    for k in ("wmo-2007", "wmo-2015", "gemeentewet"):
        assert w[k]["bron"]["repo"] == "statengeneraal/laws-markdown"
        assert re.fullmatch(r"[0-9a-f]{40}", w[k]["bron"]["commit"])
        assert w[k]["bwb"] in w[k]["bron"]["pad"]


def test_wmo_2015_provisions_are_pinned_and_verbatim(catalog):
    b = bepalingen(catalog)
    wmo = {k: v for k, v in b.items() if v["wet"] == "wmo-2015"}
    assert {k: (v["artikel"], v["lid"], v.get("sub")) for k, v in wmo.items()} == WMO2015
    for v in wmo.values():
        assert v["parafrase"] is False and v["geldig_vanaf"] == "2015-01-01" and "geldig_tot" not in v
    assert b["wmo2015-art2-1-2-lid2-b"]["tekst"].startswith("de verschillende categorieën van mantelzorgers, en vrijwilligers")
    assert b["wmo2015-art2-1-2-lid2-b"]["aanhef"].startswith("Het plan beschrijft de beleidsvoornemens")
    # the text in force on 1 January 2015 (not the enacted "outcomecriteria")
    assert "prestatie-indicatoren" in b["wmo2015-art2-1-2-lid6"]["tekst"]
    assert "outcomecriteria" in b["wmo2015-art2-1-2-lid6"]["opmerking"]
    assert "gevraagd en ongevraagd advies" in b["wmo2015-art2-1-3-lid3-b"]["tekst"]
    assert b["wmo2015-art2-1-3-lid3-d"]["tekst"] == "deel kunnen nemen aan periodiek overleg;"
    assert b["wmo2015-art2-1-3-lid3"]["tekst"].endswith("de wijze waarop zij:")
    assert b["wmo2015-art2-2-2-lid1"]["tekst"].startswith("Het college bevordert en treft de algemene maatregelen")
    assert {v["bindt"] for k, v in wmo.items() if k.startswith("wmo2015-art2-1-3")} == {"verordening"}
    assert {v["bindt"] for k, v in wmo.items() if k.startswith("wmo2015-art2-1-2")} == {"plan"}
    assert b["wmo2015-art2-2-2-lid1"]["bindt"] == "college"


def test_gemeentewet_150_old_verbatim_new_as_marked_paraphrase(catalog):
    b = bepalingen(catalog)
    old1, old2 = b["gemw-art150-lid1-oud"], b["gemw-art150-lid2-oud"]
    assert (old1["artikel"], old1["lid"], old2["lid"]) == ("150", 1, 2)
    assert old1["parafrase"] is False and old2["parafrase"] is False
    assert old1["tekst"].startswith("De raad stelt een verordening vast waarin regels worden gesteld")
    assert "bij de voorbereiding van gemeentelijk beleid worden betrokken" in old1["tekst"]
    assert "afdeling 3.4 van de Algemene wet bestuursrecht" in old2["tekst"]
    assert old1["geldig_tot"] == old2["geldig_tot"] == "2024-12-31"
    new1, new2, uit = b["gemw-art150-lid1"], b["gemw-art150-lid2"], b["gemw-art150-uitdaagrecht"]
    for p in (new1, new2, uit):
        assert p["parafrase"] is True and p["geldig_vanaf"] == "2025-01-01"
        assert p["te_controleren"].startswith("https://wetten.overheid.nl/") and "BWBR0005416" in p["te_controleren"]
        assert p["gewijzigd_door"] == "wet-versterking-participatie" and p["bronnen"]
    assert "voorbereiding, de uitvoering en de evaluatie" in new1["tekst"] and new1["lid"] == 1
    assert new2["lid"] == 2 and "inspraak" in new2["tekst"]
    assert any("artikel 150, tweede lid" in q.get("citaat", "") for q in new2["bronnen"])
    # the uitdaagrecht: "kan" until the official text is read; lid 3 as a verordening cites it
    assert uit["verplichting"] == "kan" and uit["lid"] == 3 and "kan" in uit["tekst"]
    assert any("artikel 150, derde lid" in " ".join(q.get("citaat", "").split()) for q in uit["bronnen"])
    assert old1["opvolging"]["bepalingen"] == ["gemw-art150-lid1"]
    assert old2["opvolging"]["bepalingen"] == ["gemw-art150-lid2"]


def test_participatieverordening_deadline_is_2027_01_01(catalog):
    t = {x["id"]: x for x in catalog["wet"]["termijnen"]}
    assert t["participatieverordening"]["datum"] == "2027-01-01"
    assert t["participatieverordening"]["bepaling"] == "gemw-art150-lid1"
    assert "1 januari 2027" in t["participatieverordening"]["tekst"]
    assert any("1 januari 2027" in q["citaat"] for q in t["participatieverordening"]["bronnen"])


def test_brochure_wmo_2007_is_historical_and_mapped(catalog):
    arts = {a["id"]: a for a in catalog["wet"]["artikelen"]}
    assert {k: (a["opvolging"]["soort"], a["opvolging"]["bepalingen"]) for k, a in arts.items()} == {
        "art11-lid1": ("opvolger", ["gemw-art150-lid1", "wmo2015-art2-1-3-lid3"]),
        "art11-lid2": ("opvolger", ["wmo2015-art2-1-3-lid3-a"]),
        "art11-lid3": ("opvolger", ["wmo2015-art2-1-3-lid3-f"]),
        "art11-lid4": ("goede-praktijk", []),
        "art12-lid1": ("opvolger", ["wmo2015-art2-1-3-lid3-b"]),
        "art12-lid2": ("goede-praktijk", []),
    }
    for a in arts.values():
        assert a["status"] == "historisch" and a["wet"] == "wmo-2007"
        assert (a["geldig_vanaf"], a["geldig_tot"]) == ("2007-01-01", "2014-12-31")
        assert a["parafrase"] is True and a["letterlijk"] != a["tekst"]  # tekst: the summary
        assert a["letterlijk"].startswith(("Het college van burgemeester en wethouders", "Alvorens",
                                           "Onverminderd"))
    assert "krachtens artikel 150 van de Gemeentewet" in arts["art11-lid1"]["letterlijk"]
    # the official copy and the brochure differ in the cross-reference of art. 12 lid 2
    assert "artikel 11, vierde lid" in arts["art12-lid2"]["letterlijk"]
    assert "tweede lid" in arts["art12-lid2"]["opmerking"]
    assert catalog["wet"]["wet"]["pagina"] == "4"


def test_every_legal_reference_resolves(catalog):
    w = catalog["wet"]
    ids = [b["id"] for b in w["bepalingen"]] + [a["id"] for a in w["artikelen"]]
    assert len(ids) == len(set(ids))
    known = set(ids)
    wetten = {x["id"] for x in w["wetten"]}
    for item in (*w["bepalingen"], *w["artikelen"]):
        assert set((item.get("opvolging") or {}).get("bepalingen", [])) <= known
        assert item.get("wet", "wmo-2007") in wetten
        assert item.get("gewijzigd_door", "wmo-2015") in wetten
        if item.get("geldig_vanaf") and item.get("geldig_tot"):
            assert item["geldig_vanaf"] <= item["geldig_tot"]
    assert {t["bepaling"] for t in w["termijnen"]} <= known


def test_vng_model_is_guidance_not_law(catalog):
    h = {x["id"]: x for x in catalog["wet"]["handreikingen"]}
    vng = h["vng-model-participatieverordening-2024"]
    assert vng["soort"] == "handreiking" and vng["uitgever"] == "VNG"
    assert {b["id"]: b["moment"] for b in vng["begrippen"]} == {"participatieplan": "vooraf",
                                                               "eindverslag": "achteraf"}
    assert not any(b["id"].startswith("vng") for b in catalog["wet"]["bepalingen"])


@pytest.mark.parametrize("where, change", [
    ("bepalingen", {"parafrase": True}),             # a paraphrase must say where to check it
    ("bepalingen", {"geldig_vanaf": "1-1-2015"}),     # dates are YYYY-MM-DD
    ("bepalingen", {"bindt": "inwoners"}),
    ("bepalingen", {"lid": "1"}),
    ("artikelen", {"opvolging": {"soort": "opvolger", "bepalingen": [], "toelichting": "x"}}),
    ("artikelen", {"opvolging": {"soort": "goede-praktijk", "bepalingen": ["wmo2015-art2-1-3-lid3-a"],
                                 "toelichting": "x"}}),
    ("termijnen", {"datum": "2027"}),
])
def test_schema_rejects_bad_legal_entries(catalog, schema, where, change):
    broken = json.loads(json.dumps(catalog))
    broken["wet"][where][0].update(change)
    assert list(Draft202012Validator(schema).iter_errors(broken))


def test_catalog_accessors_for_the_law():
    from datetime import date

    from plancompiler.catalog import get_catalog

    cat = get_catalog()
    assert cat.participatieverordening_uiterlijk == date(2027, 1, 1)
    assert cat.citeer(cat.bepaling("wmo2015-art2-1-3-lid3-b")) == "Wmo 2015 art. 2.1.3 lid 3 sub b"
    assert cat.citeer(cat.bepaling("art12-lid1")) == "Wmo 2007 art. 12 lid 1"
    assert cat.citeer(cat.bepaling("gemw-art150-lid1")) == "Gemw art. 150 lid 1 (tekst vanaf 1-1-2025)"
    assert cat.citeer(cat.bepaling("gemw-art150-lid1-oud")) == "Gemw art. 150 lid 1 (tekst t/m 31-12-2024)"
    assert [p["id"] for p in cat.opvolgers("art12-lid1")] == ["wmo2015-art2-1-3-lid3-b"]
    assert cat.opvolgers("art12-lid2") == []
    # the frame follows the date: Wmo 2007 until 2014, Wmo 2015 after; art. 150 changes in 2025
    on = lambda d: {p["id"] for p in cat.bepalingen_op(d)}  # noqa: E731
    assert "art11-lid1" in on("2014-12-31") and "art11-lid1" not in on(date(2015, 1, 1))
    assert "wmo2015-art2-1-3-lid3" in on("2015-01-01") and "wmo2015-art2-1-3-lid3" not in on("2014-12-31")
    assert "gemw-art150-lid1-oud" in on("2024-12-31") and "gemw-art150-lid1" not in on("2024-12-31")
    assert "gemw-art150-lid1" in on("2025-01-01") and "gemw-art150-lid1-oud" not in on("2025-01-01")
    # a plan's frame: every provision that applied on some day of its period
    period = lambda a, b: {p["id"] for p in cat.bepalingen_in_periode(a, b)}  # noqa: E731
    assert period("2008-03-01", "2009-06-30") == {"art11-lid1", "art11-lid2", "art11-lid3", "art11-lid4",
                                                  "art12-lid1", "art12-lid2", "gemw-art150-lid1-oud",
                                                  "gemw-art150-lid2-oud"}
    assert {"art11-lid1", "wmo2015-art2-1-3-lid3"} <= period("2014-06-01", "2015-06-01")
    assert "gemw-art150-lid1" in period(date(2024, 6, 1), date(2025, 1, 1))
    assert "gemw-art150-lid1" not in period("2024-06-01", "2024-12-31")
    assert cat.letterlijk(cat.bepaling("gemw-art150-lid1")) is None  # only a paraphrase is known
    assert cat.letterlijk(cat.bepaling("art11-lid4")).startswith("Onverminderd het eerste lid")
    assert cat.bron_van(cat.bepaling("wmo2015-art2-1-2-lid6"))["pad"].endswith("BWBR0035362/README.md")
    assert cat.cyclusdeel("uitvoering") == "uitvoering" and cat.cyclusdeel("beleidsplan") == "voorbereiding"
    assert cat.fasen_in_deel("evaluatie") == ["evaluatie"]
    with pytest.raises(KeyError):
        cat.bepaling("art13-lid1")
    with pytest.raises(ValueError):
        cat.geldig_op(cat.bepaling("art11-lid1"), "1 januari 2010")


# --- cross-file consistency ---------------------------------------------------------------------

def test_every_entry_has_a_page(catalog):
    """Each catalog entry (a dict with an id) cites its page, except rows that live under an
    entry which already does (problematiek, procestest columns/questions, answer options,
    the law's articles: p. 4 on `wet`) and the current law, which cites article and source."""
    exempt = {"problematiek", "kolommen", "vragen", "antwoorden", "artikelen",
              # the law cites article and source instead of a brochure page
              "wetten", "bepalingen", "termijnen", "handreikingen", "begrippen"}
    missing = []

    def walk(node, path):
        if isinstance(node, dict):
            if "id" in node and "pagina" not in node and path[-2] not in exempt:
                missing.append("/".join(map(str, path)))
            for k, v in node.items():
                walk(v, path + [k])
        elif isinstance(node, list):
            for n, v in enumerate(node):
                walk(v, path + [n])

    walk(catalog, ["catalog"])
    assert missing == []
