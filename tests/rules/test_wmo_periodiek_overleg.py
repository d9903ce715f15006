from .helpers import BASE, check, edit, messages

RULE = "wmo-periodiek-overleg"
UITVOERING = edit(("  - fase: beleidsplan", "  - fase: uitvoering"))
RAAD = "adviesraad: {naam: Adviesraad Sociaal Domein Teststad, ongevraagd_advies: true}"


def test_fires_at_the_uitvoering_phase_without_periodic_consultation():
    assert check(UITVOERING, RULE) == [(RULE, "info", 58, 5)]
    [msg] = messages(UITVOERING, RULE)
    assert "Wmo 2015 art. 2.1.3 lid 3 sub d en e" in msg and "'adviesraad.overleg'" in msg
    assert "vrijwilligerspanel, vrijwilligersnetwerk of klankbordgroep" in msg


def test_silent_with_a_structure_in_uitvoering():
    plan = edit(("        instrument: inspraakavonden", "        instrument: klankbordgroep"), text=UITVOERING)
    assert check(plan, RULE) == []


def test_silent_when_the_adviesraad_meets_periodically():
    plan = edit((RAAD, RAAD.replace("}", ", overleg: elk kwartaal}")), text=UITVOERING)
    assert check(plan, RULE) == []


def test_silent_without_uitvoering_and_under_the_wmo_2007():
    assert check(BASE, RULE) == []
    assert check(UITVOERING.replace("2027-", "2008-").replace("2026-", "2007-"), RULE) == []
