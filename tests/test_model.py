"""The typed model: it mirrors the plan's keys, every catalog name of a plan field is an attribute,
and nothing reaches into the plan's data by path."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from plancompiler import model
from plancompiler.catalog import get_catalog
from plancompiler.compiler import compile_file
from plancompiler.load import load_text
from plancompiler.render.context.plan_parts import plan_part

from rules.helpers import BASE, append, compile_text, edit

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.plan.yaml"))
SCHEMA = json.loads((ROOT / "schema" / "plan.schema.json").read_text(encoding="utf-8"))
CATALOG_SCHEMA = json.loads((ROOT / "catalog" / "catalog.schema.json").read_text(encoding="utf-8"))

# Section key in the plan → the model class that holds it.
SECTIONS = {
    "gemeente": model.Gemeente, "visie": model.Visie, "ambitie": model.Ambitie,
    "interactie": model.Interactie, "werving": model.Werving, "draagvlak": model.Draagvlak,
    "spelregels": model.Spelregels, "terugkoppeling": model.Terugkoppeling,
    "vertegenwoordiging": model.Vertegenwoordiging, "evaluatie": model.Evaluatie,
    "participatieverordening": model.Participatieverordening, "adviesraad": model.Adviesraad,
    "participatieplan": model.Participatieplan, "eindverslag": model.Eindverslag,
}
NESTED = {
    ("gemeente", "contact"): model.Contact, ("werving", "doel"): model.WervingsDoel,
    ("werving", "boodschap"): model.Boodschap, ("werving", "organisatie"): model.WervingsOrganisatie,
    ("draagvlak", "college"): model.College, ("draagvlak", "raad"): model.Raad,
    ("draagvlak", "wmo_advies"): model.WmoAdvies,
    ("participatieverordening", "artikelen"): model.VerordeningArtikelen,
}
# Plan keys the model names differently, with the reason.
ACTIVITY_RENAMES = {"instrument": "instrument_naam",  # .instrument is the resolved catalog entry
                    "trede": "trede_opgegeven"}  # .trede(catalog) is the rung it works at


def resolve(node: dict) -> dict:
    ref = node.get("$ref")
    if ref:
        for part in ref[2:].split("/"):
            node = SCHEMA[part] if part in SCHEMA else node[part]
        return resolve(node)
    return node


def props(*path: str) -> set[str]:
    node = SCHEMA
    for key in path:
        node = resolve(node["properties"][key])
    return set(resolve(node).get("properties", {}))


@pytest.fixture(scope="module")
def plans():
    return {p.name.split(".")[0]: compile_file(p).plan for p in EXAMPLES}


# -- the model mirrors the schema ------------------------------------------------------------------

@pytest.mark.parametrize("key", sorted(SECTIONS))
def test_every_key_of_a_section_is_a_model_attribute(key):
    fields = set(SECTIONS[key]._fields)
    assert props(key), "the schema lists the section's keys"
    assert props(key) <= fields, props(key) - fields
    assert key in model.Plan._fields


@pytest.mark.parametrize("path", sorted(NESTED), ids="/".join)
def test_every_key_of_a_subsection_is_a_model_attribute(path):
    assert props(*path)
    assert props(*path) <= set(NESTED[path]._fields), props(*path) - set(NESTED[path]._fields)


def test_every_activity_key_is_an_activity_attribute():
    activity = resolve(resolve(resolve(SCHEMA["properties"]["fasen"])["items"])["properties"]["activiteiten"])
    keys = set(resolve(activity["items"])["properties"])
    assert {"id", "instrument", "tafelgrootte", "budget_eur"} <= keys
    names = {ACTIVITY_RENAMES.get(k, k) for k in keys}
    assert names <= set(model.Activiteit._fields), names - set(model.Activiteit._fields)


def test_every_top_level_key_is_modelled():
    handled = {"plancompiler",  # the format version, checked by the schema only
               "periode"}  # Plan.start and Plan.eind
    missing = {k for k in SCHEMA["properties"] if k not in handled and k not in model.Plan._fields}
    assert missing == set()


def test_the_generic_accessors_are_gone():
    for name in ("raw", "section", "get", "text"):
        assert not hasattr(model.Plan, name), name
    assert not hasattr(model.Activiteit, "raw")


# -- catalog names of plan fields are model attributes ----------------------------------------------

def test_every_catalog_veld_is_one_activity_attribute():
    cat = get_catalog()
    velden = {e["veld"] for i in cat.data["instrumenten"]["instrumenten"]
              for e in (i.get("deel_b") or {}).get("eisen", ()) if "veld" in e}
    allowed = set(CATALOG_SCHEMA["$defs"]["eis"]["properties"]["veld"]["enum"])
    assert velden and velden <= allowed
    assert allowed == model.EIS_VELDEN  # the catalog schema and the model agree on the names
    a = compile_text(BASE).plan.activiteit("cafe")
    for veld in sorted(allowed):
        assert veld in model.Activiteit._fields
        assert a.veld(veld) == getattr(a, veld)
    assert a.veld("tafelgrootte") == 8 and a.heeft("tafelgrootte") and not a.heeft("voorzitter")
    with pytest.raises(AttributeError):
        a.veld("datum")  # a real attribute, but no eis may name it


@pytest.mark.parametrize("section, cls", [("spelregels", model.Spelregels), ("raad_vragen", model.Raad),
                                          ("boodschap", model.Boodschap),
                                          ("vertegenwoordiging", model.Vertegenwoordiging)])
def test_catalog_ids_that_name_plan_fields_are_attributes(section, cls):
    ids = [item["id"] for item in getattr(get_catalog(), section)]
    assert ids and set(ids) <= set(cls._fields) - {"ptr"}


def test_every_law_pointer_resolves_through_the_model(plans):
    pointers = [p for art in get_catalog().wet["artikelen"] for p in art.get("plan") or ()]
    assert pointers
    for plan in plans.values():
        for pointer in pointers:
            plan_part(plan, pointer)  # raises LookupError for a part the model lacks
    velsen = plans["velsen"]
    assert plan_part(velsen, "/draagvlak/wmo_advies") is velsen.draagvlak.wmo_advies
    assert plan_part(velsen, "/werving/moeilijk_bereikbaar") == velsen.werving.moeilijk_bereikbaar != ""
    assert plan_part(velsen, "/fasen/0/activiteiten/0") is velsen.fasen[0].activiteiten[0]
    with pytest.raises(LookupError):
        plan_part(velsen, "/werving/bestaat_niet")


# -- values, pointers and absence ---------------------------------------------------------------------

def test_sections_carry_values_and_pointers():
    plan = compile_text(BASE).plan
    assert plan.werving.doel == model.WervingsDoel("Binnen vier maanden dertig organisaties laten meedoen.",
                                                   30, 4, "Twee avonden.", "/werving/doel")
    assert plan.werving.middelen[0].ptr == "/werving/middelen/0" and plan.werving.middelen[0].persoonlijk
    assert plan.werving.persoonlijk_benaderd("jongeren") and not plan.werving.persoonlijk_benaderd("migranten")
    assert plan.draagvlak.college.aanwezig_bij == ("cafe",) and plan.draagvlak.college.betrokken
    assert str(plan.draagvlak.wmo_advies.datum) == "2027-10-01"
    assert plan.terugkoppeling == model.Terugkoppeling(21, 14, 7, True)
    assert plan.kernvoorwaarde("geschikte_problematiek").ptr == "/kernvoorwaarden/geschikte_problematiek"
    assert plan.kernvoorwaarde("geschikte_problematiek").uitgekristalliseerd == "onvoldoende"
    assert plan.evaluatie.door == "De beleidsmedewerker met het steunpunt." and plan.vertegenwoordiging is None
    assert plan.uitzonderingen == () and plan.begroting == (model.Post("Bijeenkomsten", 5000, "", "/begroting/0"),)


def test_absent_sections_are_none_and_absent_prose_is_empty():
    text = BASE.split("werving:\n", 1)[0]  # everything from werving on is left out
    plan = compile_text(text).plan
    assert (plan.werving, plan.draagvlak, plan.spelregels, plan.terugkoppeling, plan.evaluatie) == (None,) * 5
    plan = compile_text(edit(("    tekst: Binnen vier maanden dertig organisaties laten meedoen.\n", ""))).plan
    assert plan.werving.doel.tekst == ""
    assert not model.stated(None) and not model.stated(model.Terugkoppeling(None, None, None, None))
    assert model.stated(model.Terugkoppeling(None, None, None, False))
    assert not model.stated(model.College("", ())) and model.stated(model.College("", ("cafe",)))
    assert not model.stated(model.Evaluatie(None, "", model.EMPTY, ""))


def test_invulplekken_are_the_pointers_of_texts_with_the_placeholder():
    plan = compile_text(edit(("  naam: Teststad", "  naam: Teststad [invullen]"),
                             ("      - id: inspraak\n", "      - id: inspraak\n        naam: \"[invullen]\"\n"))).plan
    assert plan.invulplekken == ("/gemeente/naam", "/fasen/2/activiteiten/0/naam")
    waiver = append("uitzonderingen:\n  - regel: fasen-volgorde\n    pad: /a~1b\n    reden: \"[invullen] x\"\n")
    assert compile_text(waiver).plan.invulplekken == ("/uitzonderingen/0/reden",)
    assert compile_text(BASE).plan.invulplekken == ()
    data = load_text(BASE, "plan.yaml").data
    data["ambitie"]["risicos"]["a/b~c"] = "[invullen]"  # pointer tokens are escaped (RFC 6901)
    assert model.build(data, get_catalog(), "plan.yaml").invulplekken == ("/ambitie/risicos/a~1b~0c",)


def test_has_followup_only_counts_later_activities():
    plan = compile_text(BASE).plan
    enquete, cafe, inspraak = plan.activiteiten
    assert plan.has_followup(enquete) and plan.has_followup(cafe) and not plan.has_followup(inspraak)


def test_the_model_is_immutable():
    plan = compile_text(BASE).plan
    with pytest.raises(AttributeError):
        plan.werving.doel.aantal = 3
    with pytest.raises(TypeError):
        plan.kernvoorwaarden["openheid"] = None
    with pytest.raises(TypeError):
        plan.ambitie.risicos["nieuw"] = "x"


def test_model_build_does_not_keep_the_loaded_data():
    loaded = load_text(BASE, "plan.yaml")
    plan = model.build(loaded.data, get_catalog(), "plan.yaml")
    loaded.data["werving"]["doel"]["aantal"] = 999  # the model holds values, not views of the data
    assert plan.werving.doel.aantal == 30
