"""instrument-eis: the requirements of the six part-B instruments (catalog ``deel_b.eisen``)."""
import pytest

from plancompiler.catalog import get_catalog

from .helpers import assert_blank_is_shape_error, BASE, check, edit, messages

RULE = "instrument-eis"

# The base plan's café (lines 51-57) is turned into each part-B instrument in turn.
CAFE = "instrument: vrijwilligerscafe"


def as_instrument(instrument: str, doel: str, *more):
    return edit((CAFE, f"instrument: {instrument}"), ("        doel: verrijking", f"        doel: {doel}"), *more)


def test_the_catalog_has_the_six_part_b_instruments_with_these_requirements():
    eisen = {i["id"]: [e.get("veld") or "vervolg" for e in i["deel_b"].get("eisen", ())]
             for i in get_catalog().instrumenten if i.get("deel_b")}
    assert eisen == {
        "digimon-enquete": ["vervolg"],
        "vrijwilligersdebat": [],  # the gespreksleider (p. 40): gespreksleider-ontbreekt, for every debate form
        "vrijwilligerscafe": ["deelnemers", "tafelgrootte"],
        "buurt-aan-zet": ["mandaat", "budget_eur"],
        "stakeholdersdialoog": ["panels"],
        "vrijwilligersbeurs": ["vervolg"],  # trekkers are appointed during the beurs (p. 43)
    }


# -- vrijwilligerscafé: tables of 5 to 10, at most 200 participants (p. 41-42) ---------------------
@pytest.mark.parametrize("size", [4, 11, 20])
def test_cafe_table_size_outside_5_to_10(size):
    plan = edit(("        tafelgrootte: 8", f"        tafelgrootte: {size}"))
    assert check(plan, RULE) == [(RULE, "warning", 56, 23)]
    [msg] = messages(plan, RULE)
    assert "5 tot 10 deelnemers per tafel" in msg and "Pas 'tafelgrootte' aan" in msg and "p. 41-42" in msg


@pytest.mark.parametrize("size", [5, 10])
def test_cafe_table_size_on_the_bounds(size):
    assert check(edit(("        tafelgrootte: 8", f"        tafelgrootte: {size}")), RULE) == []


def test_cafe_more_than_200_participants():
    plan = edit(("        deelnemers: 60", "        deelnemers: 201"))
    assert check(plan, RULE) == [(RULE, "warning", 55, 21)]
    assert "Maximaal 200 deelnemers" in messages(plan, RULE)[0]
    assert check(edit(("        deelnemers: 60", "        deelnemers: 200")), RULE) == []


def test_cafe_both_requirements_unmet():
    plan = edit(("        deelnemers: 60\n        tafelgrootte: 8", "        deelnemers: 250\n        tafelgrootte: 12"))
    assert check(plan, RULE) == [(RULE, "warning", 55, 21), (RULE, "warning", 56, 23)]


def test_cafe_without_sizes_is_not_judged():
    # A range is checked when the plan states it; nothing is invented.
    plan = edit(("        deelnemers: 60\n        tafelgrootte: 8\n", ""))
    assert check(plan, RULE) == []


# -- vrijwilligersdebat: the gespreksleider is checked by gespreksleider-ontbreekt (p. 40) -----------
def test_debat_without_chair_is_reported_once_by_gespreksleider_ontbreekt():
    plan = edit((CAFE, "instrument: vrijwilligersdebat"))
    assert check(plan, RULE) == []
    assert check(plan, "gespreksleider-ontbreekt") == [("gespreksleider-ontbreekt", "warning", 52, 21)]


# -- Digimon-enquête: a follow-up (p. 39) ----------------------------------------------------------
def test_digimon_without_follow_up_is_reported_once_by_vervolg_ontbreekt():
    plan = edit(("instrument: enquete\n", "instrument: digimon-enquete\n"), ("        bouwt_voort_op: [enquete]\n", ""))
    # the catalog marks the Digimon-enquête vervolg_nodig: one finding, one waiver
    assert check(plan, RULE) == []
    assert check(plan, "vervolg-ontbreekt") == [("vervolg-ontbreekt", "warning", 44, 21)]


def test_digimon_with_follow_up():
    assert check(edit(("instrument: enquete\n", "instrument: digimon-enquete\n")), RULE) == []


# -- vrijwilligersbeurs: a follow-up, no trekkers in advance (p. 43-44) ----------------------------
def test_beurs_without_trekkers_is_fine():
    """p. 43: "Tijdens de beurs worden er een aantal trekkers aangewezen"; p. 44, 11.30 uur."""
    plan = as_instrument("vrijwilligersbeurs", "samenwerking")  # 'inspraak' builds on it: follow-up ok
    assert check(plan, RULE) == []
    plan = as_instrument("vrijwilligersbeurs", "samenwerking",
                         ("        tafelgrootte: 8", "        themas: {aantal: 6}"))
    assert check(plan, RULE) == []


def test_beurs_without_follow_up_is_reported_once_by_vervolg_ontbreekt():
    plan = as_instrument("vrijwilligersbeurs", "samenwerking", ("        bouwt_voort_op: [cafe]\n", ""))
    assert check(plan, RULE) == []
    assert check(plan, "vervolg-ontbreekt") == [("vervolg-ontbreekt", "warning", 52, 21)]


# -- stakeholdersdialoog: two panels (p. 45) -------------------------------------------------------
def test_dialoog_without_panels():
    plan = as_instrument("stakeholdersdialoog", "ambitie")
    assert check(plan, RULE) == [(RULE, "warning", 52, 21)]
    assert "Vul 'panels' in." in messages(plan, RULE)[0]


def test_dialoog_with_one_panel():
    plan = as_instrument("stakeholdersdialoog", "ambitie", ("        tafelgrootte: 8", "        panels: [Vrijwilligerspanel]"))
    assert check(plan, RULE) == [(RULE, "warning", 56, 17)]
    assert "Twee panels" in messages(plan, RULE)[0]


def test_dialoog_with_two_panels():
    plan = as_instrument("stakeholdersdialoog", "ambitie",
                         ("        tafelgrootte: 8", "        panels: [Vrijwilligerspanel, Professionalspanel]"))
    assert check(plan, RULE) == []


# -- buurt aan zet: a mandated steering group and a budget (p. 45) ---------------------------------
def test_buurt_aan_zet_without_mandate_and_budget():
    plan = as_instrument("buurt-aan-zet", "verrijking")
    assert check(plan, RULE) == [(RULE, "warning", 52, 21)] * 2
    assert sorted(m.split("Vul '")[1].split("'")[0] for m in messages(plan, RULE)) == ["budget_eur", "mandaat"]


def test_buurt_aan_zet_with_mandate_false_and_zero_budget():
    plan = as_instrument("buurt-aan-zet", "verrijking",
                         ("        deelnemers: 60\n        tafelgrootte: 8", "        mandaat: false\n        budget_eur: 0"))
    assert check(plan, RULE) == [(RULE, "warning", 55, 18), (RULE, "warning", 56, 21)]


def test_buurt_aan_zet_complete():
    plan = as_instrument("buurt-aan-zet", "verrijking",
                         ("        deelnemers: 60\n        tafelgrootte: 8", "        mandaat: true\n        budget_eur: 5000"))
    assert check(plan, RULE) == []


def test_silent_on_base_and_for_instruments_without_part_b():
    assert check(BASE, RULE) == []
    assert check(edit((CAFE, "instrument: meedenksessies")), RULE) == []
